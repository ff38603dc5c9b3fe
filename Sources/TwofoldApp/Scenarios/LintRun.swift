import Foundation
import TwofoldCore

/// `twofold lint`: every scenario file under the given paths, read and checked once each.
public struct LintRun: Sendable {
    /// Files checked.
    public var files: Int
    /// Every finding, file by file, sorted within each file.
    public var diagnostics: [Diagnostic]
    /// Paths that could not be read at all, each as one line.
    public var failures: [String]

    /// Checks every `*.json` file named by `paths`: files as given, folders walked
    /// recursively in sorted order (folders named `schema` are passed over).
    public static func check(_ paths: [String], strict: Bool) -> LintRun {
        var run = LintRun(files: 0, diagnostics: [], failures: [])
        for item in FolderWalk.all(paths, selection: .scenarios) {
            switch item {
            case .problem(let path, let reason):
                run.failures.append("\(TextSafety.message(path)): \(reason)")
            case .file(let path, _):
                run.files += 1
                do {
                    run.diagnostics += try ScenarioFile.read(path, strict: strict).lint.diagnostics
                } catch {
                    run.failures.append(AppError.from(error).message)
                }
            }
        }
        return run
    }

    /// Errors once `strict` has promoted warnings, then warnings.
    public func counts(strict: Bool) -> (errors: Int, warnings: Int) {
        let errors = diagnostics.filter { strict || $0.severity == .error }.count
        return (errors + failures.count, diagnostics.count - errors)
    }
}
