/// Whether a choice is offered, decided from the session's flags and counters (extension).
public indirect enum Condition: Sendable, Hashable {
    case flag(String)
    case notFlag(String)
    case counter(String, atLeast: Int?, atMost: Int?)
    case all([Condition])
    case any([Condition])
    case not(Condition)

    /// Evaluates the condition against flag and counter values.
    public func holds(flags: Set<String>, counters: [String: Int]) -> Bool {
        switch self {
        case .flag(let name): return flags.contains(name)
        case .notFlag(let name): return !flags.contains(name)
        case .counter(let name, let low, let high):
            let value = counters[name] ?? 0
            if let low, value < low { return false }
            if let high, value > high { return false }
            return true
        case .all(let parts): return parts.allSatisfy { $0.holds(flags: flags, counters: counters) }
        case .any(let parts): return parts.contains { $0.holds(flags: flags, counters: counters) }
        case .not(let inner): return !inner.holds(flags: flags, counters: counters)
        }
    }

    /// Every flag name the condition mentions.
    public var flagNames: [String] {
        switch self {
        case .flag(let name), .notFlag(let name): return [name]
        case .counter: return []
        case .all(let parts), .any(let parts): return parts.flatMap(\.flagNames)
        case .not(let inner): return inner.flagNames
        }
    }

    /// Every counter name the condition mentions.
    public var counterNames: [String] {
        switch self {
        case .flag, .notFlag: return []
        case .counter(let name, _, _): return [name]
        case .all(let parts), .any(let parts): return parts.flatMap(\.counterNames)
        case .not(let inner): return inner.counterNames
        }
    }
}
