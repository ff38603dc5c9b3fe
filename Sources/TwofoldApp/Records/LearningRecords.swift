import Foundation
import TwofoldCore
import TwofoldLRS
import TwofoldReports
import TwofoldStore

/// Where this process's learning records go: with a learning record store configured, the
/// statements of every step into the outbox (in the step's transaction) and a background
/// worker that delivers them; without one, nowhere but the report files.
///
/// One per ``Application``: the play and group services ask it for a session's recording,
/// tell it when statements were queued, and the screens ``close(timeout:)`` it when the
/// session ends.
public final class LearningRecords: Sendable {
    public let settings: LRSSettings
    public let store: RecordsStore
    /// The configuration file the settings may come from, for messages.
    public let configFile: String?
    private let worker: DeliveryWorker?

    public init(settings: LRSSettings, store: RecordsStore, configFile: String? = nil) {
        self.settings = settings
        self.store = store
        self.configFile = configFile
        worker = settings.endpoint.map { DeliveryWorker(delivery: Delivery(store: store, client: LRSClient(endpoint: $0))) }
    }

    /// Whether statements are recorded at all.
    public var isOn: Bool { settings.endpoint != nil }

    /// The recording of a learner's attempt; nil when no record store is configured.
    public func recording(attemptId: String, learner: String, options: AttemptOptions, playable scenario: Scenario,
                          analysis: ScenarioAnalysis, from state: SessionState) -> SessionRecording? {
        guard isOn else { return nil }
        worker?.start()
        let attempt = XAPIAttempt(attemptId: attemptId, learner: learner, email: options.email, cohort: options.cohort,
                                  scenarioId: scenario.id, scenarioTitle: scenario.title, baseIRI: settings.xapiBase)
        return SessionRecording(.solo(AttemptRecorder(attempt: attempt)), scenario: scenario, analysis: analysis, from: state)
    }

    /// The recording of a facilitated session, every participant's statements; nil when
    /// no record store is configured.
    public func recording(groupSessionId: String, roster: Roster, options: AttemptOptions, facilitation: Facilitation,
                          analysis: ScenarioAnalysis) -> SessionRecording? {
        guard isOn else { return nil }
        worker?.start()
        let recorder = GroupRecorder(groupSessionId: groupSessionId, roster: roster, cohort: options.cohort,
                                     scenario: facilitation.scenario, baseIRI: settings.xapiBase)
        return SessionRecording(.group(recorder), scenario: facilitation.scenario, analysis: analysis,
                                from: facilitation.engine.state)
    }

    /// The `completed` statements of finished reports; none when no record store is configured.
    public func completed(_ reports: [LearnerReport]) -> OutboxChange {
        isOn ? .completed(reports, baseIRI: settings.xapiBase) : .none
    }

    /// Says that statements were queued: the worker sends them soon.
    public func queued(_ change: OutboxChange) {
        if !change.isEmpty { worker?.nudge() }
    }

    /// At the end of a session: sends what waits, for at most `timeout` seconds, then stops
    /// the worker. Returns a line for people when statements are left waiting.
    @discardableResult
    public func close(timeout: TimeInterval = 3) -> String? {
        guard let worker else { return nil }
        let failure = worker.flush(timeout: timeout)
        worker.stop()
        guard let waiting = try? store.outboxWaiting().count, waiting > 0 else { return nil }
        let count = "\(waiting) learning record statement\(waiting == 1 ? "" : "s")"
        return "\(count) wait\(waiting == 1 ? "s" : "") in the outbox" + (failure.map { " (\($0.description))" } ?? "")
            + "; they go with the next session, or now with `twofold lrs push`"
    }

    /// The cohort reader over the record store, for `cohort --lrs`.
    public func cohortReader(_ filter: CohortFilter) throws -> LRSCohortReader {
        LRSCohortReader(client: LRSClient(endpoint: try endpoint()), xapiBase: settings.xapiBase, filter: filter)
    }
}
