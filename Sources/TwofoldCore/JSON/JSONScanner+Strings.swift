import Foundation

/// Strings: finding a token's end fast, and decoding it (escapes resolved) only when read.
extension JSONScanner {
    /// Scans a string token at the cursor (which must be on its opening quote).
    ///
    /// The hot loop only looks for the bytes that end plain content — a quote, a
    /// backslash, a control character — eight at a time, whatever the script: non-ASCII
    /// bytes are plain, and only noted, so the body's UTF-8 is checked once, in bulk, when
    /// the closing quote is found. A backslash just skips the byte after it; escapes are
    /// checked and resolved by ``string(_:)`` when the value is read.
    mutating func scanString() throws -> StringToken {
        let open = pos
        pos += 1
        let start = pos
        var hasEscapes = false
        var highBits: UInt64 = 0  // the top bits of the plain bytes passed: non-zero when some is non-ASCII
        while true {
            while pos + 8 <= count {
                let word = ByteWord.load(base + pos)
                let specials = ByteWord.stringSpecials(word)
                if specials == 0 {
                    highBits |= word
                    pos += 8
                    continue
                }
                let plain = ByteWord.firstIndex(specials)
                if plain > 0 { highBits |= word & (UInt64.max >> (64 - 8 * plain)) }
                pos += plain
                break
            }
            guard pos < count else {
                throw ScanError(code: .syntaxError, message: "unterminated string: the end of the file comes before its closing quote", offset: open)
            }
            let b = base[pos]
            if b == UInt8(ascii: "\"") {
                let token = StringToken(start: start, end: pos, hasEscapes: hasEscapes, isASCII: highBits & ByteWord.highs == 0)
                pos += 1
                if !token.isASCII, let bad = UTF8Validation.firstInvalid(base, from: start, to: token.end) {
                    throw ScanError(code: .invalidUTF8, message: "the file is not valid UTF-8 (byte 0x\(String(base[bad], radix: 16, uppercase: true)))", offset: bad)
                }
                return token
            } else if b == UInt8(ascii: "\\") {
                hasEscapes = true
                if pos + 1 < count { highBits |= UInt64(base[pos + 1]) }
                pos += 2
            } else if b < 0x20 {
                throw error(b == 0x0A ? "unterminated string (a line break must be written \\n)" : "control character U+00\(String(format2: b)) must be escaped in a string")
            } else {
                highBits |= UInt64(b)  // a plain byte in the last few of the file
                pos += 1
            }
        }
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
}

private extension String {
    init(format2 byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        self = hex.count == 1 ? "0" + hex : hex
    }
}
