import Foundation
import TwofoldCore
import TwofoldReports
import TwofoldStore

/// Follows a session's saved states and says what each step puts in the outbox, to be
/// saved in the same transaction as the step.
///
/// A step is read as the difference between the state last saved and the next: decisions
/// whose turn is new were just made (their `answered` statements are queued), decisions
/// whose turn is gone were taken back (`back` takes one, `restart` all; each is withdrawn,
/// or voided once it may have left). So `choose`, `back`, `restart`, a group's `go` and
/// its `back` need no case of their own, and a vote cast or a split revealed puts nothing.
public final class SessionRecording: @unchecked Sendable {
    /// Whose statements a step makes: one learner's, or every participant's of a group.
    public enum Learners: Sendable {
        case solo(AttemptRecorder)
        case group(GroupRecorder)
    }

    public let learners: Learners
    private let scenario: Scenario
    /// The session's engine before its first decision, made once: each step's replay
    /// starts from a copy (sharing its step index) instead of building one.
    private let start: Engine
    private let lock = NSLock()
    /// The turns of the decisions that stood in the state last saved.
    private var standing: [Int]

    /// A recording that starts from `state` (a new session's, or a resumed one's).
    public init(_ learners: Learners, scenario: Scenario, analysis: ScenarioAnalysis, from state: SessionState) {
        self.learners = learners
        self.scenario = scenario
        standing = state.decisions.map(\.turn)
        start = Engine(scenario: scenario, fingerprint: state.fingerprint, at: state.startedAt, mode: state.mode,
                       analysis: analysis)
    }

    /// What the step to `state` puts in the outbox. In a group session `votes` holds each
    /// group decision's votes, in the order of `state.decisions`.
    public func change(to state: SessionState, votes: [[ParticipantVote]] = [], at now: Date) throws -> OutboxChange {
        let before = lock.withLock { standing }
        let kept = Set(state.decisions.map(\.turn))
        let takenBack = before.filter { !kept.contains($0) }
        let known = Set(before)
        var change = OutboxChange()
        if state.decisions.contains(where: { !known.contains($0.turn) }) {
            var replay = start  // a session keeps its start time, file and mode through back and restart
            var index = 0
            try replay.replay(state.decisions) { step in
                defer { index += 1 }
                guard !known.contains(step.decision.turn) else { return }
                change.add += answered(step, votes: index < votes.count ? votes[index] : [])
            }
        }
        switch learners {
        case .solo(let recorder): change.withdraw = recorder.tookBack(turns: takenBack, at: now).withdraw
        case .group(let recorder): change.withdraw = takenBack.flatMap { recorder.tookBack(turn: $0, at: now).withdraw }
        }
        return change
    }

    /// Says that the step to `state` was saved.
    public func saved(_ state: SessionState) {
        lock.withLock { standing = state.decisions.map(\.turn) }
    }

    private func answered(_ step: Engine.ReplayedStep, votes: [ParticipantVote]) -> [OutboxStatement] {
        switch learners {
        case .solo(let recorder):
            return [OutboxStatement(recorder.answered(step, axes: scenario.axes, vote: nil))]
        case .group(let recorder):
            return zip(recorder.participants, votes).map { participant, vote in
                OutboxStatement(participant.answered(step, axes: scenario.axes, vote: vote))
            }
        }
    }
}
