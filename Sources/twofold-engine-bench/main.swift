// Measures the play engine alone (no store, no terminal): loads a scenario file, then
// takes seeded random choices, restarting whenever an ending is reached, and prints
// the steps per second (of wall time and of CPU time) as one JSON object on standard output.
//
// Usage: twofold-engine-bench SCENARIO.json [--steps N] [--seed S]
// Used by Scripts/bench (section `engine`).

import Foundation
import TwofoldCore

/// SplitMix64: a small, fast, seeded generator, so runs are repeatable.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("twofold-engine-bench: \(message)\n".utf8))
    exit(2)
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// CPU time used by this process so far, in seconds: unlike wall time, it does not count
/// the time other processes on a busy machine take.
func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

var arguments = Array(CommandLine.arguments.dropFirst())
var steps = 1_000_000
var seed: UInt64 = 20_240_601
var file: String?
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--steps":
        guard let value = arguments.first.flatMap({ Int($0) }), value > 0 else { fail("--steps needs a positive number") }
        steps = value
        arguments.removeFirst()
    case "--seed":
        guard let value = arguments.first.flatMap({ UInt64($0) }) else { fail("--seed needs a number") }
        seed = value
        arguments.removeFirst()
    default:
        guard file == nil, !argument.hasPrefix("-") else { fail("usage: twofold-engine-bench SCENARIO.json [--steps N] [--seed S]") }
        file = argument
    }
}
guard let file else { fail("usage: twofold-engine-bench SCENARIO.json [--steps N] [--seed S]") }
guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }

let loadStart = ContinuousClock.now
let result = ScenarioLoader.load(data, file: file)
guard let scenario = result.playable else { fail("\(file) has \(result.errorCount) error(s); run `twofold lint \(file)`") }
let loadSeconds = seconds(since: loadStart)

let now = Date(timeIntervalSince1970: 1_700_000_000)
var engine = Engine(scenario: scenario, fingerprint: Fingerprint.of(data), at: now)
var random = SeededGenerator(state: seed)

/// Takes `count` steps: a random offered choice, or a restart at an ending.
/// Returns the number of restarts.
func run(_ count: Int, engine: inout Engine, random: inout SeededGenerator, at now: Date) -> Int {
    var restarts = 0
    for _ in 0..<count {
        if engine.phase == .finished {
            engine.restart(at: now)
            restarts += 1
            continue
        }
        let offered = engine.offeredChoices().count
        do {
            try engine.choose(Int.random(in: 1...offered, using: &random), at: now)
        } catch {
            fail("engine error: \(error)")
        }
    }
    return restarts
}

_ = run(min(steps, 10_000), engine: &engine, random: &random, at: now)  // warm-up
let start = ContinuousClock.now
let cpuStart = cpuSeconds()
let restarts = run(steps, engine: &engine, random: &random, at: now)
let cpu = cpuSeconds() - cpuStart
let elapsed = seconds(since: start)

let report: [String: Any] = [
    "file": file, "scenes": scenario.scenes.count, "steps": steps, "restarts": restarts,
    "seconds": elapsed, "stepsPerSecond": Double(steps) / elapsed, "loadSeconds": loadSeconds,
    "cpuSeconds": cpu, "stepsPerCPUSecond": Double(steps) / cpu,
]
let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
