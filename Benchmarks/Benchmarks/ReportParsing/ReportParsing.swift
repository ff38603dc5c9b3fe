import Benchmark
import BenchmarkInputs
import Foundation
import TwofoldReports

/// Reports read per iteration: Scripts/bench sets it (and divides by it).
let reportsPerIteration = environmentCount("TWOFOLD_BENCH_REPORTS", default: 10_000)

/// A real learner report (the golden fixture), read the two ways the project can:
/// the cohort's reader, which takes out only the fields a debrief uses, and decoding
/// the whole report with Foundation's JSONDecoder.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal] + (countsAllocations ? [.mallocCountTotal] : []), timeUnits: .nanoseconds,
        warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 30
    )
    let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/reports/golden.json")
    guard let report = FileManager.default.contents(atPath: fixture.path) else {
        fatalError("cannot read \(fixture.path)")
    }
    Benchmark("report fields") { _ in
        for _ in 0..<reportsPerIteration { blackHole(try? CohortRow.read(report)) }
    }
    Benchmark("report decoded") { _ in
        for _ in 0..<reportsPerIteration { blackHole(try? LearnerReport.decodeJSON(report)) }
    }
}
