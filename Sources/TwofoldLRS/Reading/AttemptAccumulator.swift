import Foundation
import TwofoldCore
import TwofoldReports

/// Rebuilds attempts from Twofold's statements, in whatever order they come, keeping a
/// small summary per attempt (registration): its `completed` facts and, per `answered`
/// statement, the scene, the learner's choice, its deltas and how many choices were taken
/// back there first. Voided statements are left out at the end.
///
/// Statements that are not Twofold's (another platform, another IRI base) are counted and
/// passed over, as are statements of other scenarios when one is asked for.
struct AttemptAccumulator {
    let vocabulary: XAPIVocabulary
    /// Only this scenario's statements, when given.
    let scenario: String?
    private let extensionNames: [String: XAPIVocabulary.Extension]
    private var attempts: [String: Attempt] = [:]
    private var voided = Set<String>()
    /// Statements read, Twofold's or not; statements that could not be read.
    private(set) var read = 0
    private(set) var unreadable = 0

    /// What is kept of one attempt.
    struct Attempt {
        var completed: CompletedFacts?
        /// Statement id → the turn and time it was answered at (its order), and the pick it records.
        var picks: [String: (turn: Int, at: String, pick: CohortRow.Pick)] = [:]
    }

    init(vocabulary: XAPIVocabulary, scenario: String?) {
        self.vocabulary = vocabulary
        self.scenario = scenario
        extensionNames = Dictionary(uniqueKeysWithValues: XAPIVocabulary.Extension.allCases.map {
            (vocabulary.extensionIRI($0), $0)
        })
    }

    /// Registrations with a `completed` statement so far.
    var completedRegistrations: [String] { attempts.compactMap { $0.value.completed == nil ? nil : $0.key } }

    /// Takes one statement's JSON. With `only`, statements of other registrations are passed over.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, only: Set<String>? = nil) {
        read += 1
        guard let facts = try? StatementFacts.read(bytes, extensionNames: extensionNames) else {
            unreadable += 1
            return
        }
        guard let registration = facts.registration?.lowercased() else { return }
        if let only, !only.contains(registration) { return }
        switch facts.verb {
        case .voided:
            if facts.objectIsStatementRef, let target = facts.objectID { voided.insert(target.lowercased()) }
        case .answered:
            guard let objectID = facts.objectID, let scene = scene(objectID) else { return }
            let scores = Scores(manager: facts.extensions[.managerDelta]?.int ?? 0, leader: facts.extensions[.leaderDelta]?.int ?? 0)
            let pick = CohortRow.Pick(scene: scene, choice: facts.response, scores: scores,
                                      takenBack: facts.extensions[.takenBack]?.array?.count ?? 0)
            attempts[registration, default: Attempt()].picks[facts.id.lowercased()] =
                (facts.extensions[.turn]?.int ?? .max, facts.timestamp ?? "", pick)
        case .completed:
            guard let objectID = facts.objectID, let scenarioID = scenarioID(objectID),
                  let completed = CompletedFacts(facts, scenarioId: scenarioID, registration: registration) else { return }
            attempts[registration, default: Attempt()].completed = completed
        case .other:
            return
        }
    }

    /// The id of a scenario activity of this base (and of the scenario asked for).
    private func scenarioID(_ iri: String) -> String? {
        guard iri.hasPrefix(vocabulary.scenariosPrefix) else { return nil }
        let rest = iri.dropFirst(vocabulary.scenariosPrefix.count)
        guard !rest.contains("/"), let id = XAPIVocabulary.unsegment(rest) else { return nil }
        if let scenario, id != scenario { return nil }
        return id
    }

    /// The scene id of a scene activity of this base (and of the scenario asked for).
    private func scene(_ iri: String) -> String? {
        guard iri.hasPrefix(vocabulary.scenariosPrefix) else { return nil }
        let parts = iri.dropFirst(vocabulary.scenariosPrefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1] == "scenes", let scenarioID = XAPIVocabulary.unsegment(parts[0]) else { return nil }
        if let scenario, scenarioID != scenario { return nil }
        return XAPIVocabulary.unsegment(parts[2])
    }

    /// The completed attempts, voided statements left out, as debrief rows.
    func rows() -> [CohortRow] {
        var rows: [CohortRow] = []
        rows.reserveCapacity(attempts.count)
        for attempt in attempts.values {
            guard let completed = attempt.completed, !voided.contains(completed.statementID) else { continue }
            let picks = attempt.picks.filter { !voided.contains($0.key) }
                .sorted { ($0.value.turn, $0.value.at, $0.key) < ($1.value.turn, $1.value.at, $1.key) }.map(\.value.pick)
            rows.append(completed.row(choices: picks))
        }
        return rows
    }
}
