import Foundation
import TwofoldCore
import TwofoldReports
import TwofoldStore
import TwofoldTerminal

/// Runs a facilitated group session with the records store behind every step, and writes
/// the group report and every participant's learner report when an ending is reached.
/// Shared by `facilitate` and `resume`.
struct FacilitateSession {
    let context: AppContext
    /// The formats of the participants' learner reports.
    let formats: [ReportFormat]
    let outFolder: String?

    /// Starts a new group session.
    func start(_ result: LintResult, path: String, roster: Roster, cohort: String?, discussSeconds: Int?) throws -> Int32 {
        guard let scenario = result.playable else { throw CLIError(message: "\(path) cannot be played") }
        let fingerprint = Fingerprint.of(try Data(contentsOf: URL(fileURLWithPath: path)))
        let facilitation = Facilitation(scenario: scenario, fingerprint: fingerprint, roster: roster,
                                        discussSeconds: discussSeconds, at: Date())
        let record = SessionRecord(
            kind: "group", learner: Self.label(roster), cohort: cohort, scenarioID: scenario.id,
            scenarioTitle: scenario.title, scenarioPath: URL(fileURLWithPath: path).standardizedFileURL.path,
            fingerprint: fingerprint, state: try facilitation.state.encoded(), startedAt: facilitation.engine.state.startedAt)
        try context.store.createSession(record)
        return try run(facilitation, record: record, resumed: false)
    }

    /// Continues a saved group session; one whose scenario file has changed is refused.
    func resume(_ record: SessionRecord) throws -> Int32 {
        let path = try PlaySession(context: context, formats: formats, outFolder: outFolder, email: nil).locate(record)
        let result = try ScenarioFiles.loadPlayable(path)
        guard let scenario = result.playable else { throw CLIError(message: "\(path) cannot be played") }
        let fingerprint = Fingerprint.of(try Data(contentsOf: URL(fileURLWithPath: path)))
        let facilitation: Facilitation
        do {
            let saved = try FacilitationState.decode(record.state)
            facilitation = try Facilitation(scenario: scenario, fingerprint: fingerprint, resuming: saved)
        } catch let error as FacilitationError {
            throw cannotResume(record, error.description)
        } catch let error as EngineError {
            throw cannotResume(record, error.description)
        }
        return try run(facilitation, record: record, resumed: true)
    }

    /// A saved group session is never replayed onto a scenario it no longer fits.
    private func cannotResume(_ record: SessionRecord, _ reason: String) -> CLIError {
        CLIError(message: "cannot resume the group session \(record.id.prefix(8)) of \"\(TextSafety.message(record.scenarioTitle))\": \(TextSafety.message(reason))")
    }

    /// The name a group session is listed under: `Group: Ana, Ben, Chi`.
    static func label(_ roster: Roster) -> String {
        var text = "Group: " + roster.names.prefix(4).joined(separator: ", ")
        if roster.count > 4 { text += " and \(roster.count - 4) more" }
        return text
    }

    private func run(_ facilitation: Facilitation, record: SessionRecord, resumed: Bool) throws -> Int32 {
        if facilitation.phase == .finished {  // the ending was reached but the reports not yet written
            return try finish(facilitation, record: record)
        }
        let store = context.store
        let history = URL(fileURLWithPath: context.paths.historyFile).deletingLastPathComponent()
            .appendingPathComponent("facilitate-history").path
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let loop = FacilitationLoop(
            facilitation: facilitation, reader: makeLineReader(historyPath: history), screen: AppContext.screen(),
            now: { Date() }
        ) { state, step in
            try store.saveStep(sessionID: record.id, state: try state.encoded(), turn: state.turn,
                               kind: step.kind.rawValue, detail: try encoder.encode(step), at: Date())
        }
        switch try loop.run(resumed: resumed) {
        case .finished(let facilitation):
            return try finish(facilitation, record: record)
        case .saved:
            return 0
        case .terminated(_, let signal):
            return 128 + signal
        }
    }

