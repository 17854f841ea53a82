@_cdecl("ldr_swift_ping") public func ldrSwiftPing(_ x: Int) -> Int { var a: [Int] = []; for i in 0..<x { a.append(i) }; return a.reduce(0, +) }
