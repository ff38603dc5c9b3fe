import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built binary on a real pseudo-terminal (TERM=dumb): line editing, completion,
/// history, Ctrl-C and Ctrl-D, and the main menu.
@Suite("Play at a terminal")
struct PlayTerminalTests {
    /// Starts `twofold play retail-floor-walk --learner Ana` on a terminal and waits for the first prompt.
    static func startPlay(_ home: TestHome) throws -> PseudoTerminal {
        let terminal = try home.startOnTerminal(["play", FloorWalk.id, "--learner", "Ana"])
        try terminal.expect(FloorWalk.openingText)
        try terminal.expect("\n> ")
        return terminal
    }

    @Test("Tab completes a command: sta + Tab runs status")
    func tabCompletesCommand() throws {
        let home = try TestHome()
        let terminal = try Self.startPlay(home)
        terminal.send("sta\t")
        try terminal.expect("status")
        terminal.send("\n")
        try terminal.expect("After 0 decisions:")
        try terminal.expect("\n> ")
        terminal.send("qu\t\n")
        try terminal.expect("Saved. Continue later with: twofold resume")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("the Up arrow recalls the previous line")
    func upArrowRecalls() throws {
        let home = try TestHome()
        let terminal = try Self.startPlay(home)
        terminal.send("path\n")
        try terminal.expect("No decisions yet.")
        try terminal.expect("\n> ")
        terminal.send("\u{1B}[A")
        try terminal.expect("path")
        terminal.send("\n")
        try terminal.expect("No decisions yet.")
        try terminal.expect("\n> ")
        terminal.sendControl("d")
        #expect(try terminal.waitForExit() == 0)
        // The history is kept on disk, in the state folder under TWOFOLD_HOME.
        let history = try String(contentsOf: home.url.appendingPathComponent("history"), encoding: .utf8)
        #expect(history.contains("path"))
    }

    @Test("Ctrl-C discards a half-typed line, shows the prompt again and keeps running")
    func controlCDiscardsLine() throws {
        let home = try TestHome()
        let terminal = try Self.startPlay(home)
        terminal.send("sta")
        try terminal.expect("sta")
        terminal.sendControl("c")
        try terminal.expect("\n> ")
        #expect(terminal.exitStatus == nil)
        terminal.send("path\n")
        try terminal.expect("No decisions yet.")  // not "stapath"
        #expect(!terminal.output.contains("stapath"))
        try terminal.expect("\n> ")
        terminal.send("2\n")
        try terminal.expect("By 11:00 the store looks the way you like it")
        try terminal.expect("\n> ")
        terminal.sendControl("d")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("Ctrl-D saves and exits 0; the decision is there to resume")
    func controlDSaves() throws {
        let home = try TestHome()
        let terminal = try Self.startPlay(home)
        terminal.send("1\n")
        try terminal.expect(FloorWalk.lWalkText)
        try terminal.expect("\n> ")
        terminal.sendControl("d")
        try terminal.expect("Saved. Continue later with: twofold resume")
        #expect(try terminal.waitForExit() == 0)

        let resume = try home.run(["resume", "--learner", "Ana"])
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(resume.stdout.contains("Welcome back. 1 decision so far"))
        #expect(resume.stdout.contains(FloorWalk.lWalkText))
    }

    @Test("an out-of-range number gets a message and the same prompt; back undoes")
    func outOfRangeAndBack() throws {
        let home = try TestHome()
        let terminal = try Self.startPlay(home)
        terminal.send("9\n")
        try terminal.expect("Choose a number from 1 to 4 (you typed 9).\n> ")
        terminal.send("maybe\n")
        try terminal.expect("“maybe” is not a choice or a command. Type a number from 1 to 4, or help.\n> ")
        terminal.send("1\n")
        try terminal.expect(FloorWalk.lWalkText)
        try terminal.expect("\n> ")
        terminal.send("back\n")
        try terminal.expect("Took back your choice at this scene.")
        try terminal.expect(FloorWalk.openingText)
        try terminal.expect("\n> ")
        terminal.send("path\n")
        try terminal.expect("No decisions yet.")
        try terminal.expect("\n> ")
        terminal.send("quit\n")
        try terminal.expect("Saved.")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("the main menu: pick a scenario by number, give a name, play the first scene")
    func mainMenu() throws {
        let home = try TestHome()
        let terminal = try home.startOnTerminal([])
        try terminal.expect("Choose a scenario (1–")
        try terminal.expect("or q): ")
        let screen = terminal.output
        #expect(screen.contains("Marketing\n") && screen.contains("Retail\n"), "grouped by domain")
        let line = try #require(screen.split(separator: "\n").first { $0.contains(FloorWalk.title) })
        let number = try #require(Int(line.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }))
        terminal.send("\(number)\n")
        try terminal.expect("Your name: ")
        terminal.send("Ana Silva\n")
        try terminal.expect(FloorWalk.openingText)
        try terminal.expect("\n> ")
        terminal.send("1\n")
        try terminal.expect(FloorWalk.lWalkText)
        try terminal.expect("\n> ")
        terminal.sendControl("d")
        #expect(try terminal.waitForExit() == 0)

        // The name is remembered as the next default, and the session is Ana Silva's.
        let again = try home.startOnTerminal([])
        try again.expect("r. Resume a saved session (1 saved)")
        try again.expect("or q): ")
        again.send("\(number)\n")
        try again.expect("Your name [Ana Silva]: ")
        again.sendControl("d")
        #expect(try again.waitForExit() == 0)
        let resume = try home.run(["resume", "--learner", "Ana Silva"])
        #expect(resume.stdout.contains("Welcome back. 1 decision so far"), "\(resume.stdout)\n\(resume.stderr)")
    }
}
