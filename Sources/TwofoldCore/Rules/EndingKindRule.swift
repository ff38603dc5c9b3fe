/// Endings follow the scores: an ending of kind K may only be reached by complete paths
/// whose profile is K. Proven from ``EndingReach`` (per-ending bounds of the raw totals,
/// linear time); with `--strict`, endings that declare no kind are reported too.
struct EndingKindRule: Rule {
    static let codes: [DiagnosticCode] = [.endingProfileMismatch, .endingWithoutKind]

    func check(_ context: RuleContext, _ report: inout [PendingDiagnostic]) {
        let scenes = context.scenario.scenes
        if context.strict {
            for s in scenes.indices where scenes[s].ending != nil && scenes[s].ending?.kind == nil && scenes[s].choices.isEmpty {
                report.add(.endingWithoutKind,
                           "ending \"\(scenes[s].id)\" does not say which profile it stands for",
                           at: Int(scenes[s].offset), path: context.scenePath(s) + ".ending",
                           notes: ["add \"kind\": \"both\", \"manager\", \"leader\" or \"emerging\", and route to it with an \"outcomes\" scene"])
            }
        }
        guard let reach = EndingReach(context.scenario, analysis: context.analysis) else { return }
        for s in scenes.indices {
            guard let kind = scenes[s].ending?.kind, scenes[s].choices.isEmpty else { continue }
            let (manager, leader) = (reach.manager[s], reach.leader[s])
            guard !manager.isEmpty, !leader.isEmpty else { continue }
            let wanted = reach.region.spans(of: kind)
            var problems: [String] = []
            if let text = offending("manager", manager, allowed: wanted.manager, percent: reach.region.managerPercent,
                                    threshold: reach.region.threshold) { problems.append(text) }
            if let text = offending("leader", leader, allowed: wanted.leader, percent: reach.region.leaderPercent,
                                    threshold: reach.region.threshold) { problems.append(text) }
            guard !problems.isEmpty else { continue }
            report.add(.endingProfileMismatch,
                       "ending \"\(scenes[s].id)\" is for the \(kind.rawValue) profile (\(kind.label)), but it is reached with \(problems.joined(separator: " and "))",
                       at: Int(scenes[s].offset), path: context.scenePath(s) + ".ending.kind",
                       notes: ["route to the endings with an \"outcomes\" scene just before them, so the learner's profile picks the ending"])
        }
    }

    /// The part of `reached` outside `allowed`, as percents: `manager 31–58 % (below the 60 % threshold)`.
    private func offending(_ axis: String, _ reached: EndingReach.Span, allowed: EndingReach.Span,
                           percent: (Int) -> Int, threshold: Int) -> String? {
        if reached.low < allowed.low {
            let high = Swift.min(reached.high, allowed.low - 1)
            return "\(axis) \(range(percent(reached.low), percent(high))) % (below the \(threshold) % threshold)"
        }
        if reached.high > allowed.high {
            let low = Swift.max(reached.low, allowed.high + 1)
            return "\(axis) \(range(percent(low), percent(reached.high))) % (at or above the \(threshold) % threshold)"
        }
        return nil
    }

    private func range(_ low: Int, _ high: Int) -> String { low == high ? "\(low)" : "\(low)–\(high)" }
}
