import Foundation

/// How a group's votes fall across the choices offered at one decision.
public struct VoteSplit: Sendable, Hashable {
    /// One offered choice and the votes it received.
    public struct Option: Sendable, Hashable {
        /// 1-based among the choices offered.
        public var number: Int
        public var choice: String
        /// Who voted for it, in roster order.
        public var voters: [String]

        public var count: Int { voters.count }
    }

    /// What `go` without a number would do.
    public enum Majority: Sendable, Hashable {
        /// The choice with the most votes (its number).
        case choice(Int)
        /// Two or more choices share the most votes (their numbers, ascending).
        case tie([Int], votes: Int)
        /// Nobody has voted for any choice.
        case none
    }

    /// Every offered choice, in the order offered.
    public var options: [Option]
    /// Who abstained, in roster order.
    public var abstained: [String]
    /// Who has not voted yet, in roster order.
    public var waiting: [String]

    /// Splits `votes` (one per participant in roster order; nil when not voted yet) over
    /// the `offered` choices. A vote for a choice not offered counts as an abstention.
    public init(offered: [Choice], votes: [ParticipantVote?], roster: Roster) {
        var options = offered.enumerated().map { Option(number: $0.offset + 1, choice: $0.element.id, voters: []) }
        var abstained: [String] = []
        var waiting: [String] = []
        for (index, name) in roster.names.enumerated() {
            guard index < votes.count, let vote = votes[index] else {
                waiting.append(name)
                continue
            }
            if let id = vote.choice, let position = options.firstIndex(where: { $0.choice == id }) {
                options[position].voters.append(name)
            } else {
                abstained.append(name)
            }
        }
        self.options = options
        self.abstained = abstained
        self.waiting = waiting
    }

    /// The number of votes for a choice (abstentions excluded).
    public var votesCast: Int { options.reduce(0) { $0 + $1.count } }

    /// The choice with the most votes, a tie, or none.
    public var majority: Majority {
        let top = options.map(\.count).max() ?? 0
        guard top > 0 else { return .none }
        let leaders = options.filter { $0.count == top }.map(\.number)
        return leaders.count == 1 ? .choice(leaders[0]) : .tie(leaders, votes: top)
    }

    /// How divided the vote is: the Shannon entropy, in bits, of the votes over the
    /// choices (abstentions left out). 0 when everyone agrees; log2(k) for an even split
    /// over k choices.
    public var entropy: Double { VoteSplit.entropy(options.map(\.count)) }

    /// The Shannon entropy in bits of a distribution given as counts, to three decimals
    /// (so reports read cleanly and compare exactly). The one measure of how divided a
    /// room or a cohort was, used by group reports and cohort debriefs alike.
    public static func entropy(_ counts: [Int]) -> Double {
        let total = Double(counts.reduce(0) { $0 + Swift.max(0, $1) })
        guard total > 0 else { return 0 }
        var bits = 0.0
        for count in counts where count > 0 {
            let p = Double(count) / total
            bits -= p * log2(p)
        }
        return (Swift.max(0, bits) * 1000).rounded() / 1000 + 0  // + 0 turns -0.0 into 0.0
    }
}
