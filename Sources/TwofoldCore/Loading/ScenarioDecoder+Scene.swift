/// Decoding scenes, endings, routers and choices.
extension ScenarioDecoder {
    enum SceneField: Int, ObjectField {
        case id, text, choices, ending, outcomes, discussion
        static let table = makeTable()
    }

    enum EndingField: Int, ObjectField {
        case title, kind
        static let table = makeTable()
    }

    enum ChoiceField: Int, ObjectField {
        case id, text, scores, feedback, next, when, set, clear, add
        static let table = makeTable()
    }

    /// A router's keys: one per profile.
    enum OutcomeField: Int, ObjectField {
        case both, manager, leader, emerging
        static let table = makeTable()

        var profile: ProfileKey { ProfileKey(rawValue: key)! }
    }

    enum DiscussionField: Int, ObjectField {
        case before, after
        static let table = makeTable()
    }

    mutating func scene(references: inout References) throws -> Scene? {
        var scene = Scene()
        let offset = valueOffset()
        scene.offset = Int32(truncatingIfNeeded: offset)
        guard let seen = try object(SceneField.self, what: "a scene", member: { decoder, field in
            switch field {
            case .id:
                scene.idOffset = Int32(truncatingIfNeeded: decoder.valueOffset())
                scene.id = try decoder.identifier("scene id") ?? ""
            case .text: scene.textSource = try decoder.textSpan() ?? ""
            case .choices:
                scene.hasChoicesField = true
                _ = try decoder.array("an array of choices") { decoder, _ in
                    if let choice = try decoder.choice(references: &references) { scene.choices.append(choice) }
                }
            case .ending: scene.ending = try decoder.ending()
            case .outcomes:
                scene.hasOutcomesField = true
                scene.outcomes = try decoder.outcomes()
            case .discussion: scene.discussion = try decoder.discussion()
            }
        }) else { return nil }
        // A router may go without text: it is a crossroads, not a moment of the story.
        requireFields(seen.contains(.outcomes) ? [.id] : [.id, .text], in: seen, what: "this scene", at: offset)
        return scene
    }

    private mutating func ending() throws -> Ending? {
        var title = ""
        var kind: ProfileKey?
        let offset = valueOffset()
        guard let seen = try object(EndingField.self, what: "an ending", member: { decoder, field in
            switch field {
            case .title: title = try decoder.text() ?? ""
            case .kind: kind = try decoder.profileKey("ending kind")
            }
        }) else { return Ending(title: "") }
        requireFields([.title], in: seen, what: "this ending", at: offset)
        return Ending(title: title, kind: kind)
    }

    /// `outcomes`: a scene id for each of the four profiles.
    private mutating func outcomes() throws -> [Outcome] {
        var outcomes: [Outcome] = []
        let offset = valueOffset()
        guard let seen = try object(OutcomeField.self, what: "outcomes (profile → scene id)", member: { decoder, field in
            let nextOffset = decoder.valueOffset()
            guard let next = try decoder.identifier("outcome scene id") else { return }
            var outcome = Outcome(profile: field.profile, next: next)
            outcome.nextOffset = Int32(truncatingIfNeeded: nextOffset)
            outcomes.append(outcome)
        }) else { return [] }
        requireFields(OutcomeField.allCases, in: seen, what: "these outcomes", at: offset)
        let order = ProfileKey.allCases
        return outcomes.sorted { order.firstIndex(of: $0.profile)! < order.firstIndex(of: $1.profile)! }
    }

    /// `discussion`: a list of prompts (shown after the reveal), or `before` and `after` lists.
    private mutating func discussion() throws -> Discussion {
        if try scanner.peekKind() == .array { return Discussion(after: try textList()) }
        var discussion = Discussion()
        _ = try object(DiscussionField.self, what: "discussion prompts (before, after)") { decoder, field in
            switch field {
            case .before: discussion.before = try decoder.textList()
            case .after: discussion.after = try decoder.textList()
            }
        }
        return discussion
    }

    /// A profile key (`both`, `manager`, `leader`, `emerging`), reported when it is none of them.
    mutating func profileKey(_ what: String) throws -> ProfileKey? {
        let offset = valueOffset()
        guard let raw = try string() else { return nil }
        guard let key = ProfileKey(rawValue: raw) else {
            report(.invalidValue, "\(what) \"\(raw.replacingQuotes())\" must be one of both, manager, leader, emerging", at: offset)
            return nil
        }
        return key
    }

    private mutating func choice(references: inout References) throws -> Choice? {
        var choice = Choice()
        let offset = valueOffset()
        choice.offset = Int32(truncatingIfNeeded: offset)
        guard let seen = try object(ChoiceField.self, what: "a choice", member: { decoder, field in
            switch field {
            case .id:
                choice.idOffset = Int32(truncatingIfNeeded: decoder.valueOffset())
                choice.id = try decoder.identifier("choice id") ?? ""
            case .text: choice.textSource = try decoder.textSpan() ?? ""
            case .scores:
                choice.scoresOffset = Int32(truncatingIfNeeded: decoder.valueOffset())
                choice.scores = try decoder.scores(references: &references)
            case .feedback:
                choice.feedbackSource = try decoder.textSpan(
                    blank: .missingFeedback, "feedback is empty: every choice needs coaching for the learner") ?? ""
            case .next:
                choice.nextOffset = Int32(truncatingIfNeeded: decoder.valueOffset())
                choice.next = try decoder.identifier("next scene id") ?? ""
            case .when: choice.condition = try decoder.condition(references: &references)
            case .set: choice.effects.setFlags = try decoder.flagList(references: &references)
            case .clear: choice.effects.clearFlags = try decoder.flagList(references: &references)
            case .add: choice.effects.counterChanges = try decoder.counterDeltas(references: &references)
            }
        }) else { return nil }
        requireFields([.id, .text, .feedback, .next], in: seen, what: "this choice", at: offset)
        if !seen.contains(.next) { choice.nextOffset = choice.offset }
        return choice
    }

    /// `scores`: axis → integer in -10...10. Extra axes are checked against the declaration later.
    private mutating func scores(references: inout References) throws -> Scores {
        var scores = Scores()
        _ = try namedMembers(what: "axis → score") { decoder, axis, keyOffset in
            let value = try decoder.integer(Scores.range, outOfRange: .scoreOutOfRange, what: "score")
            switch axis {
            case "manager": scores.manager = value ?? 0
            case "leader": scores.leader = value ?? 0
            default:
                references.uses.append(.init(kind: .axis, name: axis, offset: keyOffset, path: decoder.path.rendered))
                if let value { scores.extra[axis] = value }
            }
        }
        return scores
    }
}
