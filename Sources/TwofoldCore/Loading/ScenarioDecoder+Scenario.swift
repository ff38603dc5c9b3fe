/// Decoding the top-level scenario object.
extension ScenarioDecoder {
    enum ScenarioField: Int, ObjectField {
        case schema, format, id, title, domain, summary, briefing, setting, facilitatorNote, estimatedMinutes
        case profileThreshold, axes, flags, counters, start, scenes, reflection
        static let table = makeTable()

        var key: String { self == .schema ? "$schema" : String(describing: self) }
        /// Required besides `format`, which has its own diagnostic.
        static let required: [ScenarioField] = [.id, .title, .domain, .summary, .start, .scenes]
    }

    enum SettingField: Int, ObjectField {
        case country, currency, season
        static let table = makeTable()
    }

    /// Decodes the whole document; nil when the bytes are not a readable scenario at all.
    mutating func decodeDocument() -> Scenario? {
        do {
            scanner.skipWhitespace()
            if scanner.atEnd {
                report(.emptyFile, "the file is empty; a scenario is a JSON object starting with '{'", at: 0)
                return nil
            }
            let kind = try scanner.peekKind()
            guard kind == .object else {
                report(.wrongType, "expected the scenario object, found \(kind.noun)", at: valueOffset())
                return nil
            }
            var scenario = try decodeScenario()
            try scanner.expectEnd()
            if scenario.format > Scenario.supportedFormat {
                // Everything else may be valid in the newer format: say only what matters.
                pending.removeAll { $0.code != .newerFormat }
                return nil
            }
            resolveLinks(&scenario)
            return scenario
        } catch let error as ScanError {
            pending.removeAll { $0.code == .newerFormat }
            pending.append(PendingDiagnostic(code: error.code, message: error.message, offset: error.offset, path: path.rendered))
            return nil
        } catch {
            pending.append(PendingDiagnostic(code: .syntaxError, message: "\(error)", offset: scanner.pos, path: path.rendered))
            return nil
        }
    }

    private mutating func decodeScenario() throws -> Scenario {
        var scenario = Scenario()
        let objectOffset = valueOffset()
        let seen = try object(ScenarioField.self, what: "the scenario") { decoder, field in
            switch field {
            case .schema: _ = try decoder.string()
            case .format:
                let offset = decoder.valueOffset()
                if let format = try decoder.formatNumber() {
                    scenario.format = format
                    if format > Scenario.supportedFormat {
                        decoder.report(.newerFormat, "this file uses scenario format \(format), which is newer than this version of Twofold reads (format \(Scenario.supportedFormat)); update Twofold to open it", at: offset)
                    }
                }
            case .id: scenario.id = try decoder.identifier("the scenario id") ?? ""
            case .title: scenario.title = try decoder.text() ?? ""
            case .domain: scenario.domain = try decoder.domain() ?? ""
            case .summary: scenario.summary = try decoder.text() ?? ""
            case .briefing: scenario.briefing = try decoder.text()
            case .setting: scenario.setting = try decoder.setting()
            case .facilitatorNote: scenario.facilitatorNote = try decoder.text()
            case .estimatedMinutes: scenario.estimatedMinutes = try decoder.integer(1...240, what: "estimatedMinutes")
            case .profileThreshold: scenario.profileThreshold = try decoder.integer(1...100, what: "profileThreshold")
            case .axes: scenario.axes = Axis.standard + (try decoder.declaredNames("axis", reserved: ["manager", "leader"], into: &scenario.axisDeclarations)).map(Axis.init)
            case .flags:
                scenario.flagsOffset = decoder.valueOffset()
                scenario.flags = try decoder.declaredNames("flag", reserved: [], into: &scenario.flagDeclarations)
            case .counters:
                scenario.countersOffset = decoder.valueOffset()
                scenario.counters = try decoder.counters(into: &scenario.counterDeclarations)
            case .start:
                scenario.startOffset = decoder.valueOffset()
                scenario.start = try decoder.identifier("start") ?? ""
            case .scenes:
                let offset = decoder.valueOffset()
                var scenes: [Scene] = []
                if try decoder.array("an array of scenes", element: { decoder, _ in
                    if let scene = try decoder.scene(references: &scenario.references) { scenes.append(scene) }
                }) {
                    if scenes.isEmpty { decoder.report(.invalidValue, "a scenario needs at least one scene", at: offset) }
                }
                scenario.scenes = scenes
            case .reflection:
                scenario.reflectionOffset = decoder.valueOffset()
                scenario.reflection = try decoder.textList()
            }
        }
        if let seen {
            if !seen.contains(.format) {
                report(.unsupportedFormat, "the scenario has no \"format\"; add \"format\": 1", at: objectOffset)
            }
            requireFields(ScenarioField.required, in: seen, what: "the scenario", at: objectOffset)
            if !seen.contains(.reflection) { scenario.reflectionOffset = objectOffset }
        }
        return scenario
    }

