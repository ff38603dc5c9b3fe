import Foundation

/// A facilitated group session: the group's ``Engine`` plus the votes, as an explicit
/// state machine.
///
/// At each decision the facilitator records votes (all at once, or one participant at a
/// time), may reveal the split, then moves the group on along the majority or along a
/// choice of their own. Every participant's vote is kept with the decision even when the
/// group goes another way, so each participant can be scored on their own votes along
/// the group's path. Operations that cannot apply throw a ``FacilitationError`` and
/// change nothing.
public struct Facilitation: Sendable {
    public private(set) var engine: Engine
    /// The participants; in an open room it grows as people join.
    public internal(set) var roster: Roster
    /// The decisions that stand, one per decision in the engine's state.
    public internal(set) var decisions: [GroupDecision]
    /// The current decision's votes by roster position; nil for someone who has not voted.
    public internal(set) var ballot: [ParticipantVote?]
    /// Whether the current split has been revealed.
    public private(set) var revealed = false
    /// Steps taken; numbers the records store's step log.
    public internal(set) var turn = 0
    /// The discussion timer's default length, in seconds.
    public let discussSeconds: Int?
    /// The room participants' phones vote through, when the session has one.
    public internal(set) var room: RoomAccess?

    /// Starts a session at the scenario's start scene. The scenario must lint clean.
    public init(scenario: Scenario, fingerprint: String, roster: Roster, discussSeconds: Int? = nil, at now: Date,
                analysis: ScenarioAnalysis? = nil) {
        engine = Engine(scenario: scenario, fingerprint: fingerprint, at: now, mode: .group, analysis: analysis)
        self.roster = roster
        decisions = []
        ballot = Array(repeating: nil, count: roster.count)
        self.discussSeconds = discussSeconds
    }

    /// Resumes a saved session, checking it against the scenario the way ``Engine`` does
    /// and that its votes belong to its roster and its decisions to its path.
    public init(scenario: Scenario, fingerprint: String, resuming saved: FacilitationState,
                analysis: ScenarioAnalysis? = nil) throws {
        if saved.version > FacilitationState.currentVersion { throw FacilitationError.newerSave(saved.version) }
        engine = try Engine(scenario: scenario, fingerprint: fingerprint, resuming: saved.session, analysis: analysis)
        roster = saved.participants
        discussSeconds = saved.discussSeconds
        let path = saved.session.decisions
        let names = saved.participants.names
        guard saved.decisions.count == path.count,
              zip(saved.decisions, path).allSatisfy({ $0.scene == $1.scene && $0.choice == $1.choice }),
              saved.decisions.allSatisfy({ $0.votes.map(\.participant) == names }) else {
            throw EngineError.inconsistentSave("the group's decisions and votes do not match its path and roster")
        }
        decisions = saved.decisions
        ballot = Array(repeating: nil, count: roster.count)
        for vote in saved.ballot {
            guard let index = roster.names.firstIndex(of: vote.participant), ballot[index] == nil else {
                throw EngineError.inconsistentSave("a vote by \(vote.participant) is not on the roster")
            }
            ballot[index] = vote
        }
        revealed = saved.revealed
        turn = saved.turn
        room = saved.room
        if roster.names.isEmpty && room?.open != true { throw FacilitationError.noParticipants }
    }

    /// The state to save.
    public var state: FacilitationState {
        FacilitationState(participants: roster, session: engine.state, decisions: decisions,
                          ballot: ballot.compactMap { $0 }, revealed: revealed, turn: turn, discussSeconds: discussSeconds,
                          room: room)
    }

    public var scenario: Scenario { engine.scenario }
    public var phase: Engine.Phase { engine.phase }
    public var currentScene: Scene { engine.currentScene }
    public func offeredChoices() -> [Choice] { engine.offeredChoices() }

    /// Parses a facilitator's line against this roster and the choices on offer.
    public func parse(_ line: String) throws(FacilitationError) -> FacilitatorCommand {
        try FacilitatorCommand.parse(line, roster: roster, offered: offeredChoices().count)
    }

    /// How the current votes fall.
    public var split: VoteSplit { VoteSplit(offered: offeredChoices(), votes: ballot, roster: roster) }

    // MARK: Steps

