import BootCore

/// Element values are decoded and encoded by BootCore (`BcdElementValue`); BCDKit adds the
/// registry value they are stored as.
public typealias ElementValue = BcdElementValue

extension BcdElementValue {
    /// Decodes `raw` as `format`; nil when the bytes are not exactly that format.
    public init?(decoding raw: RegistryValue, as format: ElementFormat) {
        self.init(data: raw.data, format: format)
    }

    /// The registry value Windows would store for this value.
    public var encoded: RegistryValue { RegistryValue(type: format.registryType, data: data) }
}
