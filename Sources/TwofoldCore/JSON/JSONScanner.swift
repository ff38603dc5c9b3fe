import Foundation

// Why a scanner of our own rather than Foundation's JSONDecoder or JSONSerialization:
// - JSONDecoder reports no line or column for type errors, and stops at the first one;
//   authors need every problem, each with file:line:column and a JSON path.
// - Measured on large scenarios, JSONDecoder ran below Python's `json.load`; this scanner
//   reads bytes in place, skips whole 8-byte words of plain string content at a time, and
//   lets the decoder build the model directly with no intermediate tree of values.
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
    private var scratch: [UInt8] = []

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

    @inline(__always) mutating func skipWhitespace() {
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

    // MARK: Strings

    /// Scans a string token at the cursor (which must be on its opening quote).
    mutating func scanString() throws -> StringToken {
        let open = pos
        pos += 1
        let start = pos
        var hasEscapes = false
        var isASCII = true
        while true {
            // Skip eight plain bytes at a time: no quote, backslash, control or non-ASCII byte.
            while pos + 8 <= count {
                let word = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)
                if JSONScanner.wordIsPlain(word) { pos += 8 } else { break }
            }
            guard pos < count else {
                throw ScanError(code: .syntaxError, message: "unterminated string: the end of the file comes before its closing quote", offset: open)
            }
            let b = base[pos]
            if b == UInt8(ascii: "\"") {
                let token = StringToken(start: start, end: pos, hasEscapes: hasEscapes, isASCII: isASCII)
                pos += 1
                if !isASCII, let bad = JSONScanner.firstInvalidUTF8(base, from: start, to: token.end) {
                    throw ScanError(code: .invalidUTF8, message: "the file is not valid UTF-8 (byte 0x\(String(base[bad], radix: 16, uppercase: true)))", offset: bad)
                }
                return token
            } else if b == UInt8(ascii: "\\") {
                hasEscapes = true
                pos += 2
            } else if b < 0x20 {
                throw error(b == 0x0A ? "unterminated string (a line break must be written \\n)" : "control character U+00\(String(format2: b)) must be escaped in a string")
            } else {
                if b >= 0x80 { isASCII = false }
                pos += 1
            }
        }
    }

    @inline(__always) static func wordIsPlain(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = w ^ (ones &* 0x22)
        let slash = w ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasSlash = (slash &- ones) & ~slash & highs
        let hasControl = (w &- ones &* 0x20) & ~w & highs
        return (hasQuote | hasSlash | hasControl | (w & highs)) == 0
    }

    /// Decodes a scanned string token into a Swift string (escapes resolved).
    mutating func string(_ token: StringToken) throws -> String {
        if !token.hasEscapes {
            let bytes = UnsafeBufferPointer(start: base + token.start, count: token.end - token.start)
            // Already validated by `scanString`, so decoding cannot replace anything.
            return String(decoding: bytes, as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        var i = token.start
        while i < token.end {
            let b = base[i]
            if b != UInt8(ascii: "\\") {
                scratch.append(b)
                i += 1
                continue
            }
            let escape = byte(at: i + 1)
            switch escape {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: i + 2)
                var consumed = 6
                if (0xD800...0xDBFF).contains(scalar) {
                    guard byte(at: i + 6) == UInt8(ascii: "\\"), byte(at: i + 7) == UInt8(ascii: "u"),
                          case let low = try hex4(at: i + 8), (0xDC00...0xDFFF).contains(low)
                    else {
                        throw ScanError(code: .syntaxError, message: "unpaired surrogate in \\u escape", offset: i)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    consumed = 12
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw ScanError(code: .syntaxError, message: "unpaired surrogate in \\u escape", offset: i)
                }
                scratch.append(contentsOf: Array(String(Unicode.Scalar(scalar)!).utf8))
                i += consumed
                continue
            default:
                throw ScanError(code: .syntaxError, message: "invalid escape sequence in a string", offset: i)
            }
            i += 2
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    private func hex4(at offset: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<4 {
            let b = byte(at: offset + k)
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw ScanError(code: .syntaxError, message: "\\u must be followed by four hex digits", offset: offset - 2)
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Reads a string value at the cursor.
    mutating func readString() throws -> String {
        skipWhitespace()
        return try string(scanString())
    }

    /// True when the token's bytes equal `literal` (no escapes involved).
    func token(_ token: StringToken, equals literal: StaticString) -> Bool {
        let length = token.end - token.start
        guard !token.hasEscapes, length == literal.utf8CodeUnitCount else { return false }
        return memcmp(base + token.start, literal.utf8Start, length) == 0
    }

    // MARK: Numbers and literals

    /// Reads a JSON number at the cursor.
    mutating func readNumber() throws -> JSONNumber {
        skipWhitespace()
        let start = pos
        var negative = false
        if byte(at: pos) == UInt8(ascii: "-") { negative = true; pos += 1 }
        let digitsStart = pos
        var value = 0
        var overflow = false
        // A negative number is built downwards, so that Int.min itself fits.
        while case let b = byte(at: pos), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let digit = Int(b - UInt8(ascii: "0"))
            let (s, o2) = negative ? m.subtractingReportingOverflow(digit) : m.addingReportingOverflow(digit)
            value = s
            overflow = overflow || o1 || o2
            pos += 1
        }
        let digitCount = pos - digitsStart
        guard digitCount > 0 else { throw error("expected digits in a number, found \(describeCursor())") }
        if digitCount > 1, base[digitsStart] == UInt8(ascii: "0") {
            throw ScanError(code: .syntaxError, message: "numbers may not have leading zeros", offset: start)
        }
        var simple = true
        if byte(at: pos) == UInt8(ascii: ".") {
            simple = false
            pos += 1
            let fractionStart = pos
            while case let b = byte(at: pos), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { pos += 1 }
            guard pos > fractionStart else { throw error("expected digits after '.', found \(describeCursor())") }
        }
        if byte(at: pos) == UInt8(ascii: "e") || byte(at: pos) == UInt8(ascii: "E") {
            simple = false
            pos += 1
            if byte(at: pos) == UInt8(ascii: "+") || byte(at: pos) == UInt8(ascii: "-") { pos += 1 }
            let exponentStart = pos
            while case let b = byte(at: pos), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { pos += 1 }
            guard pos > exponentStart else { throw error("expected digits in an exponent, found \(describeCursor())") }
        }
        if simple {
            return JSONNumber(integer: overflow ? nil : value, hasFraction: false)
        }
        // Rare: 1.0 or 2e1 are integers in JSON Schema's sense; 2.5 is not.
        let literal = String(decoding: UnsafeBufferPointer(start: base + start, count: pos - start), as: UTF8.self)
        guard let double = Double(literal), double.isFinite else {
            return JSONNumber(integer: nil, hasFraction: false)
        }
        if double.rounded() != double { return JSONNumber(integer: nil, hasFraction: true) }
        if abs(double) < 9.0e15 { return JSONNumber(integer: Int(double), hasFraction: false) }
        return JSONNumber(integer: nil, hasFraction: false)
    }

    /// Reads `true`, `false` or `null` at the cursor.
    mutating func readLiteral() throws -> Bool? {
        skipWhitespace()
        for (word, value) in [("true", true as Bool?), ("false", false), ("null", nil)] {
            let utf8 = Array(word.utf8)
            if pos + utf8.count <= count, memcmp(base + pos, utf8, utf8.count) == 0 {
                pos += utf8.count
                return value
            }
        }
        throw error("expected a value, found \(describeCursor())")
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
        if pos < count, base[pos] >= 0x80, let bad = JSONScanner.firstInvalidUTF8(base, from: pos, to: min(count, pos + 4)) {
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

    /// The offset of the first byte that breaks UTF-8 in `from..<to`, or nil when valid.
    static func firstInvalidUTF8(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = from
        while i < to {
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: return i
            }
            guard i + length <= to else { return i }
            for k in 1..<length {
                let c = base[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}

private extension String {
    init(format2 byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        self = hex.count == 1 ? "0" + hex : hex
    }
}
