import Foundation
@testable import TwofoldCore

/// The bundled library's content rules, measured on one scenario file.
///
/// The definitions, also in the authoring guide ("The bundled library"):
/// - **Best option** at a decision: the highest manager + leader; ties go to the higher
///   of min(manager, leader), then to the first in file order. Every choice counts,
///   whatever its `when`.
/// - **Best is longest**: no other choice at the decision has more characters of `text`.
/// - **Position**: where the best option stands in the file (1 for the first choice); in a
///   scenario of three or more decisions it is not the same at every decision.
/// - **Task-first decision**: the best option has manager ≥ leader + 2, and the most
///   leader-heavy option (highest leader; ties to the lower manager, then file order)
///   has a lower manager + leader than the best.
/// - **Scale**: at every decision the highest manager score and the highest leader score
///   are 2 or 3, and every manager and leader score lies in −3…3.
/// - **Id words**: every hyphen-separated part of a scene or choice id is a whole word of
///   the scenario's own text (title, summary, briefing, facilitator note, scene texts,
///   ending titles, choices, feedback, prompts, reflection), ignoring case and accents,
///   or one of ``structuralWords``.
/// - **Feedback**: at most two sentences, none of them beginning with "But".
/// - **Facilitation**: `before` and `after` prompts at every decision; a facilitator note
///   and a setting.
/// - **Endings**: every ending has a kind, all four kinds are there, and only routers lead
///   to endings.
/// - **Strategies**: always taking the highest manager score (ties: the lower leader, then
///   file order) ends at the `manager` ending, the mirror image at the `leader` ending, and
///   the core's balanced path at the `both` ending with at least ``balancedFloor`` % on both axes.
struct LibraryContent {
    enum Rule: String, CaseIterable, Sendable {
        case lint, endings, scale, taskFirst, position, idWords, feedback, facilitation, strategies, balance
    }

    struct Finding: CustomStringConvertible, Sendable {
        var rule: Rule
        var detail: String
        var description: String { "[\(rule.rawValue)] \(detail)" }
    }

    static let structuralWords: Set<String> = ["opening", "route", "end", "both", "manager", "leader", "emerging"]
    static let balancedFloor = 70

    let scenario: Scenario
    let analysis: ScenarioAnalysis
    private(set) var findings: [Finding] = []
    /// The decisions whose best option is also the longest, by scene id.
    private(set) var bestIsLongest: [String] = []
    /// Where the best option stands at each decision, counting from 1.
    private(set) var bestPositions: [Int] = []
    private(set) var taskFirst: [String] = []
    private(set) var balanced: BalancedPath?

    var decisions: [Scene] { scenario.scenes.filter { !$0.choices.isEmpty } }
    var endings: Int { scenario.scenes.filter(\.isEnding).count }

    /// Loads and lints `data` as `twofold lint --strict` would, then measures it.
    init(data: Data, file: String) throws {
        let result = ScenarioLoader.load(data, file: file)
        guard let scenario = result.playable, let analysis = result.analysis else {
            throw LibraryContentError(file: file, diagnostics: result.diagnostics.map(\.formatted))
        }
        self.scenario = scenario
        self.analysis = analysis
        for diagnostic in result.diagnostics { add(.lint, diagnostic.formatted) }
        measureDecisions()
        measureWords()
        measureEndings()
        try measureStrategies()
    }

    private mutating func add(_ rule: Rule, _ detail: String) {
        findings.append(Finding(rule: rule, detail: "\(scenario.id): \(detail)"))
    }

