import ArgumentParser
import TwofoldApp
import TwofoldCore
import TwofoldTerminal

/// The main job, `twofold` with no subcommand: a menu of scenarios, the learner's name,
/// then play — offering to resume when the learner already has this scenario saved.
enum MenuCommand {
    static func run() throws {
        let app = App.shared
        let (entries, problems) = app.library.scan()
        for problem in problems { App.err.line("twofold: skipped \(TextSafety.message(problem.path)): \(problem.reason)") }
        guard !entries.isEmpty else {
            throw AppError("no scenarios found; put scenario files in ./Scenarios or set TWOFOLD_SCENARIOS", exitCode: 66)
        }
        let saved = try ResumeFlow.sessions(learner: nil, scenario: nil, id: nil, kind: "solo", app: app)
        switch MenuScreen.run(entries, saved: saved.count) {
        case .quit:
            return
        case .resume:
            Prompts.list(saved)
            guard let record = saved.count == 1 ? saved[0] : Prompts.pick(saved) else { return }
            try App.exit(try ResumeFlow.resume(record, overrides: .init(), app: app))
        case .play(let entry):
            let service = try app.playService()
            guard let learner = Prompts.learnerName(remembered: try? service.store.setting("learner")) else { return }
            let mine = saved.filter { $0.scenarioID == entry.id && $0.learner.lowercased() == learner.lowercased() }
            if let record = mine.first, Prompts.confirm("You have a saved session of this scenario. Resume it?") {
                return try App.exit(try ResumeFlow.resume(record, overrides: .init(), app: app))
            }
            let session = try service.start(entry.scenario, learner: learner, options: AttemptOptions())
            try App.exit(try PlayFlow.run(session, service: service, historyFile: app.paths.historyFile, resumed: false))
        }
    }
}
