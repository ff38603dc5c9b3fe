import Foundation
import TwofoldCore

/// Puts a facilitated session on the screen in a layout made for a projector: bold
/// headings, wide margins, numbered choices with room between them, everything wrapped
/// to the width and every piece of scenario or participant text made safe.
struct FacilitationView {
    let screen: Screen
    let analysis: ScenarioAnalysis
    /// The scenario's axes, for deltas.
    let axes: [Axis]

    /// The left margin of body text.
    let margin = "    "

    func showOpening(_ session: Facilitation, resumed: Bool) {
        let scenario = session.scenario
        screen.blank()
        screen.heading(scenario.title)
        screen.blank()
        if session.roster.count == 0 {
            screen.paragraph("Open room: participants join from their phones.", indent: margin)
        } else {
            screen.paragraph("Group session with \(session.roster.count) participant\(session.roster.count == 1 ? "" : "s"): "
                             + Self.names(session.roster.names) + ".", indent: margin)
        }
        if resumed {
            let count = session.decisions.count
            let votes = session.ballot.compactMap { $0 }.count
            screen.paragraph("Welcome back. \(count) decision\(count == 1 ? "" : "s") so far" + (votes > 0 ? "; \(votes) vote\(votes == 1 ? "" : "s") in at this one (hidden)." : "."), indent: margin)
        } else {
            if let note = scenario.facilitatorNote {
                screen.blank()
                screen.paragraph("For the facilitator: " + note, indent: margin)
            }
            if let briefing = scenario.briefing {
                screen.blank()
                if let setting = scenario.setting { screen.paragraph(setting.line, indent: margin) }
                screen.paragraph(briefing, indent: margin)
            }
        }
        screen.blank()
        if session.room != nil {
            screen.note("Participants vote from their phones; type Name=N for someone without one, reveal, go, or help.", indent: margin, style: screen.dim)
        } else {
            screen.note("Type one choice number per participant (e.g. 2 1 2, - to abstain), or help.", indent: margin, style: screen.dim)
        }
    }

    func showScene(_ session: Facilitation) {
        let scene = session.currentScene
        screen.blank()
        if let ending = scene.ending {
            screen.heading("Ending: " + ending.title)
            screen.blank()
            screen.paragraph(scene.text, indent: margin)
            screen.blank()
            return
        }
        screen.heading("Decision \(session.decisions.count + 1)")
        screen.blank()
        screen.paragraph(scene.text, indent: margin)
        screen.blank()
        for (index, choice) in session.offeredChoices().enumerated() {
            let number = "\(margin)\(index + 1).  "
            let lines = TextLayout.wrap(TextSafety.terminal(choice.text), width: screen.columns, indent: number,
                                        hangingIndent: String(repeating: " ", count: number.count))
            for (position, line) in lines.enumerated() {
                screen.line(position == 0 ? screen.bold(String(line.prefix(number.count))) + String(line.dropFirst(number.count)) : line)
            }
            screen.blank()
        }
        let before = DiscussionPrompts.beforeVote(scene: scene)
        if !before.isEmpty {
            screen.line(margin + screen.bold("While you vote:"))
            for prompt in before { screen.paragraph(prompt, indent: margin + "• ", hanging: margin + "  ") }
            screen.blank()
        }
        if session.roster.count > 0 {
            screen.paragraph("Votes from " + Self.names(session.roster.names) + ", in that order.", indent: margin)
            screen.blank()
        }
    }

    /// How to join the room: the join line (at the start of its line, where tools look
    /// for `Join: `), the code, the QR code and the presenter view's address (shown on
    /// this screen only).
    func showRoom(_ lines: [String]) {
        screen.blank()
        for line in lines { screen.line(line) }
    }

    /// The join line, repeated with each decision so latecomers can still read it.
    func showJoinLine(_ line: String) {
        screen.line(margin + screen.dim(TextSafety.terminal(line)))
        screen.blank()
    }

    /// Names for a line of text: all of a small group, the first twelve of a big one.
    static func names(_ names: [String]) -> String {
        let shown = names.prefix(12).joined(separator: ", ")
        return names.count > 12 ? shown + " and \(names.count - 12) more" : shown
    }

    func showHint(_ session: Facilitation) {
        let example = Array(repeating: "1", count: min(session.roster.count, 6)).joined(separator: " ")
        screen.note("Type one number per participant (e.g. \(example)), Name=N, reveal, go, or help.", indent: margin, style: screen.dim)
    }

    /// How many votes are in, without showing which way they went.
    func showVotesIn(_ session: Facilitation, changed: [String]?) {
        let split = session.split
        let cast = session.roster.count - split.waiting.count
        var text = changed.map { ($0.count == 1 ? "Vote recorded for " : "Votes recorded for ") + $0.joined(separator: ", ") + ". " } ?? ""
        text += "\(cast) of \(session.roster.count) votes in"
        text += split.waiting.isEmpty ? " (hidden). Type reveal to show the split, or go." : "; waiting for " + Self.names(split.waiting) + "."
        screen.paragraph(text, indent: margin)
    }

