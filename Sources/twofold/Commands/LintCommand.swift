import ArgumentParser
import TwofoldApp
import TwofoldCore

/// `twofold lint PATH...`: checks scenario files and reports every problem found.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check scenario files for errors and warnings.",
        discussion: """
            Folders are searched recursively for .json files. Each finding is printed on \
            standard error as FILE:LINE:COLUMN: error: [code] message (at JSON.path). \
            --strict treats warnings as errors and also asks every ending for its kind. \
            Exit status: 0 when no errors were found, 1 when some were, 64 for bad usage.
            """
    )

    @Argument(help: "Scenario files or folders to check.")
    var paths: [String]

    @Flag(name: .long, help: "Print the findings as JSON on standard output.")
    var json = false

    @Flag(name: .long, help: "Treat warnings as errors, and report endings that declare no kind.")
    var strict = false

    private struct Output: Encodable {
        struct Item: Encodable { var file, path, severity, code, message: String; var line, column: Int; var notes: [String] }
        struct Summary: Encodable { var files, errors, warnings: Int }
        var diagnostics: [Item]
        var failures: [String]
        var summary: Summary
    }

    func run() throws {
        let run = LintRun.check(paths, strict: strict)
        let printer = DiagnosticPrinter(strict: strict)
        let (errors, warnings) = run.counts(strict: strict)
        if json {
            let promoted = run.diagnostics.map {
                Output.Item(file: $0.file, path: $0.path, severity: printer.severity(of: $0).rawValue, code: $0.code.rawValue,
                            message: $0.message, line: $0.location.line, column: $0.location.column, notes: $0.notes)
            }
            App.out.line(try JSONOutput.string(Output(diagnostics: promoted, failures: run.failures,
                                                      summary: .init(files: run.files, errors: errors, warnings: warnings))))
        } else {
            printer.print(run.diagnostics)
        }
        for failure in run.failures { App.err.line("twofold: error: \(failure)") }
        if !json {
            let verdict = errors == 0 && warnings == 0 ? "no problems" : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            App.err.line("checked \(run.files) file\(run.files == 1 ? "" : "s"): \(verdict)")
        }
        if errors > 0 { throw ExitCode(run.files == 0 && !run.failures.isEmpty ? 66 : 1) }
    }
}
