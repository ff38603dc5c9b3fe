import Foundation
import TwofoldCore

/// The scenarios a learner can pick: the bundled library plus any in `./Scenarios`.
///
/// The bundled folder is found, in order, from `TWOFOLD_SCENARIOS`, from
/// `<prefix>/share/twofold/Scenarios` beside an installed binary (`<prefix>/bin/twofold`),
/// or from the source tree the binary was built from — so it works from any folder.
struct ScenarioLibrary {
    struct Entry {
        var id: String
        var title: String
        var domain: String
        var summary: String
        var estimatedMinutes: Int?
        var path: String
        var isLocal: Bool
    }

    struct Problem {
        var path: String
        var reason: String
    }

    var folders: [(path: String, isLocal: Bool)]

    static var standard: ScenarioLibrary {
        var folders: [(String, Bool)] = []
        if let bundled = bundledFolder() { folders.append((bundled, false)) }
        let local = FileManager.default.currentDirectoryPath + "/Scenarios"
        if FileManager.default.fileExists(atPath: local),
           !folders.contains(where: { canonical($0.0) == canonical(local) }) {
            folders.append((local, true))
        }
        return ScenarioLibrary(folders: folders)
    }

    static func bundledFolder() -> String? {
        let manager = FileManager.default
        if let configured = ProcessInfo.processInfo.environment["TWOFOLD_SCENARIOS"], !configured.isEmpty {
            return configured
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/twofold/Scenarios").path
        if manager.fileExists(atPath: installed) { return installed }
        // Built from source: <root>/Sources/twofold/Support/ScenarioLibrary.swift.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios").path
        if manager.fileExists(atPath: source) { return source }
        return nil
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Every playable scenario, sorted by domain then title, and the files that are not.
    func scan() -> (entries: [Entry], problems: [Problem]) {
        var entries: [Entry] = []
        var problems: [Problem] = []
        var seenIDs = Set<String>()
        for folder in folders {
            guard let files = try? ScenarioFiles.expand([folder.path]) else { continue }
            for file in files {
                guard case .success(let data) = ScenarioFiles.read(file) else {
                    problems.append(Problem(path: file, reason: "cannot be read"))
                    continue
                }
                let result = ScenarioLoader.load(data, file: file)
                guard let scenario = result.playable else {
                    problems.append(Problem(path: file, reason: "has \(result.errorCount) error(s); run `twofold lint \(file)`"))
                    continue
                }
                guard seenIDs.insert(scenario.id).inserted else {
                    problems.append(Problem(path: file, reason: "repeats the id \"\(scenario.id)\" of another scenario"))
                    continue
                }
                entries.append(Entry(id: scenario.id, title: scenario.title, domain: scenario.domain,
                                     summary: scenario.summary, estimatedMinutes: scenario.estimatedMinutes,
                                     path: file, isLocal: folder.isLocal))
            }
        }
        entries.sort { ($0.domain, $0.title, $0.id) < ($1.domain, $1.title, $1.id) }
        return (entries, problems)
    }

    /// The file for a reference: an existing file path, or the id of a library scenario.
    func resolve(_ reference: String) throws -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory), !isDirectory.boolValue {
            return reference
        }
        if !reference.contains("/") && !reference.hasSuffix(".json") {
            if let path = file(forID: reference) { return path }
            throw CLIError(message: "no scenario \"\(TextSafety.message(reference))\" in the library; `twofold list` shows the ids", exitCode: 66)
        }
        throw CLIError(message: "\(TextSafety.message(reference)): no such file", exitCode: 66)
    }

    /// The playable scenario with this id, found without linting the whole library (as
    /// `scan` does): a file named after the id (the library's convention) is tried first,
    /// then every file in scan order is decoded, and only those with the id are linted.
    private func file(forID id: String) -> String? {
        let files = folders.flatMap { (try? ScenarioFiles.expand([$0.path])) ?? [] }
        let named = files.filter { ($0 as NSString).lastPathComponent == id + ".json" }
        for file in named + files {
            guard case .success(let data) = ScenarioFiles.read(file) else { continue }
            let document = ScenarioLoader.decode(data, file: file)
            if document.scenario?.id == id, Linter.lint(document).playable != nil { return file }
        }
        return nil
    }
}
