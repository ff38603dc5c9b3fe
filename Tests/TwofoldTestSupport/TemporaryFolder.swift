import Foundation

/// A fresh, empty folder under the system's temporary folder, removed with everything in
/// it when the value goes away.
public final class TemporaryFolder {
    public let url: URL
    public var path: String { url.path }

    /// Creates `twofold-<label>-<8 hex digits>`: the label says which tests left it, should
    /// one stay, and the name is short, so paths in wrapped output stay on one line.
    public init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("twofold-\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `relative` (folders made as needed); returns the path.
    @discardableResult
    public func write(_ text: String, to relative: String) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// The names in `relative` (this folder by default), sorted; none if it does not exist.
    public func files(in relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(relative).path)) ?? []).sorted()
    }
}
