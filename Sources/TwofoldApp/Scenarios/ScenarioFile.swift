import Foundation
import TwofoldCore

/// A scenario file read once: its bytes' fingerprint and what the loader and linter made
/// of those same bytes. Every later use — playing, fingerprinting a save, reports —
/// takes this value, so the file is never read twice and a save always describes the
/// bytes that were checked.
public struct ScenarioFile: Sendable {
    /// The path as given, for messages.
    public let path: String
    /// The standardised absolute path, kept with saved sessions.
    public let absolutePath: String
    public let lint: LintResult
    /// The bytes read (texts of the scenario point into them, so keeping them costs nothing).
    private let data: Data

    /// The fingerprint of the bytes read, worked out when asked for: playing needs it,
    /// linting does not (on a large file it costs as much as scanning it).
    public var fingerprint: String { Fingerprint.of(data) }

    /// The largest scenario file read (the loader's own limit).
    public static let sizeLimit = ScenarioLoader.maxFileSize

    /// Reads and lints `path`. A file that cannot be read at all throws; a file that
    /// reads but has problems comes back with its diagnostics.
    public static func read(_ path: String, strict: Bool = false) throws -> ScenarioFile {
        let data: Data
        do {
            data = try FileSystem.read(path, limit: sizeLimit)
        } catch let error as FileError where error.kind == .tooLarge(limit: sizeLimit) {
            let size = FileSystem.kind(of: path) == .file ? (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil : nil
            return ScenarioFile(path: path, data: Data(), diagnostics: [ScenarioLoader.tooLarge(file: path, size: size ?? sizeLimit + 1)])
        }
        return ScenarioFile(path: path, data: data, strict: strict)
    }

    /// Lints bytes already in memory (tests, and files read by ``read(_:strict:)``).
    public init(path: String, data: Data, strict: Bool = false) {
        self.init(path: path, data: data, document: ScenarioLoader.decode(data, file: path), strict: strict)
    }

    /// Lints bytes already decoded (a library lookup decodes to find the id first).
    init(path: String, data: Data, document: ScenarioDocument, strict: Bool = false) {
        self.path = path
        absolutePath = URL(fileURLWithPath: path).standardizedFileURL.path
        self.data = data
        lint = Linter.lint(document, strict: strict)
    }

    private init(path: String, data: Data, diagnostics: [Diagnostic]) {
        self.path = path
        absolutePath = URL(fileURLWithPath: path).standardizedFileURL.path
        self.data = data
        lint = LintResult(file: path, scenario: nil, analysis: nil, diagnostics: diagnostics)
    }

    /// The file as a playable scenario, or the reason it is not (with the errors to print).
    public func playable() throws -> PlayableScenario {
        guard let scenario = lint.playable, let analysis = lint.analysis else {
            throw ScenarioRejected(diagnostics: lint.diagnostics.filter { $0.severity == .error },
                                   failure: .scenarioHasErrors(path))
        }
        return PlayableScenario(path: path, absolutePath: absolutePath, fingerprint: fingerprint, scenario: scenario, analysis: analysis)
    }
}

/// A scenario that lints without errors, with its analysis computed once.
public struct PlayableScenario: Sendable {
    public let path: String
    public let absolutePath: String
    public let fingerprint: String
    public let scenario: Scenario
    public let analysis: ScenarioAnalysis
}

/// Why a scenario cannot be played: its errors (to print as diagnostics) and one line.
public struct ScenarioRejected: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var failure: AppError

    public init(diagnostics: [Diagnostic] = [], failure: AppError) {
        self.diagnostics = diagnostics
        self.failure = failure
    }
}
