import ArgumentParser
import Foundation
import TwofoldCore
import TwofoldStore
import TwofoldReports
import TwofoldTerminal

/// The main job, `twofold` with no subcommand: a menu of scenarios, the learner's name, then play.
enum Menu {
    static func run() throws {
        let library = ScenarioLibrary.standard
        let (entries, problems) = library.scan()
        for problem in problems {
            Terminal.standardError.line("twofold: skipped \(TextSafety.message(problem.path)): \(problem.reason)")
        }
        guard !entries.isEmpty else {
            throw CLIError(message: "no scenarios found; put scenario files in ./Scenarios or set TWOFOLD_SCENARIOS", exitCode: 66)
        }
        let context = try AppContext.open()
        let screen = AppContext.screen()
        let saved = (try? context.store.activeSessions(learner: nil, scenarioID: nil, kind: "solo")) ?? []
        screen.blank()
        screen.heading("Twofold — practise managing and leading")
        screen.paragraph("Managers support people in their jobs; leaders support them in their careers. Each scenario scores your choices on both, separately.")
        var domain = ""
        for (index, entry) in entries.enumerated() {
            if entry.domain != domain {
                domain = entry.domain
                screen.blank()
                screen.line(screen.bold(TextSafety.terminal(domain.capitalized)))
            }
            let minutes = entry.estimatedMinutes.map { screen.dim(" · \($0) min") } ?? ""
            let number = String(format: "%3d. ", index + 1)
            screen.line(number + screen.bold(TextSafety.terminal(entry.title)) + minutes + (entry.isLocal ? screen.dim(" · ./Scenarios") : ""))
            screen.paragraph(entry.summary, indent: "       ")
        }
        screen.blank()
        if !saved.isEmpty {
            screen.line("  r. Resume a saved session (\(saved.count) saved)")
        }
        let reader = makeLineReader(historyPath: nil)
        reader.completions = { _, _ in (1...entries.count).map(String.init) + (saved.isEmpty ? [] : ["r"]) + ["q"] }
        while true {
            switch reader.read(prompt: "Choose a scenario (1–\(entries.count)\(saved.isEmpty ? "" : ", r") or q): ") {
            case .line(let text):
                let answer = text.lowercased()
                if answer == "q" || answer == "quit" { return }
                if answer == "r" && !saved.isEmpty {
                    try ResumeCommand.parse([]).run()
                    return
                }
                let entry: ScenarioLibrary.Entry?
                if let number = Int(answer), (1...entries.count).contains(number) {
                    entry = entries[number - 1]
                } else {
                    entry = entries.first { $0.id == answer }
                }
                guard let entry else {
                    screen.line("Type a number from 1 to \(entries.count)\(saved.isEmpty ? "" : ", r to resume") or q to quit.")
                    continue
                }
                let result = try ScenarioFiles.loadPlayable(entry.path)
                let learner = try LearnerName.ask(context: context)
                let session = PlaySession(context: context, formats: ReportFormat.defaults, outFolder: nil, email: nil)
                let status = try session.start(result, path: entry.path, learner: learner, cohort: nil)
                if status != 0 { throw ExitCode(status) }
                return
            case .interrupted:
                continue
            case .endOfInput, .terminated:
                return
            }
        }
    }
}
