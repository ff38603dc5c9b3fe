import Foundation
import Testing
@testable import TwofoldCore

/// A two-decision scenario: s1 offers a (manager), b (leader), c (both); s2 offers d and e.
private func facilitationScenario(discussion: [String] = []) throws -> (Scenario, String) {
    var first = decision("s1", [
        choice("a", to: "s2", manager: 2), choice("b", to: "s2", leader: 2), choice("c", to: "s2", manager: 1, leader: 1),
    ])
    if !discussion.isEmpty { first["discussion"] = discussion }
    let object = scenarioObject(start: "s1", [
        first,
        decision("s2", [choice("d", to: "end", manager: 1, leader: -1), choice("e", to: "end", manager: -1, leader: 1)]),
        ending("end"),
    ])
    let data = jsonData(object)
    let result = ScenarioLoader.load(data, file: "facilitation.json")
    return (try #require(result.playable, "\(result.listing)"), Fingerprint.of(data))
}

private let start = Date(timeIntervalSince1970: 1_795_946_400)

@Suite("Facilitation state machine")
struct FacilitationTests {
    let roster = try! Roster(["Ana", "Ben", "Chi"])

    private func session() throws -> Facilitation {
        let (scenario, fingerprint) = try facilitationScenario()
        return Facilitation(scenario: scenario, fingerprint: fingerprint, roster: roster, at: start)
    }

    @Test("votes stay hidden in the ballot until go, which follows the majority and keeps every vote")
    func majority() throws {
        var group = try session()
        let step = try group.castBallot([.choice(2), .choice(1), .choice(2)])
        #expect(step.kind == .vote)
        #expect(step.votes.map(\.choice) == ["b", "a", "b"])
        #expect(group.split.majority == .choice(2))
        #expect(group.split.options.map(\.count) == [1, 2, 0])
        let move = try group.go(nil, at: start + 30)
        #expect(move.number == 2)
        #expect(move.decision.choice == "b")
        #expect(move.decision.basis == .majority)
        #expect(move.decision.votes == [
            ParticipantVote(participant: "Ana", choice: "b"), ParticipantVote(participant: "Ben", choice: "a"),
            ParticipantVote(participant: "Chi", choice: "b"),
        ])
        #expect(group.currentScene.id == "s2")
        #expect(group.ballot == [nil, nil, nil])
        #expect(group.engine.state.decisions.map(\.choice) == ["b"])
        #expect(group.engine.state.decisions[0].seconds == 30)
    }

    @Test("Name=N corrects one vote and leaves the others")
    func correction() throws {
        var group = try session()
        _ = try group.castBallot([.choice(1), .choice(1), .choice(2)])
        _ = try group.cast([VoteAssignment(participant: 2, mark: .choice(1))])
        #expect(group.ballot.map { $0?.choice } == ["a", "a", "a"])
        _ = try group.cast([VoteAssignment(participant: 0, mark: .abstain)])
        #expect(group.split.abstained == ["Ana"])
        #expect(group.split.majority == .choice(1))
    }

    @Test("a tie asks for go N; go N breaks it and is marked as the facilitator's")
    func tie() throws {
        var group = try session()
        _ = try group.castBallot([.choice(1), .choice(3), .abstain])
        #expect(group.split.majority == .tie([1, 3], votes: 1))
        #expect(throws: FacilitationError.tie([1, 3], votes: 1)) { try group.go(nil, at: start) }
        #expect(group.currentScene.id == "s1")  // nothing changed
        let move = try group.go(3, at: start)
        #expect(move.decision.choice == "c")
        #expect(move.decision.basis == .facilitator)
        #expect(move.decision.votes.map(\.choice) == ["a", "c", nil])
    }

    @Test("go N against the vote keeps the votes that lost")
    func override() throws {
        var group = try session()
        _ = try group.castBallot([.choice(1), .choice(1), .choice(1)])
        let move = try group.go(2, at: start)
        #expect(move.decision.choice == "b")
        #expect(move.decision.basis == .facilitator)
        #expect(group.votes(of: 0) == ["a"])
        // go N naming the majority is still the majority's decision.
        _ = try group.castBallot([.choice(2), .choice(2), .choice(1)])
        #expect(try group.go(2, at: start).decision.basis == .majority)
    }

    @Test("go with no votes asks for a number; those who did not vote are recorded as abstaining")
    func noVotes() throws {
        var group = try session()
        #expect(throws: FacilitationError.noVotes) { try group.go(nil, at: start) }
        _ = try group.castBallot([.abstain, .abstain, .abstain])
        #expect(throws: FacilitationError.noVotes) { try group.go(nil, at: start) }
        var partial = try session()
        _ = try partial.cast([VoteAssignment(participant: 1, mark: .choice(3))])
        #expect(partial.split.waiting == ["Ana", "Chi"])
        let move = try partial.go(nil, at: start)
        #expect(move.notVoted == ["Ana", "Chi"])
        #expect(move.decision.votes.map(\.choice) == [nil, "c", nil])
    }

    @Test("back takes back the last decision and its votes; nothing to take back at the start")
    func back() throws {
        var group = try session()
        #expect(throws: FacilitationError.nothingToUndo) { try group.back(at: start) }
        _ = try group.castBallot([.choice(1), .choice(1), .choice(2)])
        _ = try group.go(nil, at: start)
        _ = try group.castBallot([.choice(1), .choice(2), .choice(2)])
        _ = try group.reveal()
        let (undone, step) = try group.back(at: start + 5)
        #expect(undone.choice == "a")
        #expect(step.kind == .back)
        #expect(step.votes.map(\.choice) == ["a", "a", "b"])
        #expect(group.currentScene.id == "s1")
        #expect(group.decisions.isEmpty)
        #expect(group.ballot == [nil, nil, nil])
        #expect(!group.revealed)
    }

    @Test("after the ending nothing more can be voted; every step counts a turn")
    func finished() throws {
        var group = try session()
        _ = try group.castBallot([.choice(1), .choice(1), .choice(2)])
        _ = try group.reveal()
        _ = try group.go(nil, at: start)
        _ = try group.castBallot([.choice(1), .choice(2), .choice(2)])
        _ = try group.go(nil, at: start)
        #expect(group.phase == .finished)
        #expect(group.turn == 5)
        #expect(throws: FacilitationError.finished) { try group.castBallot([.abstain, .abstain, .abstain]) }
        #expect(throws: FacilitationError.finished) { try group.reveal() }
        #expect(throws: FacilitationError.finished) { try group.go(1, at: start) }
    }

    @Test("each participant is scored on their own votes along the group's path; abstentions score nothing")
    func participantScores() throws {
        var group = try session()
        _ = try group.castBallot([.choice(1), .choice(2), .abstain])  // a tie: the facilitator picks c
        _ = try group.go(3, at: start)
        _ = try group.castBallot([.choice(2), .choice(1), .choice(1)])
        _ = try group.go(nil, at: start)
        let analysis = ScenarioAnalysis(group.scenario)
        // Independently: Ana a(+2,0) e(-1,+1); Ben b(0,+2) d(+1,-1); Chi abstains, d(+1,-1).
        let expected = [(1, 1), (1, 1), (1, -1)]
        for (index, (manager, leader)) in expected.enumerated() {
            let card = group.scoreCard(of: index, analysis: analysis)
            #expect(card.manager.raw == manager)
            #expect(card.leader.raw == leader)
        }
        #expect(group.abstentions(of: 2) == 1)
        #expect(group.decisions(of: 2)[0].scores.isZero)
        #expect(group.votes(of: 2) == [nil, "d"])
        // The bounds are the scenario's: manager from -1 to 3, leader from -1 to 3.
        let chi = group.scoreCard(of: 2, analysis: analysis)
        #expect((chi.manager.min, chi.manager.max, chi.leader.min, chi.leader.max) == (-1, 3, -1, 3))
        #expect(chi.manager.percent == 50 && chi.leader.percent == 0)
    }

    @Test("the history replays what was offered and how the room split")
    func history() throws {
        var group = try session()
        _ = try group.castBallot([.choice(1), .choice(2), .choice(2)])
        _ = try group.go(nil, at: start)
        let past = try #require(group.history().first)
        #expect(past.scene.id == "s1")
        #expect(past.offered.map(\.id) == ["a", "b", "c"])
        #expect(past.split.options.map(\.voters) == [["Ana"], ["Ben", "Chi"], []])
    }

    @Test("state survives a JSON round trip and resumes exactly")
    func roundTrip() throws {
        let (scenario, fingerprint) = try facilitationScenario()
        var group = Facilitation(scenario: scenario, fingerprint: fingerprint, roster: roster, discussSeconds: 90, at: start)
        _ = try group.castBallot([.choice(1), .choice(2), .abstain])
        _ = try group.go(1, at: start + 10)
        _ = try group.cast([VoteAssignment(participant: 1, mark: .choice(2))])
        _ = try group.reveal()
        let data = try group.state.encoded()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""choice":null"#))
        let saved = try FacilitationState.decode(data)
        #expect(saved == group.state)
        let resumed = try Facilitation(scenario: scenario, fingerprint: fingerprint, resuming: saved)
        #expect(resumed.state == group.state)
        #expect(resumed.ballot.map { $0?.choice } == [nil, "e", nil])
        #expect(resumed.revealed)
        #expect(resumed.discussSeconds == 90)
        #expect(resumed.turn == 4)
    }

    @Test("a newer, unreadable or inconsistent save is refused")
    func refusedSaves() throws {
        let (scenario, fingerprint) = try facilitationScenario()
        var group = Facilitation(scenario: scenario, fingerprint: fingerprint, roster: roster, at: start)
        _ = try group.castBallot([.choice(1), .choice(2), .abstain])
        _ = try group.go(1, at: start)
        var state = group.state
        state.version = 2
        #expect(throws: FacilitationError.newerSave(2)) { try FacilitationState.decode(try state.encoded()) }
        #expect(throws: FacilitationError.self) { try FacilitationState.decode(Data("{}".utf8)) }
        var wrongVotes = group.state
        wrongVotes.decisions[0].votes.removeLast()
        #expect(throws: EngineError.self) { try Facilitation(scenario: scenario, fingerprint: fingerprint, resuming: wrongVotes) }
        var stranger = group.state
        stranger.ballot = [ParticipantVote(participant: "Zed", choice: "d")]
        #expect(throws: EngineError.self) { try Facilitation(scenario: scenario, fingerprint: fingerprint, resuming: stranger) }
        #expect(throws: EngineError.scenarioChanged) { try Facilitation(scenario: scenario, fingerprint: "other", resuming: group.state) }
    }
}

