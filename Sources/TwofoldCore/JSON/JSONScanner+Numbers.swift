import Foundation

/// Numbers and the literals `true`, `false` and `null`.
extension JSONScanner {
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
        if at("true") { pos += 4; return true }
        if at("false") { pos += 5; return false }
        if at("null") { pos += 4; return nil }
        throw error("expected a value, found \(describeCursor())")
    }

    private func at(_ word: StaticString) -> Bool {
        pos + word.utf8CodeUnitCount <= count && memcmp(base + pos, word.utf8Start, word.utf8CodeUnitCount) == 0
    }
}
