import Benchmark
import BenchmarkInputs
import Foundation
import TwofoldCore

/// The phases of `twofold lint` on one file, each on its own (the earlier phases run in
/// the setup): reading the bytes, decoding them, the graph analysis, and the rules
/// (which include turning offsets into lines and columns and sorting the findings).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident] + (countsAllocations ? [.mallocCountTotal] : []), timeUnits: .nanoseconds,
        warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 7
    )
    for input in BenchmarkInput.list("TWOFOLD_BENCH_LOAD") {
        Benchmark("read \(input.label)") { _ in
            blackHole(input.data())
        }
        Benchmark("decode \(input.label)") { _, data in
            blackHole(ScenarioLoader.decode(data, file: input.path))
        } setup: {
            input.data()
        }
        Benchmark("analysis \(input.label)") { _, scenario in
            blackHole(ScenarioAnalysis(scenario))
        } setup: {
            guard let scenario = ScenarioLoader.decode(input.data(), file: input.path).scenario else {
                fatalError("\(input.path) is not a readable scenario")
            }
            return scenario
        }
        Benchmark("rules \(input.label)") { _, loaded in
            blackHole(Linter.lint(loaded.document, analysis: loaded.analysis))
        } setup: {
            let document = ScenarioLoader.decode(input.data(), file: input.path)
            guard let scenario = document.scenario else { fatalError("\(input.path) is not a readable scenario") }
            return (document: document, analysis: ScenarioAnalysis(scenario))
        }
    }
}
