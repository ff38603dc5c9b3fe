/// The questions for the room at a decision.
///
/// Before the vote: the scene's own `before` prompts (none are generated, since a
/// question written without the author's care could hint at the answer). At the reveal:
/// the scene's `after` prompts when it has them; otherwise two or three generated from
/// the split and the choices' deltas: why the room split (or agreed), what the other axis
/// would add to the popular choice, and what the choice that scores on both axes asks of
/// a manager.
public enum DiscussionPrompts {
    public static func prompts(scene: Scene, offered: [Choice], split: VoteSplit) -> [String] {
        if !scene.discussion.after.isEmpty { return scene.discussion.after }
        return generated(offered: offered, split: split)
    }

    /// The prompts to put to the room while it votes.
    public static func beforeVote(scene: Scene) -> [String] { scene.discussion.before }

    /// Prompts built from the split and the deltas alone.
    public static func generated(offered: [Choice], split: VoteSplit) -> [String] {
        guard !offered.isEmpty else { return [] }
        var prompts: [String] = []
        let voted = split.options.filter { $0.count > 0 }.sorted { ($0.count, -$0.number) > ($1.count, -$1.number) }
        switch voted.count {
        case 0:
            prompts.append("Nobody voted for a choice here. Which one would you make on a busy day, and which would you be proud of a month later?")
        case 1:
            prompts.append("Everyone who voted chose \(voted[0].number). What would make someone in this room choose differently?")
        default:
            let parts = voted.map { "\($0.number) (\($0.count) vote\($0.count == 1 ? "" : "s"))" }
            prompts.append("The room split between \(FacilitationError.list(parts)). What did each side see that the others did not?")
        }

        // The popular choice (or, with no votes, the first one) seen through the other axis.
        let popularNumber = voted.first?.number ?? 1
        let popular = offered[popularNumber - 1]
        let bestLeader = offered.map(\.scores.leader).max() ?? 0
        let bestManager = offered.map(\.scores.manager).max() ?? 0
        let deltas = "manager \(signed(popular.scores.manager)), leader \(signed(popular.scores.leader))"
        let subject = voted.isEmpty ? "Choice \(popularNumber)" : "The popular choice, \(popularNumber)"
        if popular.scores.leader < bestLeader {
            prompts.append("\(subject) (\(deltas)): what would a leader add to it, so that the people involved grow as well as the work getting done?")
        } else if popular.scores.manager < bestManager {
            prompts.append("\(subject) (\(deltas)) grows people. What would a manager add to it, so that today's work stays on track too?")
        } else {
            prompts.append("\(subject) (\(deltas)) scores on both axes. What makes it hard to do on a busy day, and how would you make room for it?")
        }

        // The choice that does both best, when it is not the popular one.
        let both = offered.enumerated().max { min($0.element.scores.manager, $0.element.scores.leader) < min($1.element.scores.manager, $1.element.scores.leader) }
        if let both, both.offset + 1 != popularNumber,
           min(both.element.scores.manager, both.element.scores.leader) > min(popular.scores.manager, popular.scores.leader) {
            prompts.append("Choice \(both.offset + 1) (manager \(signed(both.element.scores.manager)), leader \(signed(both.element.scores.leader))) supports the person in their job and in their career. What does it ask of you that the others do not?")
        } else {
            prompts.append("Who in this scene gains most from the group's choice, and who is left to find their own way?")
        }
        return prompts
    }

    private static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
}
