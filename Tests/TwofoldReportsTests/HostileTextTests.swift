import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports

@Suite("Hostile text is inert")
struct HostileTextTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "=cmd|' /C calc'!A0",
        "../../x",
        "\u{1b}]0;x\u{7}",
        "+SUM(1,2)",
        "-2+3",
        "@import",
        "\tTAB",
        "\rCR",
        "\"quoted\", 'single' & <b>bold</b>",
        "\u{202E}reversed\u{202C}",
        String(repeating: "Ω<script>", count: 1_100),  // about 10 kB
    ]

    /// The golden report with `text` in every learner- and scenario-supplied string.
    static func report(_ text: String) throws -> LearnerReport {
        var report = try goldenReport()
        report.learner.name = text
        report.learner.email = nil
        report.cohort = text
        report.attemptId = text
        report.scenario.title = text
        report.scenario.id = text
        report.scenario.domain = text
        report.profile.label = text
        report.ending.title = text
        report.ending.text = text
        report.ending.scene = text
        report.reflection = [text, text]
        report.session = .group(text)
        for index in report.decisions.indices {
            report.decisions[index].scene = text
            report.decisions[index].choice = text
            report.decisions[index].choiceText = text
            report.decisions[index].sceneText = text
            report.decisions[index].feedback = text
            report.decisions[index].vote = .init(participant: text, choice: text)
        }
        if var balanced = report.balancedPath {
            balanced.decisions = balanced.decisions.map { .init(scene: text, choice: text, choiceText: text, scores: $0.scores) }
            balanced.ending = .init(scene: text, title: text)
            report.balancedPath = balanced
        }
        return report
    }

    private static func hasControl(_ text: String, allowingNewlines: Bool) -> Bool {
        text.unicodeScalars.contains {
            let allowed = allowingNewlines && ($0 == "\n" || $0 == "\r")
            return !allowed && TextSafety.isUnsafe($0)
        }
    }

    // Expectations take plain booleans so a failure does not print a 10 kB report.

    @Test("HTML escapes everything, including inside SVG", arguments: hostile)
    func html(_ text: String) throws {
        let html = HTMLReport.render(try Self.report(text))
        let lowered = html.lowercased()
        let noScript = !lowered.contains("<script"), noMarkup = !html.contains("<b>")
        let noControl = !Self.hasControl(html, allowingNewlines: true)
        let quotesEscaped = !html.contains("'single'") && !html.contains("\"quoted\"")
        let noURL = !lowered.contains("http://") && !lowered.contains("https://") && !lowered.contains("url(")
        let noFetch = !lowered.contains("<link") && !lowered.contains("<img") && !lowered.contains("src=") && !lowered.contains("href=")
        #expect(noScript)
        #expect(noMarkup)
        #expect(noControl)
        #expect(quotesEscaped)
        #expect(noURL)
        #expect(noFetch)
    }

    @Test("Markdown has no raw HTML, table breaks or control characters", arguments: hostile)
    func markdown(_ text: String) throws {
        let markdown = MarkdownReport.render(try Self.report(text))
        // `\<` is an escaped, literal "<"; no unescaped one may remain.
        let noRawAngle = !markdown.replacingOccurrences(of: "\\<", with: "").contains("<")
        let noControl = !Self.hasControl(markdown, allowingNewlines: true)
        #expect(noRawAngle)
        #expect(noControl)
        // Every table row still has exactly six unescaped pipes.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
            let pipes = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(pipes == 6, "\(line.prefix(80))")
        }
    }

    @Test("CSV text cells never start a formula", arguments: hostile)
    func csv(_ text: String) throws {
        let csv = CSVReport.render(try Self.report(text))
        #expect(csv.hasSuffix("\r\n"))
        for cell in try CSVParser.parse(csv).dropFirst().flatMap({ $0 }) {
            if Int(cell) != nil || Double(cell) != nil { continue }  // numbers are numbers
            if let first = cell.first { #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "\(cell.prefix(40))") }
            #expect(!Self.hasControl(cell, allowingNewlines: true))
        }
    }

    @Test("xAPI stays valid JSON with the text as data", arguments: hostile)
    func xapi(_ text: String) throws {
        let json = XAPIStatements.render(try Self.report(text))
        let statements = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(statements.count == 3)
        #expect(!json.contains("\u{1b}"))
        for statement in statements {
            let object = try #require(statement["object"] as? [String: Any])
            let id = try #require(object["id"] as? String)
            #expect(!id.contains("/../") && !id.contains("<") && !id.contains(" "))
        }
    }

    @Test("file names cannot steer a path", arguments: hostile + ["..", ".", "/", "", "CON", "a/../../b", "\u{0}"])
    func fileName(_ text: String) throws {
        let name = ReportFileName.make(learner: text, scenario: text, timestamp: fixedStart, ext: text)
        #expect(!name.contains("/") && !name.contains("\\") && !name.contains(".."))
        #expect(!name.hasPrefix(".") && !name.hasPrefix("-"))
        #expect(!Self.hasControl(name, allowingNewlines: false))
        #expect(name.count <= 40 + 1 + 40 + 1 + 15 + 1 + 16 * 3 + 2)
        #expect(name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == ".") })
    }
}

/// A strict RFC 4180 reader for checking CSV output.
enum CSVParser {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false, afterQuote = false
        var iterator = Array(text).makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" { quoted = false; afterQuote = true } else { cell.append(character) }
                continue
            }
            switch character {
            case "\"":
                if afterQuote { cell.append("\""); quoted = true; afterQuote = false }
                else if cell.isEmpty { quoted = true }
                else { throw Malformed() }
            case ",":
                row.append(cell); cell = ""; afterQuote = false
            case "\r\n":
                row.append(cell); rows.append(row); row = []; cell = ""; afterQuote = false
            default:
                if afterQuote { throw Malformed() }
                cell.append(character)
            }
        }
        guard !quoted, cell.isEmpty, row.isEmpty else { throw Malformed() }
        return rows
    }
}
