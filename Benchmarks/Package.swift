// swift-tools-version: 6.1
// In-process benchmarks of Twofold's libraries on ordo-one/benchmark, so every figure
// comes with its allocations. A package of its own, depending on the root package by
// path: the root package's build (and CI's) never compiles it. Run through
// `Scripts/bench --section phases,engine,parsing`, which generates the inputs and prints
// the ratios, or directly: `swift package --package-path Benchmarks benchmark`.
import PackageDescription

import class Foundation.ProcessInfo

// Allocations are counted by the benchmark package's malloc interposer, whose bookkeeping
// on every allocation also slows allocation-heavy code (decoding) several times over.
// Scripts/bench therefore builds this package twice, in two scratch folders: as is, for
// allocation counts, and with TWOFOLD_BENCH_TIMING=1 (no interposer), for times.
let countsAllocations = ProcessInfo.processInfo.environment["TWOFOLD_BENCH_TIMING"] == nil

let benchmark: [Target.Dependency] = [.product(name: "Benchmark", package: "benchmark"), "BenchmarkInputs"]
let plugins: [Target.PluginUsage] = [.plugin(name: "BenchmarkPlugin", package: "benchmark")]

let package = Package(
    name: "TwofoldBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Twofold", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1",
                 traits: countsAllocations ? ["MallocInterposer"] : []),
    ],
    targets: [
        // Where the inputs are: scenario files named in the environment by Scripts/bench.
        .target(name: "BenchmarkInputs", path: "Benchmarks/Inputs"),
        // Read, decode, analysis and rules, per scenario size.
        .executableTarget(
            name: "LoadPhases",
            dependencies: benchmark + [.product(name: "TwofoldCore", package: "Twofold")],
            path: "Benchmarks/LoadPhases", plugins: plugins
        ),
        // Play-engine steps with the store off, per scenario size.
        .executableTarget(
            name: "EngineSteps",
            dependencies: benchmark + [.product(name: "TwofoldCore", package: "Twofold")],
            path: "Benchmarks/EngineSteps", plugins: plugins
        ),
        // Reading a learner report: the cohort's field reader and whole-report decoding.
        .executableTarget(
            name: "ReportParsing",
            dependencies: benchmark + [.product(name: "TwofoldReports", package: "Twofold")],
            path: "Benchmarks/ReportParsing", plugins: plugins
        ),
    ]
)
