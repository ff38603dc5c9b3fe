import Foundation
import TwofoldCore
import TwofoldReports
import TwofoldStore
import TwofoldTerminal

/// Plays a scenario for one learner with the records store behind every step, and writes
/// the report when an ending is reached. Shared by `play`, `resume` and the menu.
struct PlaySession {
    let context: AppContext
    let formats: [ReportFormat]
    let outFolder: String?
    let email: String?

    /// Starts a new attempt.
    func start(_ result: LintResult, path: String, learner: String, cohort: String?) throws -> Int32 {
        guard let scenario = result.playable else { throw CLIError(message: "\(path) cannot be played") }
        let fingerprint = Fingerprint.of(try Data(contentsOf: URL(fileURLWithPath: path)))
        let now = Date()
        let engine = Engine(scenario: scenario, fingerprint: fingerprint, at: now)
        let record = SessionRecord(
            kind: "solo", learner: learner, cohort: cohort, scenarioID: scenario.id, scenarioTitle: scenario.title,
            scenarioPath: URL(fileURLWithPath: path).standardizedFileURL.path, fingerprint: fingerprint,
            state: try engine.state.encoded(), startedAt: now)
        try context.store.createSession(record)
        try? context.store.setSetting("learner", learner)
        return try run(engine, record: record, resumed: false)
    }

    /// Continues a saved attempt, refusing one whose scenario file has changed.
    func resume(_ record: SessionRecord) throws -> Int32 {
        let path = try locate(record)
        let result = try ScenarioFiles.loadPlayable(path)
        guard let scenario = result.playable else { throw CLIError(message: "\(path) cannot be played") }
        let fingerprint = Fingerprint.of(try Data(contentsOf: URL(fileURLWithPath: path)))
        let saved = try SessionState.decode(record.state)
        do {
            let engine = try Engine(scenario: scenario, fingerprint: fingerprint, resuming: saved)
            return try run(engine, record: record, resumed: true)
        } catch let error as EngineError {
            return try offerRestart(record, reason: error.description, result: result, path: path)
        }
    }

    /// The scenario file for a saved session: where it was, else the library entry with its id.
    func locate(_ record: SessionRecord) throws -> String {
        if FileManager.default.fileExists(atPath: record.scenarioPath) { return record.scenarioPath }
        if let entry = ScenarioLibrary.standard.scan().entries.first(where: { $0.id == record.scenarioID }) { return entry.path }
        throw CLIError(message: "the scenario file of this session (\(TextSafety.message(record.scenarioPath))) is gone, and no scenario \"\(record.scenarioID)\" is in the library", exitCode: 66)
    }

    /// A save that no longer fits its scenario is never replayed: say so, and offer a fresh start.
    private func offerRestart(_ record: SessionRecord, reason: String, result: LintResult, path: String) throws -> Int32 {
        let err = Terminal.standardError
        err.line("twofold: cannot resume \(TextSafety.message(record.learner))'s session of \"\(TextSafety.message(record.scenarioTitle))\": \(reason).")
        guard TerminalInfo.isInteractive else {
            err.line("Start again with: twofold play \(record.scenarioID) --learner \(shellQuoted(record.learner))")
            return 1
        }
        let reader = makeLineReader(historyPath: nil)
        guard case .line(let answer) = reader.read(prompt: "Start this scenario again from the beginning? [y/N] "),
              ["y", "yes"].contains(answer.lowercased()) else {
            err.line("The saved session was left as it is.")
            return 1
        }
        try context.store.abandon(sessionID: record.id, at: Date())
        return try start(result, path: path, learner: record.learner, cohort: record.cohort)
    }

    private func run(_ engine: Engine, record: SessionRecord, resumed: Bool) throws -> Int32 {
        if engine.phase == .finished {  // the ending was reached but the report not yet written
            return try finish(engine, record: record)
        }
        let store = context.store
        let reader = makeLineReader(historyPath: context.paths.historyFile)
        let loop = PlayLoop(engine: engine, reader: reader, screen: AppContext.screen(), now: { Date() }) { state, step, detail in
            let detailData = try JSONSerialization.data(withJSONObject: detail, options: [.sortedKeys])
            try store.saveStep(sessionID: record.id, state: try state.encoded(), turn: state.turn,
                               kind: step.rawValue, detail: detailData, at: Date())
        }
        switch try loop.run(resumed: resumed) {
        case .finished(let engine):
            return try finish(engine, record: record)
        case .saved:
            return 0
        case .terminated(_, let signal):
            return 128 + signal
        }
    }

    /// Marks the attempt complete, writes the report files and shows the headline.
    private func finish(_ engine: Engine, record: SessionRecord) throws -> Int32 {
        let analysis = ScenarioAnalysis(engine.scenario)
        let finishedAt = Date()
        let report: LearnerReport
        do {
            report = try ReportBuilder.build(
                engine: engine, analysis: analysis, attemptId: record.id, learner: record.learner, email: email,
                cohort: record.cohort, finishedAt: finishedAt, sessionKind: record.kind == "group" ? .group : .solo,
                groupSessionId: record.groupSessionID)
        } catch {
            throw CLIError(message: "cannot build the report: \(error)")
        }
        let folder = outFolder ?? context.paths.reportsDirectory
        let written = try ReportOutput.write(report, formats: formats, to: folder, at: finishedAt)
        let card = ScoreCard(decisions: engine.state.decisions, scenario: engine.scenario, analysis: analysis)
        try context.store.complete(
            sessionID: record.id, state: try engine.state.encoded(), managerPercent: card.manager.percent,
            leaderPercent: card.leader.percent, profile: card.profile.key.rawValue,
            endingTitle: engine.currentScene.ending?.title ?? "", reportPaths: written, at: finishedAt)
        Headline.show(card, reflection: engine.scenario.reflection, files: written, screen: AppContext.screen())
        return 0
    }
}

/// The end-of-scenario summary: two separate bars, the profile, and where the files went.
enum Headline {
    static func show(_ card: ScoreCard, reflection: [String], files: [String], screen: Screen) {
        screen.blank()
        screen.heading("Your result")
        for (name, score) in [("Manager", card.manager), ("Leader", card.leader)] {
            let label = name.padding(toLength: 8, withPad: " ", startingAt: 0)
            screen.line("  \(screen.bold(label)) \(screen.bar(percent: score.percent, width: 24)) \(String(format: "%3d", score.percent))%")
        }
        screen.blank()
        screen.line("  Profile: " + screen.bold(card.profile.label))
        screen.paragraph(card.profile.meaning, indent: "  ")
        if !reflection.isEmpty {
            screen.blank()
            screen.line("  To reflect on:")
            for prompt in reflection { screen.paragraph(prompt, indent: "  • ", hanging: "    ") }
        }
        screen.blank()
        screen.line(files.count == 1 ? "  Report written:" : "  Reports written:")
        for file in files { screen.line("    " + TextSafety.terminal(file)) }
    }
}

/// Quotes a string for a POSIX shell command line shown to the user.
func shellQuoted(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
    if safe && !text.isEmpty { return text }
    return "'" + TextSafety.terminal(text).replacingOccurrences(of: "'", with: "'\\''") + "'"
}
