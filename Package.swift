// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Twofold",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "twofold", targets: ["twofold"]),
        .library(name: "TwofoldCore", targets: ["TwofoldCore"]),
        // For the in-process benchmarks (the separate Benchmarks/ package).
        .library(name: "TwofoldReports", targets: ["TwofoldReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // The pure core: model, loading, diagnostics, rules, analysis, engine and scoring.
        // No disk, terminal or clock in here: it takes bytes and returns values.
        .target(name: "TwofoldCore"),
        // Learner and group reports: a versioned model and pure renderers (md, json, html, csv, xAPI).
        .target(name: "TwofoldReports", dependencies: ["TwofoldCore"]),
        // GNU readline, linked from the system (Debian: libreadline-dev).
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // The records store: sessions and attempts in SQLite (WAL), versioned and migrated.
        .target(
            name: "TwofoldStore",
            dependencies: ["TwofoldCore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // Learning records for an organisation's learning record store: configuration, the
        // xAPI client, the outbox's delivery worker and the reader that rebuilds cohorts.
        .target(
            name: "TwofoldLRS",
            dependencies: [
                "TwofoldCore", "TwofoldReports", "TwofoldStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // libqrencode, linked from the system (Debian: libqrencode-dev), for the join QR code.
        .systemLibrary(name: "CQRencode", providers: [.apt(["libqrencode-dev"])]),
        // Room mode: the HTTP and WebSocket server participants' phones and the presenter
        // view talk to, its pages, join codes, tokens, and the terminal QR code.
        .target(
            name: "TwofoldRoom",
            dependencies: [
                "TwofoldCore", "TwofoldApp", "CQRencode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The application layer: the scenario source and library, the play, group and cohort
        // services (built from a store, a report sink and a clock), learning-record delivery,
        // the file-system seam.
        .target(name: "TwofoldApp", dependencies: ["TwofoldCore", "TwofoldReports", "TwofoldStore", "TwofoldLRS"]),
        // The terminal layer: line editing, history, completion, signals, wrapped text, and
        // the play, facilitation and menu screens over the application's sessions.
        .target(name: "TwofoldTerminal", dependencies: ["TwofoldCore", "TwofoldApp", "TwofoldStore", "TwofoldRoom", "CReadline"]),
        // The command-line executable: argument parsing and printing over the application layer.
        .executableTarget(
            name: "twofold",
            dependencies: [
                "TwofoldCore", "TwofoldReports", "TwofoldApp", "TwofoldTerminal", "TwofoldLRS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets: libFuzzer with -DFUZZING (Scripts/fuzz), a replayer of files otherwise.
        .executableTarget(name: "twofold-fuzz", dependencies: ["TwofoldCore", "TwofoldReports"], path: "Sources/twofold-fuzz"),
        // What every test target shares, on Foundation alone: the repository and its fixtures,
        // temporary folders, the seeded random generator, and running a child process with a
        // deadline.
        .target(name: "TwofoldTestSupport", path: "Tests/TwofoldTestSupport"),
        // A real learning record store for tests: Ralph on loopback, run by Scripts/ralph.
        .target(name: "TwofoldLRSTestSupport", dependencies: ["TwofoldLRS", "TwofoldTestSupport"],
                path: "Tests/TwofoldLRSTestSupport"),
        .testTarget(name: "TwofoldCoreTests", dependencies: ["TwofoldCore", "TwofoldTestSupport"]),
        .testTarget(name: "TwofoldReportsTests", dependencies: ["TwofoldReports", "TwofoldTestSupport"]),
        .testTarget(name: "TwofoldTerminalTests", dependencies: ["TwofoldTerminal", "TwofoldApp", "TwofoldTestSupport"]),
        .testTarget(name: "TwofoldStoreTests", dependencies: ["TwofoldStore", "TwofoldTestSupport"]),
        .testTarget(
            name: "TwofoldAppTests",
            dependencies: ["TwofoldApp", "TwofoldStore", "TwofoldReports", "TwofoldCore", "TwofoldTestSupport"]
        ),
        // Against a real learning record store (Ralph), started by the tests on loopback.
        .testTarget(name: "TwofoldLRSTests", dependencies: ["TwofoldLRS", "TwofoldLRSTestSupport", "TwofoldTestSupport"]),
        .testTarget(
            name: "TwofoldRoomTests",
            dependencies: [
                "TwofoldRoom", "TwofoldApp", "TwofoldCore", "TwofoldTestSupport",
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ]
        ),
        // End-to-end: runs the built binary, through pipes and a real pseudo-terminal.
        // It also replays the committed fuzz corpus through the built `twofold-fuzz`.
        .testTarget(
            name: "TwofoldCLITests",
            dependencies: ["twofold", "twofold-fuzz", "TwofoldLRSTestSupport", "TwofoldTestSupport"]
        ),
    ]
)
