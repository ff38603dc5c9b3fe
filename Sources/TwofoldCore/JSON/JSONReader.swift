import Foundation

/// A forward-only pull reader over UTF-8 JSON bytes, for taking a few fields out of a
/// document fast without building it.
///
/// It is a public face of the scanner the scenario loader uses (`JSONScanner`), which
/// does the tokenising and every check. Bytes are read in place; values the caller does not
/// want are skipped with ``skipValue()``, which still checks they are well-formed.
/// The caller walks the document itself:
///
/// ```swift
/// try bytes.withUnsafeBufferPointer { buffer in
///     var reader = JSONReader(buffer)
///     try reader.beginObject()
///     while let key = try reader.nextKey() {
///         if key == "name" { name = try reader.string() } else { try reader.skipValue() }
///     }
///     try reader.expectEnd()
/// }
/// ```
///
/// The reader points into `buffer`, which must stay alive and unchanged while it is used.
public struct JSONReader {
    /// The JSON type of a value.
    public enum Kind: Sendable {
        case object, array, string, number, bool, null
    }

    /// Why the bytes could not be read: a message and where, as a byte offset and a
    /// 1-based line and column (columns count Unicode scalars).
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var offset: Int
        public var line: Int
        public var column: Int

        public var description: String { "line \(line), column \(column): \(message)" }
    }

    /// An object key, compared with a literal without building a `String`.
    public struct Key {
        @usableFromInline let start: UnsafePointer<UInt8>
        @usableFromInline let count: Int
        /// Set only when the key has escapes (so its bytes are not its text).
        @usableFromInline let decoded: String?

        /// The key as a string.
        public var string: String {
            decoded ?? String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        }

        @inlinable
        public static func == (key: Key, literal: StaticString) -> Bool {
            if let decoded = key.decoded { return decoded == literal.description }
            return key.count == literal.utf8CodeUnitCount && memcmp(key.start, literal.utf8Start, key.count) == 0
        }

        /// Whether the key is `text` (an axis name, say).
        @inlinable
        public static func == (key: Key, text: String) -> Bool {
            var text = text
            if let decoded = key.decoded { return decoded == text }
            return text.withUTF8 { $0.count == key.count && memcmp(key.start, $0.baseAddress!, key.count) == 0 }
        }

        /// Whether the key is a model's coding key, so a fast reader takes its field names
        /// from the same `CodingKeys` the model's `Codable` conformance uses.
        @inlinable
        public static func == <Name: CodingKey>(key: Key, name: Name) -> Bool { key == name.stringValue }
    }

    private var scanner: JSONScanner
    private let buffer: UnsafeBufferPointer<UInt8>
    /// True right after `{` or `[`: the next member or element is the first.
    private var justOpened = false

    /// A reader at the start of `buffer` (after a UTF-8 byte-order mark, if any).
    public init(_ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int = 64) {
        self.buffer = buffer
        scanner = JSONScanner(buffer, maxDepth: maxDepth)
    }

    /// The byte offset of the cursor.
    public var offset: Int { scanner.pos }

    /// The type of the next value (white space skipped), without consuming it.
    public mutating func kind() throws(Failure) -> Kind {
        scanner.skipWhitespace()
        switch try run({ try $0.peekKind() }) {
        case .object: return .object
        case .array: return .array
        case .string: return .string
        case .number: return .number
        case .bool: return .bool
        case .null: return .null
        }
    }

    /// Consumes `{`.
    public mutating func beginObject() throws(Failure) {
        try run { try $0.beginObject() }
        justOpened = true
    }

    /// The next key of the open object (its `:` consumed), or nil after consuming `}`.
    public mutating func nextKey() throws(Failure) -> Key? {
        var first = justOpened
        justOpened = false
        try separator(after: &first, closing: UInt8(ascii: "}"), next: "a quoted key")
        guard let token = try run({ try $0.nextKey(isFirst: &first) }) else { return nil }
        let decoded = token.hasEscapes ? try run { try $0.string(token) } : nil
        return Key(start: scanner.base + token.start, count: token.end - token.start, decoded: decoded)
    }

    /// Consumes `[`.
    public mutating func beginArray() throws(Failure) {
        try run { try $0.beginArray() }
        justOpened = true
    }

    /// Moves to the next element of the open array; false after consuming `]`.
    public mutating func nextElement() throws(Failure) -> Bool {
        var first = justOpened
        justOpened = false
        try separator(after: &first, closing: UInt8(ascii: "]"), next: "a value")
        return try run { try $0.nextElement(isFirst: &first) }
    }

    /// Consumes the `,` before a member or element, and the white space around it, so the
    /// scanner then sees the member as a first one. A `,` right before the closing bracket
    /// is an error, as in the scanner.
    private mutating func separator(after first: inout Bool, closing: UInt8, next: String) throws(Failure) {
        scanner.skipWhitespace()
        guard !first, scanner.byte(at: scanner.pos) == UInt8(ascii: ",") else { return }
        scanner.pos += 1
        scanner.skipWhitespace()
        if scanner.atEnd || scanner.byte(at: scanner.pos) == closing {
            throw failure("expected \(next), found \(scanner.describeCursor())")
        }
        first = true
    }

    /// Reads a string value (escapes resolved).
    public mutating func string() throws(Failure) -> String {
        guard try kind() == .string else { throw failure("expected a string") }
        return try run { try $0.readString() }
    }

    /// Reads a number that is an integer (`3`, `-2`, `1.0`) fitting in `Int`.
    public mutating func int() throws(Failure) -> Int {
        guard try kind() == .number else { throw failure("expected an integer") }
        let start = scanner.pos
        let number = try run { try $0.readNumber() }
        guard let value = number.integer else {
            throw failure(number.hasFraction ? "expected an integer, found a fraction" : "the integer is too large", at: start)
        }
        return value
    }

    /// Reads any number as a `Double`; one too large to be finite (`1e400`) is refused.
    public mutating func double() throws(Failure) -> Double {
        guard try kind() == .number else { throw failure("expected a number") }
        let start = scanner.pos
        _ = try run { try $0.readNumber() }
        let literal = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<scanner.pos]), as: UTF8.self)
        guard let value = Double(literal), value.isFinite else { throw failure("the number is too large", at: start) }
        return value
    }

    /// Reads `true` or `false`.
    public mutating func bool() throws(Failure) -> Bool {
        guard try kind() == .bool, let value = try run({ try $0.readLiteral() }) else { throw failure("expected true or false") }
        return value
    }

    /// Consumes a `null` and returns true, or leaves any other value and returns false.
    public mutating func null() throws(Failure) -> Bool {
        guard try kind() == .null else { return false }
        _ = try run { try $0.readLiteral() }
        return true
    }

    /// Skips one whole value of any kind, checking that it is well-formed.
    public mutating func skipValue() throws(Failure) {
        switch try kind() {
        case .object:
            try beginObject()
            while try nextKey() != nil { try skipValue() }
        case .array:
            try beginArray()
            while try nextElement() { try skipValue() }
        case .string:
            _ = try run { try $0.scanString() }
        case .number:
            _ = try run { try $0.readNumber() }
        case .bool, .null:
            _ = try run { try $0.readLiteral() }
        }
    }

    /// Checks that only white space follows the top-level value.
    public mutating func expectEnd() throws(Failure) {
        scanner.skipWhitespace()
        if !scanner.atEnd { throw failure("unexpected \(scanner.describeCursor()) after the end of the document") }
    }

    /// A failure at the cursor (or at `offset`), for the caller's own checks.
    public func failure(_ message: String, at offset: Int? = nil) -> Failure {
        var source = SourceText(buffer)
        let location = source.location(of: offset ?? scanner.pos)
        return Failure(message: message, offset: location.offset, line: location.line, column: location.column)
    }

    /// Runs a scanner step, turning its errors into ``Failure``s.
    private mutating func run<T>(_ step: (inout JSONScanner) throws -> T) throws(Failure) -> T {
        do {
            return try step(&scanner)
        } catch let error as ScanError {
            throw failure(error.message, at: error.offset)
        } catch {
            throw failure("\(error)")
        }
    }
}
