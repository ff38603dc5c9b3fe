import ArgumentParser
import Foundation
import TwofoldApp
import TwofoldCore
import TwofoldReports
import TwofoldTerminal

/// The application as the commands use it: one per process, on the real environment.
enum App {
    static let shared = Application()

    static let out = Console.standardOutput
    static let err = Console.standardError

    /// Ends the command with `status` (returns normally for 0).
    static func exit(_ status: Int32) throws {
        if status != 0 { throw ExitCode(status) }
    }
}

/// Options shared by the commands that write learner reports.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder for the report files (default: the reports folder under the data folder; see README).", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Report formats, comma-separated: md, json, html, csv, xapi (default md,json).", valueName: "list"))
    var format: String?

    @Option(name: .customLong("learner-email"), help: ArgumentHelp("The learner's e-mail, used as the xAPI actor's mbox.", valueName: "address"))
    var learnerEmail: String?

    func validate() throws {
        if let format { _ = try ReportFormat.list(format) }
        if let learnerEmail, !learnerEmail.contains("@") || learnerEmail.contains(where: { $0.isWhitespace || $0.isNewline }) {
            throw ValidationError("--learner-email must be an e-mail address")
        }
    }

    var formats: [ReportFormat] { format.flatMap { try? ReportFormat.list($0) } ?? ReportFormat.defaults }

    /// What was given, to take the place of a resumed session's own options.
    var overrides: AttemptOptions.Overrides {
        AttemptOptions.Overrides(out: out, formats: format.flatMap { try? ReportFormat.list($0) }, email: learnerEmail)
    }
}

extension ReportFormat {
    /// Parses a comma-separated list such as `md,json,html`.
    static func list(_ text: String) throws -> [ReportFormat] {
        var formats: [ReportFormat] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = ReportFormat(rawValue: name) else {
                throw ValidationError("unknown report format \"\(TextSafety.message(name))\"; choose from \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }
}

/// Deterministic JSON text for `--json` outputs: sorted keys, pretty printed.
enum JSONOutput {
    static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.string(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
