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
            var text = "\(diagnostic.file):\(diagnostic.location.line):\(diagnostic.location.column): \(label) [\(diagnostic.code.rawValue)] \(diagnostic.message.terminalSafe)"
            if !diagnostic.path.isEmpty { text += terminal.styled(" (at \(diagnostic.path.terminalSafe))", .dim) }
            terminal.line(text)
            for note in diagnostic.notes { terminal.line("    note: \(note.terminalSafe)") }
        }
    }
}

extension String {
    /// The text with every control character and escape sequence made visible and inert.
    var terminalSafe: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "\n"
            case 0x09: out += "\t"
            case 0x00..<0x20, 0x7F, 0x80...0x9F:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            case 0x202A...0x202E, 0x2066...0x2069:  // bidirectional overrides
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
