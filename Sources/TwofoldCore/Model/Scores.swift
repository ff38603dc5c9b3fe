/// A scoring axis. `manager` and `leader` always exist; a scenario may declare more.
public struct Axis: Sendable, Hashable, Codable {
    public var name: String

    public init(_ name: String) { self.name = name }

    public static let manager = Axis("manager")
    public static let leader = Axis("leader")
    public static let standard = [manager, leader]
}

/// One value per scoring axis: the two the product is built on, plus any extra axes a
/// scenario declares. The one model of "something per axis" — a choice's deltas, a
/// learner's scores, a path's percents — so no code keys a dictionary by axis names.
///
/// In JSON it is an object keyed by axis name (`{"leader": 1, "manager": 2}`), the shape
/// reports and saves have always had.
public struct AxisValues<Value: Sendable & Hashable>: Sendable, Hashable {
    public var manager: Value
    public var leader: Value
    /// Values on declared extra axes, by axis name.
    public var extra: [String: Value]

    public init(manager: Value, leader: Value, extra: [String: Value] = [:]) {
        self.manager = manager
        self.leader = leader
        self.extra = extra
    }

    /// The value on an axis; nil for an extra axis without one.
    public subscript(name: String) -> Value? {
        switch name {
        case Axis.manager.name: return manager
        case Axis.leader.name: return leader
        default: return extra[name]
        }
    }

    /// Axis names in display order: manager, leader, then extra axes alphabetically.
    public var axisNames: [String] { [Axis.manager.name, Axis.leader.name] + extra.keys.sorted() }

    /// Each axis with its value, in display order.
    public var entries: [(axis: String, value: Value)] {
        [(Axis.manager.name, manager), (Axis.leader.name, leader)] + extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The values keyed by axis name.
    public var byName: [String: Value] { Dictionary(uniqueKeysWithValues: entries.map { ($0.axis, $0.value) }) }

    /// The same axes with each value transformed.
    public func map<Other>(_ transform: (Value) throws -> Other) rethrows -> AxisValues<Other> {
        AxisValues<Other>(manager: try transform(manager), leader: try transform(leader), extra: try extra.mapValues(transform))
    }
}

/// The score deltas a choice carries, per axis. A missing axis counts 0.
public typealias Scores = AxisValues<Int>

extension AxisValues where Value == Int {
    /// No score on any axis.
    public init() { self.init(manager: 0, leader: 0) }

    public static let range = -10...10

    /// The delta on one axis (0 when the choice does not score it).
    public subscript(axis: Axis) -> Int { self[axis.name] ?? 0 }

    /// True when every axis is zero.
    public var isZero: Bool { manager == 0 && leader == 0 && extra.values.allSatisfy { $0 == 0 } }

    /// The deltas on exactly the scenario's axes (extra axes without a score count 0).
    public func on(_ axes: [Axis]) -> Scores {
        var result = Scores(manager: manager, leader: leader)
        for axis in axes.dropFirst(2) { result.extra[axis.name] = self[axis] }
        return result
    }

    public static func + (lhs: Scores, rhs: Scores) -> Scores {
        var sum = Scores(manager: lhs.manager &+ rhs.manager, leader: lhs.leader &+ rhs.leader, extra: lhs.extra)
        for (axis, value) in rhs.extra { sum.extra[axis, default: 0] &+= value }
        return sum
    }
}

/// How a value decodes when its axis is missing from the JSON object.
public protocol AxisCodable: Codable, Sendable, Hashable {
    /// The value a missing axis stands for, or nil when the axis is required.
    static var missingAxisValue: Self? { get }
}

extension Int: AxisCodable {
    /// A missing axis scores 0 (the scenario format's rule).
    public static var missingAxisValue: Int? { 0 }
}

extension AxisValues: Codable where Value: AxisCodable {
    struct AxisKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: AxisKey.self)
        func required(_ axis: String) throws -> Value {
            if let value = try container.decodeIfPresent(Value.self, forKey: AxisKey(axis)) { return value }
            if let value = Value.missingAxisValue { return value }
            throw DecodingError.keyNotFound(AxisKey(axis), .init(codingPath: container.codingPath, debugDescription: "missing axis"))
        }
        manager = try required(Axis.manager.name)
        leader = try required(Axis.leader.name)
        var extra: [String: Value] = [:]
        for key in container.allKeys where key.stringValue != Axis.manager.name && key.stringValue != Axis.leader.name {
            extra[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        self.extra = extra
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: AxisKey.self)
        for (axis, value) in entries { try container.encode(value, forKey: AxisKey(axis)) }
    }
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

extension AxisValues: ExpressibleByDictionaryLiteral where Value == Int {
    public typealias Key = String
    /// Deltas written as a dictionary, `["manager": 2, "leader": -1]`; missing axes are 0.
    public init(dictionaryLiteral elements: (String, Int)...) {
        self.init()
        for (axis, value) in elements {
            switch axis {
            case Axis.manager.name: manager = value
            case Axis.leader.name: leader = value
            default: extra[axis] = value
            }
        }
    }
}
