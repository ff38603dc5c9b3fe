import Foundation

// Why a scanner of our own rather than Foundation's JSONDecoder or JSONSerialization:
// - JSONDecoder reports no line or column for type errors, and stops at the first one;
//   authors need every problem, each with file:line:column and a JSON path.
// - Measured on large scenarios, JSONDecoder ran below Python's `json.load`; this scanner
//   reads bytes in place and lets the decoder build the model directly with no
//   intermediate tree of values. It goes eight bytes a step through white space and
//   through string bodies whatever their script (`ByteWord`), checks a string's UTF-8
//   once at its end (`UTF8Validation`), and resolves escapes only when a value is read.
// The scanner only tokenises; `ScenarioDecoder` decides what each value means.

/// An unrecoverable problem while scanning: past this point the bytes are not JSON.
struct ScanError: Error, Sendable {
    var code: DiagnosticCode
    var message: String
    var offset: Int
}

/// The JSON type of the value at the cursor.
enum JSONKind: Sendable {
    case object, array, string, number, bool, null

    var noun: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// A JSON number as the decoder needs it: its integer value when it has one.
struct JSONNumber: Sendable {
    /// The value when the number is integral and fits in `Int`; `nil` otherwise.
    var integer: Int?
    /// True when the literal has a non-zero fraction (so it is no integer at all).
    var hasFraction: Bool
}

/// The bytes of a string token, between its quotes.
struct StringToken: Sendable {
    var start: Int
    var end: Int
    var hasEscapes: Bool
    var isASCII: Bool
}

/// A cursor over UTF-8 JSON bytes that keeps byte offsets for diagnostics.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    let maxDepth: Int
    var pos: Int = 0
    var depth: Int = 0
    /// Reused when a string with escapes is decoded.
    var scratch: [UInt8] = []

    init(_ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        // An empty buffer has no base address; point at a static byte so reads stay defined.
        self.base = buffer.baseAddress ?? JSONScanner.emptyBase
        self.count = buffer.count
        self.maxDepth = maxDepth
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { pos = 3 }  // UTF-8 BOM
    }

    nonisolated(unsafe) private static let emptyBase: UnsafePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()

    var atEnd: Bool { pos >= count }

    @inline(__always) func byte(at offset: Int) -> UInt8 {
        offset < count ? base[offset] : 0
    }

    /// Skips white space. Most calls find a token at once; runs (indentation) go by words.
    @inline(__always) mutating func skipWhitespace() {
        guard pos < count, base[pos] <= 0x20 else { return }
        skipWhitespaceRun()
    }

    private mutating func skipWhitespaceRun() {
        while pos + 8 <= count {
            let other = ByteWord.notWhitespace(ByteWord.load(base + pos))
            if other != 0 {
                pos += ByteWord.firstIndex(other)
                return
            }
            pos += 8
        }
        while pos < count {
            let b = base[pos]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 } else { return }
        }
    }

    /// The kind of the value starting at the cursor (after white space), or a scan error.
    mutating func peekKind() throws -> JSONKind {
        skipWhitespace()
        guard pos < count else { throw error("expected a value, found the end of the file") }
        switch base[pos] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw error("expected a value, found \(describeCursor())")
        }
    }

    // MARK: Objects and arrays

    /// Consumes `{` and enters one nesting level.
    mutating func beginObject() throws {
        try enter(UInt8(ascii: "{"), "'{'")
    }

    /// Consumes `[` and enters one nesting level.
    mutating func beginArray() throws {
        try enter(UInt8(ascii: "["), "'['")
    }

    private mutating func enter(_ opening: UInt8, _ name: String) throws {
        skipWhitespace()
        guard byte(at: pos) == opening else { throw error("expected \(name), found \(describeCursor())") }
        depth += 1
        if depth > maxDepth {
            throw ScanError(code: .tooDeep, message: "values are nested more than \(maxDepth) levels deep", offset: pos)
        }
        pos += 1
    }

    /// Reads the next key of the open object and its `:`; returns nil after consuming `}`.
    mutating func nextKey(isFirst: inout Bool) throws -> StringToken? {
        skipWhitespace()
        if byte(at: pos) == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return nil
        }
        if !isFirst {
            guard byte(at: pos) == UInt8(ascii: ",") else {
                throw error("expected ',' or '}' after an object member, found \(describeCursor())")
            }
            pos += 1
            skipWhitespace()
        }
        isFirst = false
        guard byte(at: pos) == UInt8(ascii: "\"") else {
            throw error("expected a quoted key, found \(describeCursor())")
        }
        let key = try scanString()
        skipWhitespace()
        guard byte(at: pos) == UInt8(ascii: ":") else {
            throw error("expected ':' after a key, found \(describeCursor())")
        }
        pos += 1
        return key
    }

    /// Moves to the next element of the open array; returns false after consuming `]`.
    mutating func nextElement(isFirst: inout Bool) throws -> Bool {
        skipWhitespace()
        if byte(at: pos) == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return false
        }
        if !isFirst {
            guard byte(at: pos) == UInt8(ascii: ",") else {
                throw error("expected ',' or ']' after an array element, found \(describeCursor())")
            }
            pos += 1
        }
        isFirst = false
        return true
    }

    /// Skips one whole value of any kind, checking that it is well-formed.
    mutating func skipValue() throws {
        switch try peekKind() {
        case .object:
            try beginObject()
            var first = true
            while try nextKey(isFirst: &first) != nil { try skipValue() }
        case .array:
            try beginArray()
            var first = true
            while try nextElement(isFirst: &first) { try skipValue() }
        case .string:
            _ = try scanString()
        case .number:
            _ = try readNumber()
        case .bool, .null:
            _ = try readLiteral()
        }
    }

    /// Checks that only white space follows the top-level value.
    mutating func expectEnd() throws {
        skipWhitespace()
        if pos < count { throw error("unexpected \(describeCursor()) after the end of the scenario object") }
    }

    // MARK: Errors

    func error(_ message: String) -> ScanError {
        if pos < count, base[pos] >= 0x80, let bad = UTF8Validation.firstInvalid(base, from: pos, to: min(count, pos + 4)) {
            return ScanError(code: .invalidUTF8, message: "the file is not valid UTF-8 (byte 0x\(String(base[bad], radix: 16, uppercase: true)))", offset: bad)
        }
        return ScanError(code: .syntaxError, message: message, offset: pos)
    }

    /// Names what the cursor is on, for error messages.
    func describeCursor() -> String {
        guard pos < count else { return "the end of the file" }
        let b = base[pos]
        if b >= 0x21, b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }
}
