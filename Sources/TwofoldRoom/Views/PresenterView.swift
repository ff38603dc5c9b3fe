import Foundation
import TwofoldCore

/// What the projector shows: the scene, the choices, how many have voted, and — only
/// after the reveal — the split as bars, each choice's feedback and deltas, and the
/// questions to discuss. With an anonymous room no name is ever in it.
struct PresenterView: Encodable {
    struct Choice: Encodable {
        var number: Int
        var text: String
        /// Once revealed: the votes, who cast them (not in an anonymous room), the
        /// feedback and the deltas per axis.
        var votes: Int?
        var voters: [String]?
        var feedback: String?
        var deltas: [Delta]?
    }

    struct Delta: Encodable {
        var axis: String
        var value: Int
    }

    struct Join: Encodable {
        var url: String
        var code: String
    }

    var scenario: String
    var phase: String
    var decision: Int
    var scene: String
    var choices: [Choice]
    /// Participants who have voted (or abstained) at this decision, and all participants.
    var voted: Int
    var participants: Int
    var revealed: Bool
    var abstained: Int?
    var prompts: [String]?
    var countdown: Int?
    var anonymous: Bool
    var join: Join
    var ending: EndingView?

    init(_ snapshot: RoomSnapshot, joinURL: String, now: Date) {
        let facilitation = snapshot.facilitation
        let room = ParticipantView.room(snapshot)
        let anonymous = snapshot.access?.anonymous ?? true
        let split = facilitation.phase == .deciding ? facilitation.split : nil
        let offered = facilitation.phase == .deciding ? facilitation.offeredChoices() : []
        scenario = room.scenario
        phase = room.phase
        decision = room.decision
        scene = room.scene
        choices = room.choices.map { Choice(number: $0.number, text: $0.text) }
        voted = facilitation.roster.count - (split?.waiting.count ?? 0)
        participants = facilitation.roster.count
        revealed = room.revealed
        self.anonymous = anonymous
        join = Join(url: joinURL, code: snapshot.access?.code ?? "")
        ending = room.ending
        countdown = WebText.secondsLeft(until: snapshot.countdownEnds, now: now)
        guard facilitation.revealed, let split else { return }
        for (index, option) in split.options.enumerated() where index < choices.count {
            let choice = offered[index]
            choices[index].votes = option.count
            choices[index].voters = anonymous ? nil : option.voters.map(WebText.safe)
            choices[index].feedback = WebText.safe(choice.feedback)
            choices[index].deltas = facilitation.scenario.axes.map { Delta(axis: $0.name, value: choice.scores[$0]) }
        }
        abstained = split.abstained.count
        prompts = DiscussionPrompts.prompts(scene: facilitation.currentScene, offered: offered, split: split).map(WebText.safe)
    }
}