    /// Records one mark per participant (`2 1 2`), replacing any earlier votes here.
    public mutating func castBallot(_ marks: [VoteMark]) throws(FacilitationError) -> FacilitationStep {
        guard marks.count == roster.count else {
            if marks.count > roster.count { throw .tooManyVotes(given: marks.count, participants: roster.names) }
            throw .tooFewVotes(given: marks.count, participants: roster.count, missing: Array(roster.names[marks.count...]))
        }
        return try cast(marks.enumerated().map { VoteAssignment(participant: $0.offset, mark: $0.element) })
    }

    /// Sets or corrects some participants' votes (`Ben=3`), leaving the others as they are.
    public mutating func cast(_ assignments: [VoteAssignment]) throws(FacilitationError) -> FacilitationStep {
        guard phase == .deciding else { throw .finished }
        let offered = offeredChoices()
        var updated = ballot
        var cast: [ParticipantVote] = []
        for assignment in assignments {
            guard roster.names.indices.contains(assignment.participant) else {
                throw .unknownParticipant("#\(assignment.participant + 1)", roster: roster.names)
            }
            let name = roster.names[assignment.participant]
            let vote: ParticipantVote
            switch assignment.mark {
            case .abstain:
                vote = ParticipantVote(participant: name, choice: nil)
            case .choice(let number):
                guard number >= 1, number <= offered.count else {
                    throw .invalidVote("\(number)", participant: name, offered: offered.count)
                }
                vote = ParticipantVote(participant: name, choice: offered[number - 1].id)
            }
            updated[assignment.participant] = vote
            cast.append(vote)
        }
        ballot = updated
        turn += 1
        return FacilitationStep(kind: .vote, scene: currentScene.id, votes: cast)
    }

    /// Reveals the current split (it stays revealed until the group moves on).
    public mutating func reveal() throws(FacilitationError) -> FacilitationStep {
        guard phase == .deciding else { throw .finished }
        revealed = true
        turn += 1
        return FacilitationStep(kind: .reveal, scene: currentScene.id, votes: ballot.compactMap { $0 })
    }

    /// What moving on did.
    public struct Move: Sendable {
        public var outcome: Engine.Outcome
        public var decision: GroupDecision
        public var step: FacilitationStep
        /// The group's choice's number among those that were offered.
        public var number: Int
        /// Participants who had not voted, recorded as abstaining.
        public var notVoted: [String]
    }

    /// Moves the group on: along choice `number`, or along the majority when nil.
    /// A tie or an empty vote asks for a number. Whoever has not voted is recorded as
    /// abstaining; every vote is kept with the decision.
    public mutating func go(_ number: Int?, at now: Date) throws(FacilitationError) -> Move {
        guard phase == .deciding else { throw .finished }
        let split = self.split
        let offered = offeredChoices()
        let chosen: Int
        switch (number, split.majority) {
        case (let number?, _):
            guard number >= 1, number <= offered.count else { throw .noSuchChoice("\(number)", offered: offered.count) }
            chosen = number
        case (nil, .choice(let majority)):
            chosen = majority
        case (nil, .tie(let numbers, let votes)):
            throw .tie(numbers, votes: votes)
        case (nil, .none):
            throw .noVotes
        }
        let basis: GroupDecision.Basis = split.majority == .choice(chosen) ? .majority : .facilitator
        let votes = roster.names.enumerated().map { index, name in ballot[index] ?? ParticipantVote(participant: name, choice: nil) }
        let outcome: Engine.Outcome
        do { outcome = try engine.choose(chosen, at: now) } catch { throw .finished }
        let decision = GroupDecision(scene: outcome.decision.scene, choice: outcome.decision.choice, basis: basis,
                                     votes: votes, at: now)
        decisions.append(decision)
        ballot = Array(repeating: nil, count: roster.count)
        revealed = false
        turn += 1
        return Move(outcome: outcome, decision: decision,
                    step: FacilitationStep(kind: .go, scene: decision.scene, choice: decision.choice, basis: basis, votes: votes),
                    number: chosen, notVoted: split.waiting)
    }

    /// Takes back the group's last decision and its votes; votes cast at the current
    /// decision are cleared too. The step log keeps what was taken back.
    public mutating func back(at now: Date) throws(FacilitationError) -> (decision: GroupDecision, step: FacilitationStep) {
        guard let last = decisions.last else { throw .nothingToUndo }
        do { try engine.back(at: now) } catch { throw .nothingToUndo }
        decisions.removeLast()
        ballot = Array(repeating: nil, count: roster.count)
        revealed = false
        turn += 1
        return (last, FacilitationStep(kind: .back, scene: last.scene, choice: last.choice, basis: last.basis, votes: last.votes))
    }
}
