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
        for diagnostic in diagnostics {
            let severity = severity(of: diagnostic)
            let label = style.apply(severity.rawValue + ":", severity == .error ? .red : .yellow)
            var text = "\(TextSafety.message(diagnostic.file)):\(diagnostic.location.line):\(diagnostic.location.column): \(label) "
                + "[\(diagnostic.code.rawValue)] \(TextSafety.message(diagnostic.message))"
            if !diagnostic.path.isEmpty { text += style.apply(" (at \(TextSafety.message(diagnostic.path)))", .dim) }
            console.line(text)
            for note in diagnostic.notes { console.line("    note: \(TextSafety.message(note))") }
        }
    }
}
