import Foundation
import TwofoldCore
import TwofoldReports
import TwofoldStore

/// What each step of one learner's attempt puts in the outbox: the statements the learning
/// record store gets, built at the moment of the step and saved in the step's transaction.
///
/// A choice queues its `answered` statement — the very statement the finished report's
/// export holds for that decision (same entry, same turn, so the same id). A choice taken
/// back (`back`, or every choice that stood at a `restart`) is never a final answer in the
/// record store: withdrawn while it has not left this machine, voided once it may have.
/// The finished attempt queues its `completed` statement.
public struct AttemptRecorder: Sendable {
    public let attempt: XAPIAttempt

    public init(attempt: XAPIAttempt) {
        self.attempt = attempt
    }

    /// After a choice: the `answered` statement of the decision just made (the engine's
    /// last), with the participant's `vote` in a group session.
    public func chose(_ engine: Engine, vote: LearnerReport.Vote? = nil) throws -> OutboxChange {
        guard let step = try engine.replayedSteps().last else { return .none }
        return OutboxChange(add: [OutboxStatement(answered(step, axes: engine.scenario.axes, vote: vote))])
    }

    /// The `answered` statement of a replayed decision.
    func answered(_ step: Engine.ReplayedStep, axes: [Axis], vote: LearnerReport.Vote?) -> XAPIStatement {
        let entry = ReportBuilder.entry(step, axes: axes, vote: vote)
        return XAPIStatements.answered(entry, turn: step.decision.turn, attempt: attempt,
                                       answeredAt: entry.answeredAt ?? step.decision.at)
    }

    /// After `back` or `restart`: the decisions taken back (their turns), each withdrawn or voided.
    public func tookBack(turns: [Int], at: Date) -> OutboxChange {
        OutboxChange(withdraw: turns.map { turn in
            let id = XAPIStatements.answeredID(registration: attempt.registration, turn: turn)
            return OutboxWithdrawal(statementID: id, voiding: OutboxStatement(XAPIStatements.voiding(id, attempt: attempt, at: at)))
        })
    }

    /// When the attempt is finished: its `completed` statement.
    public func completed(_ report: LearnerReport) -> OutboxChange {
        OutboxChange(add: [OutboxStatement(XAPIStatements.completed(report, attempt: attempt))])
    }
}

/// The statements of a facilitated session: every participant's, each their own attempt
/// (the attempt ids of their learner reports), answering with their own vote.
public struct GroupRecorder: Sendable {
    /// One recorder per participant, in roster order.
    public let participants: [AttemptRecorder]

    /// The recorders of a group session's participants.
    public init(groupSessionId: String, roster: [String], cohort: String?, scenario: Scenario,
                baseIRI: String = XAPIStatements.defaultBaseIRI) {
        participants = roster.map { name in
            AttemptRecorder(attempt: XAPIAttempt(
                attemptId: GroupReportBuilder.attemptId(groupSessionId: groupSessionId, participant: name), learner: name,
                cohort: cohort, groupSessionId: groupSessionId, scenarioId: scenario.id, scenarioTitle: scenario.title,
                baseIRI: baseIRI))
        }
    }

    /// After the group moved on: each participant's `answered` statement, with their vote.
    public func moved(_ facilitation: Facilitation) throws -> OutboxChange {
        guard let step = try facilitation.engine.replayedSteps().last, let decision = facilitation.decisions.last else {
            return .none
        }
        let axes = facilitation.scenario.axes
        return OutboxChange(add: zip(participants, decision.votes).map { recorder, vote in
            OutboxStatement(recorder.answered(step, axes: axes, vote: vote))
        })
    }

    /// After the group took back a decision (its turn): every participant's answer to it.
    public func tookBack(turn: Int, at: Date) -> OutboxChange {
        OutboxChange(withdraw: participants.flatMap { $0.tookBack(turns: [turn], at: at).withdraw })
    }

    /// When the session is finished: each participant's `completed` statement, from their report.
    public func completed(_ reports: [LearnerReport]) -> OutboxChange {
        OutboxChange(add: zip(participants, reports).flatMap { $0.completed($1).add })
    }
}
