import Foundation

/// The repository the tests were built from, found from this file's path
/// (`Tests/TwofoldTestSupport/Repository.swift`).
public let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A file or folder under `Tests/Fixtures`.
public func fixtureURL(_ relative: String) -> URL {
    repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative)
}

/// Whether an executable called `program` is in one of the folders on `PATH`.
public func isOnPath(_ program: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
}

/// The bundled scenario library, `Scenarios/`: a folder for each domain, and `schema`.
public let bundledScenarioFolder = repositoryRoot.appendingPathComponent("Scenarios", isDirectory: true)

/// Every bundled scenario: the `.json` files in each domain folder of `Scenarios/` (the
/// schema in `Scenarios/schema` is not one), sorted by path.
public func bundledScenarioURLs() throws -> [URL] {
    let files = FileManager.default
    let domains = try files.contentsOfDirectory(at: bundledScenarioFolder, includingPropertiesForKeys: [.isDirectoryKey])
        .filter { $0.lastPathComponent != "schema" && (try? $0.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true }
    return try domains.flatMap { domain in
        try files.contentsOfDirectory(at: domain, includingPropertiesForKeys: nil).filter { $0.pathExtension == "json" }
    }.sorted { $0.path < $1.path }
}
