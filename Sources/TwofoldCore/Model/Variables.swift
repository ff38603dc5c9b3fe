/// The values of a scenario's flags and counters at one moment of play (extension).
public struct Variables: Sendable, Hashable, Codable {
    /// The flags currently set.
    public var flags: Set<String>
    public var counters: [String: Int]

    public init(flags: Set<String> = [], counters: [String: Int] = [:]) {
        self.flags = flags
        self.counters = counters
    }

    /// The starting values: no flag set, every counter at its initial value.
    public init(initialFor scenario: Scenario) {
        flags = []
        counters = Dictionary(scenario.counters.map { ($0.name, $0.initial) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether a choice is offered with these values.
    public func offers(_ choice: Choice) -> Bool {
        choice.condition?.holds(flags: flags, counters: counters) ?? true
    }

    /// Applies a choice's effects: clear, then set, then add.
    public mutating func apply(_ effects: Effects) {
        for flag in effects.clearFlags { flags.remove(flag) }
        for flag in effects.setFlags { flags.insert(flag) }
        for delta in effects.counterChanges { counters[delta.counter, default: 0] += delta.amount }
    }

    /// A short human description, e.g. `flags: promised-cover; counters: trust=2`.
    public var summary: String {
        let flagText = flags.isEmpty ? "no flags set" : "flags set: " + flags.sorted().joined(separator: ", ")
        let counterText = counters.isEmpty ? "" : "; counters: " + counters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return flagText + counterText
    }

    // Sorted encoding keeps saved sessions deterministic.
    enum CodingKeys: String, CodingKey { case flags, counters }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(flags.sorted(), forKey: .flags)
        try container.encode(counters, forKey: .counters)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        flags = Set(try container.decode([String].self, forKey: .flags))
        counters = try container.decode([String: Int].self, forKey: .counters)
    }
}
