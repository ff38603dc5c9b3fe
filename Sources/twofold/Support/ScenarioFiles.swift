import Foundation
import TwofoldCore

/// Finding and reading scenario files on disk for the commands.
enum ScenarioFiles {
    /// Every `.json` file named by `paths`: files as given, folders walked recursively in
    /// sorted order (folders named `schema` are skipped: they hold the JSON Schema).
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError(message: "\(path): no such file or folder", exitCode: 66)
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else { continue }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                // lstat rather than `walker.fileAttributes`, which also looks up the owner's
                // user and group names (reading /etc/passwd and /etc/group) for every entry.
                if isDirectoryEntry((path as NSString).appendingPathComponent(relative)) {
                    if name == "schema" || name.hasPrefix(".") { walker.skipDescendants() }
                    continue
                }
                if name.hasSuffix(".json") && !name.hasPrefix(".") {
                    found.append((path as NSString).appendingPathComponent(relative))
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }

    /// Whether `path` is a directory itself (not a symbolic link to one).
    private static func isDirectoryEntry(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Reads and decodes one file. Unreadable or oversized files come back as a document
    /// that carries a single diagnostic, so callers treat every file alike.
    static func read(_ path: String) -> Result<Data, ReadFailure> {
        let manager = FileManager.default
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > ScenarioLoader.maxFileSize {
            return .failure(.tooLarge(ScenarioLoader.tooLarge(file: path, size: Int(info.st_size))))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.unreadable("\(path): cannot open the file (\(manager.fileExists(atPath: path) ? "permission denied" : "no such file"))"))
        }
        defer { try? handle.close() }
        do {
            return .success(try handle.readToEnd() ?? Data())
        } catch {
            return .failure(.unreadable("\(path): cannot read the file (\(error.localizedDescription))"))
        }
    }

    enum ReadFailure: Error {
        case tooLarge(Diagnostic)
        case unreadable(String)
    }

    /// Loads and lints a scenario given as a path or a library id; throws with the
    /// diagnostics printed when it has errors.
    static func loadPlayable(_ reference: String, library: ScenarioLibrary = .standard) throws -> LintResult {
        let path = try library.resolve(reference)
        let data: Data
        switch read(path) {
        case .success(let bytes): data = bytes
        case .failure(.tooLarge(let diagnostic)):
            DiagnosticPrinter(strict: false).print([diagnostic])
            throw CLIError(message: "\(path) is too large to load")
        case .failure(.unreadable(let reason)):
            throw CLIError(message: reason, exitCode: 66)
        }
        let result = ScenarioLoader.load(data, file: path)
        if result.hasErrors {
            DiagnosticPrinter(strict: false).print(result.diagnostics.filter { $0.severity == .error })
            throw CLIError(message: "\(path) has errors; fix them (see `twofold lint \(path)`) and try again")
        }
        return result
    }
}
