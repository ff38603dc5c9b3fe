// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Twofold",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "twofold", targets: ["twofold"]),
        .library(name: "TwofoldCore", targets: ["TwofoldCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The pure core: model, loading, diagnostics, rules, analysis, engine and scoring.
        // No disk, terminal or clock in here: it takes bytes and returns values.
        .target(name: "TwofoldCore"),
        // The command-line executable: thin subcommands over the libraries.
        .executableTarget(
            name: "twofold",
            dependencies: [
                "TwofoldCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TwofoldCoreTests",
            dependencies: ["TwofoldCore"]
        ),
        .testTarget(
            name: "TwofoldCLITests",
            dependencies: ["twofold"]
        ),
    ]
)
