import Foundation

/// A scenario file as loaded: the model (when the bytes were readable) and what the
/// loader found wrong. Keeps the bytes so later findings can be given lines and columns.
public struct ScenarioDocument: Sendable {
    /// The name shown in diagnostics (usually the path as the user typed it).
    public let file: String
    public let data: Data
    /// The scenario, or nil when the file could not be read as one at all.
    public let scenario: Scenario?
    let pending: [PendingDiagnostic]
}

/// Loads scenario files: bytes in, a ``ScenarioDocument`` out. No disk access here.
public enum ScenarioLoader {
    /// Files larger than this are refused with `too-large` before parsing.
    public static let maxFileSize = 1 << 30
    /// Deepest nesting accepted; real scenarios need fewer than ten levels.
    public static let maxDepth = 64

    /// Decodes one scenario file. `limit` is the largest size accepted (tests lower it).
    public static func decode(_ data: Data, file: String, maxFileSize limit: Int = maxFileSize) -> ScenarioDocument {
        if data.count > limit {
            let pending = PendingDiagnostic(code: .tooLarge, message: tooLargeMessage(size: data.count, limit: limit), offset: 0, path: "")
            return ScenarioDocument(file: file, data: data, scenario: nil, pending: [pending])
        }
        // Texts point into these bytes, so the scanner reads the very buffer they keep.
        let source = SourceBytes(data)
        let (scenario, pending) = source.data.withUnsafeBytes { raw -> (Scenario?, [PendingDiagnostic]) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var decoder = ScenarioDecoder(bytes, source: source, maxDepth: maxDepth)
            let scenario = decoder.decodeDocument()
            return (scenario, decoder.pending)
        }
        return ScenarioDocument(file: file, data: data, scenario: scenario, pending: pending)
    }

    /// The `too-large` diagnostic for a file the caller did not read because of its size.
    public static func tooLarge(file: String, size: Int) -> Diagnostic {
        Diagnostic(code: .tooLarge, message: tooLargeMessage(size: size), file: file,
                   location: SourceLocation(line: 1, column: 1, offset: 0), path: "")
    }

    private static func tooLargeMessage(size: Int, limit: Int = maxFileSize) -> String {
        "the file is \(size / (1 << 20)) MiB; scenario files may be at most \(limit / (1 << 20)) MiB"
    }

    /// Loads and lints in one step, as play does: the scenario plus every finding.
    public static func load(_ data: Data, file: String) -> LintResult {
        Linter.lint(decode(data, file: file))
    }
}
