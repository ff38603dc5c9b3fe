import Foundation
import Testing
@testable import TwofoldCore

@Suite("Facilitator commands and the roster")
struct FacilitatorCommandTests {
    let roster = try! Roster(["Ana", "Ben", "Chi"])

    private func parse(_ line: String, offered: Int = 3) throws(FacilitationError) -> FacilitatorCommand {
        try FacilitatorCommand.parse(line, roster: roster, offered: offered)
    }

    private func error(_ line: String, offered: Int = 3) -> FacilitationError? {
        do { _ = try parse(line, offered: offered) } catch { return error }
        return nil
    }

    // MARK: Roster

    @Test("names are trimmed and keep their order")
    func rosterTrims() throws {
        let roster = try Roster(["  Ana Silva ", "Ben", "\tChi"])
        #expect(roster.names == ["Ana Silva", "Ben", "Chi"])
        #expect(roster.index(of: "ana silva") == 0)
        #expect(roster.index(of: " CHI ") == 2)
        #expect(roster.index(of: "Dee") == nil)
    }

    @Test("empty, duplicate (ignoring case) and `=` names are refused, and an empty roster")
    func rosterRefuses() {
        #expect(throws: FacilitationError.emptyName(position: 2)) { try Roster(["Ana", "  ", "Ben"]) }
        #expect(throws: FacilitationError.duplicateName("ana", first: "Ana")) { try Roster(["Ana", "Ben", "ana"]) }
        #expect(throws: FacilitationError.duplicateName("Ben", first: "Ben")) { try Roster(["Ben", " Ben "]) }
        #expect(throws: FacilitationError.nameWithEquals("A=B")) { try Roster(["A=B"]) }
        #expect(throws: FacilitationError.noParticipants) { try Roster([]) }
        #expect(throws: FacilitationError.nameTooLong(String(repeating: "x", count: 201), limit: 200)) {
            try Roster([String(repeating: "x", count: 201)])
        }
        #expect(FacilitationError.duplicateName("ana", first: "Ana").description == "ana is on the roster twice (as Ana and ana); names are compared ignoring case")
        #expect(FacilitationError.emptyName(position: 2).description == "participant 2 has an empty name")
    }

    @Test("--participants and a roster file combine; blank lines in the file are skipped")
    func rosterCombines() throws {
        let roster = try Roster.combining(participants: "Ana, Ben", rosterFile: "Chi\n\n  Dee  \r\n\n")
        #expect(roster.names == ["Ana", "Ben", "Chi", "Dee"])
        #expect(throws: FacilitationError.emptyName(position: 2)) { try Roster.combining(participants: "Ana,,Ben", rosterFile: nil) }
        #expect(throws: FacilitationError.duplicateName("ana", first: "Ana")) { try Roster.combining(participants: "Ana", rosterFile: "ana\n") }
        #expect(throws: FacilitationError.noParticipants) { try Roster.combining(participants: nil, rosterFile: "\n \n") }
    }

    @Test("a saved roster is checked again when read")
    func rosterDecoding() throws {
        let data = try JSONEncoder().encode(roster)
        #expect(String(decoding: data, as: UTF8.self) == #"["Ana","Ben","Chi"]"#)
        #expect(try JSONDecoder().decode(Roster.self, from: data) == roster)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Roster.self, from: Data(#"["Ana","ANA"]"#.utf8)) }
    }

    // MARK: Votes

    @Test("one number per participant in roster order, - to abstain, spaces or commas")
    func ballots() throws {
        #expect(try parse("2 1 2") == .ballot([.choice(2), .choice(1), .choice(2)]))
        #expect(try parse("  3,1 , - ") == .ballot([.choice(3), .choice(1), .abstain]))
        #expect(try parse("- - -") == .ballot([.abstain, .abstain, .abstain]))
    }

    @Test("too many or too few votes name exactly what is wrong")
    func ballotCounts() {
        #expect(error("1 2 3 1") == .tooManyVotes(given: 4, participants: ["Ana", "Ben", "Chi"]))
        #expect(error("1 2") == .tooFewVotes(given: 2, participants: 3, missing: ["Chi"]))
        #expect(error("1") == .tooFewVotes(given: 1, participants: 3, missing: ["Ben", "Chi"]))
        #expect(error("1 2 3 1")?.description == "4 votes for 3 participants (Ana, Ben, Chi); nothing recorded")
        #expect(error("1")?.description == "1 vote for 3 participants: none for Ben and Chi (type - for an abstention); nothing recorded")
    }

    @Test("a vote out of range, zero or not a number names the participant")
    func ballotRange() {
        #expect(error("1 4 2") == .invalidVote("4", participant: "Ben", offered: 3))
        #expect(error("0 1 1") == .invalidVote("0", participant: "Ana", offered: 3))
        #expect(error("1 1 x") == .invalidVote("x", participant: "Chi", offered: 3))
        #expect(error("1 1 +2") == .invalidVote("+2", participant: "Chi", offered: 3))
        #expect(error("1 4 2")?.description == "Ben's vote “4” is not a choice: use 1 to 3, or - to abstain; nothing recorded")
        #expect(error("2", offered: 1) == .tooFewVotes(given: 1, participants: 3, missing: ["Ben", "Chi"]))
        #expect(error("2 1 1", offered: 1)?.description == "Ana's vote “2” is not a choice: use 1, or - to abstain; nothing recorded")
    }

    @Test("Name=N sets one vote; names ignore case and may hold spaces; several in a line")
    func assignments() throws {
        #expect(try parse("Ben=3") == .assign([VoteAssignment(participant: 1, mark: .choice(3))]))
        #expect(try parse("ben = 3") == .assign([VoteAssignment(participant: 1, mark: .choice(3))]))
        #expect(try parse("Ben= 3") == .assign([VoteAssignment(participant: 1, mark: .choice(3))]))
        #expect(try parse("CHI=-") == .assign([VoteAssignment(participant: 2, mark: .abstain)]))
        #expect(try parse("Ana=1 Ben=-, Chi=2") == .assign([
            VoteAssignment(participant: 0, mark: .choice(1)), VoteAssignment(participant: 1, mark: .abstain),
            VoteAssignment(participant: 2, mark: .choice(2)),
        ]))
        let spaced = try Roster(["Ana Silva", "Ben"])
        #expect(try FacilitatorCommand.parse("ana silva=2 Ben=1", roster: spaced, offered: 2) == .assign([
            VoteAssignment(participant: 0, mark: .choice(2)), VoteAssignment(participant: 1, mark: .choice(1)),
        ]))
    }

    @Test("Name=N mistakes: unknown name, vote out of range, no vote, two votes, trailing text")
    func assignmentErrors() {
        #expect(error("Bob=2") == .unknownParticipant("Bob", roster: ["Ana", "Ben", "Chi"]))
        #expect(error("Bob=2")?.description == "no participant is called “Bob” (the roster: Ana, Ben, Chi); nothing recorded")
        #expect(error("Ben=9") == .invalidVote("9", participant: "Ben", offered: 3))
        #expect(error("Ben=") == .invalidVote("", participant: "Ben", offered: 3))
        #expect(error("Ben=1 ben=2") == .twoVotesInOneLine(participant: "Ben"))
        #expect(error("Ana=1 Ben=2 later") == .unknownInput("later"))
        #expect(error("Ana=1 Bob=2") == .unknownParticipant("Bob", roster: ["Ana", "Ben", "Chi"]))
    }

    // MARK: Commands

    @Test("commands, with and without their argument")
    func commands() throws {
        #expect(try parse("reveal") == .reveal)
        #expect(try parse("REVEAL") == .reveal)
        #expect(try parse("go") == .go(nil))
        #expect(try parse("go 2") == .go(2))
        #expect(try parse("details") == .details(nil))
        #expect(try parse("Details 3") == .details(3))
        #expect(try parse("timer") == .timer(nil))
        #expect(try parse("timer 90") == .timer(90))
        #expect(try parse("help") == .help)
        #expect(try parse("?") == .help)
        #expect(try parse("status") == .status)
        #expect(try parse("back") == .back)
        #expect(try parse("quit") == .quit)
        #expect(try parse("   ") == .empty)
    }

    @Test("command mistakes: go out of range, timer out of range, anything else")
    func commandErrors() {
        #expect(error("go 4") == .noSuchChoice("4", offered: 3))
        #expect(error("go 0") == .noSuchChoice("0", offered: 3))
        #expect(error("go x") == .noSuchChoice("x", offered: 3))
        #expect(error("go 4")?.description == "there is no choice “4” here: the choices are 1 to 3")
        #expect(error("details 4") == .noSuchChoice("4", offered: 3))
        #expect(error("timer 0") == .invalidTimer("0"))
        #expect(error("timer 3601") == .invalidTimer("3601"))
        #expect(error("hello") == .unknownInput("hello"))
        #expect(error("reveal now") == .unknownInput("reveal now"))
        #expect(error("go 1 2") == .unknownInput("go 1 2"))
    }

    @Test("every message is one line")
    func oneLine() {
        let errors: [FacilitationError] = [
            .noParticipants, .emptyName(position: 1), .duplicateName("a", first: "A"), .nameWithEquals("a=b"),
            .nameTooLong("x", limit: 1), .tooManyVotes(given: 4, participants: ["A"]),
            .tooFewVotes(given: 1, participants: 3, missing: ["B", "C"]), .invalidVote("9", participant: "A", offered: 3),
            .unknownParticipant("Z", roster: ["A"]), .twoVotesInOneLine(participant: "A"), .noSuchChoice("9", offered: 3),
            .tie([1, 2], votes: 2), .noVotes, .invalidTimer("x"), .unknownInput("x"), .finished, .nothingToUndo,
            .newerSave(9), .unreadableSave("x"),
        ]
        for error in errors {
            #expect(!error.description.contains("\n"), "\(error)")
            #expect(!error.description.isEmpty)
        }
        #expect(FacilitationError.tie([1, 3], votes: 2).description == "the vote is tied between 1 and 3 (2 votes each): type go 1 or go 3")
    }
}
