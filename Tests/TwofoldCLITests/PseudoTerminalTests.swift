import Foundation
import Testing

@Suite("Pseudo-terminal harness")
struct PseudoTerminalTests {
    @Test("a prompt, a typed answer and the exit status")
    func promptAndAnswer() throws {
        let terminal = try PseudoTerminal("/bin/sh", arguments: ["-c", #"printf "name? "; read x; echo "got:$x""#])
        try terminal.expect("name? ", timeout: .seconds(10))
        terminal.send("Ada\n")
        try terminal.expect("got:Ada", timeout: .seconds(10))
        #expect(try terminal.waitForExit(timeout: .seconds(10)) == 0)
        #expect(terminal.output.contains("name? Ada\ngot:Ada"))
    }

    @Test("the caller's environment reaches the child, with TERM=dumb")
    func environment() throws {
        let terminal = try PseudoTerminal(
            "/bin/sh", arguments: ["-c", #"echo "term=$TERM home=$TWOFOLD_HOME"; exit 3"#],
            environment: ["TWOFOLD_HOME": "/tmp/somewhere"])
        try terminal.expect("term=dumb home=/tmp/somewhere")
        #expect(try terminal.waitForExit() == 3)
    }

    @Test("Ctrl-C interrupts the foreground program")
    func controlC() throws {
        let terminal = try PseudoTerminal("/bin/sh", arguments: ["-c", "echo ready; exec sleep 30"])
        try terminal.expect("ready")
        usleep(100_000)  // let sh exec sleep before the key arrives
        terminal.sendControl("c")
        #expect(try terminal.waitForExit(timeout: .seconds(10)) == 128 + SIGINT)
    }

    @Test("expect gives up after its timeout and reports the output")
    func expectTimesOut() throws {
        let terminal = try PseudoTerminal("/bin/sh", arguments: ["-c", "echo something else; sleep 30"])
        try terminal.expect("something")
        let started = ContinuousClock.now
        #expect(throws: PseudoTerminal.Failure.self) {
            try terminal.expect("never printed", timeout: .milliseconds(300))
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test("matches move forward: the same text must appear again")
    func matchesMoveForward() throws {
        let terminal = try PseudoTerminal("/bin/sh", arguments: ["-c", "echo tick; read x; echo tick"])
        try terminal.expect("tick")
        #expect(throws: PseudoTerminal.Failure.self) {
            try terminal.expect("tick", timeout: .milliseconds(200))
        }
        terminal.send("\n")
        try terminal.expect("tick")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("a child that does not exit in time is killed")
    func waitKills() throws {
        let terminal = try PseudoTerminal("/bin/sh", arguments: ["-c", "exec sleep 30"])
        #expect(throws: PseudoTerminal.Failure.self) {
            try terminal.waitForExit(timeout: .milliseconds(300))
        }
        #expect(terminal.exitStatus == 128 + SIGKILL)
    }

    @Test("the built twofold binary is found")
    func binary() {
        #expect(FileManager.default.isExecutableFile(atPath: twofoldBinary.path), "\(twofoldBinary.path)")
    }
}
