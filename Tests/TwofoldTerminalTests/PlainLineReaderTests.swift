import Foundation
import Testing
@testable import TwofoldTerminal

/// These share the process-wide ``SignalTrap``, so they run one at a time.
@Suite("Plain line reader and signal trap", .serialized)
struct PlainLineReaderTests {
    /// A pipe holding `text`, closed for writing; returns the read end.
    private func pipe(containing text: String) throws -> Int32 {
        var descriptors: [Int32] = [0, 0]
        try #require(Foundation.pipe(&descriptors) == 0)
        let bytes = Array(text.utf8)
        try #require(write(descriptors[1], bytes, bytes.count) == bytes.count)
        close(descriptors[1])
        return descriptors[0]
    }

    @Test("reads trimmed lines, \\r\\n endings and a last line without a break")
    func readsLines() throws {
        defer { SignalTrap.restoreDefaults() }
        let input = try pipe(containing: "1\r\n  status  \n\nquit")
        defer { close(input) }
        let reader = PlainLineReader(descriptor: input)
        #expect(reader.read(prompt: "> ") == .line("1"))
        #expect(reader.read(prompt: "> ") == .line("status"))
        #expect(reader.read(prompt: "> ") == .line(""))
        #expect(reader.read(prompt: "> ") == .line("quit"))
        #expect(reader.read(prompt: "> ") == .endOfInput)
        #expect(reader.read(prompt: "> ") == .endOfInput)
    }

    @Test("never reads past the line it returns")
    func noReadAhead() throws {
        defer { SignalTrap.restoreDefaults() }
        let input = try pipe(containing: "first\nrest of it")
        defer { close(input) }
        #expect(PlainLineReader(descriptor: input).read(prompt: "") == .line("first"))
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(input, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "rest of it")
    }

    @Test("a trapped signal ends plain input")
    func signals() throws {
        defer {
            SignalTrap.reset()
            SignalTrap.restoreDefaults()
        }
        let input = try pipe(containing: "1\n2\n")
        defer { close(input) }
        let reader = PlainLineReader(descriptor: input)
        SignalTrap.record(SIGINT)
        #expect(reader.read(prompt: "") == .terminated(signal: SIGINT))
        #expect(reader.read(prompt: "") == .line("1"))
        SignalTrap.record(SIGTERM)
        SignalTrap.record(SIGINT)  // a later Ctrl-C does not hide the termination
        #expect(SignalTrap.pendingTermination == SIGTERM)
        #expect(reader.read(prompt: "") == .terminated(signal: SIGTERM))
        #expect(reader.read(prompt: "") == .terminated(signal: SIGTERM))
    }

    @Test("a real SIGHUP is trapped instead of ending the process")
    func realSignal() {
        defer {
            SignalTrap.reset()
            SignalTrap.restoreDefaults()
        }
        SignalTrap.install()
        kill(getpid(), SIGHUP)  // any thread that does not block it may take it
        let deadline = ContinuousClock.now.advanced(by: .seconds(2))
        while SignalTrap.pendingTermination == nil && ContinuousClock.now < deadline {
            usleep(1_000)
        }
        #expect(SignalTrap.pendingTermination == SIGHUP)
    }
}
