/// The IRIs Twofold's xAPI statements use: ADL's verbs and activity types, and Twofold's
/// own activities and extensions under a configurable base (`TWOFOLD_XAPI_BASE`).
///
/// The statement builders and the reader that rebuilds attempts from a learning record
/// store both take their names from here, so the two cannot drift apart.
public struct XAPIVocabulary: Sendable, Equatable {
    public static let answered = "http://adlnet.gov/expapi/verbs/answered"
    public static let completed = "http://adlnet.gov/expapi/verbs/completed"
    public static let voided = "http://adlnet.gov/expapi/verbs/voided"
    public static let interaction = "http://adlnet.gov/expapi/activities/cmi.interaction"
    public static let simulation = "http://adlnet.gov/expapi/activities/simulation"
    /// `context.platform` of every statement about an activity.
    public static let platform = "Twofold"

    /// The base IRI, without a trailing slash.
    public let base: String

    public init(base: String = XAPIStatements.defaultBaseIRI) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    /// The prefix of every scenario activity: `<base>/scenarios/`.
    public var scenariosPrefix: String { base + "/scenarios/" }

    /// A scenario's activity IRI.
    public func scenario(_ id: String) -> String { scenariosPrefix + Self.segment(id) }

    /// A decision scene's activity IRI, under its scenario's.
    public func scene(_ id: String, scenario: String) -> String { self.scenario(scenario) + "/scenes/" + Self.segment(id) }

    /// One of Twofold's extension IRIs: `<base>/extensions/<name>`.
    public func extensionIRI(_ name: Extension) -> String { base + "/extensions/" + name.rawValue }

    /// Twofold's extensions: in `context` (cohort, group session), on `answered` results
    /// (the axis deltas) and on `completed` results (everything a debrief row needs).
    public enum Extension: String, CaseIterable, Sendable {
        case cohort
        case groupSession = "group-session"
        case managerDelta = "manager-delta"
        case leaderDelta = "leader-delta"
        /// On an `answered` result: the choices taken back at that scene before this answer, in order.
        case takenBack = "taken-back"
        /// On an `answered` result: the attempt's turn at the answer (turns only grow), which orders answers.
        case turn
        case attemptID = "attempt-id"
        case managerPercent = "manager-percent"
        case leaderPercent = "leader-percent"
        case managerRaw = "manager-raw"
        case leaderRaw = "leader-raw"
        case managerMin = "manager-min"
        case managerMax = "manager-max"
        case leaderMin = "leader-min"
        case leaderMax = "leader-max"
        case profile
        case profileThreshold = "profile-threshold"
        case ending
        case endingTitle = "ending-title"
        /// How the attempt was taken: `{"mode", "takeBacks", "restarts"}`, as in the report.
        case integrity
        /// Where the scenario's balanced path lands: `{"manager": 80, "leader": 75}`.
        case balancedPercent = "balanced-percent"
    }

    /// An IRI path segment: unreserved characters but `.` kept (so no segment reads as
    /// `.` or `..`), everything else percent-encoded; `-` for empty text.
    public static func segment(_ text: String) -> String {
        let out = percentEncoded(text, keepingDots: false)
        return out.isEmpty ? "-" : out
    }

    /// `text` with every byte but the unreserved characters (`A-Z a-z 0-9 - _ ~`, and `.`
    /// when `keepingDots`) percent-encoded, as in an IRI segment or a query value.
    public static func percentEncoded(_ text: String, keepingDots: Bool) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: ".") where keepingDots:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// The text of a segment made by ``segment(_:)``; nil when it is not one.
    public static func unsegment(_ segment: Substring) -> String? {
        var bytes: [UInt8] = []
        var index = segment.utf8.startIndex
        let utf8 = segment.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let high = utf8.index(after: index)
                guard high < utf8.endIndex, utf8.index(after: high) < utf8.endIndex,
                      let value = UInt8(String(segment[high...utf8.index(after: high)]), radix: 16) else { return nil }
                bytes.append(value)
                index = utf8.index(high, offsetBy: 2)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
