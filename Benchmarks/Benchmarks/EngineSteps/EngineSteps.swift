import Benchmark
import BenchmarkInputs
import Foundation
import TwofoldCore

/// Steps per iteration (Scripts/bench divides by the same number).
let stepsPerIteration = 100_000

/// The play engine alone, with the store off: seeded choices among those offered,
/// restarting at every ending, on scenarios of different sizes. A step should cost the
/// same whatever the size of the scenario.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .nanoseconds,
        warmupIterations: 2, maxDuration: .seconds(20), maxIterations: 25
    )
    for input in BenchmarkInput.list("TWOFOLD_BENCH_ENGINE") {
        Benchmark("engine steps \(input.label)") { _, loaded in
            let now = Date(timeIntervalSince1970: 1_700_000_000)
            var engine = Engine(scenario: loaded.scenario, fingerprint: "benchmark", at: now, analysis: loaded.analysis)
            var picks = ChoiceSequence(seed: 20_240_601)
            for _ in 0..<stepsPerIteration {
                if engine.phase == .finished {
                    engine.restart(at: now)
                    continue
                }
                let offered = engine.offeredChoices().count
                do {
                    try engine.choose(picks.next(below: offered) + 1, at: now)
                } catch {
                    fatalError("engine error: \(error)")
                }
            }
            blackHole(engine.state.turn)
        } setup: {
            let result = ScenarioLoader.load(input.data(), file: input.path)
            guard let scenario = result.playable else { fatalError("\(input.path) has \(result.errorCount) error(s)") }
            return (scenario: scenario, analysis: result.analysis)
        }
    }
}
