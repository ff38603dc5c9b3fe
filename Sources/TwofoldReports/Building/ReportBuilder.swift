import Foundation
import TwofoldCore

/// Builds a ``LearnerReport`` from a finished session. Pure: every date is passed in.
public enum ReportBuilder {
    /// Builds the report of a session that has reached an ending.
    ///
    /// Scores and profile come from ``ScoreCard`` (the one scoring implementation). The
    /// alternatives at each decision are found by replaying the decisions on a fresh
    /// ``Engine``, so they are exactly the choices offered with the flags and counters of
    /// that moment. In a group session pass the participant's `votes` (one per decision,
    /// nil choice for an abstention): the decisions stay the group's path and the scores
    /// are those of the participant's own votes, an abstention counting zero.
    public static func build(engine: Engine, analysis: ScenarioAnalysis, attemptId: String, learner: String,
                             email: String? = nil, cohort: String? = nil, finishedAt: Date,
                             sessionKind: LearnerReport.Session.Kind = .solo, groupSessionId: String? = nil,
                             votes: [LearnerReport.Vote]? = nil) throws(ReportError) -> LearnerReport {
        guard engine.phase == .finished else { throw .notFinished }
        let scenario = engine.scenario
        let decisions = engine.state.decisions
        if let votes, votes.count != decisions.count {
            throw .votesDoNotMatch(decisions: decisions.count, votes: votes.count)
        }

        var entries: [LearnerReport.DecisionEntry] = []
        var counted: [Decision] = []
        var replay = Engine(scenario: scenario, fingerprint: engine.state.fingerprint, at: engine.state.startedAt)
        for (index, decision) in decisions.enumerated() {
            let scene = replay.currentScene
            let offered = replay.offeredChoices()
            guard let number = offered.firstIndex(where: { $0.id == decision.choice }) else {
                throw .inconsistentSession("\(decision.choice) at \(scene.id) is not on offer when replayed")
            }
            let taken = offered[number]
            let vote = votes?[index]
            var learnerDecision = decision
            if let vote {
                if let id = vote.choice {
                    guard let voted = offered.first(where: { $0.id == id }) else {
                        throw .voteNotOffered(scene: scene.id, choice: id)
                    }
                    learnerDecision.scores = deltas(voted.scores, axes: scenario.axes)
                } else {
                    learnerDecision.scores = [:]
                }
            }
            counted.append(learnerDecision)
            entries.append(LearnerReport.DecisionEntry(
                scene: scene.id, choice: taken.id, scores: deltas(taken.scores, axes: scenario.axes),
                choiceText: taken.text, sceneText: scene.text, feedback: taken.feedback,
                seconds: (decision.seconds * 10).rounded() / 10, answeredAt: wholeSeconds(decision.at),
                alternatives: offered.filter { $0.id != taken.id }.map {
                    LearnerReport.Alternative(choice: $0.id, text: $0.text, scores: deltas($0.scores, axes: scenario.axes))
                },
                vote: vote))
            do { try replay.choose(number + 1, at: decision.at) } catch { throw .inconsistentSession("\(error)") }
        }

        let card = ScoreCard(decisions: counted, scenario: scenario, analysis: analysis)
        let endingScene = engine.currentScene
        return LearnerReport(
            attemptId: attemptId,
            learner: LearnerReport.Learner(name: learner, email: email.flatMap { $0.isEmpty ? nil : $0 }),
            cohort: cohort.flatMap { $0.isEmpty ? nil : $0 },
            scenario: LearnerReport.ScenarioInfo(id: scenario.id, title: scenario.title, domain: scenario.domain,
                                                 profileThreshold: scenario.threshold),
            startedAt: wholeSeconds(engine.state.startedAt),
            finishedAt: wholeSeconds(finishedAt),
            decisions: entries,
            scores: card.axes,
            profile: LearnerReport.ProfileInfo(card.profile),
            ending: LearnerReport.EndingInfo(scene: endingScene.id, title: endingScene.ending?.title ?? endingScene.id,
                                             kind: endingScene.ending?.kind, text: endingScene.text),
            reflection: scenario.reflection,
            balancedPath: balancedPath(scenario: scenario, analysis: analysis),
            session: LearnerReport.Session(kind: sessionKind, groupSessionId: groupSessionId))
    }

    /// The balanced path of the scenario, in report form.
    public static func balancedPath(scenario: Scenario, analysis: ScenarioAnalysis) -> LearnerReport.BalancedPathInfo? {
        guard let path = BalancedPath.find(in: scenario, analysis: analysis) else { return nil }
        let steps = path.steps.map { step -> LearnerReport.BalancedPathInfo.Step in
            let choice = scenario.scenes[step.sceneIndex].choices[step.choiceIndex]
            return .init(scene: step.scene, choice: step.choice, choiceText: choice.text,
                         scores: deltas(choice.scores, axes: scenario.axes))
        }
        let scores = path.scores.mapValues { LearnerReport.BalancedPathInfo.Score(raw: $0.raw, percent: $0.percent) }
        let ending = scenario.scene(id: path.ending).map {
            LearnerReport.BalancedPathInfo.BalancedEnding(scene: $0.id, title: $0.ending?.title ?? $0.id)
        }
        return .init(decisions: steps, scores: scores, ending: ending)
    }

    /// A choice's deltas on every axis of the scenario, by axis name.
    static func deltas(_ scores: Scores, axes: [Axis]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: axes.map { ($0.name, scores[$0]) })
    }

    /// Reports carry whole seconds, so they read back equal to what was written.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
    }
}
