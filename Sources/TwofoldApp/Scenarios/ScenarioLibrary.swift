import Foundation
import TwofoldCore

/// The scenarios a learner can pick: the bundled library plus any in `./Scenarios`.
///
/// The bundled folder is found, in order, from `TWOFOLD_SCENARIOS`, from
/// `<prefix>/share/twofold/Scenarios` beside an installed binary (`<prefix>/bin/twofold`),
/// or from the source tree the binary was built from — so it works from any folder.
public struct ScenarioLibrary: Sendable {
    /// One playable scenario of the library.
    public struct Entry: Sendable {
        public var scenario: PlayableScenario
        /// From `./Scenarios` rather than the bundled library.
        public var isLocal: Bool

        public var id: String { scenario.scenario.id }
        public var title: String { scenario.scenario.title }
        public var domain: String { scenario.scenario.domain }
        public var path: String { scenario.path }
    }

    /// A library file that cannot be offered, and why.
    public struct Problem: Sendable {
        public var path: String
        public var reason: String
    }

    public var folders: [(path: String, isLocal: Bool)]

    public init(folders: [(path: String, isLocal: Bool)]) {
        self.folders = folders
    }

    /// The bundled folder and `./Scenarios` (when it is another folder).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                currentFolder: String = FileManager.default.currentDirectoryPath) -> ScenarioLibrary {
        var folders: [(String, Bool)] = []
        if let bundled = bundledFolder(environment: environment) { folders.append((bundled, false)) }
        let local = currentFolder + "/Scenarios"
        if FileSystem.kind(of: local) == .folder, !folders.contains(where: { canonical($0.0) == canonical(local) }) {
            folders.append((local, true))
        }
        return ScenarioLibrary(folders: folders)
    }

    static func bundledFolder(environment: [String: String]) -> String? {
        if let configured = environment["TWOFOLD_SCENARIOS"], !configured.isEmpty { return configured }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/twofold/Scenarios").path
        if FileSystem.kind(of: installed) == .folder { return installed }
        // Built from source: <root>/Sources/TwofoldApp/Scenarios/ScenarioLibrary.swift.
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        let source = root.appendingPathComponent("Scenarios").path
        return FileSystem.kind(of: source) == .folder ? source : nil
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Every playable scenario (each file read and linted once), sorted by domain then
    /// title, and the files that are not.
    public func scan() -> (entries: [Entry], problems: [Problem]) {
        var entries: [Entry] = []
        var problems: [Problem] = []
        var seenIDs = Set<String>()
        for folder in folders {
            for item in FolderWalk.all([folder.path], selection: .scenarios) {
                guard case .file(let path, _) = item else {
                    if case .problem(let path, let reason) = item { problems.append(Problem(path: path, reason: reason)) }
                    continue
                }
                let file: ScenarioFile
                do { file = try ScenarioFile.read(path) } catch {
                    problems.append(Problem(path: path, reason: AppError.from(error).message))
                    continue
                }
                guard let playable = try? file.playable() else {
                    problems.append(Problem(path: path, reason: "has \(file.lint.errorCount) error(s); run `twofold lint \(TextSafety.message(path))`"))
                    continue
                }
                guard seenIDs.insert(playable.scenario.id).inserted else {
                    problems.append(Problem(path: path, reason: "repeats the id \"\(TextSafety.message(playable.scenario.id))\" of another scenario"))
                    continue
                }
                entries.append(Entry(scenario: playable, isLocal: folder.isLocal))
            }
        }
        entries.sort { ($0.domain, $0.title, $0.id) < ($1.domain, $1.title, $1.id) }
        return (entries, problems)
    }

    /// The playable scenario with this id, found without linting the whole library: a
    /// file named after the id (the library's convention) is tried first, then every file
    /// in scan order is decoded, and only those with the id are linted.
    public func scenario(id: String) -> PlayableScenario? {
        let files = folders.flatMap { folder in
            FolderWalk.all([folder.path], selection: .scenarios).compactMap { item -> String? in
                if case .file(let path, _) = item { return path } else { return nil }
            }
        }
        let isNamed = { (path: String) in URL(fileURLWithPath: path).lastPathComponent == id + ".json" }
        for path in files.filter(isNamed) + files.filter({ !isNamed($0) }) {
            guard let data = try? FileSystem.read(path, limit: ScenarioFile.sizeLimit) else { continue }
            let document = ScenarioLoader.decode(data, file: path)
            guard document.scenario?.id == id,
                  let playable = try? ScenarioFile(path: path, data: data, document: document).playable() else { continue }
            return playable
        }
        return nil
    }

    /// A playable scenario from a reference: the path of a scenario file, or a library id.
    public func playable(_ reference: String) throws -> PlayableScenario {
        switch FileSystem.kind(of: reference) {
        case .file?:
            do { return try ScenarioFile.read(reference).playable() } catch let error as FileError {
                throw ScenarioRejected(failure: AppError(error))
            } catch let error as ScenarioRejected {
                throw error
            } catch {
                throw ScenarioRejected(failure: AppError("\(error)"))
            }
        case .folder?:
            throw ScenarioRejected(failure: AppError(FileError(path: reference, kind: .notRegular("a folder"))))
        case .other(let what)?:
            throw ScenarioRejected(failure: AppError(FileError(path: reference, kind: .notRegular(what))))
        case nil:
            if !reference.contains("/") && !reference.hasSuffix(".json"), let found = scenario(id: reference) { return found }
            if !reference.contains("/") && !reference.hasSuffix(".json") { throw ScenarioRejected(failure: .noSuchScenario(reference)) }
            throw ScenarioRejected(failure: AppError(FileError(path: reference, kind: .notFound)))
        }
    }
}
