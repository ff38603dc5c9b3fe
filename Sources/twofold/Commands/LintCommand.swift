import ArgumentParser
import Foundation
import TwofoldCore

/// `twofold lint PATH...`: checks scenario files and reports every problem found.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check scenario files for errors and warnings.",
        discussion: """
            Folders are searched recursively for .json files. Each finding is printed on \
            standard error as FILE:LINE:COLUMN: error: [code] message (at JSON.path). \
            Exit status: 0 when no errors were found, 1 when some were, 64 for bad usage.
            """
    )

    @Argument(help: "Scenario files or folders to check.")
    var paths: [String]

    @Flag(name: .long, help: "Print the findings as JSON on standard output.")
    var json = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: .hidden)
    var timings = false

    func run() throws {
        let files = try ScenarioFiles.expand(paths)
        guard !files.isEmpty else { throw CLIError(message: "no .json files found in \(paths.joined(separator: ", "))", exitCode: 66) }
        var diagnostics: [Diagnostic] = []
        var failures: [String] = []
        var clock = PhaseClock()
        for file in files {
            let data: Data
            switch clock.measure("read", { ScenarioFiles.read(file) }) {
            case .success(let bytes): data = bytes
            case .failure(.tooLarge(let diagnostic)):
                diagnostics.append(diagnostic)
                continue
            case .failure(.unreadable(let reason)):
                failures.append(reason)
                continue
            }
            let document = clock.measure("load") { ScenarioLoader.decode(data, file: file) }
            let analysis = clock.measure("analysis") { document.scenario.map(ScenarioAnalysis.init) }
            let result = clock.measure("rules") { Linter.lint(document, analysis: analysis, strict: strict) }
            diagnostics.append(contentsOf: result.diagnostics)
        }
        let printer = DiagnosticPrinter(strict: strict)
        let errors = diagnostics.filter { printer.severity(of: $0) == .error }.count + failures.count
        let warnings = diagnostics.count - diagnostics.filter { printer.severity(of: $0) == .error }.count
        if json {
            let items = diagnostics.map { diagnostic -> [String: Any] in
                ["file": diagnostic.file, "line": diagnostic.location.line, "column": diagnostic.location.column,
                 "path": diagnostic.path, "severity": printer.severity(of: diagnostic).rawValue,
                 "code": diagnostic.code.rawValue, "message": diagnostic.message, "notes": diagnostic.notes]
            }
            let summary: [String: Any] = ["files": files.count, "errors": errors, "warnings": warnings]
            Terminal.standardOutput.line(try JSONOutput.string(["diagnostics": items, "summary": summary]))
        } else {
            printer.print(diagnostics)
        }
        for failure in failures { Terminal.standardError.line("twofold: error: \(TextSafety.message(failure))") }
        if !json {
            let fileWord = files.count == 1 ? "file" : "files"
            let verdict = errors == 0 && warnings == 0 ? "no problems" : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            Terminal.standardError.line("checked \(files.count) \(fileWord): \(verdict)")
        }
        if timings { Terminal.standardError.line("timings: " + clock.json) }
        if errors > 0 { throw ExitCode(1) }
    }
}

/// Sums wall-clock time per named phase, for the benchmark's hidden `--timings`.
struct PhaseClock {
    private(set) var seconds: [String: Double] = [:]

    mutating func measure<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        defer {
            let elapsed = clock.now - start
            seconds[phase, default: 0] += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        return try body()
    }

    var json: String {
        "{" + seconds.keys.sorted().map { "\"\($0)\":\(String(format: "%.6f", seconds[$0]!))" }.joined(separator: ",") + "}"
    }
}
