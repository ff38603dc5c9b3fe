import TwofoldCore
import TwofoldTerminal

/// Prints diagnostics to stderr as `file:line:column: error: [code] message (at path)`,
/// the one place where their human wording is put together.
struct DiagnosticPrinter {
    var strict: Bool
    var console = Console.standardError

    /// The severity after `--strict` has promoted warnings.
    func severity(of diagnostic: Diagnostic) -> Severity {
        strict ? .error : diagnostic.severity
    }

    func print(_ diagnostics: [Diagnostic]) {
        let style = console.style
        var text = ""  // written in chunks, not a system call per line (a file may have thousands)
        var file = (name: "", shown: "")  // a file's name made safe once, not once per finding
        for diagnostic in diagnostics {
            let severity = severity(of: diagnostic)
            let label = style.apply(severity.rawValue + ":", severity == .error ? .red : .yellow)
            if diagnostic.file != file.name { file = (diagnostic.file, TextSafety.message(diagnostic.file)) }
            text += "\(file.shown):\(diagnostic.location.line):\(diagnostic.location.column): \(label) "
                + "[\(diagnostic.code.rawValue)] \(TextSafety.message(diagnostic.message))"
            if !diagnostic.path.isEmpty { text += style.apply(" (at \(TextSafety.message(diagnostic.path)))", .dim) }
            text += "\n"
            for note in diagnostic.notes { text += "    note: \(TextSafety.message(note))\n" }
            if text.utf8.count >= 1 << 16 {
                console.write(text)
                text = ""
            }
        }
        console.write(text)
    }
}
