import TwofoldCore

/// The learner report as xAPI 1.0.3 statements (a JSON array) for a learning record store.
///
/// One `answered` statement per decision — a `choice` interaction with both axis deltas in
/// `result.extensions` — and one `completed` statement per attempt with `result.score`
/// (scaled = the mean of the two percents / 100) and both axes' percents and raws. Every
/// statement carries the attempt's UUID as `context.registration` and a deterministic
/// name-based UUID as `id`, so exporting the same report twice gives the same statements.
public enum XAPIStatements {
    public static let defaultBaseIRI = "https://twofold.example/xapi"
    public static let xAPIVersion = "1.0.3"

    static let answered = "http://adlnet.gov/expapi/verbs/answered"
    static let completed = "http://adlnet.gov/expapi/verbs/completed"
    static let interaction = "http://adlnet.gov/expapi/activities/cmi.interaction"
    static let simulation = "http://adlnet.gov/expapi/activities/simulation"

    /// The statements of one report.
    public static func render(_ report: LearnerReport, baseIRI: String = defaultBaseIRI) -> String {
        JSONValue.array(statements(report, baseIRI: baseIRI)).rendered()
    }

    /// The statements of many reports, in the order given (for cohort exports).
    public static func render(_ reports: [LearnerReport], baseIRI: String = defaultBaseIRI) -> String {
        JSONValue.array(reports.flatMap { statements($0, baseIRI: baseIRI) }).rendered()
    }

    /// The attempt's registration: its id when that is a UUID, else a UUID derived from it.
    public static func registration(_ report: LearnerReport) -> String {
        NameBasedUUID.canonical(report.attemptId) ?? NameBasedUUID.make("attempt/" + report.attemptId)
    }

    static func statements(_ report: LearnerReport, baseIRI: String) -> [JSONValue] {
        let base = baseIRI.hasSuffix("/") ? String(baseIRI.dropLast()) : baseIRI
        let registration = registration(report)
        let scenarioIRI = base + "/scenarios/" + segment(report.scenario.id)
        let actor = self.actor(report, base: base)
        var context: [String: JSONValue] = ["registration": .string(registration), "platform": .string("Twofold"),
                                            "language": .string("en-US")]
        var contextExtensions: [String: JSONValue] = [:]
        if let cohort = report.cohort { contextExtensions[base + "/extensions/cohort"] = .string(clean(cohort)) }
        if let group = report.session.groupSessionId { contextExtensions[base + "/extensions/group-session"] = .string(clean(group)) }
        if !contextExtensions.isEmpty { context["extensions"] = .object(contextExtensions) }

        var out: [JSONValue] = []
        for (index, decision) in report.decisions.enumerated() {
            let offered = ([LearnerReport.Alternative(choice: decision.choice, text: decision.choiceText, scores: decision.scores)]
                           + decision.alternatives).sorted { $0.choice < $1.choice }
            let scores = decision.learnerScores
            var result: [String: JSONValue] = [
                "duration": .string(duration(decision.seconds)),
                "extensions": .object([base + "/extensions/manager-delta": .int(scores.manager),
                                       base + "/extensions/leader-delta": .int(scores.leader)]),
            ]
            if let response = decision.learnerChoice { result["response"] = .string(clean(response)) }
            var answeredContext = context
            answeredContext["contextActivities"] = .object(["parent": .array([.object(["objectType": .string("Activity"), "id": .string(scenarioIRI)])])])
            out.append(.object([
                "id": .string(NameBasedUUID.make("\(registration)/\(index)")),
                "version": .string(xAPIVersion),
                "actor": actor,
                "verb": verb(answered, "answered"),
                "object": .object([
                    "objectType": .string("Activity"),
                    "id": .string(scenarioIRI + "/scenes/" + segment(decision.scene)),
                    "definition": .object([
                        "name": languageMap("\(report.scenario.title): \(decision.scene)"),
                        "description": languageMap(decision.sceneText.isEmpty ? decision.scene : decision.sceneText, keepNewlines: true),
                        "type": .string(interaction),
                        "interactionType": .string("choice"),
                        "choices": .array(offered.map { .object(["id": .string(clean($0.choice)), "description": languageMap($0.text)]) }),
                    ]),
                ]),
                "result": .object(result),
                "context": .object(answeredContext),
                "timestamp": .string(ISO8601.string(decision.answeredAt ?? report.finishedAt)),
            ]))
        }

        let manager = report.manager, leader = report.leader
        // xAPI wants raw within min and max and scaled within -1 and 1: the percents are
        // clamped to 0–100 first (a group participant's may lie outside; the extensions
        // keep them as they are).
        let mean = (Double(Swift.max(0, Swift.min(100, manager.percent))) + Double(Swift.max(0, Swift.min(100, leader.percent)))) / 2
        out.append(.object([
            "id": .string(NameBasedUUID.make("\(registration)/\(report.decisions.count)")),
            "version": .string(xAPIVersion),
            "actor": actor,
            "verb": verb(completed, "completed"),
            "object": .object([
                "objectType": .string("Activity"),
                "id": .string(scenarioIRI),
                "definition": .object(["name": languageMap(report.scenario.title), "type": .string(simulation)]),
            ]),
            "result": .object([
                "score": .object(["scaled": .double(mean / 100), "raw": number(mean), "min": .int(0), "max": .int(100)]),
                "completion": .bool(true),
                "duration": .string(duration(report.finishedAt.timeIntervalSince(report.startedAt))),
                "extensions": .object([
                    base + "/extensions/manager-percent": .int(manager.percent),
                    base + "/extensions/leader-percent": .int(leader.percent),
                    base + "/extensions/manager-raw": .int(manager.raw),
                    base + "/extensions/leader-raw": .int(leader.raw),
                    base + "/extensions/profile": .string(report.profile.key.rawValue),
                    base + "/extensions/ending": .string(clean(report.ending.scene)),
                ]),
            ]),
            "context": .object(context),
            "timestamp": .string(ISO8601.string(report.finishedAt)),
        ]))
        return out
    }

    /// An Agent identified by email (`mbox`) when known, otherwise by an account on the base IRI.
    private static func actor(_ report: LearnerReport, base: String) -> JSONValue {
        let name = clean(report.learner.name)
        var agent: [String: JSONValue] = ["objectType": .string("Agent"), "name": .string(name)]
        if let email = report.learner.email {
            agent["mbox"] = .string("mailto:" + clean(email))
        } else {
            agent["account"] = .object(["homePage": .string(base), "name": .string(name)])
        }
        return .object(agent)
    }

    private static func verb(_ id: String, _ display: String) -> JSONValue {
        .object(["id": .string(id), "display": languageMap(display)])
    }

    private static func languageMap(_ text: String, keepNewlines: Bool = false) -> JSONValue {
        .object(["en-US": .string(ReportText.clean(text, keepNewlines: keepNewlines))])
    }

    private static func clean(_ text: String) -> String { ReportText.clean(text) }

    /// An ISO 8601 duration in seconds: `PT42.5S`.
    static func duration(_ seconds: Double) -> String {
        "PT" + ReportText.seconds(Swift.max(0, seconds.isFinite ? seconds : 0)) + "S"
    }

    private static func number(_ value: Double) -> JSONValue {
        Int(exactly: value).map(JSONValue.int) ?? .double(value)
    }

    /// An IRI path segment: unreserved characters kept, everything else percent-encoded.
    static func segment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out.isEmpty ? "-" : out
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
