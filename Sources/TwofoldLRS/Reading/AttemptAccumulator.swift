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
    private var attempts: [StatementKey: Attempt] = [:]
    private var voided = Set<StatementKey>()
    /// Texts that repeat from attempt to attempt (scene and choice ids, cohorts, titles),
    /// kept once.
    private var texts = Set<String>()
    /// Statements read, Twofold's or not; statements that could not be read.
    private(set) var read = 0
    private(set) var unreadable = 0

    /// What is kept of one attempt.
    struct Attempt {
        var completed: CompletedFacts?
        /// Each answer: its statement, its turn (the order of answers), and the pick it records.
        var picks: [(statement: StatementKey, turn: Int, pick: CohortRow.Pick)] = []
    }

    init(vocabulary: XAPIVocabulary, scenario: String?) {
        self.vocabulary = vocabulary
        self.scenario = scenario
        extensionNames = Dictionary(uniqueKeysWithValues: XAPIVocabulary.Extension.allCases.map {
            (vocabulary.extensionIRI($0), $0)
        })
    }

    /// Takes one statement's JSON. With `only`, statements of other registrations are passed over.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, only: Set<StatementKey>? = nil) {
        read += 1
        guard let facts = try? StatementFacts.read(bytes, extensionNames: extensionNames) else {
            unreadable += 1
            return
        }
        guard let registrationText = facts.registration else { return }
        let registration = StatementKey(registrationText)
        if let only, !only.contains(registration) { return }
        switch facts.verb {
        case .voided:
            if facts.objectIsStatementRef, let target = facts.objectID { voided.insert(StatementKey(target)) }
        case .answered:
            guard let objectID = facts.objectID, let scene = scene(objectID) else { return }
            let scores = Scores(manager: facts.extensions[.managerDelta]?.int ?? 0, leader: facts.extensions[.leaderDelta]?.int ?? 0)
            let pick = CohortRow.Pick(scene: intern(scene), choice: facts.response.map { intern($0) }, scores: scores,
                                      takenBack: facts.extensions[.takenBack]?.array?.count ?? 0)
            let key = StatementKey(facts.id)
            var attempt = attempts.removeValue(forKey: registration) ?? Attempt()
            if !attempt.picks.contains(where: { $0.statement == key }) {
                attempt.picks.append((key, facts.extensions[.turn]?.int ?? .max, pick))
            }
            attempts[registration] = attempt
        case .completed:
            guard let objectID = facts.objectID, let scenarioID = scenarioID(objectID),
                  let completed = CompletedFacts(facts, scenarioId: scenarioID, registration: registrationText, texts: &texts)
            else { return }
            attempts[registration, default: Attempt()].completed = completed
        case .other:
            return
        }
    }

    private mutating func intern(_ text: String) -> String { texts.insert(text).memberAfterInsert }

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
        attempts.values.compactMap(row)
    }

    /// ``rows()``, letting go of each attempt's summary as its row is made (the end of a read).
    mutating func takeRows() -> [CohortRow] {
        var rows: [CohortRow] = []
        rows.reserveCapacity(attempts.count)
        while let (_, attempt) = attempts.popFirst() {
            if let row = row(attempt) { rows.append(row) }
        }
        return rows
    }

    private func row(_ attempt: Attempt) -> CohortRow? {
        guard let completed = attempt.completed, !voided.contains(completed.statement) else { return nil }
        let picks = attempt.picks.filter { !voided.contains($0.statement) }
            .sorted { ($0.turn, $0.statement) < ($1.turn, $1.statement) }.map(\.pick)
        return completed.row(choices: picks)
    }
}

/// A statement id or registration as 16 bytes: the UUID it is (any case), or for any other
/// text a 128-bit digest of it, so an attempt costs no string per answer.
struct StatementKey: Hashable, Comparable, Sendable {
    private let high: UInt64
    private let low: UInt64

    init(_ text: String) {
        if let uuid = UUID(uuidString: text) {
            let bytes = uuid.uuid
            high = [bytes.0, bytes.1, bytes.2, bytes.3, bytes.4, bytes.5, bytes.6, bytes.7].reduce(0) { $0 << 8 | UInt64($1) }
            low = [bytes.8, bytes.9, bytes.10, bytes.11, bytes.12, bytes.13, bytes.14, bytes.15].reduce(0) { $0 << 8 | UInt64($1) }
        } else {
            var first = Hasher(), second = Hasher()
            first.combine(0x5457_4C52_5331 as UInt64)
            second.combine(0x5457_4C52_5332 as UInt64)
            first.combine(text)
            second.combine(text)
            high = UInt64(bitPattern: Int64(first.finalize()))
            low = UInt64(bitPattern: Int64(second.finalize()))
        }
    }

    static func < (a: StatementKey, b: StatementKey) -> Bool { (a.high, a.low) < (b.high, b.low) }
}
