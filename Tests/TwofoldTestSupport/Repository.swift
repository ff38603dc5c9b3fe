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
