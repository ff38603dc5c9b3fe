/// A branching workplace scenario, as loaded from a format-1 JSON file. Immutable content.
///
/// Scenes refer to each other by id in the file; the loader also resolves every `next`
/// to a scene index (`Choice.target`) so the engine and the analysis work on integers.
public struct Scenario: Sendable {
    /// The newest scenario format this version reads.
    public static let supportedFormat = 1
    /// The profile threshold when a scenario does not set `profileThreshold`.
    public static let defaultProfileThreshold = 60

    public var format: Int = 1
    public var id: String = ""
    public var title: String = ""
    public var domain: String = ""
    public var summary: String = ""
    public var briefing: String?
    /// Where and when the story happens (extension).
    public var setting: Setting?
    /// One paragraph for the facilitator: the aim, the decision that splits rooms, timing (extension).
    public var facilitatorNote: String?
    public var estimatedMinutes: Int?
    public var profileThreshold: Int?
    /// Every scoring axis: `manager`, `leader`, then any extra axes the file declares.
    public var axes: [Axis] = Axis.standard
    /// Declared boolean flags; all start false.
    public var flags: [String] = []
    /// Declared integer counters with their initial values, in file order.
    public var counters: [Counter] = []
    public var start: String = ""
    public var scenes: [Scene] = []
    public var reflection: [String] = []

    /// The index of the `start` scene, when it names one.
    public var startIndex: Int?
    /// Scene index by id (first occurrence when an id is duplicated).
    public var sceneIndexByID = SceneIndex()
    /// Whether any scene routes by profile (`outcomes`).
    public var hasRouters = false

    // Source positions kept for diagnostics found after loading.
    var startOffset: Int = 0
    var reflectionOffset: Int = 0
    var flagsOffset: Int = 0
    var countersOffset: Int = 0
    var declarations = Declarations()
    var references = References()

    public init() {}

    /// The threshold (percent) each axis must reach for a profile to count it.
    public var threshold: Int { profileThreshold ?? Scenario.defaultProfileThreshold }

    /// The scene with the given id.
    public func scene(id: String) -> Scene? {
        sceneIndexByID[id].map { scenes[$0] }
    }
}

/// Where and when a scenario is set, stated so numbers and customs read as intended.
public struct Setting: Sendable, Hashable {
    public var country: String
    /// The currency the story's amounts are in, e.g. `GBP`.
    public var currency: String
    public var season: String

    public init(country: String, currency: String, season: String) {
        self.country = country
        self.currency = currency
        self.season = season
    }

    /// One line for a briefing: `United Kingdom · GBP · late November`.
    public var line: String { [country, currency, season].joined(separator: " · ") }
}

/// A declared integer counter and its starting value.
public struct Counter: Sendable, Hashable {
    public var name: String
    public var initial: Int

    public init(name: String, initial: Int) {
        self.name = name
        self.initial = initial
    }
}

/// Where the file names flags, counters and extra axes, kept so rules can point at each use.
struct References: Sendable {
    enum Kind: Sendable { case flag, counter, axis }

    struct Use: Sendable {
        var kind: Kind
        var name: String
        var offset: Int
        var path: String
    }

    var uses: [Use] = []
}

extension Scenario {
    // Declared names with the offset of each declaration, for rule diagnostics.
    var axisDeclarations: [String: Int] {
        get { declarations.axes }
        set { declarations.axes = newValue }
    }
    var flagDeclarations: [String: Int] {
        get { declarations.flags }
        set { declarations.flags = newValue }
    }
    var counterDeclarations: [String: Int] {
        get { declarations.counters }
        set { declarations.counters = newValue }
    }
}

/// Offsets of declared names, by name.
struct Declarations: Sendable {
    var axes: [String: Int] = [:]
    var flags: [String: Int] = [:]
    var counters: [String: Int] = [:]
}