    private mutating func measureDecisions() {
        for scene in decisions {
            let choices = scene.choices
            let best = Self.bestIndex(choices)
            let lengths = choices.map(\.text.count)
            if lengths[best] == lengths.max() { bestIsLongest.append(scene.id) }
            bestPositions.append(best + 1)
            let (bestManager, bestLeader) = (choices[best].scores.manager, choices[best].scores.leader)
            let heavy = choices.indices.max { a, b in
                let (x, y) = (choices[a].scores, choices[b].scores)
                return x.leader != y.leader ? x.leader < y.leader : (x.manager != y.manager ? x.manager > y.manager : a > b)
            }!
            let sum = { (choice: Choice) in choice.scores.manager + choice.scores.leader }
            if bestManager >= bestLeader + 2 && sum(choices[heavy]) < sum(choices[best]) { taskFirst.append(scene.id) }
            let topManager = choices.map(\.scores.manager).max()!, topLeader = choices.map(\.scores.leader).max()!
            if !(2...3).contains(topManager) || !(2...3).contains(topLeader) {
                add(.scale, "\(scene.id): the highest scores are manager \(topManager), leader \(topLeader); both should be 2 or 3")
            }
            for choice in choices where !(-3...3).contains(choice.scores.manager) || !(-3...3).contains(choice.scores.leader) {
                add(.scale, "\(scene.id)/\(choice.id) scores \(choice.scores.manager), \(choice.scores.leader), outside -3...3")
            }
            if scene.discussion.before.isEmpty || scene.discussion.after.isEmpty {
                add(.facilitation, "\(scene.id) needs discussion prompts both before and after the vote")
            }
            for choice in choices {
                let sentences = Self.sentences(choice.feedback)
                if sentences.count > 2 { add(.feedback, "\(scene.id)/\(choice.id): \(sentences.count) sentences of feedback") }
                if sentences.contains(where: { $0.hasPrefix("But ") }) { add(.feedback, "\(scene.id)/\(choice.id): a sentence begins with \"But\"") }
            }
        }
        if taskFirst.isEmpty { add(.taskFirst, "no decision where the task must come first") }
        if bestPositions.count >= 3 && Set(bestPositions).count == 1 {
            add(.position, "the best option is choice \(bestPositions[0]) at every decision")
        }
        if scenario.facilitatorNote == nil { add(.facilitation, "no facilitatorNote") }
        if scenario.setting == nil { add(.facilitation, "no setting") }
    }

    private mutating func measureWords() {
        let words = Self.words(in: Self.ownText(of: scenario))
        for scene in scenario.scenes {
            let ids = [(scene.id, scene.id)] + scene.choices.map { ("\(scene.id)/\($0.id)", $0.id) }
            for (name, id) in ids {
                for part in id.split(separator: "-").map(String.init)
                where !words.contains(part) && !Self.structuralWords.contains(part) {
                    add(.idWords, "\(name): \"\(part)\" is not a word of the scenario's text")
                }
            }
        }
    }

    private mutating func measureEndings() {
        let kinds = scenario.scenes.compactMap(\.ending).map(\.kind)
        if kinds.contains(where: { $0 == nil }) { add(.endings, "an ending has no kind") }
        if Set(kinds.compactMap { $0 }) != Set(ProfileKey.allCases) { add(.endings, "the four kinds of ending are not all there") }
        for scene in scenario.scenes {
            for choice in scene.choices where scenario.scenes[choice.target].isEnding {
                add(.endings, "\(scene.id)/\(choice.id) leads straight to an ending, not through a router")
            }
        }
    }

    private mutating func measureStrategies() throws {
        for (axis, wanted) in [(Axis.manager, ProfileKey.manager), (Axis.leader, ProfileKey.leader)] {
            let reached = try Self.playGreedy(scenario, analysis: analysis, favouring: axis)
            if reached != wanted { add(.strategies, "always favouring \(axis.name) ends at a \(reached.map(\.rawValue) ?? "kindless") ending") }
        }
        balanced = BalancedPath.find(in: scenario, analysis: analysis)
        guard let balanced else { return add(.strategies, "no balanced path") }
        let kind = scenario.scene(id: balanced.ending)?.ending?.kind
        if kind != .both { add(.strategies, "the balanced path ends at \(balanced.ending), not at the both ending") }
        if min(balanced.manager.percent, balanced.leader.percent) < Self.balancedFloor {
            add(.balance, "the balanced path scores manager \(balanced.manager.percent) %, leader \(balanced.leader.percent) %")
        }
    }
}

