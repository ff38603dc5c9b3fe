import TwofoldCore

/// Independent reference implementations that enumerate every path, for checking the
/// linear-time analysis, ``ScoreCard`` and ``BalancedPath`` on small scenarios.
enum BruteForce {
    /// Every (manager, leader) total over complete paths from start, ignoring conditions
    /// (scene-simple paths: loops may only hold zero-score choices).
    static func totals(_ scenario: Scenario) -> [(manager: Int, leader: Int)] {
        var out: [(Int, Int)] = []
        var onPath = Set<Int>()
        func walk(_ scene: Int, _ manager: Int, _ leader: Int) {
            let current = scenario.scenes[scene]
            if current.isEnding { out.append((manager, leader)); return }
            onPath.insert(scene)
            for choice in current.choices where choice.target >= 0 && !onPath.contains(choice.target) {
                walk(choice.target, manager + choice.scores.manager, leader + choice.scores.leader)
            }
            // A router may go any way when conditions (and so its profile) are ignored.
            for target in Set(current.outcomes.map(\.target)) where target >= 0 && !onPath.contains(target) {
                walk(target, manager, leader)
            }
            onPath.remove(scene)
        }
        walk(scenario.startIndex!, 0, 0)
        return out
    }

    /// round(100 × (raw − min) / (max − min)), halves up, in integers; 100 when max = min.
    static func percent(_ raw: Int, _ low: Int, _ high: Int) -> Int {
        guard high != low else { return 100 }
        return (200 * (raw - low) + (high - low)) / (2 * (high - low))
    }

    static func profile(_ manager: Int, _ leader: Int, threshold: Int) -> ProfileKey {
        switch (manager >= threshold, leader >= threshold) {
        case (true, true): return .both
        case (true, false): return .manager
        case (false, true): return .leader
        case (false, false): return .emerging
        }
    }

    struct Balanced: Equatable {
        var steps: [String]  // "scene/choice"
        var manager: Int
        var leader: Int
    }

    /// The balanced path by enumerating every playable path (conditions applied, no play
    /// state visited twice) in file order and keeping the first with the best rank.
    static func balanced(_ scenario: Scenario) -> Balanced? {
        let all = totals(scenario)
        guard !all.isEmpty else { return nil }
        let mLow = all.map(\.manager).min()!, mHigh = all.map(\.manager).max()!
        let lLow = all.map(\.leader).min()!, lHigh = all.map(\.leader).max()!
        func rank(_ m: Int, _ l: Int) -> [Int] {
            let mp = percent(m, mLow, mHigh), lp = percent(l, lLow, lHigh)
            return [Swift.min(mp, lp), mp + lp, m + l]
        }
        struct Visit: Hashable { var scene: Int; var variables: Variables }
        var best: (rank: [Int], path: Balanced)?
        var seen = Set<Visit>()
        var steps: [String] = []
        func walk(_ visit: Visit, _ m: Int, _ l: Int) {
            let scene = scenario.scenes[visit.scene]
            if scene.isEnding {
                let r = rank(m, l)
                if best == nil || best!.rank.lexicographicallyPrecedes(r) {
                    best = (r, Balanced(steps: steps, manager: m, leader: l))
                }
                return
            }
            if scene.isRouter {
                // Routed by the profile of the totals so far, as the engine does.
                let profile = BruteForce.profile(percent(m, mLow, mHigh), percent(l, lLow, lHigh), threshold: scenario.threshold)
                if let target = scene.outcome(for: profile)?.target, target >= 0 {
                    walk(Visit(scene: target, variables: visit.variables), m, l)
                }
                return
            }
            seen.insert(visit)
            for choice in scene.choices where choice.target >= 0 && visit.variables.offers(choice) {
                var variables = visit.variables
                variables.apply(choice.effects)
                let next = Visit(scene: choice.target, variables: variables)
                guard !seen.contains(next) else { continue }
                steps.append("\(scene.id)/\(choice.id)")
                walk(next, m + choice.scores.manager, l + choice.scores.leader)
                steps.removeLast()
            }
            seen.remove(visit)
        }
        walk(Visit(scene: scenario.startIndex!, variables: Variables(initialFor: scenario)), 0, 0)
        return best?.path
    }
}
