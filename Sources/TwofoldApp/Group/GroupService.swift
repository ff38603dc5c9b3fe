import Foundation
import TwofoldCore
import TwofoldReports
import TwofoldStore

/// Runs facilitated group sessions with the records store behind every step: starts and
/// resumes them, and finishes them by writing the group report and one learner report
/// per participant, each recorded as that participant's attempt. With a learning record
/// store configured (`records`), every participant's statements go into the outbox in the
/// transaction of the step that makes them.
public struct GroupService: Sendable {
    public let store: RecordsStore
    public let sink: ReportSink
    public let clock: any Clock
    public let records: LearningRecords?

    public init(store: RecordsStore, sink: ReportSink, clock: any Clock, records: LearningRecords? = nil) {
        self.store = store
        self.sink = sink
        self.clock = clock
        self.records = records
    }

    /// Starts a new group session and saves it before the first scene is shown.
    /// `options.formats` are the participants' report formats.
    public func start(_ playable: PlayableScenario, roster: Roster, options: AttemptOptions,
                      discussSeconds: Int?) throws -> GroupSession {
        var options = options
        options.mode = .group
        let facilitation = Facilitation(scenario: playable.scenario, fingerprint: playable.fingerprint, roster: roster,
                                        discussSeconds: discussSeconds, at: clock.now(), analysis: playable.analysis)
        let record: SessionRecord
        do {
            record = SessionRecord(
                kind: "group", learner: Self.label(roster), cohort: options.cohort, scenarioID: playable.scenario.id,
                scenarioTitle: playable.scenario.title, scenarioPath: playable.absolutePath, fingerprint: playable.fingerprint,
                state: try facilitation.state.encoded(), startedAt: facilitation.engine.state.startedAt, options: options.encoded())
            try store.createSession(record)
        } catch {
            throw AppError.store(error)
        }
        return session(record.id, options: options, facilitation: facilitation, analysis: playable.analysis)
    }

    /// Continues a saved group session; one whose scenario file has changed is refused.
    public func resume(_ record: SessionRecord, library: ScenarioLibrary,
                       overrides: AttemptOptions.Overrides = .init()) throws -> GroupSession {
        let playable = try ResumeProblem.locate(record, library: library)
        do {
            let saved = try FacilitationState.decode(record.state)
            let facilitation = try Facilitation(scenario: playable.scenario, fingerprint: playable.fingerprint, resuming: saved,
                                                analysis: playable.analysis)
            let options = AttemptOptions.saved(in: record, mode: .group).overridden(by: overrides)
            return session(record.id, options: options, facilitation: facilitation, analysis: playable.analysis)
        } catch {
            throw ResumeProblem(record: record, reason: "\(error)", playable: nil)
        }
    }

    private func session(_ id: String, options: AttemptOptions, facilitation: Facilitation,
                         analysis: ScenarioAnalysis) -> GroupSession {
        let store = self.store, clock = self.clock, records = self.records
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let recording = records?.recording(groupSessionId: id, roster: facilitation.roster, options: options,
                                           facilitation: facilitation, analysis: analysis)
        return GroupSession(id: id, options: options, facilitation: facilitation, analysis: analysis, clock: clock) { state, step in
            let now = clock.now()
            let outbox = try recording?.change(to: state.session, votes: state.decisions.map(\.votes), at: now) ?? .none
            try store.saveStep(sessionID: id, state: try state.encoded(), turn: state.turn, kind: step.kind.rawValue,
                               detail: try encoder.encode(step), at: now, outbox: outbox)
            recording?.saved(state.session)
            records?.queued(outbox)
        }
    }

    /// The name a group session is listed under: `Group: Ana, Ben, Chi`.
    public static func label(_ roster: Roster) -> String {
        if roster.count == 0 { return "Group: open room" }
        var text = "Group: " + roster.names.prefix(4).joined(separator: ", ")
        if roster.count > 4 { text += " and \(roster.count - 4) more" }
        return text
    }

    /// Writes every report, records each participant's attempt and marks the session
    /// complete. Safe to call again after a finish that stopped part-way.
    public func finish(_ session: GroupSession) throws -> FinishedGroupSession {
        let facilitation = session.current
        let finishedAt = clock.now()
        let reports: GroupReportBuilder.Reports
        do {
            reports = try GroupReportBuilder.build(facilitation, analysis: session.analysis, groupSessionId: session.id,
                                                   cohort: session.options.cohort, finishedAt: finishedAt)
        } catch {
            throw AppError("cannot build the reports: \(error)")
        }
        let scenario = reports.group.scenario.id
        let groupFiles: [(ext: String, data: Data)]
        do {
            groupFiles = try GroupReport.formats.compactMap { format in try reports.group.rendered(format).map { (format.fileExtension, $0) } }
        } catch {
            throw AppError("cannot render the group report: \(error)")
        }
        let participantFiles = try reports.participants.map { try sink.render($0, session.options.formats) }
        let group = try sink.write(groupFiles, to: session.options.out) {
            ReportFileName.make(learner: "group", scenario: scenario, timestamp: finishedAt, ext: $0)
        }
        var participants: [[String]] = []
        for (report, files) in zip(reports.participants, participantFiles) {
            participants.append(try sink.write(files, to: session.options.out) {
                ReportFileName.make(learner: report.learner.name, scenario: scenario, timestamp: finishedAt, ext: $0)
            })
        }
        let outbox = records?.completed(reports.participants) ?? .none
        do {
            try record(facilitation, reports: reports, files: participants, session: session, at: finishedAt)
            let path = reports.group.path
            try store.complete(
                sessionID: session.id, state: try facilitation.state.encoded(), managerPercent: path.scores.manager.percent,
                leaderPercent: path.scores.leader.percent, profile: path.profile.key.rawValue,
                endingTitle: reports.group.ending.title, reportPaths: group + participants.flatMap { $0 }, at: finishedAt,
                outbox: outbox)
        } catch {
            throw AppError.store(error)
        }
        records?.queued(outbox)
        return FinishedGroupSession(report: reports.group, groupFiles: group, participantFiles: participants)
    }

    /// One finished attempt per participant, on their own votes.
    private func record(_ facilitation: Facilitation, reports: GroupReportBuilder.Reports, files: [[String]],
                        session: GroupSession, at finishedAt: Date) throws {
        guard let group = try store.session(id: session.id) else { return }
        for (index, report) in reports.participants.enumerated() {
            var state = facilitation.engine.state
            state.decisions = facilitation.decisions(of: index)
            let attempt = SessionRecord(
                id: report.attemptId, kind: "group", learner: report.learner.name, cohort: group.cohort,
                scenarioID: group.scenarioID, scenarioTitle: group.scenarioTitle, scenarioPath: group.scenarioPath,
                fingerprint: group.fingerprint, state: try state.encoded(), status: "complete", startedAt: group.startedAt,
                updatedAt: finishedAt, finishedAt: finishedAt, managerPercent: report.manager.percent,
                leaderPercent: report.leader.percent, profile: report.profile.key.rawValue, endingTitle: report.ending.title,
                reportPaths: files[index], groupSessionID: group.id)
            do { try store.createSession(attempt) } catch StoreError.sessionExists {
                // Written by an earlier finish that stopped before the session was marked complete.
            }
        }
    }
}

/// What a finished group session leaves: the group report and every file written.
public struct FinishedGroupSession: Sendable {
    public var report: GroupReport
    public var groupFiles: [String]
    /// Each participant's learner report files, in roster order.
    public var participantFiles: [[String]]
}
