import Foundation
import TwofoldApp
import TwofoldCore

/// The main job's menu: the library grouped by domain, and a way to resume.
public enum MenuScreen {
    /// What the person chose.
    public enum Choice: Sendable {
        case play(ScenarioLibrary.Entry)
        case resume
        case quit
    }

    public static func run(_ entries: [ScenarioLibrary.Entry], saved: Int, screen: Screen = .standard) -> Choice {
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
            let scenario = entry.scenario.scenario
            let minutes = scenario.estimatedMinutes.map { screen.dim(" · \($0) min") } ?? ""
            let number = String(format: "%3d. ", index + 1)
            screen.line(number + screen.bold(TextSafety.terminal(entry.title)) + minutes + (entry.isLocal ? screen.dim(" · ./Scenarios") : ""))
            screen.paragraph(scenario.summary, indent: "       ")
        }
        screen.blank()
        if saved > 0 { screen.line("  r. Resume a saved session (\(saved) saved)") }
        let reader = makeLineReader(historyPath: nil)
        reader.completions = { _, _ in (1...max(1, entries.count)).map(String.init) + (saved == 0 ? [] : ["r"]) + ["q"] }
        let choices = "1–\(entries.count)\(saved == 0 ? "" : ", r") or q"
        while true {
            switch reader.read(prompt: "Choose a scenario (\(choices)): ") {
            case .line(let text):
                let answer = text.lowercased()
                if answer == "q" || answer == "quit" { return .quit }
                if answer == "r" && saved > 0 { return .resume }
                if let number = Int(answer), (1...entries.count).contains(number) { return .play(entries[number - 1]) }
                if let entry = entries.first(where: { $0.id == answer }) { return .play(entry) }
                screen.line("Type a number from 1 to \(entries.count)\(saved == 0 ? "" : ", r to resume") or q to quit.")
            case .interrupted:
                screen.line(screen.dim("(Type q, or press Ctrl-D, to leave.)"))
            case .endOfInput, .terminated:
                return .quit
            }
        }
    }
}
