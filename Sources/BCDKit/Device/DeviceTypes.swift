import BootCore

/// Device element values are decoded and encoded by BootCore (BcdDeviceElement and its
/// parts, read by BcdDeviceReader); BCDKit names them as before. DeviceSyntax adds bcdedit's
/// text form.
public typealias DeviceElement = BcdDeviceElement
public typealias DeviceDescriptor = BcdDeviceDescriptor
public typealias PartitionIdentity = BcdPartitionIdentity
public typealias RamdiskImage = BcdRamdiskImage
public typealias FilePath = BcdFilePath
public typealias Locate = BcdLocate
