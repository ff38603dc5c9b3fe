import Foundation
import TwofoldCore

/// The reveal, laid out to stay on one screen, and the details it leaves for later.
extension FacilitationView {
    /// How much of a reveal is shown.
    enum RevealLayout: CaseIterable {
        /// The split, each choice's text, deltas and feedback, and the discussion prompts.
        case full
        /// The split with each choice's deltas, the choices' texts and the prompts; the
        /// feedback waits for `details`.
        case compact
        /// The split with deltas and the prompts only.
        case minimal
    }

    /// The split as bars, each choice's deltas and feedback, then the discussion prompts.
    ///
    /// When the window's height is known and the whole reveal would scroll the bars out
    /// of sight, a shorter layout is used (the first of ``RevealLayout`` that fits, the
    /// shortest otherwise), and `details` shows the rest. Output that is not a terminal
    /// always gets the full reveal.
    func showReveal(_ session: Facilitation) {
        let layouts = RevealLayout.allCases.lazy.map { layout in
            self.screen.render { self.reveal(session, layout: layout, on: $0) }
        }
        // Below the reveal: the discussion countdown's line when one runs, then the prompt.
        let below = session.discussSeconds == nil ? 1 : 2
        let chosen = layouts.first { fitsOneScreen($0, below: below) } ?? layouts[layouts.index(before: layouts.endIndex)]
        for line in chosen { screen.line(line) }
    }

    /// Whether `lines`, with the command line above them and `below` lines after, fit the window.
    private func fitsOneScreen(_ lines: [String], below: Int) -> Bool {
        guard let rows = screen.rows else { return true }
        return 1 + lines.count + below <= rows
    }

    /// What each choice (or choice `number`) leads to: text, deltas and feedback in full.
    func showDetails(_ session: Facilitation, number: Int?) {
        guard session.revealed else {
            screen.note("The details come after the votes: type reveal first.", indent: margin, style: screen.dim)
            return
        }
        screen.blank()
        screen.heading(number.map { "What choice \($0) does" } ?? "What each choice does")
        screen.blank()
        for (index, choice) in session.offeredChoices().enumerated() where number == nil || number == index + 1 {
            showChoiceInFull(choice, number: index + 1, on: screen)
            screen.blank()
        }
    }

    /// One layout of the reveal, written to `screen`.
    private func reveal(_ session: Facilitation, layout: RevealLayout, on screen: Screen) {
        let split = session.split
        let offered = session.offeredChoices()
        let total = max(1, session.roster.count)
        let barWidth = max(10, min(40, screen.columns - 24))
        screen.blank()
        screen.heading("Votes")
        screen.blank()
        for option in split.options {
            let bar = "\(margin)\(screen.bold(String(option.number).leftAligned(3)))\(screen.bar(percent: option.count * 100 / total, width: barWidth))  \(screen.bold(String(option.count)))"
            if layout == .full {
                screen.line(bar)
                screen.blank()
            } else {
                // The deltas beside the bar when they fit, on the next line otherwise.
                let room = screen.columns - (margin.count + 3 + barWidth + 2 + String(option.count).count)
                let scores = deltas(offered[option.number - 1])
                if TextLayout.displayWidth(scores) + 4 <= room {
                    screen.line(bar + "    " + scores)
                } else {
                    screen.line(bar)
                    screen.line(margin + "   " + scores)
                }
            }
        }
        if !split.abstained.isEmpty { screen.paragraph("Abstained: \(split.abstained.count)", indent: margin) }
        if !split.waiting.isEmpty {
            // An anonymous room names nobody on the screen the room may be watching.
            let who = session.room?.anonymous == true ? "\(split.waiting.count)" : Self.names(split.waiting)
            screen.paragraph("No vote yet: " + who, indent: margin)
        }
        switch split.majority {
        case .choice(let number): screen.paragraph("Most votes: \(number). Type go to follow the majority, or go N.", indent: margin)
        case .tie(let numbers, _): screen.paragraph("A tie between " + numbers.map(String.init).joined(separator: " and ") + ": type go N to choose.", indent: margin)
        case .none: screen.paragraph("No votes for a choice yet.", indent: margin)
        }
        screen.blank()
        switch layout {
        case .full:
            screen.heading("What each choice does")
            screen.blank()
            for (index, choice) in offered.enumerated() {
                showChoiceInFull(choice, number: index + 1, on: screen)
                screen.blank()
            }
        case .compact:
            screen.heading("The choices")
            screen.blank()
            for (index, choice) in offered.enumerated() {
                let number = "\(margin)\(index + 1).  "
                screen.paragraph(choice.text, indent: number, hanging: String(repeating: " ", count: number.count))
            }
            screen.blank()
        case .minimal:
            break
        }
        screen.heading("To discuss")
        screen.blank()
        for prompt in DiscussionPrompts.prompts(scene: session.currentScene, offered: offered, split: split) {
            screen.paragraph(prompt, indent: margin + "•  ", hanging: margin + "   ")
            if layout == .full { screen.blank() }
        }
        if layout != .full {
            screen.blank()
            screen.note("Type details for what each choice leads to (details N: choice N only).", indent: margin, style: screen.dim)
        }
    }

    /// A choice's text, deltas and feedback, numbered.
    private func showChoiceInFull(_ choice: Choice, number: Int, on screen: Screen) {
        let label = "\(margin)\(number).  "
        let hanging = String(repeating: " ", count: label.count)
        screen.paragraph(choice.text, indent: label, hanging: hanging)
        screen.line(hanging + screen.bold(deltas(choice)))
        screen.paragraph(choice.feedback, indent: hanging)
    }
}
