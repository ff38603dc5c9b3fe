/// Why a facilitator's line, a roster or a saved group session was refused.
///
/// Every case reads as one line saying exactly what was wrong; a refused line records
/// nothing. All of facilitation's user-facing wording lives in ``description``.
public enum FacilitationError: Error, Sendable, Equatable, CustomStringConvertible {
    // The roster.
    case noParticipants
    case emptyName(position: Int)
    case duplicateName(String, first: String)
    case nameWithEquals(String)
    case nameTooLong(String, limit: Int)
    case invalidEmail(String, participant: String)

    // The room.
    case noRoom
    case alreadyJoined(String)
    case roomFull(limit: Int)

    // Votes.
    case tooManyVotes(given: Int, participants: [String])
    case tooFewVotes(given: Int, participants: Int, missing: [String])
    /// A vote that is not `-` or a number from 1 to `offered`.
    case invalidVote(String, participant: String, offered: Int)
    case unknownParticipant(String, roster: [String])
    case twoVotesInOneLine(participant: String)

    // Moving on.
    case noSuchChoice(String, offered: Int)
    case tie([Int], votes: Int)
    case noVotes
    case invalidTimer(String)

    // Anything else.
    case unknownInput(String)
    case finished
    case nothingToUndo
    case newerSave(Int)
    case unreadableSave(String)

    public var description: String {
        switch self {
        case .noParticipants:
            return "a group session needs at least one participant (--participants \"Ana,Ben\" or --roster FILE)"
        case .emptyName(let position):
            return "participant \(position) has an empty name"
        case .duplicateName(let name, let first):
            return name == first ? "\(name) is on the roster twice" : "\(name) is on the roster twice (as \(first) and \(name)); names are compared ignoring case"
        case .nameWithEquals(let name):
            return "the name \(name) contains “=”, which the prompt uses for Name=3 votes"
        case .nameTooLong(let name, let limit):
            return "the name \(name.prefix(40))… is longer than \(limit) characters"
        case .invalidEmail(let email, let participant):
            return "\(participant)'s e-mail “\(email.prefix(60))” is not an address (name@domain)"
        case .noRoom:
            return "this session has no room (start it with --room)"
        case .alreadyJoined(let name):
            return "\(name) has already joined the room"
        case .roomFull(let limit):
            return "the room is full (\(limit) people)"
        case .tooManyVotes(let given, let participants):
            return "\(given) votes for \(participants.count) participant\(participants.count == 1 ? "" : "s") (\(participants.joined(separator: ", "))); nothing recorded"
        case .tooFewVotes(let given, let participants, let missing):
            return "\(given) vote\(given == 1 ? "" : "s") for \(participants) participants: none for \(FacilitationError.list(missing)) (type - for an abstention); nothing recorded"
        case .invalidVote(let token, let participant, let offered):
            return "\(participant)'s vote “\(token.prefix(20))” is not a choice: use \(FacilitationError.range(offered)), or - to abstain; nothing recorded"
        case .unknownParticipant(let name, let roster):
            return "no participant is called “\(name.prefix(40))” (the roster: \(roster.joined(separator: ", "))); nothing recorded"
        case .twoVotesInOneLine(let participant):
            return "\(participant) has two votes in one line; nothing recorded"
        case .noSuchChoice(let text, let offered):
            return "there is no choice “\(text.prefix(20))” here: the choices are \(FacilitationError.range(offered))"
        case .tie(let numbers, let votes):
            let names = numbers.map(String.init)
            return "the vote is tied between \(FacilitationError.list(names, or: false)) (\(votes) vote\(votes == 1 ? "" : "s") each): type \(FacilitationError.list(names.map { "go \($0)" }, or: true))"
        case .noVotes:
            return "no votes for any choice yet: type the votes (one number per participant, e.g. 2 1 2), or go N to choose"
        case .invalidTimer(let text):
            return "“timer \(text.prefix(20))”: timer takes a number of seconds from 1 to 3600"
        case .unknownInput(let text):
            return "“\(text.prefix(40))” is not a vote or a command: type one number per participant (e.g. 2 1 2), Name=3, reveal, go, or help"
        case .finished:
            return "the scenario has ended"
        case .nothingToUndo:
            return "there is no group decision to take back yet"
        case .newerSave(let version):
            return "the saved group session uses save format \(version), newer than this version of Twofold reads (\(FacilitationState.currentVersion))"
        case .unreadableSave(let detail):
            return "the saved group session could not be read: \(detail)"
        }
    }

    /// `1 to 4`, or `1` when there is only one choice.
    static func range(_ offered: Int) -> String { offered == 1 ? "1" : "1 to \(offered)" }

    /// `A`, `A and B`, `A, B and C` (or `or` instead of `and`).
    static func list(_ items: [String], or: Bool = false) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + items.last!
    }
}
