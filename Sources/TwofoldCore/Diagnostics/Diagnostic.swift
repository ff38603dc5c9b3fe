/// How serious a finding is. `--strict` promotes warnings to errors at the front end.
public enum Severity: String, Codable, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A 1-based position in a source file, plus the byte offset it came from.
public struct SourceLocation: Codable, Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
}

/// One finding about a scenario file: an author's mistake, never an exception.
///
/// Every diagnostic carries a stable `code` from ``DiagnosticCode``, the file it is
/// about, the position in that file and the JSON path of the value concerned.
public struct Diagnostic: Codable, Sendable, Hashable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    public var file: String
    public var location: SourceLocation
    public var path: String
    public var notes: [String]

    public init(
        code: DiagnosticCode, severity: Severity? = nil, message: String,
        file: String, location: SourceLocation, path: String, notes: [String] = []
    ) {
        self.code = code
        self.severity = severity ?? code.severity
        self.message = message
        self.file = file
        self.location = location
        self.path = path
        self.notes = notes
    }

    /// The conventional one-line form: `file:line:column: error: [code] message (at path)`.
    public var formatted: String {
        var text = "\(file):\(location.line):\(location.column): \(severity.rawValue): [\(code.rawValue)] \(message)"
        if !path.isEmpty { text += " (at \(path))" }
        for note in notes { text += "\n    note: \(note)" }
        return text
    }

    /// Orders diagnostics by file, position, then code, so every output is deterministic.
    public static func sortedForOutput(_ list: [Diagnostic]) -> [Diagnostic] {
        list.sorted {
            if $0.file != $1.file { return $0.file < $1.file }
            return precedes(($0.location.offset, $0.code, $0.message), ($1.location.offset, $1.code, $1.message))
        }
    }

    /// The order of findings within one file: by position, then code, then message.
    static func precedes(_ a: (offset: Int, code: DiagnosticCode, message: String),
                         _ b: (offset: Int, code: DiagnosticCode, message: String)) -> Bool {
        if a.offset != b.offset { return a.offset < b.offset }
        if a.code != b.code { return a.code.rawValue < b.code.rawValue }
        return a.message < b.message
    }
}

/// A diagnostic before its byte offset is turned into a line and column.
struct PendingDiagnostic: Sendable {
    var code: DiagnosticCode
    var message: String
    var offset: Int
    var path: String
    var notes: [String] = []
}
