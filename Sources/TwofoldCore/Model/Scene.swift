/// One scene: a decision (choices, no ending) or an ending (an ending, no choices).
///
/// The loader keeps malformed scenes (both or neither) so the linter can report them;
/// a scenario that lints without errors has only well-formed scenes.
public struct Scene: Sendable {
    public var id: String = ""
    /// The scene's text, as stored (see ``ScenarioText``).
    public var textSource: ScenarioText = ""
    public var choices: [Choice] = []
    public var ending: Ending?
    /// Facilitator discussion prompts for this decision (extension).
    public var discussion: [String] = []

    var offset: Int32 = 0
    var idOffset: Int32 = 0
    var hasChoicesField = false

    public init() {}

    public var text: String {
        get { textSource.string }
        set { textSource = ScenarioText(newValue) }
    }

    public init(id: String, text: String, choices: [Choice] = [], ending: Ending? = nil, discussion: [String] = []) {
        self.id = id
        self.textSource = ScenarioText(text)
        self.choices = choices
        self.ending = ending
        self.discussion = discussion
        self.hasChoicesField = ending == nil
    }

    public var isEnding: Bool { ending != nil }
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
