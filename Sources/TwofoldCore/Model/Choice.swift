/// One option at a decision: its text, its scores, the coaching feedback and where it leads.
public struct Choice: Sendable {
    public var id: String = ""
    /// The choice's text and feedback, as stored (see ``ScenarioText``).
    public var textSource: ScenarioText = ""
    public var feedbackSource: ScenarioText = ""
    public var scores: Scores = Scores()
    public var next: String = ""
    /// The index of the `next` scene, or -1 when `next` names no scene.
    public var target: Int = -1
    /// Offered only when this holds (extension); nil means always offered.
    public var condition: Condition?
    /// State changes applied when the choice is taken (extension).
    public var effects: Effects = Effects()

    var offset: Int32 = 0
    var idOffset: Int32 = 0
    var nextOffset: Int32 = 0
    var scoresOffset: Int32 = 0

    public init() {}

    public var text: String {
        get { textSource.string }
        set { textSource = ScenarioText(newValue) }
    }

    /// The coaching the learner sees after choosing.
    public var feedback: String {
        get { feedbackSource.string }
        set { feedbackSource = ScenarioText(newValue) }
    }

    public init(id: String, text: String, scores: Scores, feedback: String, next: String,
                condition: Condition? = nil, effects: Effects = Effects()) {
        self.id = id
        self.textSource = ScenarioText(text)
        self.scores = scores
        self.feedbackSource = ScenarioText(feedback)
        self.next = next
        self.condition = condition
        self.effects = effects
    }
}

/// Flag and counter changes a choice makes.
public struct Effects: Sendable, Hashable {
    /// Flags set to true (`set` in the file).
    public var setFlags: [String] = []
    /// Flags set to false (`clear` in the file).
    public var clearFlags: [String] = []
    /// Counter changes (`add` in the file).
    public var counterChanges: [CounterDelta] = []

    public init(setFlags: [String] = [], clearFlags: [String] = [], counterChanges: [CounterDelta] = []) {
        self.setFlags = setFlags
        self.clearFlags = clearFlags
        self.counterChanges = counterChanges
    }

    public var isEmpty: Bool { setFlags.isEmpty && clearFlags.isEmpty && counterChanges.isEmpty }
}

/// An amount added to a counter.
public struct CounterDelta: Sendable, Hashable {
    public var counter: String
    public var amount: Int

    public init(counter: String, amount: Int) {
        self.counter = counter
        self.amount = amount
    }
}
