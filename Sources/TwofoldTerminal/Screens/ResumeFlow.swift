import Foundation
import TwofoldApp
import TwofoldCore
import TwofoldStore

/// Continuing saved sessions, solo or group, from `resume` and the menu.
public enum ResumeFlow {
    /// Active sessions matching the filters (the learner's name without regard to case, a
    /// session id by its first characters), most recently saved first.
    public static func sessions(learner: String?, scenario: String?, id: String?, kind: String? = nil,
                                app: Application) throws -> [SessionRecord] {
        var found: [SessionRecord]
        do {
            found = try app.store().activeSessions(learner: learner, scenarioID: scenario, kind: kind) { id in
                Console.standardError.line("twofold: note: passed over a damaged saved session in the records store (\(TextSafety.message(id)))")
            }
        } catch {
            throw AppError.from(error)
        }
        if let id { found = found.filter { $0.id.lowercased().hasPrefix(id.lowercased()) } }
        return found
    }

    /// Continues `record` with its own options (`overrides` taking their place, and said
    /// so). A save that no longer fits its scenario is never replayed: the reason is
    /// shown, and at a terminal a fresh start is offered. Returns the exit status.
    public static func resume(_ record: SessionRecord, overrides: AttemptOptions.Overrides, app: Application) throws -> Int32 {
        if !overrides.isEmpty {
            Console.standardError.line("twofold: note: using \(overrides.names.joined(separator: ", ")) as given here, in place of the session's own")
        }
        do {
            if record.kind == "group" {
                let service = try app.groupService()
                let session = try service.resume(record, library: app.library, overrides: overrides)
                return try GroupFlow.run(session, service: service, historyFile: app.paths.facilitationHistoryFile, resumed: true)
            }
            let service = try app.playService()
            let session = try service.resume(record, library: app.library, overrides: overrides)
            return try PlayFlow.run(session, service: service, historyFile: app.paths.historyFile, resumed: true)
        } catch let problem as ResumeProblem {
            return try offerFreshStart(problem, app: app)
        }
    }

    /// Says why a session cannot go on; at a terminal, offers to start its scenario again.
    private static func offerFreshStart(_ problem: ResumeProblem, app: Application) throws -> Int32 {
        let err = Console.standardError
        err.line("twofold: " + problem.description + ".")
        let record = problem.record
        guard let playable = problem.playable, record.kind == "solo" else {
            err.line("Leave it with: twofold resume --session \(record.id.prefix(8)) once the scenario is back, or start again with twofold play.")
            return 1
        }
        guard Prompts.confirm("Start this scenario again from the beginning?") else {
            err.line("Start again with: twofold play \(record.scenarioID) --learner \(Shell.quoted(record.learner))")
            return 1
        }
        let service = try app.playService()
        try service.abandon(record)
        let options = AttemptOptions.saved(in: record)
        let session = try service.start(playable, learner: record.learner, options: options)
        return try PlayFlow.run(session, service: service, historyFile: app.paths.historyFile, resumed: false)
    }
}

/// Text for a POSIX shell command line shown to the user.
public enum Shell {
    public static func quoted(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
        if safe && !text.isEmpty { return text }
        return "'" + TextSafety.message(text).replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
