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

    func run() throws {
        let files = try ScenarioFiles.expand(paths)
        guard !files.isEmpty else { throw CLIError(message: "no .json files found in \(paths.joined(separator: ", "))", exitCode: 66) }
        var diagnostics: [Diagnostic] = []
        var failures: [String] = []
        for file in files {
            let data: Data
            switch ScenarioFiles.read(file) {
            case .success(let bytes): data = bytes
            case .failure(.tooLarge(let diagnostic)):
                diagnostics.append(diagnostic)
                continue
            case .failure(.unreadable(let reason)):
                failures.append(reason)
                continue
            }
            diagnostics.append(contentsOf: Linter.lint(ScenarioLoader.decode(data, file: file)).diagnostics)
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
        for failure in failures { Terminal.standardError.line("twofold: error: \(failure.terminalSafe)") }
        if !json {
            let fileWord = files.count == 1 ? "file" : "files"
            let verdict = errors == 0 && warnings == 0 ? "no problems" : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            Terminal.standardError.line("checked \(files.count) \(fileWord): \(verdict)")
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