@Suite("Vote split, entropy and discussion prompts")
struct VoteSplitTests {
    @Test("entropy in bits: 0 when the room agrees, log2(k) for an even split over k")
    func entropy() {
        #expect(VoteSplit.entropy([]) == 0)
        #expect(VoteSplit.entropy([0, 0]) == 0)
        #expect(VoteSplit.entropy([5, 0, 0]) == 0)
        #expect(VoteSplit.entropy([1, 1]) == 1)
        #expect(VoteSplit.entropy([2, 2, 2, 2]) == 2)
        #expect(VoteSplit.entropy([2, 1]) == 0.918)  // 0.918295…, to three decimals
        #expect(VoteSplit.entropy([3, 1, 1]) < VoteSplit.entropy([2, 2, 1]))
    }

    @Test("abstentions and missing votes are left out of the entropy")
    func abstentionsLeftOut() throws {
        let (scenario, _) = try facilitationScenario()
        let roster = try Roster(["Ana", "Ben", "Chi", "Dee"])
        let offered = scenario.scenes[0].choices
        let split = VoteSplit(offered: offered, votes: [
            ParticipantVote(participant: "Ana", choice: "a"), ParticipantVote(participant: "Ben", choice: nil),
            ParticipantVote(participant: "Chi", choice: "a"), nil,
        ], roster: roster)
        #expect(split.entropy == 0)
        #expect(split.abstained == ["Ben"])
        #expect(split.waiting == ["Dee"])
        #expect(split.votesCast == 2)
    }