    /// Writes every report, records each participant's attempt, marks the session
    /// complete and shows the results.
    private func finish(_ facilitation: Facilitation, record: SessionRecord) throws -> Int32 {
        let analysis = ScenarioAnalysis(facilitation.scenario)
        let finishedAt = Date()
        let reports: GroupReportBuilder.Reports
        do {
            reports = try GroupReportBuilder.build(facilitation, analysis: analysis, groupSessionId: record.id,
                                                   cohort: record.cohort, finishedAt: finishedAt)
        } catch {
            throw CLIError(message: "cannot build the reports: \(error)")
        }
        let folder = outFolder ?? context.paths.reportsDirectory
        let written = try write(reports, to: folder, at: finishedAt)

        for (index, report) in reports.participants.enumerated() {
            var state = facilitation.engine.state
            state.decisions = facilitation.decisions(of: index)
            let attempt = SessionRecord(
                id: report.attemptId, kind: "group", learner: report.learner.name, cohort: record.cohort,
                scenarioID: record.scenarioID, scenarioTitle: record.scenarioTitle, scenarioPath: record.scenarioPath,
                fingerprint: record.fingerprint, state: try state.encoded(), status: "complete", startedAt: record.startedAt,
                updatedAt: finishedAt, finishedAt: finishedAt, managerPercent: report.manager.percent,
                leaderPercent: report.leader.percent, profile: report.profile.key.rawValue, endingTitle: report.ending.title,
                reportPaths: written.participants[index], groupSessionID: record.id)
            do { try context.store.createSession(attempt) } catch StoreError.sessionExists {
                // Written by an earlier finish that stopped before the session was marked complete.
            }
        }
        let path = reports.group.path
        try context.store.complete(
            sessionID: record.id, state: try facilitation.state.encoded(),
            managerPercent: path.scores["manager"]?.percent ?? 0, leaderPercent: path.scores["leader"]?.percent ?? 0,
            profile: path.profile.key.rawValue, endingTitle: reports.group.ending.title,
            reportPaths: written.group + written.participants.flatMap { $0 }, at: finishedAt)
        GroupResults.show(reports.group, written: written, folder: folder, screen: AppContext.screen())
        return 0
    }

    /// The files written: the group report's, then each participant's (in roster order).
    struct Written {
        var group: [String]
        var participants: [[String]]
    }

    /// Renders every report first (so a failure leaves no file behind), then writes each
    /// atomically, never over an existing file.
    private func write(_ reports: GroupReportBuilder.Reports, to folder: String, at date: Date) throws -> Written {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError(message: "cannot create the report folder \(TextSafety.message(folder)): \(error.localizedDescription)", exitCode: 73)
        }
        let scenario = reports.group.scenario.id
        let group = try GroupReport.formats.compactMap { format in
            try reports.group.rendered(format).map { (format, $0) }
        }
        let participants = try reports.participants.map { report in
            try formats.map { ($0, try $0.render(report)) }
        }
        func store(_ data: Data, learner: String, format: ReportFormat) throws -> String {
            let name = ReportFileName.make(learner: learner, scenario: scenario, timestamp: date, ext: format.fileExtension)
            return try ReportOutput.writeNew(data, folder: folder, name: name, ext: format.fileExtension)
        }
        return Written(
            group: try group.map { try store($0.1, learner: "group", format: $0.0) },
            participants: try zip(reports.participants, participants).map { report, files in
                try files.map { try store($0.1, learner: report.learner.name, format: $0.0) }
            })
    }
}

/// The end-of-session summary for the room: each participant's two scores and profile,
/// the decisions that divided the room most, and where the reports went.
enum GroupResults {
    static func show(_ report: GroupReport, written: FacilitateSession.Written, folder: String, screen: Screen) {
        let margin = "    "
        screen.blank()
        screen.heading("Results")
        screen.blank()
        let names = report.participants.map { TextSafety.terminal($0.name) }
        let width = min(24, names.map(TextLayout.displayWidth).max() ?? 0)
        for (participant, name) in zip(report.participants, names) {
            let padded = name + String(repeating: " ", count: max(0, width - TextLayout.displayWidth(name)))
            screen.line("\(margin)\(screen.bold(padded))  manager \(screen.bar(percent: participant.manager.percent, width: 12)) \(String(format: "%3d", participant.manager.percent))%"
                        + "   leader \(screen.bar(percent: participant.leader.percent, width: 12)) \(String(format: "%3d", participant.leader.percent))%"
                        + "   \(participant.profile.label)" + (participant.abstentions > 0 ? screen.dim("  (abstained \(participant.abstentions))") : ""))
        }
        if !report.mostDivided.isEmpty {
            screen.blank()
            screen.line(margin + screen.bold("Most divided decisions, to start the debrief:"))
            for item in report.mostDivided {
                let split = report.decisions[item.decision - 1].options.filter { $0.votes > 0 }.map { "\($0.number): \($0.votes)" }
                screen.line("\(margin)  Decision \(item.decision) (votes \(split.joined(separator: ", ")))")
            }
        }
        screen.blank()
        screen.line(margin + "Group report:")
        for file in written.group { screen.line(margin + "  " + TextSafety.terminal(file)) }
        screen.line(margin + "Learner reports, one per participant:")
        for file in written.participants.flatMap({ $0 }) { screen.line(margin + "  " + TextSafety.terminal(file)) }
    }
}
