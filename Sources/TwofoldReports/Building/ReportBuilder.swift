import Foundation
import TwofoldCore

/// Builds a ``LearnerReport`` from a finished session. Pure: every date is passed in.
public enum ReportBuilder {
    /// Builds the report of a session that has reached an ending.
    ///
    /// Scores and profile come from ``ScoreCard`` (the one scoring implementation). The
    /// alternatives at each decision come from the engine's replay, so they are exactly
    /// the choices offered with the flags and counters of that moment. In a group session
    /// pass the participant's `votes` (one per decision, nil choice for an abstention):
    /// the decisions stay the group's path and the scores are those of the participant's
    /// own votes (``Facilitation/scores(of:at:axes:)``), an abstention counting zero.
    public static func build(engine: Engine, analysis: ScenarioAnalysis, attemptId: String, learner: String,
                             email: String? = nil, cohort: String? = nil, finishedAt: Date,
                             sessionKind: LearnerReport.Session.Kind = .solo, groupSessionId: String? = nil,
                             votes: [LearnerReport.Vote]? = nil) throws(ReportError) -> LearnerReport {
        try build(engine: engine, analysis: analysis, path: try Path(engine: engine, analysis: analysis), attemptId: attemptId,
                  learner: learner, email: email, cohort: cohort, finishedAt: finishedAt, sessionKind: sessionKind,
                  groupSessionId: groupSessionId, votes: votes)
    }

    /// What every report of one finished session shares, worked out once: the replayed
    /// path and the scenario's balanced path.
    struct Path {
        let steps: [Engine.ReplayedStep]
        let balanced: LearnerReport.BalancedPathInfo?

        init(engine: Engine, analysis: ScenarioAnalysis) throws(ReportError) {
            guard engine.phase == .finished else { throw .notFinished }
            do { steps = try engine.replayedSteps() } catch { throw .inconsistentSession("\(error)") }
            balanced = ReportBuilder.balancedPath(scenario: engine.scenario, analysis: analysis)
        }
    }

    /// Builds a report along a session's `path` (one participant's of many, in a group).
    static func build(engine: Engine, analysis: ScenarioAnalysis, path: Path, attemptId: String, learner: String,
                      email: String?, cohort: String?, finishedAt: Date, sessionKind: LearnerReport.Session.Kind,
                      groupSessionId: String?, votes: [LearnerReport.Vote]?) throws(ReportError) -> LearnerReport {
        let scenario = engine.scenario
        let steps = path.steps
        if let votes, votes.count != steps.count {
            throw .votesDoNotMatch(decisions: steps.count, votes: votes.count)
        }

        var entries: [LearnerReport.DecisionEntry] = []
        var counted: [Decision] = []
        for (index, step) in steps.enumerated() {
            let vote = votes?[index]
            var learnerDecision = step.decision
            if let vote {
                guard let scores = Facilitation.scores(of: vote.choice, at: step.scene, axes: scenario.axes) else {
                    throw .voteNotOffered(scene: step.scene.id, choice: vote.choice ?? "")
                }
                learnerDecision.scores = scores
            }
            counted.append(learnerDecision)
            entries.append(entry(step, axes: scenario.axes, vote: vote))
        }

        let card = ScoreCard(decisions: counted, scenario: scenario, analysis: analysis)
        let endingScene = engine.currentScene
        let state = engine.state
        return LearnerReport(
            attemptId: attemptId,
            learner: LearnerReport.Learner(name: learner, email: email.flatMap { $0.isEmpty ? nil : $0 }),
            cohort: cohort.flatMap { $0.isEmpty ? nil : $0 },
            scenario: LearnerReport.ScenarioInfo(id: scenario.id, title: scenario.title, domain: scenario.domain,
                                                 profileThreshold: scenario.threshold),
            startedAt: wholeSeconds(state.startedAt),
            finishedAt: wholeSeconds(finishedAt),
            decisions: entries,
            scores: card.axes,
            profile: LearnerReport.ProfileInfo(card.profile),
            ending: LearnerReport.EndingInfo(scene: endingScene.id, title: endingScene.ending?.title ?? endingScene.id,
                                             kind: endingScene.ending?.kind, text: endingScene.text),
            reflection: scenario.reflection,
            balancedPath: path.balanced,
            session: LearnerReport.Session(kind: sessionKind, groupSessionId: groupSessionId),
            integrity: LearnerReport.Integrity(mode: sessionKind == .group ? .group : state.mode,
                                               takeBacks: state.takeBacks, restarts: state.restarts))
    }

    /// One decision of the path in report form: what was offered, what was taken, what it taught.
    public static func entry(_ step: Engine.ReplayedStep, axes: [Axis], vote: LearnerReport.Vote? = nil) -> LearnerReport.DecisionEntry {
        let taken = step.choice
        return LearnerReport.DecisionEntry(
            scene: step.scene.id, choice: taken.id, scores: taken.scores.on(axes),
            choiceText: taken.text, sceneText: step.scene.text, feedback: taken.feedback,
            seconds: (step.decision.seconds * 10).rounded() / 10, answeredAt: wholeSeconds(step.decision.at),
            alternatives: step.offered.filter { $0.id != taken.id }.map {
                LearnerReport.Alternative(choice: $0.id, text: $0.text, scores: $0.scores.on(axes))
            },
            vote: vote, takenBack: step.decision.takenBack, turn: step.decision.turn)
    }

    /// The balanced path of the scenario, in report form.
    public static func balancedPath(scenario: Scenario, analysis: ScenarioAnalysis) -> LearnerReport.BalancedPathInfo? {
        guard let path = BalancedPath.find(in: scenario, analysis: analysis) else { return nil }
        let steps = path.steps.map { step -> LearnerReport.BalancedPathInfo.Step in
            let choice = scenario.scenes[step.sceneIndex].choices[step.choiceIndex]
            return .init(scene: step.scene, choice: step.choice, choiceText: choice.text, scores: choice.scores.on(scenario.axes))
        }
        let scores = path.scores.map { LearnerReport.BalancedPathInfo.Score(raw: $0.raw, percent: $0.percent) }
        let ending = scenario.scene(id: path.ending).map {
            LearnerReport.BalancedPathInfo.BalancedEnding(scene: $0.id, title: $0.ending?.title ?? $0.id)
        }
        return .init(decisions: steps, scores: scores, ending: ending)
    }

    /// Reports carry whole seconds, so they read back equal to what was written.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
    }
}
