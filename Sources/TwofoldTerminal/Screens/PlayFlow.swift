import Foundation
import TwofoldApp
import TwofoldCore

/// An attempt at the prompt from its first (or resumed) scene to its end: the play loop,
/// then — when an ending is reached — the report and the headline. Shared by `play`,
/// `resume` and the menu. Returns the exit status.
public enum PlayFlow {
    public static func run(_ session: PlaySession, service: PlayService, historyFile: String, resumed: Bool) throws -> Int32 {
        if session.engine.phase == .finished {  // the ending was reached but the report not yet written
            return try finish(session, service: service)
        }
        let loop = PlayLoop(session: session, reader: makeLineReader(historyPath: historyFile), screen: .standard)
        let exit: PlayLoop.Exit
        do { exit = try loop.run(resumed: resumed) } catch {
            throw AppError.stepNotSaved(error, earlier: "decisions")
        }
        switch exit {
        case .finished: return try finish(session, service: service)
        case .saved:
            // Left before doing anything: no session is kept to pile up in the resume list.
            if session.engine.state.turn == 0 { try? service.abandon(id: session.id) }
            LearningRecordsNote.close(service.records)
            return 0
        case .terminated(let signal): return 128 + signal
        }
    }

    private static func finish(_ session: PlaySession, service: PlayService) throws -> Int32 {
        let finished = try service.finish(session)
        Headline.show(finished, screen: .standard)
        LearningRecordsNote.close(service.records)
        return 0
    }
}

/// The end-of-scenario summary: two separate bars, the profile, and where the files went.
public enum Headline {
    public static func show(_ finished: FinishedAttempt, screen: Screen) {
        let report = finished.report
        screen.blank()
        screen.heading("Your result")
        for (name, score) in [("Manager", report.manager), ("Leader", report.leader)] {
            let label = name.padding(toLength: 8, withPad: " ", startingAt: 0)
            screen.line("  \(screen.bold(label)) \(screen.bar(percent: score.percent, width: 24)) \(String(format: "%3d", score.percent))%")
        }
        if let balanced = report.balancedPath {
            screen.line(screen.dim("  Doing both at every step reaches manager \(balanced.scores.manager.percent)% and leader \(balanced.scores.leader.percent)% here."))
        }
        screen.blank()
        screen.line("  Profile: " + screen.bold(report.profile.label))
        screen.paragraph(report.profile.meaning, indent: "  ")
        if report.integrity.takeBacks > 0 || report.integrity.restarts > 0 || report.integrity.mode == .assessed {
            screen.paragraph("Attempt: " + report.integrity.summary, indent: "  ")
        }
        if !report.reflection.isEmpty {
            screen.blank()
            screen.line("  To reflect on:")
            for prompt in report.reflection { screen.paragraph(prompt, indent: "  • ", hanging: "    ") }
        }
        screen.blank()
        screen.line(finished.files.count == 1 ? "  Report written:" : "  Reports written:")
        for file in finished.files { screen.line("    " + TextSafety.terminal(file)) }
    }
}

extension Screen {
    /// Standard output, sized and coloured for the terminal it is, following resizes.
    public static var standard: Screen {
        Screen.terminal(colour: TerminalInfo.useColour) { text in Console.standardOutput.write(text) }
    }
}

/// The end of a session for its learning records: a short bounded send of what waits,
/// and one line on standard error when statements are left for later.
enum LearningRecordsNote {
    static func close(_ records: LearningRecords?) {
        if let note = records?.close() { Console.standardError.line("twofold: note: " + TextSafety.message(note)) }
    }
}
