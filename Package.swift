// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bcd",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bcd", targets: ["bcd"]),
        .library(name: "BCDKit", targets: ["BCDKit"]),
        .library(name: "BootCore", targets: ["BootCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", exact: "0.27.1"),
    ],
    targets: [
        // C libraries, wrapped by thin typed Swift layers (no C types leak past them).
        .systemLibrary(name: "CHivex", path: "Sources/CHivex"),
        .systemLibrary(name: "CWimlib", path: "Sources/CWimlib"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),

        // Boot payload core: no Foundation, compiles with Embedded Swift too (checked by scripts/test.d/20-bootcore-embedded.sh).
        .target(name: "BootCore", path: "Sources/BootCore"),

        // BCD stores: hive access, model, names, devices, safe save.
        .target(name: "BCDKit", dependencies: ["CHivex", "BootCore"], path: "Sources/BCDKit"),

        // Validation: will this BCD boot with these files? (`bcd check`, the editor's diagnostics)
        .target(name: "BCDCheck", dependencies: ["BCDKit", "BootCore", "CWimlib"], path: "Sources/BCDCheck"),

        // Serving a workspace read-only over HTTP (bcd serve, bcd boot --mode http), over FlyingFox.
        .target(name: "BCDServe", dependencies: [.product(name: "FlyingFox", package: "FlyingFox")], path: "Sources/BCDServe"),

        // Test boots: validate, build the loader, stage, run QEMU/OVMF, classify (bcd boot).
        .target(name: "BCDBoot", dependencies: ["BCDKit", "BootCore", "BCDCheck", "BCDServe", "CZlib"], path: "Sources/BCDBoot"),

        // The terminal editor (bcd edit): model, view over ncursesw, key map, themes.
        .target(name: "BCDEditor", dependencies: ["BCDKit", "BCDCheck", "BCDBoot", "CNcursesw", .product(name: "TOMLKit", package: "TOMLKit")],
                path: "Sources/BCDEditor"),

        // libcurl's entry points as stubs, so that the static build loads no libcurl (see the file).
        .target(name: "CurlAbsent", path: "Sources/CurlAbsent"),

        .executableTarget(
            name: "bcd",
            dependencies: [
                "BCDKit", "BootCore", "BCDCheck", "BCDEditor", "BCDBoot", "BCDServe", "CurlAbsent",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/bcd"
        ),

        // Running `bcd` and external tools from the test targets (a missing tool fails, never skips).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BCDKitTests", dependencies: ["BCDKit"], path: "Tests/BCDKitTests"),
        .testTarget(name: "BootCoreTests", dependencies: ["TestSupport", "BootCore", "BCDKit", "CWimlib"], path: "Tests/BootCoreTests"),
        .testTarget(name: "BCDCheckTests", dependencies: ["TestSupport", "BCDCheck", "BCDKit"], path: "Tests/BCDCheckTests"),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "BCDKit"], path: "Tests/CLITests"),
        .testTarget(name: "BCDBootTests", dependencies: ["BCDBoot", "BCDCheck", "BCDKit", "BCDServe"], path: "Tests/BCDBootTests"),
        .testTarget(name: "BCDServeTests", dependencies: ["BCDServe"], path: "Tests/BCDServeTests"),
        .testTarget(name: "EditorTests", dependencies: ["TestSupport", "BCDEditor", "BCDKit"], path: "Tests/EditorTests"),
    ]
)
