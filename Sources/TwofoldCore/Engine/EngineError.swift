/// Why the engine refused an operation. Never coerced: the caller shows the reason.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario has ended; no more choices can be made.
    case finished
    /// The number is not one of the choices on offer.
    case noSuchChoice(Int, offered: Int)
    /// `back` at the first decision.
    case nothingToUndo
    /// A saved session belongs to another scenario id.
    case otherScenario(saved: String, scenario: String)
    /// The scenario file changed since the session was saved.
    case scenarioChanged
    /// The saved session does not replay onto the scenario (a scene or choice is gone).
    case inconsistentSave(String)
    /// The save was written by a newer Twofold.
    case newerSave(Int)
    case unreadableSave

    public var description: String {
        switch self {
        case .finished:
            return "the scenario has ended"
        case .noSuchChoice(let number, let offered):
            return offered == 1 ? "there is only choice 1 here (you typed \(number))" : "choose a number from 1 to \(offered) (you typed \(number))"
        case .nothingToUndo:
            return "there is no decision to take back yet"
        case .otherScenario(let saved, let scenario):
            return "the saved session is for scenario \"\(saved)\", not \"\(scenario)\""
        case .scenarioChanged:
            return "the scenario file has changed since this session was saved, so its decisions cannot be replayed safely"
        case .inconsistentSave(let detail):
            return "the saved session does not match the scenario: \(detail)"
        case .newerSave(let version):
            return "the saved session uses save format \(version), newer than this version of Twofold reads (\(SessionState.currentVersion))"
        case .unreadableSave:
            return "the saved session could not be read"
        }
    }
}
