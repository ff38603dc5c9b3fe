/// One scene: a decision (choices), an ending (an ending), or a router (outcomes) that
/// moves the learner on by the profile of their scores so far (extension).
///
/// The loader keeps malformed scenes (more than one kind, or none) so the linter can
/// report them; a scenario that lints without errors has only well-formed scenes.
public struct Scene: Sendable {
    public var id: String = ""
    /// The scene's text, as stored (see ``ScenarioText``). Optional, so possibly empty, on a router.
    public var textSource: ScenarioText = ""
    public var choices: [Choice] = []
    public var ending: Ending?
    /// Where a router goes for each profile, in ``ProfileKey`` order; empty on other scenes.
    public var outcomes: [Outcome] = []
    /// Facilitator discussion prompts for this decision (extension).
    public var discussion = Discussion()

    var offset: Int32 = 0
    var idOffset: Int32 = 0
    var hasChoicesField = false
    var hasOutcomesField = false

    public init() {}

    public var text: String {
        get { textSource.string }
        set { textSource = ScenarioText(newValue) }
    }

    public init(id: String, text: String, choices: [Choice] = [], ending: Ending? = nil,
                outcomes: [Outcome] = [], discussion: Discussion = Discussion()) {
        self.id = id
        self.textSource = ScenarioText(text)
        self.choices = choices
        self.ending = ending
        self.outcomes = outcomes
        self.discussion = discussion
        self.hasChoicesField = ending == nil && outcomes.isEmpty
        self.hasOutcomesField = !outcomes.isEmpty
    }

    public var isEnding: Bool { ending != nil }

    /// True for a router: a scene the engine passes through by the learner's profile.
    public var isRouter: Bool { hasOutcomesField && ending == nil && !hasChoicesField }

    /// The outcome a router takes for `profile`.
    public func outcome(for profile: ProfileKey) -> Outcome? {
        outcomes.first { $0.profile == profile }
    }
}

/// One branch of a router: the scene a learner with this profile goes to.
public struct Outcome: Sendable, Hashable {
    public var profile: ProfileKey
    public var next: String
    /// The index of the `next` scene, or -1 when `next` names no scene.
    public var target: Int = -1
    var nextOffset: Int32 = 0

    public init(profile: ProfileKey, next: String) {
        self.profile = profile
        self.next = next
    }
}

/// Questions for the room at a decision: `before` the vote (what would you do, and why)
/// and `after` the reveal (the split and its consequences). A plain list in the file is
/// `after` (extension).
public struct Discussion: Sendable, Hashable {
    public var before: [String]
    public var after: [String]

    public init(before: [String] = [], after: [String] = []) {
        self.before = before
        self.after = after
    }

    public var isEmpty: Bool { before.isEmpty && after.isEmpty }
}

/// How a scene closes the scenario.
public struct Ending: Sendable, Hashable {
    public var title: String
    /// Which strategy the ending rewards, when the author says so (extension).
    public var kind: ProfileKey?

    public init(title: String, kind: ProfileKey? = nil) {
        self.title = title
        self.kind = kind
    }
}
