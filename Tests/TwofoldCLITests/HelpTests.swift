import Foundation
import Testing
import TwofoldTestSupport

/// `--help`, `help COMMAND`, `--version` and usage errors, as the argument parser prints
/// them: help on standard output with status 0, usage errors with status 64.
@Suite("Help and usage")
struct HelpTests {
    @Test("--help and help COMMAND print the command's help and exit 0", arguments: [
        ["--help"], ["play", "--help"], ["facilitate", "--help"], ["cohort", "-h"], ["lrs", "push", "--help"],
        ["help", "resume"], ["help", "lrs", "status"],
    ])
    func help(_ arguments: [String]) throws {
        let result = try TestHome().run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(result.stdout.contains("OVERVIEW:") && result.stdout.contains("USAGE:"), "\(arguments): \(result.stdout)")
        #expect(!result.stderr.contains("error"), "\(arguments): \(result.stderr)")
    }

    @Test("--version prints the version and exits 0")
    func version() throws {
        let result = try TestHome().run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3, "\(result.stdout)")
    }

    @Test("an unknown option is a usage error: one message, the usage, status 64", arguments: [
        ["play", "retail-floor-walk", "--no-such-option"], ["no-such-command"], ["lrs", "status", "--jsn"],
    ])
    func usage(_ arguments: [String]) throws {
        let result = try TestHome().run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("Error:") && result.stderr.contains("Usage:"), "\(arguments): \(result.stderr)")
    }
}
