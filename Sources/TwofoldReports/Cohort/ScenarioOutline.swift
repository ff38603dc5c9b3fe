import TwofoldCore

/// What a debrief shows of a scenario beside the learners' numbers: its title, its
/// decisions with every choice's text in file order, and its endings — so a split lists
/// the choices nobody took too.
public struct ScenarioOutline: Sendable, Equatable {
    public var id: String
    public var title: String
    public var profileThreshold: Int
    public var decisions: [Decision]
    public var endings: [Ending]

    public struct Decision: Sendable, Equatable {
        public var scene: String
        /// The start of the scene's text, to recognise the moment.
        public var lead: String
        public var choices: [Choice]

        public init(scene: String, lead: String, choices: [Choice]) {
            self.scene = scene
            self.lead = lead
            self.choices = choices
        }
    }

    public struct Choice: Sendable, Equatable {
        public var id: String
        public var text: String

        public init(id: String, text: String) {
            self.id = id
            self.text = text
        }
    }

    public struct Ending: Sendable, Equatable {
        public var scene: String
        public var title: String

        public init(scene: String, title: String) {
            self.scene = scene
            self.title = title
        }
    }

    public init(id: String, title: String, profileThreshold: Int = Scenario.defaultProfileThreshold,
                decisions: [Decision], endings: [Ending]) {
        self.id = id
        self.title = title
        self.profileThreshold = profileThreshold
        self.decisions = decisions
        self.endings = endings
    }

    /// The outline of a loaded scenario, scenes in file order.
    public init(_ scenario: Scenario) {
        var decisions: [Decision] = []
        var endings: [Ending] = []
        for scene in scenario.scenes {
            if let ending = scene.ending {
                endings.append(Ending(scene: scene.id, title: ending.title))
            } else if !scene.choices.isEmpty {
                decisions.append(Decision(scene: scene.id, lead: Self.lead(of: scene.text),
                                          choices: scene.choices.map { Choice(id: $0.id, text: $0.text) }))
            }
        }
        self.init(id: scenario.id, title: scenario.title, profileThreshold: scenario.threshold,
                  decisions: decisions, endings: endings)
    }

    /// The opening of `text` on one line (``ReportText/lead(_:or:limit:)``).
    static func lead(of text: String, limit: Int = 120) -> String { ReportText.lead(text, limit: limit) }
}
