import Foundation
import TwofoldCore

/// The learner report as xAPI 1.0.3 statements (a JSON array) for a learning record store.
///
/// One `answered` statement per decision that stands — a `choice` interaction with both
/// axis deltas, the turn and any choices taken back at that scene first in `result.extensions` —
/// and one `completed` statement per attempt with
/// `result.score` (scaled = the mean of the two percents / 100) and everything a cohort
/// debrief needs in its extensions. Every statement carries the attempt's registration
/// (``XAPIAttempt``) and a deterministic name-based UUID as `id`: an `answered` statement's
/// comes from the registration and the step's turn, so the statement queued at the step
/// and the one in the finished report's export are the same statement.
///
/// A choice taken back after its statement may have reached a record store is cancelled
/// by a `voided` statement (``voiding(_:attempt:at:)``), never sent as an answer again.
public enum XAPIStatements {
    public static let defaultBaseIRI = "https://twofold.example/xapi"
    public static let xAPIVersion = "1.0.3"

    /// The statements of one report.
    public static func render(_ report: LearnerReport, baseIRI: String = defaultBaseIRI) -> String {
        JSONValue.array(statements(report, baseIRI: baseIRI).map(\.value)).rendered()
    }

    /// The statements of many reports, in the order given (for cohort exports).
    public static func render(_ reports: [LearnerReport], baseIRI: String = defaultBaseIRI) -> String {
        JSONValue.array(reports.flatMap { statements($0, baseIRI: baseIRI).map(\.value) }).rendered()
    }

    /// A report's statements: each decision's `answered`, then `completed`.
    public static func statements(_ report: LearnerReport, baseIRI: String = defaultBaseIRI) -> [XAPIStatement] {
        let attempt = XAPIAttempt(report, baseIRI: baseIRI)
        // A report from before turns were kept numbers its decisions in order.
        var out = report.decisions.enumerated().map { index, decision in
            answered(decision, turn: decision.turn ?? index, attempt: attempt, answeredAt: decision.answeredAt ?? report.finishedAt)
        }
        out.append(completed(report, attempt: attempt))
        return out
    }

    /// The attempt's registration: its id when that is a UUID, else a UUID derived from it.
    public static func registration(_ report: LearnerReport) -> String {
        registration(attemptId: report.attemptId)
    }

    /// The registration of an attempt id: the id when it is a UUID (lowercase), else a UUID derived from it.
    public static func registration(attemptId: String) -> String {
        NameBasedUUID.canonical(attemptId) ?? NameBasedUUID.make("attempt/" + attemptId)
    }

    /// The id of the `answered` statement of the step at `turn` in an attempt.
    public static func answeredID(registration: String, turn: Int) -> String {
        NameBasedUUID.make("\(registration)/answered/\(turn)")
    }

    /// The `answered` statement of one decision, made at step `turn` of the attempt.
    ///
    /// In a group session it is the participant's own answer: their vote (no `response`
    /// for an abstention) with its deltas.
    public static func answered(_ decision: LearnerReport.DecisionEntry, turn: Int, attempt: XAPIAttempt,
                                answeredAt: Date) -> XAPIStatement {
        let vocabulary = attempt.vocabulary
        let offered = ([LearnerReport.Alternative(choice: decision.choice, text: decision.choiceText, scores: decision.scores)]
                       + decision.alternatives).sorted { $0.choice < $1.choice }
        let scores = decision.learnerScores
        var extensions: [String: JSONValue] = [vocabulary.extensionIRI(.managerDelta): .int(scores.manager),
                                               vocabulary.extensionIRI(.leaderDelta): .int(scores.leader),
                                               vocabulary.extensionIRI(.turn): .int(turn)]
        if !decision.takenBack.isEmpty {
            extensions[vocabulary.extensionIRI(.takenBack)] = .array(decision.takenBack.map { .string(ReportText.clean($0)) })
        }
        var result: [String: JSONValue] = ["duration": .string(duration(decision.seconds)), "extensions": .object(extensions)]
        if let response = decision.learnerChoice { result["response"] = .string(ReportText.clean(response)) }
        let id = answeredID(registration: attempt.registration, turn: turn)
        return XAPIStatement(id: id, verb: .answered, registration: attempt.registration, value: .object([
            "id": .string(id),
            "version": .string(xAPIVersion),
            "actor": attempt.actor,
            "verb": verb(XAPIVocabulary.answered, "answered"),
            "object": .object([
                "objectType": .string("Activity"),
                "id": .string(vocabulary.scene(decision.scene, scenario: attempt.scenarioId)),
                "definition": .object([
                    "name": languageMap("\(attempt.scenarioTitle): \(decision.scene)"),
                    "description": languageMap(decision.sceneText.isEmpty ? decision.scene : decision.sceneText, keepNewlines: true),
                    "type": .string(XAPIVocabulary.interaction),
                    "interactionType": .string("choice"),
                    "choices": .array(offered.map { .object(["id": .string(ReportText.clean($0.choice)), "description": languageMap($0.text)]) }),
                ]),
            ]),
            "result": .object(result),
            "context": attempt.context(parent: true),
            "timestamp": .string(ISO8601.string(answeredAt)),
        ]))
    }

    /// The statement that cancels statement `statementID` of the attempt (a take-back):
    /// verb `voided`, object a `StatementRef`.
    public static func voiding(_ statementID: String, attempt: XAPIAttempt, at: Date) -> XAPIStatement {
        let id = NameBasedUUID.make("\(attempt.registration)/voided/\(statementID)")
        return XAPIStatement(id: id, verb: .voided, registration: attempt.registration, value: .object([
            "id": .string(id),
            "version": .string(xAPIVersion),
            "actor": attempt.actor,
            "verb": verb(XAPIVocabulary.voided, "voided"),
            "object": .object(["objectType": .string("StatementRef"), "id": .string(statementID)]),
            "context": attempt.context(aboutActivity: false, parent: true),
            "timestamp": .string(ISO8601.string(at)),
        ]))
    }

    static func verb(_ id: String, _ display: String) -> JSONValue {
        .object(["id": .string(id), "display": languageMap(display)])
    }

    static func languageMap(_ text: String, keepNewlines: Bool = false) -> JSONValue {
        .object(["en-US": .string(ReportText.clean(text, keepNewlines: keepNewlines))])
    }

    /// An ISO 8601 duration in seconds: `PT42.5S`.
    static func duration(_ seconds: Double) -> String {
        "PT" + ReportText.seconds(Swift.max(0, seconds.isFinite ? seconds : 0)) + "S"
    }

    /// Seconds from a duration this module wrote (`PT552S`, `PT42.5S`), or the common
    /// `PT#H#M#S` forms; nil for anything else.
    public static func seconds(ofDuration text: String) -> Double? {
        guard text.hasPrefix("PT"), text.count > 2 else { return nil }
        var total = 0.0, number = ""
        for character in text.dropFirst(2) {
            switch character {
            case "0"..."9", ".": number.append(character)
            case "H", "M", "S":
                guard let value = Double(number) else { return nil }
                total += value * (character == "H" ? 3600 : character == "M" ? 60 : 1)
                number = ""
            default: return nil
            }
        }
        return number.isEmpty ? total : nil
    }
}
