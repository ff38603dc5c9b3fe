/// Decoding the state extension: conditions (`when`) and effects (`set`, `clear`, `add`).
extension ScenarioDecoder {
    enum ConditionField: Int, ObjectField {
        case flag, notFlag, counter, atLeast, atMost, all, any, not
        static let table = makeTable()

        /// The fields that each make a condition of their own kind.
        static let forms: [ConditionField] = [.flag, .notFlag, .counter, .all, .any, .not]
    }

    /// A condition object: exactly one of flag, notFlag, counter (with bounds), all, any, not.
    mutating func condition(references: inout References) throws -> Condition? {
        let offset = valueOffset()
        var result: Condition?
        var counter: String?
        var atLeast: Int?
        var atMost: Int?
        guard let seen = try object(ConditionField.self, what: "a condition", member: { decoder, field in
            switch field {
            case .flag, .notFlag:
                let nameOffset = decoder.valueOffset()
                guard let name = try decoder.identifier("flag name") else { return }
                references.uses.append(.init(kind: .flag, name: name, offset: nameOffset, path: decoder.path.rendered))
                result = field == .flag ? .flag(name) : .notFlag(name)
            case .counter:
                let nameOffset = decoder.valueOffset()
                guard let name = try decoder.identifier("counter name") else { return }
                references.uses.append(.init(kind: .counter, name: name, offset: nameOffset, path: decoder.path.rendered))
                counter = name
            case .atLeast: atLeast = try decoder.integer(-100_000...100_000, what: "atLeast")
            case .atMost: atMost = try decoder.integer(-100_000...100_000, what: "atMost")
            case .all, .any:
                let listOffset = decoder.valueOffset()
                var parts: [Condition] = []
                _ = try decoder.array("an array of conditions") { decoder, _ in
                    if let part = try decoder.condition(references: &references) { parts.append(part) }
                }
                if parts.isEmpty {
                    decoder.report(.invalidValue, "\"\(field.key)\" needs at least one condition", at: listOffset)
                }
                result = field == .all ? .all(parts) : .any(parts)
            case .not:
                if let inner = try decoder.condition(references: &references) { result = .not(inner) }
            }
        }) else { return nil }
        let forms = ConditionField.forms.filter { seen.contains($0) }
        if forms.count != 1 {
            report(.invalidValue, "a condition needs exactly one of \"flag\", \"notFlag\", \"counter\", \"all\", \"any\" or \"not\"" + (forms.isEmpty ? "" : " (found \(forms.map { "\"\($0.key)\"" }.joined(separator: ", ")))"), at: offset)
            return nil
        }
        if seen.contains(.counter) {
            guard let counter else { return nil }
            if atLeast == nil && atMost == nil {
                report(.invalidValue, "a counter condition needs \"atLeast\", \"atMost\" or both", at: offset)
                return nil
            }
            return .counter(counter, atLeast: atLeast, atMost: atMost)
        }
        if seen.contains(.atLeast) || seen.contains(.atMost) {
            report(.invalidValue, "\"atLeast\" and \"atMost\" belong with \"counter\"", at: offset)
            return nil
        }
        return result
    }

    /// `set` / `clear`: flag names.
    mutating func flagList(references: inout References) throws -> [String] {
        var names: [String] = []
        _ = try array("an array of flag names") { decoder, _ in
            let offset = decoder.valueOffset()
            guard let name = try decoder.identifier("flag name") else { return }
            references.uses.append(.init(kind: .flag, name: name, offset: offset, path: decoder.path.rendered))
            names.append(name)
        }
        return names
    }

    /// `add`: counter name → amount.
    mutating func counterDeltas(references: inout References) throws -> [CounterDelta] {
        var deltas: [CounterDelta] = []
        _ = try namedMembers(what: "counter name → amount") { decoder, name, keyOffset in
            references.uses.append(.init(kind: .counter, name: name, offset: keyOffset, path: decoder.path.rendered))
            if let amount = try decoder.integer(-100...100, what: "a counter change") {
                deltas.append(CounterDelta(counter: name, amount: amount))
            }
        }
        return deltas
    }
}
