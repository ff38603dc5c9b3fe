import Foundation
import TwofoldCore
import TwofoldReports
import TwofoldStore

/// The statements of one learner's attempt, as its steps make them (``SessionRecording``
/// decides which step makes which).
///
/// A choice's `answered` statement is the very statement the finished report's export
/// holds for that decision: the same entry (``ReportBuilder/entry(_:axes:vote:)``) and the
/// same turn, so the same id. A choice taken back (`back`, or every choice that stood at
/// a `restart`) is never a final answer in the record store: withdrawn while it has not
/// left this machine, voided once it may have. The finished attempt's `completed`
/// statement comes from its report (``OutboxChange/completed(_:baseIRI:)``).
public struct AttemptRecorder: Sendable {
    public let attempt: XAPIAttempt

    public init(attempt: XAPIAttempt) {
        self.attempt = attempt
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
            return OutboxWithdrawal(statementID: id) { [attempt] in OutboxStatement(XAPIStatements.voiding(id, attempt: attempt, at: at)) }
        })
    }

}

/// The statements of a facilitated session: every participant's, each their own attempt
/// (the attempt ids of their learner reports), answering with their own vote (no
/// `response` for an abstention).
public struct GroupRecorder: Sendable {
    /// One recorder per participant, in roster order.
    public let participants: [AttemptRecorder]

    /// The recorders of a group session's participants.
    public init(groupSessionId: String, roster: Roster, cohort: String?, scenario: Scenario,
                baseIRI: String = XAPIStatements.defaultBaseIRI) {
        participants = zip(roster.names, roster.emails).map { name, email in
            AttemptRecorder(attempt: XAPIAttempt(
                attemptId: GroupReportBuilder.attemptId(groupSessionId: groupSessionId, participant: name), learner: name,
                email: email, cohort: cohort, groupSessionId: groupSessionId, scenarioId: scenario.id,
                scenarioTitle: scenario.title, baseIRI: baseIRI))
        }
    }

    /// After the group took back a decision (its turn): every participant's answer to it.
    public func tookBack(turn: Int, at: Date) -> OutboxChange {
        OutboxChange(withdraw: participants.flatMap { $0.tookBack(turns: [turn], at: at).withdraw })
    }

}
