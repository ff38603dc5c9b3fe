import Foundation
import TwofoldCore
import TwofoldLRS
import TwofoldReports
import TwofoldStore

/// Plays scenarios for learners with the records store behind every step: starts and
/// resumes attempts, and finishes them by writing the report and recording the result.
/// With a learning record store configured (`records`), each step's statements go into
/// the outbox in the step's own transaction.
public struct PlayService: Sendable {
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

    /// Starts a new attempt and saves it before the first scene is shown.
    public func start(_ playable: PlayableScenario, learner: String, options: AttemptOptions) throws -> PlaySession {
        let now = clock.now()
        let engine = Engine(scenario: playable.scenario, fingerprint: playable.fingerprint, at: now, mode: options.mode,
                            analysis: playable.analysis)
        let record: SessionRecord
        do {
            record = SessionRecord(
                kind: "solo", learner: learner, cohort: options.cohort, scenarioID: playable.scenario.id,
                scenarioTitle: playable.scenario.title, scenarioPath: playable.absolutePath, fingerprint: playable.fingerprint,
                state: try engine.state.encoded(), startedAt: now, options: options.encoded())
            try store.createSession(record, remembering: ["learner": learner])
        } catch {
            throw AppError.store(error)
        }
        return session(record.id, learner: learner, options: options, engine: engine, analysis: playable.analysis)
    }

    /// Continues a saved attempt with its own options (any `overrides` taking their place),
    /// refusing a save whose scenario file has changed.
    public func resume(_ record: SessionRecord, library: ScenarioLibrary,
                       overrides: AttemptOptions.Overrides = .init()) throws -> PlaySession {
        let playable = try ResumeProblem.locate(record, library: library)
        let saved: SessionState
        do { saved = try SessionState.decode(record.state) } catch {
            throw ResumeProblem(record: record, reason: "its saved state cannot be read (\(error))", playable: playable)
        }
        do {
            let engine = try Engine(scenario: playable.scenario, fingerprint: playable.fingerprint, resuming: saved,
                                    analysis: playable.analysis)
            let options = AttemptOptions.saved(in: record, mode: saved.mode).overridden(by: overrides)
            return session(record.id, learner: record.learner, options: options, engine: engine, analysis: playable.analysis)
        } catch {
            throw ResumeProblem(record: record, reason: "\(error)", playable: playable)
        }
    }

    /// Gives up a saved attempt (it is no longer offered for resuming).
    public func abandon(_ record: SessionRecord) throws { try abandon(id: record.id) }

    public func abandon(id: String) throws {
        do { try store.abandon(sessionID: id, at: clock.now()) } catch { throw AppError.store(error) }
    }

    private func session(_ id: String, learner: String, options: AttemptOptions, engine: Engine,
                         analysis: ScenarioAnalysis) -> PlaySession {
        let store = self.store, clock = self.clock, records = self.records
        let recording = records?.recording(attemptId: id, learner: learner, options: options, playable: engine.scenario,
                                           analysis: analysis, from: engine.state)
        return PlaySession(id: id, learner: learner, options: options, engine: engine, analysis: analysis, clock: clock) { state, step, detail in
            let data = try JSONSerialization.data(withJSONObject: detail, options: [.sortedKeys])
            let now = clock.now()
            let outbox = try recording?.change(to: state, at: now) ?? .none
            try store.saveStep(sessionID: id, state: try state.encoded(), turn: state.turn, kind: step.rawValue,
                               detail: data, at: now, outbox: outbox)
            recording?.saved(state)
            records?.queued(outbox)
        }
    }

    /// Marks a finished attempt complete, writes its report files and returns what the
    /// learner sees at the end. Safe to call again on a session whose reports were not
    /// written (the ending reached, then the process stopped).
    public func finish(_ session: PlaySession) throws -> FinishedAttempt {
        let finishedAt = clock.now()
        let report: LearnerReport
        do {
            report = try ReportBuilder.build(
                engine: session.engine, analysis: session.analysis, attemptId: session.id, learner: session.learner,
                email: session.options.email, cohort: session.options.cohort, finishedAt: finishedAt)
        } catch {
            throw AppError("cannot build the report: \(error)")
        }
        let files = try sink.write(report, formats: session.options.formats, to: session.options.out, at: finishedAt)
        let outbox = records?.completed([report]) ?? .none
        do {
            try store.complete(
                sessionID: session.id, state: try session.engine.state.encoded(), managerPercent: report.manager.percent,
                leaderPercent: report.leader.percent, profile: report.profile.key.rawValue, endingTitle: report.ending.title,
                reportPaths: files, at: finishedAt, outbox: outbox)
        } catch {
            throw AppError.store(error)
        }
        records?.queued(outbox)
        return FinishedAttempt(report: report, files: files)
    }
}

/// What a finished attempt leaves: its report and the files written.
public struct FinishedAttempt: Sendable {
    public var report: LearnerReport
    public var files: [String]
}

/// Why a saved session cannot be continued, said so a person can act on it: the session
/// (by learner, scenario and id), the reason, and — when the scenario can still be
/// played — the scenario, so the caller can offer to start again.
public struct ResumeProblem: Error, Sendable, CustomStringConvertible {
    public var record: SessionRecord
    public var reason: String
    public var playable: PlayableScenario?

    public var description: String {
        "cannot resume \(TextSafety.message(record.learner))'s session of \"\(TextSafety.message(record.scenarioTitle))\" (\(record.id.prefix(8))): \(TextSafety.message(reason))"
    }

    /// The scenario file of a saved session: where it was, else the library's scenario with its id.
    static func locate(_ record: SessionRecord, library: ScenarioLibrary) throws -> PlayableScenario {
        if FileSystem.kind(of: record.scenarioPath) == .file {
            do { return try ScenarioFile.read(record.scenarioPath).playable() } catch {
                throw ResumeProblem(record: record, reason: "its scenario file \(record.scenarioPath) cannot be played now", playable: nil)
            }
        }
        if let found = library.scenario(id: record.scenarioID) { return found }
        throw ResumeProblem(record: record, reason: "its scenario file \(record.scenarioPath) is gone, and no scenario \"\(record.scenarioID)\" is in the library", playable: nil)
    }
}
