import Foundation

/// The bytes of a loaded scenario file, shared by every text that points into them.
public final class SourceBytes: Sendable {
    public let data: Data

    public init(_ data: Data) { self.data = data }
}

/// A piece of scenario text: a span of the source file's bytes, or an owned string.
///
/// A large scenario holds millions of texts. Keeping each as a span of the file (valid
/// UTF-8, checked when loaded, with no escapes to resolve) instead of its own heap
/// string makes loading about twice as fast and the model a fraction of the size; the
/// string is made when the text is read. Texts with escapes are decoded once and owned.
public struct ScenarioText: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    private let source: SourceBytes?
    private let start: Int32
    private let count: Int32
    private let owned: String

    public init(_ string: String) {
        source = nil
        start = 0
        count = 0
        owned = string
    }

    public init(stringLiteral value: String) { self.init(value) }

    init(source: SourceBytes, start: Int, count: Int) {
        self.source = source
        self.start = Int32(start)
        self.count = Int32(count)
        owned = ""
    }

    /// The text as a string.
    public var string: String {
        guard let source else { return owned }
        return source.data.withUnsafeBytes { raw in
            String(decoding: UnsafeRawBufferPointer(rebasing: raw[Int(start)..<Int(start + count)]), as: UTF8.self)
        }
    }

    public var description: String { string }

    public static func == (lhs: ScenarioText, rhs: ScenarioText) -> Bool { lhs.string == rhs.string }

    public func hash(into hasher: inout Hasher) { hasher.combine(string) }
}
