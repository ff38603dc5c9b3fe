import TwofoldCore

/// Splits an xAPI StatementResult — `{"statements": [ … ], "more": "…"}` — arriving in
/// pieces into its statements, handed over one at a time as their JSON bytes, and keeps its
/// `more` link.
///
/// Only the document's frame is followed here (nesting, strings, escapes); each statement
/// is checked when it is read. So a page of any size costs the memory of one statement,
/// and most statements are handed over straight from the piece they arrived in.
struct StatementResultSplitter {
    struct Failure: Error, Equatable {
        var message: String
    }

    private enum State {
        case start, beforeKey(first: Bool), key, colon, value, statements(first: Bool), statement
        case more, skipping, afterValue, done
    }

    private var state = State.start
    /// The bytes of the key, of the `more` string, or of a statement split across pieces.
    private var pending: [UInt8] = []
    private var key: [UInt8] = []
    /// Inside a statement, or a value being skipped: nesting depth, and whether in a string.
    private var depth = 0
    private var inString = false
    private var escaped = false
    /// The `more` link, once read (nil when absent, null or empty).
    private(set) var more: String?
    private(set) var statements = 0

    /// Whether the document ended properly.
    var isComplete: Bool { if case .done = state { return true } else { return false } }

    /// Takes the next piece; `statement` gets each complete statement's bytes.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, statement: (UnsafeBufferPointer<UInt8>) -> Void) throws(Failure) {
        let bytes = bytes.bindMemory(to: UInt8.self)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch state {
            case .start:
                if !Self.isSpace(byte) {
                    guard byte == UInt8(ascii: "{") else { throw Failure(message: "expected a JSON object with \"statements\"") }
                    state = .beforeKey(first: true)
                }
                index += 1
            case .beforeKey(let first):
                index += 1
                if Self.isSpace(byte) { continue }
                if byte == UInt8(ascii: "}") && first { finish(); continue }
                if byte == UInt8(ascii: ",") && !first { state = .beforeKey(first: true); continue }
                guard byte == UInt8(ascii: "\"") else { throw Failure(message: "expected a key in the statement result") }
                key.removeAll(keepingCapacity: true)
                state = .key
            case .key:
                index += 1
                if escaped { escaped = false; key.append(byte); continue }
                if byte == UInt8(ascii: "\\") { escaped = true; key.append(byte); continue }
                if byte == UInt8(ascii: "\"") { state = .colon } else { key.append(byte) }
            case .colon:
                index += 1
                if Self.isSpace(byte) { continue }
                guard byte == UInt8(ascii: ":") else { throw Failure(message: "expected ':' after a key") }
                state = .value
            case .value:
                if Self.isSpace(byte) { index += 1; continue }
                if key.elementsEqual("statements".utf8) {
                    guard byte == UInt8(ascii: "[") else { throw Failure(message: "\"statements\" is not an array") }
                    state = .statements(first: true)
                    index += 1
                } else if key.elementsEqual("more".utf8) && byte == UInt8(ascii: "\"") {
                    pending = [byte]
                    inString = true
                    state = .more
                    index += 1
                } else {
                    depth = 0
                    inString = false
                    state = .skipping  // the byte is taken by the skipper
                }
            case .statements(let first):
                index += 1
                if Self.isSpace(byte) { continue }
                if byte == UInt8(ascii: "]") { state = .afterValue; continue }
                if byte == UInt8(ascii: ",") && !first { state = .statements(first: true); continue }
                guard byte == UInt8(ascii: "{") else { throw Failure(message: "a statement is not a JSON object") }
                let start = index - 1
                depth = 1
                inString = false
                pending.removeAll(keepingCapacity: true)
                if let end = scanValue(bytes, from: index) {
                    statement(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    statements += 1
                    index = end
                    state = .statements(first: false)
                } else {
                    pending.append(contentsOf: bytes[start..<count])
                    index = count
                    state = .statement
                }
            case .statement:
                if let end = scanValue(bytes, from: index) {
                    pending.append(contentsOf: bytes[index..<end])
                    pending.withUnsafeBufferPointer { statement($0) }
                    statements += 1
                    index = end
                    state = .statements(first: false)
                } else {
                    pending.append(contentsOf: bytes[index..<count])
                    index = count
                }
            case .more:
                index += 1
                pending.append(byte)
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") {
                    more = try Self.decodeString(pending)
                    state = .afterValue
                }
            case .skipping:
                index = try skip(bytes, from: index)
            case .afterValue:
                index += 1
                if Self.isSpace(byte) { continue }
                if byte == UInt8(ascii: ",") { state = .beforeKey(first: true); continue }
                guard byte == UInt8(ascii: "}") else { throw Failure(message: "expected ',' or '}' in the statement result") }
                finish()
            case .done:
                guard Self.isSpace(byte) else { throw Failure(message: "unexpected bytes after the statement result") }
                index += 1
            }
        }
    }

    private mutating func finish() {
        state = .done
        if more?.isEmpty == true { more = nil }
    }

    /// Follows a statement (already open, at `depth`) from `from`; the index just after its
    /// closing brace, or nil when it continues in the next piece.
    private mutating func scanValue(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if step(byte) { return index }
        }
        return nil
    }

    /// Skips a value other than `statements` and `more` (any kind); returns where it stopped.
    private mutating func skip(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) throws(Failure) -> Int {
        var index = from
        while index < bytes.count {
            let byte = bytes[index]
            if depth == 0 && !inString {
                // Between values: a scalar ends at a delimiter, which the next state reads.
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || Self.isSpace(byte) {
                    state = .afterValue
                    return index
                }
                if byte == UInt8(ascii: "]") { throw Failure(message: "unexpected ']' in the statement result") }
            }
            index += 1
            if step(byte) {
                state = .afterValue
                return index
            }
        }
        return index
    }

    /// Follows nesting and strings by one byte; true when the byte closes the value being followed.
    private mutating func step(_ byte: UInt8) -> Bool {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                return depth == 0
            }
        } else if byte == UInt8(ascii: "\"") {
            inString = true
        } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
            depth += 1
        } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
            depth -= 1
            return depth == 0
        }
        return false
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The text of a JSON string literal (quotes included), escapes resolved.
    private static func decodeString(_ literal: [UInt8]) throws(Failure) -> String {
        let result: Result<String, JSONReader.Failure> = literal.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            return Result { () throws(JSONReader.Failure) in try reader.string() }
        }
        switch result {
        case .success(let text): return text
        case .failure(let failure): throw Failure(message: "the \"more\" link is not a valid string (\(failure.message))")
        }
    }
}
