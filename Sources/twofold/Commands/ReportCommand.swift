import TwofoldCore
import ArgumentParser
import Foundation
import TwofoldReports

/// `twofold report FILE --format LIST`: renders a saved JSON report again.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a saved JSON learner report again in other formats.",
        discussion: """
            Writes <name>.<ext> for each format beside the report (or into --out), never \
            overwriting a file; with --out - and one format, prints to standard output. \
            A report written by a newer Twofold is refused.
            """
    )

    @Argument(help: "A JSON learner report written by `twofold play`.")
    var file: String

    @Option(name: .long, help: ArgumentHelp("Formats, comma-separated: md, json, html, csv, xapi.", valueName: "list"))
    var format: String

    @Option(name: .long, help: ArgumentHelp("Folder for the new files, or - for standard output (default: beside FILE).", valueName: "dir"))
    var out: String?

    func validate() throws {
        let formats: [ReportFormat]
        do { formats = try ReportFormat.list(format) } catch let error as ValidationErrorText {
            throw ValidationError(error.description)
        }
        if out == "-" && formats.count != 1 {
            throw ValidationError("--out - prints one format; name exactly one with --format")
        }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError(message: "\(TextSafety.message(file)): cannot read the file", exitCode: 66)
        }
        let report: LearnerReport
        do {
            report = try LearnerReport.decodeJSON(data)
        } catch {
            throw CLIError(message: "\(TextSafety.message(file)): \(error)", exitCode: 65)
        }
        let formats = try ReportFormat.list(format)
        if out == "-" {
            Terminal.standardOutput.write(String(decoding: try formats[0].render(report), as: UTF8.self))
            return
        }
        let folder = out ?? (URL(fileURLWithPath: file).deletingLastPathComponent().path)
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var written: [String] = []
        for format in formats {
            written.append(try ReportOutput.writeNew(try format.render(report), folder: folder,
                                                     name: base + "." + format.fileExtension, ext: format.fileExtension))
        }
        for path in written { Terminal.standardOutput.line(TextSafety.message(path)) }
    }
}
