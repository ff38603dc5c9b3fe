import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keys and signals at a real terminal: type-ahead after Ctrl-C, Ctrl-\ (SIGQUIT) and
/// window resizes.
@Suite("Signals at a terminal")
struct TerminalSignalTests {
    /// How many times the Ctrl-C race is run in one session.
    static let interruptRounds = 30

    @Test("keys typed in the same instant as Ctrl-C go to the next line, never into the cancelled one")
    func typeAheadAfterInterrupt() throws {
        let home = try TestHome()
        let terminal = try PlayTerminalTests.startPlay(home)
        for round in 1...Self.interruptRounds {
            terminal.send("half typed")
            try terminal.expect("half typed")
            terminal.send("\u{3}path\n")  // Ctrl-C and the next line in one write
            try terminal.expect("No decisions yet.", timeout: .seconds(5))
            try terminal.expect("\n> ")
            #expect(!terminal.output.contains("is not a choice"), "round \(round): the next line was merged into the cancelled one")
        }
        terminal.send("half typed")
        try terminal.expect("half typed")
        terminal.send("\u{3}2\n")
        try terminal.expect("By 11:00 the store looks the way you like it")
        try terminal.expect("\n> ")
        terminal.sendControl("d")
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.output.contains("is not a choice"))
    }

    @Test("Ctrl-C on a recalled line leaves that history entry as it was")
    func interruptOnRecalledLine() throws {
        let home = try TestHome()
        let terminal = try PlayTerminalTests.startPlay(home)
        terminal.send("path\n")
        try terminal.expect("No decisions yet.")
        try terminal.expect("\n> ")
        terminal.send("\u{1B}[A")
        try terminal.expect("path")
        terminal.send("xx")
        try terminal.expect("xx")
        terminal.sendControl("c")
        try terminal.expect("^C")
        try terminal.expect("\n> ")  // after the one-time hint on how to leave
        terminal.send("\u{1B}[A\n")
        try terminal.expect("No decisions yet.")
        try terminal.expect("\n> ")
        terminal.sendControl("d")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("Ctrl-\\ ends the process by SIGQUIT at once, with no crash report; decisions so far are kept")
    func quitKey() throws {
        Self.noCoreFiles()
        let home = try TestHome()
        let terminal = try PlayTerminalTests.startPlay(home)
        terminal.send("1\n")
        try terminal.expect(FloorWalk.lWalkText)
        try terminal.expect("\n> ")
        terminal.send("hal")
        try terminal.expect("hal")
        terminal.send("\u{1C}")  // Ctrl-\
        #expect(try terminal.waitForExit(timeout: .seconds(5)) == 128 + SIGQUIT)
        #expect(!terminal.output.contains("crashed"), "\(terminal.output.suffix(400))")
        #expect(!terminal.output.contains("Press space"))

        let resume = try home.run(["resume", "--learner", "Ana"])
        #expect(resume.stdout.contains("Welcome back. 1 decision so far"), "\(resume.stdout)\n\(resume.stderr)")
    }

    /// Keeps a process ended by `SIGQUIT` from leaving a core file in the working folder.
    static func noCoreFiles() {
        #if canImport(Glibc)
        let resource = Int32(RLIMIT_CORE.rawValue)
        #else
        let resource = RLIMIT_CORE
        #endif
        var limit = rlimit()
        getrlimit(resource, &limit)
        limit.rlim_cur = 0
        setrlimit(resource, &limit)
    }

    @Test("resizing the window mid-play re-wraps what comes next to the new width")
    func resizeRewraps() throws {
        let home = try TestHome()
        let terminal = try PlayTerminalTests.startPlay(home)
        #expect(terminal.output.split(separator: "\n").contains { $0.count > 60 }, "80 columns at first")
        let before = terminal.output.count
        terminal.resize(columns: 50, rows: 24)
        terminal.send("help\n")
        try terminal.expect("earlier lines.")
        try terminal.expect("\n> ")
        terminal.send("1\n")
        try terminal.expect("At 10:20")
        try terminal.expect("\n> ")
        let after = terminal.output.dropFirst(before)
        // Prompt lines are left out: readline redraws the prompt on a resize with a carriage
        // return, which the captured text does not keep.
        for line in after.split(separator: "\n") where !line.contains("> ") {
            #expect(line.count <= 50, "\(line.debugDescription)")
        }
        #expect(after.contains("`twofold resume`)"), "words stay whole")
        terminal.sendControl("d")
        #expect(try terminal.waitForExit() == 0)
    }
}
