/// Decoding scenes, endings and choices.
extension ScenarioDecoder {
    static let sceneFields = FieldTable(["id", "text", "choices", "ending", "discussion"])
    static let endingFields = FieldTable(["title", "kind"])
    static let choiceFields = FieldTable(["id", "text", "scores", "feedback", "next", "when", "set", "clear", "add"])

    mutating func scene(references: inout References) throws -> Scene? {
        var scene = Scene()
        let offset = valueOffset()
        scene.offset = Int32(truncatingIfNeeded: offset)
        let fields = ScenarioDecoder.sceneFields
        guard let seen = try object(fields, what: "a scene", member: { decoder, field in
            switch field {
            case 0:
                scene.idOffset = Int32(truncatingIfNeeded: decoder.valueOffset())
                scene.id = try decoder.identifier("scene id") ?? ""
            case 1: scene.textSource = try decoder.textSpan() ?? ""
            case 2:
                scene.hasChoicesField = true
                _ = try decoder.array("an array of choices") { decoder, _ in
                    if let choice = try decoder.choice(references: &references) { scene.choices.append(choice) }
                }
            case 3: scene.ending = try decoder.ending()
            case 4: scene.discussion = try decoder.textList()
            default: try decoder.scanner.skipValue()
            }
        }) else { return nil }
        requireFields([0, 1], in: seen, of: fields, what: "this scene", at: offset)
        return scene
    }

    private mutating func ending() throws -> Ending? {
        var title = ""
        var kind: ProfileKey?
        let offset = valueOffset()
        let fields = ScenarioDecoder.endingFields
        guard let seen = try object(fields, what: "an ending", member: { decoder, field in
            switch field {
            case 0: title = try decoder.text() ?? ""
            default:
                let valueOffset = decoder.valueOffset()
                guard let raw = try decoder.string() else { return }
                kind = ProfileKey(rawValue: raw)
                if kind == nil {
                    decoder.report(.invalidValue, "ending kind \"\(raw.replacingQuotes())\" must be one of both, manager, leader, emerging", at: valueOffset)
                }
            }
        }) else { return Ending(title: "") }
        requireFields([0], in: seen, of: fields, what: "this ending", at: offset)
        return Ending(title: title, kind: kind)
    }

    private mutating func choice(references: inout References) throws -> Choice? {
        var choice = Choice()
        let offset = valueOffset()
        choice.offset = Int32(truncatingIfNeeded: offset)
        let fields = ScenarioDecoder.choiceFields
        guard let seen = try object(fields, what: "a choice", member: { decoder, field in
            switch field {
            case 0:
                choice.idOffset = Int32(truncatingIfNeeded: decoder.valueOffset())
                choice.id = try decoder.identifier("choice id") ?? ""
            case 1: choice.textSource = try decoder.textSpan() ?? ""
            case 2:
                choice.scoresOffset = Int32(truncatingIfNeeded: decoder.valueOffset())
                choice.scores = try decoder.scores(references: &references)
            case 3:
                choice.feedbackSource = try decoder.textSpan(
                    blank: .missingFeedback, "feedback is empty: every choice needs coaching for the learner") ?? ""
            case 4:
                choice.nextOffset = Int32(truncatingIfNeeded: decoder.valueOffset())
                choice.next = try decoder.identifier("next scene id") ?? ""
            case 5: choice.condition = try decoder.condition(references: &references)
            case 6: choice.effects.setFlags = try decoder.flagList(references: &references)
            case 7: choice.effects.clearFlags = try decoder.flagList(references: &references)
            default: choice.effects.counterChanges = try decoder.counterDeltas(references: &references)
            }
        }) else { return nil }
        requireFields([0, 1, 3, 4], in: seen, of: fields, what: "this choice", at: offset)
        if !seen.contains(4) { choice.nextOffset = choice.offset }
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
