import Foundation
import TwofoldCore

/// Builds the reports of a finished group session: one standard ``LearnerReport`` per
/// participant (through ``ReportBuilder``, scored on their own votes along the group's
/// path) and the ``GroupReport``. Pure: every date and id is passed in.
public enum GroupReportBuilder {
    /// Everything a finished group session writes.
    public struct Reports: Sendable {
        public var group: GroupReport
        /// In roster order.
        public var participants: [LearnerReport]
    }

    /// How many decisions ``GroupReport/mostDivided`` lists at most.
    public static let mostDividedLimit = 3

    public static func build(_ facilitation: Facilitation, analysis: ScenarioAnalysis, groupSessionId: String,
                             cohort: String?, finishedAt: Date) throws(ReportError) -> Reports {
        guard facilitation.phase == .finished else { throw .notFinished }
        let engine = facilitation.engine
        let path = try ReportBuilder.Path(engine: engine, analysis: analysis)
        var learners: [LearnerReport] = []
        for (index, name) in facilitation.roster.names.enumerated() {
            let votes = facilitation.votes(of: index).map { LearnerReport.Vote(participant: name, choice: $0) }
            learners.append(try ReportBuilder.build(
                engine: engine, analysis: analysis, path: path, attemptId: attemptId(groupSessionId: groupSessionId, participant: name),
                learner: name, email: facilitation.roster.emails[index], cohort: cohort, finishedAt: finishedAt, sessionKind: .group,
                groupSessionId: groupSessionId, votes: votes))
        }

        let history = facilitation.history()
        let axes = facilitation.scenario.axes
        let decisions = history.map { past -> GroupReport.DecisionSplit in
            let taken = past.offered.first { $0.id == past.decision.choice }
            return GroupReport.DecisionSplit(
                scene: past.scene.id, sceneText: past.scene.text, choice: past.decision.choice,
                choiceText: taken?.text ?? past.decision.choice, feedback: taken?.feedback ?? "",
                basis: past.decision.basis,
                options: zip(past.offered, past.split.options).map { choice, option in
                    GroupReport.Option(number: option.number, choice: choice.id, text: choice.text,
                                       scores: choice.scores.on(axes), votes: option.count, voters: option.voters)
                },
                abstained: past.split.abstained, entropy: past.split.entropy)
        }
        let participants = zip(facilitation.roster.names.indices, learners).map { index, report in
            GroupReport.Participant(
                name: report.learner.name, attemptId: report.attemptId, scores: report.scores, profile: report.profile,
                abstentions: facilitation.abstentions(of: index),
                withGroup: facilitation.decisions.filter { $0.votes[index].choice == $0.choice }.count)
        }
        let divided = decisions.enumerated()
            .filter { $0.element.entropy > 0 }
            .sorted { ($0.element.entropy, -$0.offset) > ($1.element.entropy, -$1.offset) }
            .prefix(mostDividedLimit)
            .map { GroupReport.Divided(decision: $0.offset + 1, scene: $0.element.scene, entropy: $0.element.entropy) }
        let card = ScoreCard(decisions: engine.state.decisions, scenario: engine.scenario, analysis: analysis)
        let endingScene = engine.currentScene
        let group = GroupReport(
            groupReportVersion: GroupReport.currentVersion, groupSessionId: groupSessionId,
            cohort: cohort.flatMap { $0.isEmpty ? nil : $0 },
            scenario: LearnerReport.ScenarioInfo(id: engine.scenario.id, title: engine.scenario.title,
                                                 domain: engine.scenario.domain, profileThreshold: engine.scenario.threshold),
            startedAt: ReportBuilder.wholeSeconds(engine.state.startedAt), finishedAt: ReportBuilder.wholeSeconds(finishedAt),
            participants: participants, decisions: decisions, mostDivided: Array(divided),
            path: GroupReport.PathScore(scores: card.axes, profile: LearnerReport.ProfileInfo(card.profile)),
            ending: LearnerReport.EndingInfo(scene: endingScene.id, title: endingScene.ending?.title ?? endingScene.id,
                                             kind: endingScene.ending?.kind, text: endingScene.text),
            reflection: engine.scenario.reflection)
        return Reports(group: group, participants: learners)
    }

    /// A participant's learner-report attempt id: the same for the same session and name,
    /// so writing the reports again gives the same ids.
    public static func attemptId(groupSessionId: String, participant: String) -> String {
        NameBasedUUID.make("twofold-group/\(groupSessionId.lowercased())/\(participant)")
    }
}
