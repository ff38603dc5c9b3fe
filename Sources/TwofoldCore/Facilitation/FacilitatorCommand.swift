import Foundation

/// One participant's mark at a decision: a choice number (1-based among those offered)
/// or an abstention (`-`).
public enum VoteMark: Sendable, Hashable {
    case choice(Int)
    case abstain
}

/// One `Name=3` assignment: a participant (by roster position) and their mark.
public struct VoteAssignment: Sendable, Hashable {
    public var participant: Int
    public var mark: VoteMark

    public init(participant: Int, mark: VoteMark) {
        self.participant = participant
        self.mark = mark
    }
}

/// What one line typed at the facilitator's prompt asks for.
public enum FacilitatorCommand: Sendable, Hashable {
    /// `2 1 2`: one mark per participant, in roster order.
    case ballot([VoteMark])
    /// `Ben=3` (or several: `Ana=1 Ben=-`): set or correct these votes.
    case assign([VoteAssignment])
    case reveal
    /// `details` (nil: every choice) or `details N`: what the choices lead to, in full.
    case details(Int?)
    /// `go` (nil: the majority) or `go N`.
    case go(Int?)
    /// `timer` (nil: the session's discussion length) or `timer SECONDS`.
    case timer(Int?)
    case help
    case status
    case back
    case quit
    /// An empty line.
    case empty

    /// The commands, for help and completion.
    public static let words = ["reveal", "details", "go", "timer", "status", "back", "help", "quit"]

    /// The longest discussion timer accepted, in seconds.
    public static let maxTimer = 3600

    /// Parses one line against the roster and the number of choices on offer.
    ///
    /// Whole-or-nothing: a line with any mistake throws a ``FacilitationError`` naming it,
    /// and the caller records nothing from it. Votes are separated by spaces or commas.
    public static func parse(_ line: String, roster: Roster, offered: Int) throws(FacilitationError) -> FacilitatorCommand {
        let input = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if input.isEmpty { return .empty }
        let words = input.split(whereSeparator: \.isWhitespace).map(String.init)
        let argument = words.count == 2 ? words[1] : nil
        switch (words[0].lowercased(), words.count) {
        case ("help", 1), ("?", 1), ("h", 1): return .help
        case ("status", 1): return .status
        case ("back", 1), ("undo", 1): return .back
        case ("quit", 1), ("exit", 1), ("q", 1): return .quit
        case ("reveal", 1): return .reveal
        case ("details", 1): return .details(nil)
        case ("details", 2): return .details(try choiceNumber(argument!, offered: offered))
        case ("go", 1): return .go(nil)
        case ("go", 2): return .go(try choiceNumber(argument!, offered: offered))
        case ("timer", 1): return .timer(nil)
        case ("timer", 2):
            guard let seconds = Int(argument!), (1...maxTimer).contains(seconds) else { throw .invalidTimer(argument!) }
            return .timer(seconds)
        default:
            break
        }
        if input.contains("=") { return .assign(try assignments(input, roster: roster, offered: offered)) }
        let tokens = input.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        guard let first = tokens.first, first == "-" || first.allSatisfy(\.isASCIIDigit) else {
            throw .unknownInput(input)
        }
        if tokens.count > roster.count { throw .tooManyVotes(given: tokens.count, participants: roster.names) }
        if tokens.count < roster.count {
            throw .tooFewVotes(given: tokens.count, participants: roster.count, missing: Array(roster.names[tokens.count...]))
        }
        var marks: [VoteMark] = []
        for (index, token) in tokens.enumerated() {
            marks.append(try mark(token, participant: roster.names[index], offered: offered))
        }
        return .ballot(marks)
    }

    /// `Name=N` pairs, separated by spaces or commas; names may hold spaces (`Ana Silva=2`).
    private static func assignments(_ input: String, roster: Roster, offered: Int) throws(FacilitationError) -> [VoteAssignment] {
        var result: [VoteAssignment] = []
        var rest = Substring(input)
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ",")))
            var afterEquals = rest[rest.index(after: equals)...].drop(while: \.isWhitespace)
            let token = String(afterEquals.prefix { !$0.isWhitespace && $0 != "," })
            afterEquals = afterEquals.dropFirst(token.count)
            guard let participant = roster.index(of: name) else { throw .unknownParticipant(name, roster: roster.names) }
            let mark = try mark(token, participant: roster.names[participant], offered: offered)
            if result.contains(where: { $0.participant == participant }) {
                throw .twoVotesInOneLine(participant: roster.names[participant])
            }
            result.append(VoteAssignment(participant: participant, mark: mark))
            rest = afterEquals.drop { $0.isWhitespace || $0 == "," }
        }
        let leftover = rest.trimmingCharacters(in: .whitespaces)
        if !leftover.isEmpty { throw .unknownInput(leftover) }
        return result
    }

    /// A choice number on offer, as `go N` and `details N` take it.
    private static func choiceNumber(_ token: String, offered: Int) throws(FacilitationError) -> Int {
        guard let number = Int(token), number >= 1, number <= offered else { throw .noSuchChoice(token, offered: offered) }
        return number
    }

    /// `-` or a choice number on offer.
    private static func mark(_ token: String, participant: String, offered: Int) throws(FacilitationError) -> VoteMark {
        if token == "-" { return .abstain }
        guard token.allSatisfy(\.isASCIIDigit), let number = Int(token), number >= 1, number <= offered else {
            throw .invalidVote(token, participant: participant, offered: offered)
        }
        return .choice(number)
    }
}

extension Character {
    /// `0` to `9` only (not other scripts' digits).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