    func showMove(_ move: Facilitation.Move, facilitation session: Facilitation, alreadyRevealed: Bool) {
        let number = move.number
        let reason = move.decision.basis == .majority ? "the majority" : "the facilitator's choice"
        screen.blank()
        screen.paragraph("The group goes with \(number) (\(reason)): \(move.outcome.choice.text)", indent: margin)
        if !alreadyRevealed {
            screen.line(margin + screen.bold(deltas(move.outcome.choice)))
            screen.paragraph(move.outcome.choice.feedback, indent: margin)
        }
        if !move.notVoted.isEmpty {
            screen.paragraph("No vote from " + move.notVoted.joined(separator: ", ") + ": recorded as abstaining.", indent: margin)
        }
    }

    func showBack(_ decision: GroupDecision) {
        screen.paragraph("Took back the group's last decision and its votes; vote again.", indent: margin)
    }

    /// Each participant's running scores on their own votes.
    func showStatus(_ session: Facilitation) {
        let count = session.decisions.count
        screen.blank()
        screen.heading("Scores after \(count) decision\(count == 1 ? "" : "s")")
        screen.blank()
        let names = session.roster.names.map(TextSafety.terminal)
        let width = min(30, names.map(TextLayout.displayWidth).max() ?? 0)
        for (index, name) in names.enumerated() {
            let card = session.scoreCard(of: index, analysis: analysis)
            var scores = session.scenario.axes.map { axis in
                "\(axis.name) \(Screen.signed(card.axes[axis.name]?.raw ?? 0))".leftAligned(axis.name.count + 5)
            }.joined(separator: "  ")
            let abstained = session.abstentions(of: index)
            while abstained == 0 && scores.hasSuffix(" ") { scores.removeLast() }
            let noteText = abstained > 0 ? "abstained \(abstained)" : ""
            let note = noteText.isEmpty ? "" : "  " + screen.dim(noteText)
            let plainWidth = TextLayout.displayWidth(margin + name.leftAligned(width) + "  " + scores)
                + (noteText.isEmpty ? 0 : 2 + noteText.count)
            if plainWidth <= screen.columns {
                screen.line("\(margin)\(screen.bold(name.leftAligned(width)))  " + scores + note)
            } else {
                // Too narrow for one line: the name, then the scores under it.
                screen.line(margin + screen.bold(name))
                screen.line(margin + "  " + scores + note)
            }
        }
        let range = ScoreCard(decisions: [], scenario: session.scenario, analysis: analysis)
        screen.blank()
        screen.note("Complete paths range from \(range.manager.min) to \(range.manager.max) (manager) and \(range.leader.min) to \(range.leader.max) (leader).",
                    indent: margin, style: screen.dim)
    }

    func showHelp(_ session: Facilitation) {
        let offered = session.offeredChoices().count
        let example = (0..<session.roster.count).map { String($0 % max(1, offered) + 1) }.prefix(6).joined(separator: " ")
        let first = TextSafety.terminal(session.roster.names.first ?? "Ana")
        screen.table([
            (example, "one vote per participant, in roster order (- to abstain)"),
            ("\(first)=2", "set or correct one vote (several: Ana=1 Ben=-)"),
            ("reveal", "show the split, each choice's scores and feedback, and questions to discuss"),
            ("details", "each choice's scores and feedback in full, after the reveal (details N: choice N only)"),
            ("go", "continue along the majority choice (go N: along choice N)"),
            ("timer", "a discussion countdown (timer 90: ninety seconds); Enter skips it"),
            ("status", "each participant's scores so far"),
            ("back", "take back the group's last decision and its votes"),
            ("quit", "save and leave (continue later with `twofold resume`)"),
        ], indent: margin, termWidth: 12)
        screen.note("Tab completes commands, numbers and names; Up and Down recall earlier lines.", indent: margin)
    }

    func showError(_ error: FacilitationError) {
        let text = error.description
        screen.paragraph(text.prefix(1).uppercased() + text.dropFirst() + ".", indent: margin)
    }

    func sayGoodbye() {
        screen.note("Saved. Continue later with: twofold resume")
    }

    /// `manager +2   leader -1` (and any extra axes).
    func deltas(_ choice: Choice) -> String {
        axes.map { "\($0.name) \(Screen.signed(choice.scores[$0]))" }.joined(separator: "   ")
    }
}

extension String {
    /// Padded with spaces to `width` display columns.
    func leftAligned(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - TextLayout.displayWidth(self)))
    }
}
