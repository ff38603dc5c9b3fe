import Foundation
import TwofoldCore

/// What a participant's phone shows: the room's part, the same for everyone, and their
/// own part (their vote, and the feedback of their choice once the split is revealed).
///
/// The split is never in it before the reveal, and it never names anyone but the phone's
/// own participant. `GET /api/state` answers with it, and the live channel pushes it.
struct ParticipantView: Encodable {
    /// The part every participant sees alike.
    struct Room: Encodable, Equatable {
        var scenario: String
        /// `deciding` or `finished`.
        var phase: String
        /// The decision's number along the group's path, from 1.
        var decision: Int
        var scene: String
        var choices: [NumberedChoice]
        var revealed: Bool
        /// Votes per choice, once revealed.
        var split: [SplitCount]?
        var ending: EndingView?
    }

    struct You: Encodable {
        var name: String
        /// The choice number voted for at this decision, if any.
        var vote: Int?
        /// The feedback of the choice voted for, once revealed.
        var feedback: String?
    }

    var room: Room
    var you: You
    /// Seconds left on the discussion countdown, while one runs.
    var countdown: Int?

    /// The room's part of the view for `snapshot`.
    static func room(_ snapshot: RoomSnapshot) -> Room {
        let facilitation = snapshot.facilitation
        let finished = facilitation.phase == .finished
        let offered = finished ? [] : facilitation.offeredChoices()
        return Room(
            scenario: WebText.safe(facilitation.scenario.title),
            phase: finished ? "finished" : "deciding",
            decision: facilitation.decisions.count + (finished ? 0 : 1),
            scene: WebText.safe(facilitation.currentScene.text),
            choices: offered.enumerated().map { NumberedChoice(number: $0.offset + 1, text: WebText.safe($0.element.text)) },
            revealed: facilitation.revealed,
            split: facilitation.revealed ? facilitation.split.options.map { SplitCount(number: $0.number, votes: $0.count) } : nil,
            ending: EndingView(facilitation))
    }

    /// Every participant's choice number at the current decision (nil: no vote, or an
    /// abstention), in roster order, worked out in one pass.
    static func votes(in facilitation: Facilitation) -> [Int?] {
        guard facilitation.phase == .deciding else { return Array(repeating: nil, count: facilitation.roster.count) }
        var numbers: [String: Int] = [:]
        for (index, choice) in facilitation.offeredChoices().enumerated() { numbers[choice.id] = index + 1 }
        return facilitation.ballot.map { vote in vote?.choice.flatMap { numbers[$0] } }
    }

    /// The whole view for one participant whose vote (from ``votes(in:)``) is `vote`.
    init(room: Room, participant: Int, vote: Int?, snapshot: RoomSnapshot, now: Date) {
        let facilitation = snapshot.facilitation
        var feedback: String?
        if facilitation.revealed, let vote {
            feedback = WebText.safe(facilitation.offeredChoices()[vote - 1].feedback)
        }
        self.room = room
        you = You(name: WebText.safe(facilitation.roster.names[participant]), vote: vote, feedback: feedback)
        countdown = WebText.secondsLeft(until: snapshot.countdownEnds, now: now)
    }
}

/// A choice as offered, with its number from 1.
struct NumberedChoice: Encodable, Equatable {
    var number: Int
    var text: String
}

/// The votes one choice received.
struct SplitCount: Encodable, Equatable {
    var number: Int
    var votes: Int
}

/// The ending the group reached.
struct EndingView: Encodable, Equatable {
    var title: String
    var text: String

    init?(_ facilitation: Facilitation) {
        guard facilitation.phase == .finished, let ending = facilitation.currentScene.ending else { return nil }
        title = WebText.safe(ending.title)
        text = WebText.safe(facilitation.currentScene.text)
    }
}