/// A scenario the content check could not measure because it does not lint clean.
struct LibraryContentError: Error, CustomStringConvertible {
    var file: String
    var diagnostics: [String]
    var description: String { "\(file) is not playable:\n" + diagnostics.joined(separator: "\n") }
}

extension LibraryContent {
    /// The best option's index, as defined above.
    static func bestIndex(_ choices: [Choice]) -> Int {
        choices.indices.max { a, b in
            let (x, y) = (choices[a].scores, choices[b].scores)
            let (sumX, sumY) = (x.manager + x.leader, y.manager + y.leader)
            if sumX != sumY { return sumX < sumY }
            let (lowX, lowY) = (min(x.manager, x.leader), min(y.manager, y.leader))
            return lowX != lowY ? lowX < lowY : a > b
        }!
    }

    /// Splits prose into sentences: a sentence ends at ".", "!" or "?" (and any closing
    /// quote) followed by white space and a capital, a digit or an opening quote.
    static func sentences(_ text: String) -> [String] {
        let closers: Set<Character> = ["\"", "”", "’", "'", ")"]
        let openers: Set<Character> = ["\"", "“", "‘"]
        let characters = Array(text)
        var result: [String] = [], start = 0, index = 0
        while index < characters.count {
            var end = index
            if ".!?".contains(characters[index]) {
                while end + 1 < characters.count && closers.contains(characters[end + 1]) { end += 1 }
                var next = end + 1
                while next < characters.count && characters[next].isWhitespace { next += 1 }
                if next > end + 1 && next < characters.count
                    && (characters[next].isUppercase || characters[next].isNumber || openers.contains(characters[next])) {
                    result.append(String(characters[start...end]).trimmingCharacters(in: .whitespaces))
                    start = next
                    index = next
                    continue
                }
            }
            index = end + 1
        }
        let rest = String(characters[min(start, characters.count)...]).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? result : result + [rest]
    }

    /// The whole words of `text`, lowercased and without accents: runs of letters and digits.
    static func words(in text: String) -> Set<String> {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return Set(folded.split { !($0.isLetter || $0.isNumber) }.map(String.init))
    }

    /// Everything a learner or facilitator can read in the scenario.
    static func ownText(of scenario: Scenario) -> String {
        var parts = [scenario.title, scenario.summary, scenario.briefing ?? "", scenario.facilitatorNote ?? ""]
        for scene in scenario.scenes {
            parts += [scene.text, scene.ending?.title ?? ""] + scene.discussion.before + scene.discussion.after
            parts += scene.choices.flatMap { [$0.text, $0.feedback] }
        }
        return (parts + scenario.reflection).joined(separator: "\n")
    }

    /// Plays always taking the highest score on `axis` (ties: the lower other axis, then
    /// file order) and returns the kind of the ending reached.
    static func playGreedy(_ scenario: Scenario, analysis: ScenarioAnalysis, favouring axis: Axis) throws -> ProfileKey? {
        let other = axis == .manager ? Axis.leader : Axis.manager
        var engine = Engine(scenario: scenario, fingerprint: "content", at: Date(timeIntervalSince1970: 0), analysis: analysis)
        while engine.phase == .deciding {
            let offered = engine.offeredChoices()
            let pick = offered.indices.max { a, b in
                let (x, y) = (offered[a].scores, offered[b].scores)
                return x[axis] != y[axis] ? x[axis] < y[axis] : (x[other] != y[other] ? x[other] > y[other] : a > b)
            }!
            try engine.choose(pick + 1, at: Date(timeIntervalSince1970: 1))
        }
        return engine.currentScene.ending?.kind
    }
}
