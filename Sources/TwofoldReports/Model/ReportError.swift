/// Why a report could not be read or built. User-facing wording lives in `description`.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The report was written by a newer Twofold (its `reportVersion`).
    case newerVersion(Int)
    /// The bytes are not a report: `path` is the JSON path of the offending value
    /// (like `decisions[2].choice`), empty when the whole document is at fault.
    case malformed(path: String, reason: String)
    /// A number in the report cannot be right (see ``ReportNumbers``): `path` is its JSON
    /// path (like `scores.manager`).
    case impossibleValue(path: String, reason: String)
    /// A report was asked for before the session reached an ending.
    case notFinished
    /// The session's decisions do not replay onto its scenario.
    case inconsistentSession(String)
    /// Group votes were given, but not one per decision.
    case votesDoNotMatch(decisions: Int, votes: Int)
    /// A vote names a choice that was not offered at that decision.
    case voteNotOffered(scene: String, choice: String)

    public var description: String {
        switch self {
        case .newerVersion(let version):
            return "the report uses report version \(version), newer than this version of Twofold reads (\(LearnerReport.currentVersion))"
        case .malformed(let path, let reason):
            return path.isEmpty ? "not a learner report: \(reason)" : "not a learner report: at \(path): \(reason)"
        case .impossibleValue(let path, let reason):
            return "impossible value at \(path): \(reason)"
        case .notFinished:
            return "the session has not reached an ending yet, so there is no report to write"
        case .inconsistentSession(let detail):
            return "the session's decisions do not replay onto the scenario: \(detail)"
        case .votesDoNotMatch(let decisions, let votes):
            return "\(votes) votes were given for \(decisions) decisions"
        case .voteNotOffered(let scene, let choice):
            return "the vote \"\(choice)\" at scene \"\(scene)\" is not one of the choices offered there"
        }
    }
}