    /// `format`: a positive integer; 1 today.
    private mutating func formatNumber() throws -> Int? {
        let offset = valueOffset()
        let kind = try scanner.peekKind()
        guard kind == .number else {
            report(.unsupportedFormat, "\"format\" must be the number \(Scenario.supportedFormat), found \(kind.noun)", at: offset)
            try scanner.skipValue()
            return nil
        }
        let number = try scanner.readNumber()
        guard let value = number.integer, value >= 1 else {
            report(.unsupportedFormat, "\"format\" must be \(Scenario.supportedFormat) (a whole number); this file's format is not one Twofold knows", at: offset)
            return nil
        }
        return value
    }

    /// `setting`: where and when, all three parts required.
    private mutating func setting() throws -> Setting? {
        let offset = valueOffset()
        var parts = [String](repeating: "", count: SettingField.allCases.count)
        guard let seen = try object(SettingField.self, what: "the setting (country, currency, season)", member: { decoder, field in
            parts[field.rawValue] = try decoder.text() ?? ""
        }) else { return nil }
        requireFields(SettingField.allCases, in: seen, what: "the setting", at: offset)
        return Setting(country: parts[0], currency: parts[1], season: parts[2])
    }

    /// `domain`: one lowercase word.
    private mutating func domain() throws -> String? {
        let offset = valueOffset()
        guard let value = try string() else { return nil }
        let valid = !value.isEmpty && value.utf8.count <= 32 && value.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        if !valid {
            report(.invalidValue, "domain \"\(value.replacingQuotes())\" must be one lowercase word such as \"retail\" or \"marketing\"", at: offset)
        }
        return value
    }

    /// A list of declared names (axes, flags): ids, unique, not reserved.
    private mutating func declaredNames(_ what: String, reserved: Set<String>, into declarations: inout [String: Int]) throws -> [String] {
        var names: [String] = []
        _ = try array("an array of \(what) names") { decoder, _ in
            let offset = decoder.valueOffset()
            guard let name = try decoder.identifier("\(what) name") else { return }
            if reserved.contains(name) {
                decoder.report(.invalidValue, "\"\(name)\" is always an axis; declare only extra axes here", at: offset)
            } else if declarations[name] != nil {
                decoder.report(.duplicateID, "\(what) \"\(name)\" is declared twice", at: offset)
            } else {
                declarations[name] = offset
                names.append(name)
            }
        }
        return names
    }

    /// `counters`: name → initial value.
    private mutating func counters(into declarations: inout [String: Int]) throws -> [Counter] {
        var counters: [Counter] = []
        _ = try namedMembers(what: "counter name → initial value") { decoder, name, keyOffset in
            if !ScenarioDecoder.isValidID(name.utf8) {
                decoder.report(.invalidID, "counter name \"\(name.replacingQuotes())\" must use lowercase letters, digits and single hyphens", at: keyOffset)
            }
            guard let initial = try decoder.integer(-1000...1000, what: "a counter's initial value") else { return }
            declarations[name] = keyOffset
            counters.append(Counter(name: name, initial: initial))
        }
        return counters
    }


    /// Builds the id index and resolves each choice's `next` to a scene index.
    private func resolveLinks(_ scenario: inout Scenario) {
        let index = SceneIndex(ids: scenario.scenes.map(\.id))
        scenario.startIndex = index[scenario.start]
        for sceneIndex in scenario.scenes.indices {
            for choiceIndex in scenario.scenes[sceneIndex].choices.indices {
                let next = scenario.scenes[sceneIndex].choices[choiceIndex].next
                scenario.scenes[sceneIndex].choices[choiceIndex].target = index[next] ?? -1
            }
            if scenario.scenes[sceneIndex].isRouter { scenario.hasRouters = true }
            for outcomeIndex in scenario.scenes[sceneIndex].outcomes.indices {
                let next = scenario.scenes[sceneIndex].outcomes[outcomeIndex].next
                scenario.scenes[sceneIndex].outcomes[outcomeIndex].target = index[next] ?? -1
            }
        }
        scenario.sceneIndexByID = index
    }
}
