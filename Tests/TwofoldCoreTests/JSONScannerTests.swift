import Foundation
import Testing
@testable import TwofoldCore
import TwofoldTestSupport

/// What scanning a string token should give, worked out byte by byte as the grammar reads.
private enum Expected: Equatable {
    case token(end: Int, hasEscapes: Bool, isASCII: Bool)
    case failure(DiagnosticCode, offset: Int)
}

private func referenceScan(_ bytes: [UInt8]) -> Expected {
    var pos = 1, escapes = false, ascii = true
    while pos < bytes.count {
        let b = bytes[pos]
        if b == 0x22 {
            if !ascii, let bad = decodingFirstInvalid(Array(bytes[..<pos]), from: 1) { return .failure(.invalidUTF8, offset: bad) }
            return .token(end: pos, hasEscapes: escapes, isASCII: ascii)
        }
        if b == 0x5C {
            escapes = true
            if pos + 1 < bytes.count, bytes[pos + 1] >= 0x80 { ascii = false }
            pos += 2
            continue
        }
        if b < 0x20 { return .failure(.syntaxError, offset: pos) }
        if b >= 0x80 { ascii = false }
        pos += 1
    }
    return .failure(.syntaxError, offset: 0)
}

/// The first byte of the first ill-formed sequence, found by decoding each scalar and
/// checking it (too short, overlong, a surrogate, past U+10FFFF): an oracle that shares
/// nothing with the range tables of ``UTF8Validation``.
private func decodingFirstInvalid(_ bytes: [UInt8], from: Int) -> Int? {
    var i = from
    while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 { i += 1; continue }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0
        guard length > 0, b < 0xF8, i + length <= bytes.count else { return i }
        var scalar = UInt32(b) & (0x7F >> UInt32(length))
        for k in 1..<length {
            guard bytes[i + k] & 0xC0 == 0x80 else { return i }
            scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F)
        }
        let minimum: UInt32 = [0, 0, 0x80, 0x800, 0x10000][length]
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
        i += length
    }
    return nil
}

@Suite struct JSONScannerTests {
    /// Random string bodies — ASCII, accented, CJK, emoji, escapes, control characters,
    /// broken UTF-8 — at every alignment: the word-at-a-time scanner agrees with the
    /// byte-by-byte reading on where the token ends and on every error.
    @Test func scanningAgreesWithReadingByteByByte() {
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("plain text ".utf8), Array("é".utf8), Array("決定する".utf8), Array("👩‍💼".utf8),
            Array(#"\""#.utf8), Array(#"\n"#.utf8), Array(#"\u00e9"#.utf8), Array(#"\\"#.utf8),
            [0x01], [0x0A], [0xFF], [0xC3], [0xE6, 0xB1], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80],
        ]
        var generator = SeededGenerator(seed: 1414)
        var checked = 0
        for _ in 0..<4_000 {
            var bytes: [UInt8] = [0x22]
            for _ in 0..<Int.random(in: 0..<12, using: &generator) {
                let index = Int.random(in: 0..<pieces.count, using: &generator)
                // Mostly well-formed text, so tokens often end at their quote.
                if index >= 9, Int.random(in: 0..<4, using: &generator) != 0 { continue }
                bytes += pieces[index]
            }
            if Int.random(in: 0..<8, using: &generator) != 0 { bytes.append(0x22) }
            bytes += Array(repeating: UInt8(ascii: " "), count: Int.random(in: 0..<9, using: &generator))
            let expected = referenceScan(bytes)
            let found: Expected = bytes.withUnsafeBufferPointer { buffer in
                var scanner = JSONScanner(buffer, maxDepth: 8)
                do {
                    let token = try scanner.scanString()
                    return .token(end: token.end, hasEscapes: token.hasEscapes, isASCII: token.isASCII)
                } catch let error as ScanError {
                    return .failure(error.code, offset: error.offset)
                } catch {
                    return .failure(.emptyFile, offset: -1)
                }
            }
            #expect(found == expected, "\(bytes.map { String($0, radix: 16) })")
            checked += 1
        }
        #expect(checked == 4_000)
    }

    /// Bulk validation agrees with the standard library's on validity, and names the first
    /// byte of the first ill-formed sequence.
    @Test func bulkValidationAgreesWithTheStandardLibrary() {
        var generator = SeededGenerator(seed: 8)
        let alphabet: [[UInt8]] = [
            Array("ascii".utf8), Array("ü".utf8), Array("語".utf8), Array("🙂".utf8),
            [0x80], [0xC1, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xBF, 0xBF], [0xF5], [0xF0, 0x8F, 0xBF, 0xBF], [0xE2, 0x82],
        ]
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<10, using: &generator) {
                let index = Int.random(in: 0..<alphabet.count, using: &generator)
                if index >= 4, Int.random(in: 0..<3, using: &generator) != 0 { continue }
                bytes += alphabet[index]
            }
            let bad = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalid($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: 0, to: $0.count) }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((bad == nil) == valid, "\(bytes)")
            #expect(bad == decodingFirstInvalid(bytes, from: 0), "\(bytes)")
        }
    }

    /// White space of every kind, in runs of every length and alignment, is skipped to the
    /// first byte that is not white space (and a NUL is not white space).
    @Test func skipsWhiteSpaceRunsExactly() {
        let spaces: [UInt8] = [0x20, 0x0A, 0x0D, 0x09]
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<2_000 {
            let run = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in spaces.randomElement(using: &generator)! }
            let after: [UInt8] = [[0x7B], [0x00], [0x22], [0x0B], []].randomElement(using: &generator)!
            let bytes = run + after + Array(repeating: 0x20, count: Int.random(in: 0..<3, using: &generator))
            let stop = bytes.withUnsafeBufferPointer { buffer -> Int in
                var scanner = JSONScanner(buffer, maxDepth: 8)
                scanner.skipWhitespace()
                return scanner.pos
            }
            let expected = after.isEmpty ? bytes.count : run.count
            #expect(stop == expected, "\(bytes)")
        }
    }
}

@Suite struct WhiteSpaceTests {
    /// The decoder's own White_Space list agrees with the standard library on every scalar.
    @Test func agreesWithTheUnicodeProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if ScenarioDecoder.isWhiteSpace(scalar) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16)) disagrees")
            }
        }
    }
}
