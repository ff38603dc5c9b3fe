import ArgumentParser
import TwofoldApp
import TwofoldCore
import TwofoldReports

/// `twofold report FILE --format LIST`: renders a saved JSON report again.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a saved JSON learner or group report again in other formats.",
        discussion: """
            Writes <name>.<ext> for each format beside the report (or into --out, created when \
            missing), never overwriting a file; with --out - and one format, prints to standard \
            output. Group reports come in md, json and html. A report written by a newer \
            Twofold, or one whose numbers do not add up, is refused (exit 65).
            """
    )

    @Argument(help: "A JSON report written by `twofold play` or `twofold facilitate`.")
    var file: String

    @Option(name: .long, help: ArgumentHelp("Formats, comma-separated: md, json, html, csv, xapi.", valueName: "list"))
    var format: String

    @Option(name: .long, help: ArgumentHelp("Folder for the new files, or - for standard output (default: beside FILE).", valueName: "dir"))
    var out: String?

    func validate() throws {
        let formats = try ReportFormat.list(format)
        if out == "-" && formats.count != 1 {
            throw ValidationError("--out - prints one format; name exactly one with --format")
        }
    }

    func run() throws {
        let saved = try ReportRerender.read(file)
        let formats = try ReportFormat.list(format)
        if out == "-" {
            return App.out.write(String(decoding: try ReportRerender.render(saved, formats[0], xAPIBaseIRI: try App.shared.xAPIBaseIRI()), as: UTF8.self))
        }
        for path in try ReportRerender.write(saved, from: file, formats: formats, to: out, sink: try App.shared.sink()) {
            App.out.line(TextSafety.message(path))
        }
    }
}