    @Test("the scene's own discussion prompts come first")
    func authoredPrompts() throws {
        let (scenario, _) = try facilitationScenario(discussion: ["Why?", "What next?"])
        let scene = scenario.scenes[0]
        let split = VoteSplit(offered: scene.choices, votes: [nil], roster: try Roster(["Ana"]))
        #expect(DiscussionPrompts.prompts(scene: scene, offered: scene.choices, split: split) == ["Why?", "What next?"])
    }

    @Test("without them, two or three prompts come from the split and the deltas")
    func generatedPrompts() throws {
        let (scenario, _) = try facilitationScenario()
        let scene = scenario.scenes[0]
        let roster = try Roster(["Ana", "Ben", "Chi"])
        let divided = VoteSplit(offered: scene.choices, votes: [
            ParticipantVote(participant: "Ana", choice: "a"), ParticipantVote(participant: "Ben", choice: "a"),
            ParticipantVote(participant: "Chi", choice: "b"),
        ], roster: roster)
        let prompts = DiscussionPrompts.prompts(scene: scene, offered: scene.choices, split: divided)
        #expect((2...3).contains(prompts.count))
        #expect(prompts[0] == "The room split between 1 (2 votes) and 2 (1 vote). What did each side see that the others did not?")
        #expect(prompts[1].hasPrefix("The popular choice, 1 (manager +2, leader 0): what would a leader add to it"))
        #expect(prompts[2].hasPrefix("Choice 3 (manager +1, leader +1) supports the person in their job and in their career."))

        let agreed = VoteSplit(offered: scene.choices, votes: roster.names.map { ParticipantVote(participant: $0, choice: "b") },
                               roster: roster)
        let agreedPrompts = DiscussionPrompts.generated(offered: scene.choices, split: agreed)
        #expect(agreedPrompts[0] == "Everyone who voted chose 2. What would make someone in this room choose differently?")
        #expect(agreedPrompts[1].contains("What would a manager add to it"))
        let none = DiscussionPrompts.generated(offered: scene.choices, split: VoteSplit(offered: scene.choices, votes: [], roster: roster))
        #expect((2...3).contains(none.count))
    }
}
