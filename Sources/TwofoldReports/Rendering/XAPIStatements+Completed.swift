import Foundation
import TwofoldCore

extension XAPIStatements {
    /// The id of an attempt's `completed` statement.
    public static func completedID(registration: String) -> String {
        NameBasedUUID.make("\(registration)/completed")
    }

    /// The `completed` statement of a finished report.
    ///
    /// `result.score` is the mean of the two percents; `result.extensions` carry what a
    /// cohort debrief needs beyond the `answered` statements — both axes' percent, raw, min
    /// and max, the profile and its threshold, the ending and its title, the integrity
    /// record (`{"mode", "takeBacks", "restarts"}`), where the balanced path lands, and the
    /// attempt id as the report has it — so an attempt read back from a record store makes
    /// the same debrief row as its report file. The duration is from start to finish, in
    /// whole seconds.
    public static func completed(_ report: LearnerReport, attempt: XAPIAttempt) -> XAPIStatement {
        let vocabulary = attempt.vocabulary
        let manager = report.manager, leader = report.leader
        // xAPI wants raw within min and max and scaled within -1 and 1: the percents are
        // clamped to 0–100 first (a group participant's may lie outside; the extensions
        // keep them as they are).
        let mean = (Double(Swift.max(0, Swift.min(100, manager.percent))) + Double(Swift.max(0, Swift.min(100, leader.percent)))) / 2
        let id = completedID(registration: attempt.registration)
        func named(_ name: XAPIVocabulary.Extension) -> String { vocabulary.extensionIRI(name) }
        var extensions: [String: JSONValue] = [
            named(.attemptID): .string(ReportText.clean(report.attemptId)),
            named(.managerPercent): .int(manager.percent),
            named(.leaderPercent): .int(leader.percent),
            named(.managerRaw): .int(manager.raw),
            named(.leaderRaw): .int(leader.raw),
            named(.managerMin): .int(manager.min),
            named(.managerMax): .int(manager.max),
            named(.leaderMin): .int(leader.min),
            named(.leaderMax): .int(leader.max),
            named(.profile): .string(report.profile.key.rawValue),
            named(.profileThreshold): .int(report.scenario.profileThreshold),
            named(.ending): .string(ReportText.clean(report.ending.scene)),
            named(.endingTitle): .string(ReportText.clean(report.ending.title)),
            named(.integrity): .object(["mode": .string(report.integrity.mode.rawValue),
                                        "takeBacks": .int(report.integrity.takeBacks),
                                        "restarts": .int(report.integrity.restarts)]),
        ]
        if let balanced = report.balancedPath?.scores {
            extensions[named(.balancedPercent)] = .object(Dictionary(uniqueKeysWithValues: balanced.entries.map {
                ($0.axis, .int($0.value.percent))
            }))
        }
        return XAPIStatement(id: id, verb: .completed, registration: attempt.registration, value: .object([
            "id": .string(id),
            "version": .string(xAPIVersion),
            "actor": attempt.actor,
            "verb": verb(XAPIVocabulary.completed, "completed"),
            "object": .object([
                "objectType": .string("Activity"),
                "id": .string(attempt.scenarioIRI),
                "definition": .object(["name": languageMap(report.scenario.title), "type": .string(XAPIVocabulary.simulation)]),
            ]),
            "result": .object([
                "score": .object(["scaled": .double(mean / 100), "raw": number(mean), "min": .int(0), "max": .int(100)]),
                "completion": .bool(true),
                "duration": .string(duration(report.finishedAt.timeIntervalSince(report.startedAt))),
                "extensions": .object(extensions),
            ]),
            "context": attempt.context(),
            "timestamp": .string(ISO8601.string(report.finishedAt)),
        ]))
    }

    private static func number(_ value: Double) -> JSONValue {
        Int(exactly: value).map(JSONValue.int) ?? .double(value)
    }
}
