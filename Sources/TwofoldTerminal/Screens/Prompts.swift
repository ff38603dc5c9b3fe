import Foundation
import TwofoldApp
import TwofoldCore
import TwofoldStore

/// The small questions a command asks at a terminal.
public enum Prompts {
    /// The longest learner name accepted.
    public static let maxNameLength = 200

    /// The learner's name: asked at a terminal (the last one used is the default), else
    /// the last one used, else "Learner". Nil when the person leaves (Ctrl-D).
    public static func learnerName(remembered: String?) -> String? {
        guard TerminalInfo.isInteractive else { return remembered ?? "Learner" }
        let reader = makeLineReader(historyPath: nil)
        while true {
            let prompt = remembered.map { "Your name [\(TextSafety.terminal($0))]: " } ?? "Your name: "
            switch reader.read(prompt: prompt) {
            case .line(let text):
                let name = text.isEmpty ? (remembered ?? "") : text
                if name.isEmpty { continue }
                if name.count > maxNameLength {
                    Console.standardOutput.line("Please use at most \(maxNameLength) characters.")
                    continue
                }
                return name
            case .interrupted:
                Console.standardOutput.line("(Ctrl-D or an empty line and Ctrl-D leaves.)")
            case .endOfInput, .terminated:
                return nil
            }
        }
    }

    /// A yes/no question at a terminal; no without one, or on anything but y/yes.
    public static func confirm(_ question: String) -> Bool {
        guard TerminalInfo.isInteractive else { return false }
        guard case .line(let answer) = makeLineReader(historyPath: nil).read(prompt: question + " [y/N] ") else { return false }
        return ["y", "yes"].contains(answer.lowercased())
    }

    /// Lists saved sessions, one line each, for `resume` and the menu.
    public static func list(_ sessions: [SessionRecord], console: Console = .standardOutput) {
        console.line("Saved sessions:")
        for (index, record) in sessions.enumerated() {
            let decisions = SavedSessionSummary.decisions(record.state)
            console.line("  \(index + 1). \(TextSafety.message(record.learner)) · \(TextSafety.message(record.scenarioTitle)) · "
                         + "\(decisions) decision\(decisions == 1 ? "" : "s") · saved \(Dates.listing(record.updatedAt)) · \(record.id.prefix(8))")
        }
    }

    /// One of `sessions`, chosen by number at a terminal; nil when none was.
    public static func pick(_ sessions: [SessionRecord]) -> SessionRecord? {
        let reader = makeLineReader(historyPath: nil)
        while true {
            switch reader.read(prompt: "Resume which? (1–\(sessions.count), or q) ") {
            case .line(let text):
                if text.lowercased() == "q" || text.isEmpty { return nil }
                if let number = Int(text), (1...sessions.count).contains(number) { return sessions[number - 1] }
                Console.standardOutput.line("Type a number from 1 to \(sessions.count), or q.")
            case .interrupted: continue
            case .endOfInput, .terminated: return nil
            }
        }
    }
}

/// Reads just enough of a saved state for listings.
public enum SavedSessionSummary {
    public static func decisions(_ data: Data) -> Int {
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        if let session = object?["session"] as? [String: Any] { return (session["decisions"] as? [Any])?.count ?? 0 }
        return (object?["decisions"] as? [Any])?.count ?? 0
    }
}

/// Dates for listings: the local time zone, ISO order, a 24-hour clock (`2026-11-30 23:44`).
public enum Dates {
    public static func listing(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }
}
