import Foundation

/// A labelled input file, such as a generated scenario of 100,000 scenes ("100k").
public struct BenchmarkInput: Sendable {
    public let label: String
    public let path: String

    /// The inputs named by an environment variable as `label=path,label=path`;
    /// none when it is unset (the benchmarks of that target then do not register).
    public static func list(_ variable: String) -> [BenchmarkInput] {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
            FileHandle.standardError.write(Data("\(variable) is not set: no inputs (Scripts/bench sets it)\n".utf8))
            return []
        }
        return value.split(separator: ",").compactMap { item in
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return BenchmarkInput(label: String(parts[0]), path: String(parts[1]))
        }
    }

    /// The file's bytes; stops the run with a message when it cannot be read.
    public func data() -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            fatalError("cannot read benchmark input \(path)")
        }
        return data
    }
}

/// A number named in the environment (such as steps per iteration), or `fallback`.
public func environmentCount(_ variable: String, default fallback: Int) -> Int {
    ProcessInfo.processInfo.environment[variable].flatMap { Int($0) } ?? fallback
}

/// Whether this build counts allocations (see Benchmarks/Package.swift): the malloc
/// metric is asked for only then.
public let countsAllocations = ProcessInfo.processInfo.environment["TWOFOLD_BENCH_TIMING"] == nil

/// A tiny deterministic sequence (a 64-bit linear congruential step) for picking choices,
/// so every run walks the same path.
public struct ChoiceSequence: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A number in `0..<count`.
    public mutating func next(below count: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(count))
    }
}
