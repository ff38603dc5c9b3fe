import TwofoldCore

/// Prints diagnostics to stderr as `file:line:column: error: [code] message`, the one
/// place where their human wording is put together.
struct DiagnosticPrinter {
    var strict: Bool
    var terminal = Terminal.standardError

    /// The severity after `--strict` has promoted warnings.
    func severity(of diagnostic: Diagnostic) -> Severity {
        strict ? .error : diagnostic.severity
    }

    func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            let severity = severity(of: diagnostic)
            let label = terminal.styled(severity.rawValue + ":", severity == .error ? .red : .yellow)
            var text = "\(TextSafety.message(diagnostic.file)):\(diagnostic.location.line):\(diagnostic.location.column): \(label) [\(diagnostic.code.rawValue)] \(TextSafety.message(diagnostic.message))"
            if !diagnostic.path.isEmpty { text += terminal.styled(" (at \(TextSafety.message(diagnostic.path)))", .dim) }
            terminal.line(text)
            for note in diagnostic.notes { terminal.line("    note: \(TextSafety.message(note))") }
        }
    }
}
