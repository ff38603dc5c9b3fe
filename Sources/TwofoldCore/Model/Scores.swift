/// A scoring axis. `manager` and `leader` always exist; a scenario may declare more.
public struct Axis: Sendable, Hashable, Codable {
    public var name: String

    public init(_ name: String) { self.name = name }

    public static let manager = Axis("manager")
    public static let leader = Axis("leader")
    public static let standard = [manager, leader]
}

/// The score deltas a choice carries, per axis. A missing axis counts 0.
public struct Scores: Sendable, Hashable {
    public var manager: Int
    public var leader: Int
    /// Deltas on declared extra axes, by axis name.
    public var extra: [String: Int]

    public init(manager: Int = 0, leader: Int = 0, extra: [String: Int] = [:]) {
        self.manager = manager
        self.leader = leader
        self.extra = extra
    }

    public static let range = -10...10

    /// The delta on one axis.
    public subscript(axis: Axis) -> Int {
        switch axis.name {
        case "manager": return manager
        case "leader": return leader
        default: return extra[axis.name] ?? 0
        }
    }

    /// True when every axis is zero.
    public var isZero: Bool { manager == 0 && leader == 0 && extra.values.allSatisfy { $0 == 0 } }
}

/// The four learner profiles, keyed as in reports.
public enum ProfileKey: String, Sendable, Codable, CaseIterable {
    case both
    case manager
    case leader
    case emerging

    /// The label shown to people.
    public var label: String {
        switch self {
        case .both: return "Manager and leader"
        case .manager: return "Manager"
        case .leader: return "Leader"
        case .emerging: return "Emerging"
        }
    }
}
