import Benchmark
import BenchmarkInputs
import Foundation
import TwofoldCore

/// Steps per iteration: Scripts/bench sets it (and divides by it).
let stepsPerIteration = environmentCount("TWOFOLD_BENCH_STEPS", default: 1_000_000)

/// The play engine alone, with the store off: seeded choices among those offered,
/// restarting at every ending, on scenarios of different sizes. A step should cost the
/// same whatever the size of the scenario.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal] + (countsAllocations ? [.mallocCountTotal] : []), timeUnits: .nanoseconds,
        warmupIterations: 2, maxDuration: .seconds(20), maxIterations: 25
    )
    for input in BenchmarkInput.list("TWOFOLD_BENCH_ENGINE") {
        // As the play loop steps: the offered choices listed, then one taken.
        Benchmark("engine steps \(input.label)") { _, loaded in
            walk(loaded) { $0.offeredChoices().count }
        } setup: {
            load(input)
        }
        // The engine alone: only the number of offered choices is asked for.
        Benchmark("engine choices \(input.label)") { _, loaded in
            walk(loaded) { $0.offeredCount }
        } setup: {
            load(input)
        }
    }
}

let now = Date(timeIntervalSince1970: 1_700_000_000)

/// An engine at the start of a playable scenario (set up once, outside the measurement).
func load(_ input: BenchmarkInput) -> Engine {
    let result = ScenarioLoader.load(input.data(), file: input.path)
    guard let scenario = result.playable else { fatalError("\(input.path) has \(result.errorCount) error(s)") }
    return Engine(scenario: scenario, fingerprint: "benchmark", at: now, analysis: result.analysis)
}

/// Takes `stepsPerIteration` steps from `start`: a seeded choice among those offered
/// (`offered` says how many), or a restart at an ending.
func walk(_ start: Engine, offered: (Engine) -> Int) {
    var engine = start
    var picks = ChoiceSequence(seed: 20_240_601)
    for _ in 0..<stepsPerIteration {
        if engine.phase == .finished {
            engine.restart(at: now)
            continue
        }
        do {
            try engine.choose(picks.next(below: offered(engine)) + 1, at: now)
        } catch {
            fatalError("engine error: \(error)")
        }
    }
    blackHole(engine.state.turn)
}
