/// The catalogue of stable diagnostic codes.
///
/// Codes never change meaning once published. Each has a default severity, a one-line
/// summary for `docs/scenario-format.md`, and an invalid fixture under
/// `Tests/Fixtures/diagnostics/<code>.json` that triggers it (a test walks this list).
public enum DiagnosticCode: String, Codable, Sendable, CaseIterable {
    // Reading and decoding the file.
    case emptyFile = "empty-file"
    case invalidUTF8 = "invalid-utf8"
    case syntaxError = "syntax-error"
    case tooDeep = "too-deep"
    case tooLarge = "too-large"
    case wrongType = "wrong-type"
    case missingField = "missing-field"
    case unknownField = "unknown-field"
    case duplicateKey = "duplicate-key"
    case invalidID = "invalid-id"
    case invalidValue = "invalid-value"
    case emptyText = "empty-text"
    case scoreOutOfRange = "score-out-of-range"
    case newerFormat = "newer-format"
    case unsupportedFormat = "unsupported-format"
    case missingFeedback = "missing-feedback"
    case unknownAxis = "unknown-axis"
    // The scenario as a graph.
    case missingStart = "missing-start"
    case danglingNext = "dangling-next"
    case duplicateID = "duplicate-id"
    case noChoices = "no-choices"
    case choicesAndEnding = "choices-and-ending"
    case noChoicesOrEnding = "no-choices-or-ending"
    case trap = "trap"
    case scoringCycle = "scoring-cycle"
    case undeclaredState = "undeclared-state"
    case noChoiceOffered = "no-choice-offered"
    case outcomesAndChoices = "outcomes-and-choices"
    case routerChain = "router-chain"
    case endingProfileMismatch = "ending-profile-mismatch"
    // Warnings.
    case unreachableScene = "unreachable-scene"
    case identicalScores = "identical-scores"
    case noReflection = "no-reflection"
    case unusedState = "unused-state"
    case stateSpaceLarge = "state-space-large"
    /// Reported with `--strict` only.
    case endingWithoutKind = "ending-without-kind"

    /// The severity a finding with this code has unless `--strict` promotes it.
    public var severity: Severity {
        switch self {
        case .unreachableScene, .identicalScores, .noReflection, .unusedState, .stateSpaceLarge, .endingWithoutKind:
            return .warning
        default:
            return .error
        }
    }

    /// One line on what the code means, for the catalogue and `--json` consumers.
    public var summary: String {
        switch self {
        case .emptyFile: return "The file is empty or holds only white space."
        case .invalidUTF8: return "The file is not valid UTF-8."
        case .syntaxError: return "The file is not well-formed JSON."
        case .tooDeep: return "Values are nested deeper than any scenario needs."
        case .tooLarge: return "The file is larger than the loader accepts."
        case .wrongType: return "A value has the wrong JSON type."
        case .missingField: return "A required field is missing."
        case .unknownField: return "A field is not part of the format (often a typo)."
        case .duplicateKey: return "The same key appears twice in one object."
        case .invalidID: return "An id uses characters outside lowercase letters, digits and single hyphens."
        case .invalidValue: return "A value is outside what the field allows."
        case .emptyText: return "A text field is empty."
        case .scoreOutOfRange: return "A score is outside -10...10."
        case .newerFormat: return "The file uses a newer format than this version of Twofold reads."
        case .unsupportedFormat: return "The `format` value is not a supported format number."
        case .missingFeedback: return "A choice has no feedback for the learner."
        case .unknownAxis: return "A score names an axis that is neither manager, leader nor a declared extra axis."
        case .missingStart: return "`start` names no scene."
        case .danglingNext: return "A choice's `next` names no scene."
        case .duplicateID: return "An id is used twice where it must be unique."
        case .noChoices: return "A decision has an empty `choices` list."
        case .choicesAndEnding: return "A scene has both `choices` and `ending`."
        case .noChoicesOrEnding: return "A scene has neither `choices` nor `ending`."
        case .trap: return "No ending can be reached from a scene."
        case .scoringCycle: return "A cycle of scenes carries a non-zero score, so a learner could loop to any total."
        case .undeclaredState: return "A flag or counter is used without being declared."
        case .noChoiceOffered: return "A reachable decision can offer no choice in some reachable state."
        case .outcomesAndChoices: return "A scene has `outcomes` together with `choices` or `ending`; a router only routes."
        case .routerChain: return "An outcome leads to another `outcomes` scene; a router must lead to a decision or an ending."
        case .endingProfileMismatch: return "An ending of one kind can be reached by a path whose profile is another."
        case .unreachableScene: return "No path from `start` reaches a scene."
        case .identicalScores: return "Two choices at one decision carry identical scores."
        case .noReflection: return "The scenario has no reflection prompts for the debrief."
        case .unusedState: return "A declared flag or counter is never used."
        case .stateSpaceLarge: return "Too many flag and counter combinations to check every state exhaustively."
        case .endingWithoutKind: return "An ending does not declare the profile it stands for (`--strict` only)."
        }
    }
}
