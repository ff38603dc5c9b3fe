import Foundation

/// Builds a ``Scenario`` straight from JSON tokens, collecting located diagnostics.
///
/// Syntax problems end decoding (the rest of the file cannot be trusted); every other
/// problem — wrong type, missing or unknown field, bad id, score out of range — is
/// reported with its position and JSON path, the value is skipped, and decoding goes on,
/// so an author sees every problem in one run.
struct ScenarioDecoder {
    var scanner: JSONScanner
    var path = JSONPath()
    var pending: [PendingDiagnostic] = []
    /// The file's bytes, which texts without escapes point into; `bytes` must be their buffer.
    let source: SourceBytes?

    init(_ bytes: UnsafeBufferPointer<UInt8>, source: SourceBytes?, maxDepth: Int) {
        scanner = JSONScanner(bytes, maxDepth: maxDepth)
        self.source = source
    }

    // MARK: Reporting

    mutating func report(_ code: DiagnosticCode, _ message: String, at offset: Int, notes: [String] = []) {
        pending.append(PendingDiagnostic(code: code, message: message, offset: offset, path: path.rendered, notes: notes))
    }

    /// Runs `body` with `key` pushed on the JSON path.
    @inline(__always)
    mutating func within<T>(_ key: String, _ body: (inout ScenarioDecoder) throws -> T) rethrows -> T {
        // No `defer`: when a scan error ends decoding, the path still says where it happened.
        path.push(key)
        let result = try body(&self)
        path.pop()
        return result
    }

    @inline(__always)
    mutating func within<T>(_ index: Int, _ body: (inout ScenarioDecoder) throws -> T) rethrows -> T {
        path.push(index)
        let result = try body(&self)
        path.pop()
        return result
    }

    /// The offset of the value at the cursor, after any white space.
    mutating func valueOffset() -> Int {
        scanner.skipWhitespace()
        return scanner.pos
    }

    // MARK: Typed values

    /// Checks the value's kind; on a mismatch reports `wrong-type`, skips it and returns false.
    mutating func expect(_ kind: JSONKind, _ description: @autoclosure () -> String) throws -> Bool {
        let found = try scanner.peekKind()
        if found == kind { return true }
        report(.wrongType, "expected \(description()), found \(found.noun)", at: scanner.pos)
        try scanner.skipValue()
        return false
    }

    /// A string value, or nil (reported) when the value is not a string.
    mutating func string() throws -> String? {
        guard try expect(.string, "a string") else { return nil }
        return try scanner.readString()
    }

    /// A non-empty string, or nil (reported).
    mutating func text() throws -> String? {
        let offset = valueOffset()
        guard let value = try string() else { return nil }
        if ScenarioDecoder.isBlank(value) {
            report(.emptyText, "text must not be empty", at: offset)
        }
        return value
    }

    /// A text kept as a span of the file when it has no escapes; reported when blank.
    mutating func textSpan(blank code: DiagnosticCode = .emptyText, _ message: String = "text must not be empty") throws -> ScenarioText? {
        guard try expect(.string, "a string") else { return nil }
        let offset = scanner.pos
        let token = try scanner.scanString()
        let text: ScenarioText
        let blank: Bool
        if let source, !token.hasEscapes {
            text = ScenarioText(source: source, start: token.start, count: token.end - token.start)
            blank = ScenarioDecoder.isBlank(UnsafeBufferPointer(start: scanner.base + token.start, count: token.end - token.start))
        } else {
            let string = try scanner.string(token)
            text = ScenarioText(string)
            blank = ScenarioDecoder.isBlank(string)
        }
        if blank { report(code, message, at: offset) }
        return text
    }

    /// An id (lowercase letters, digits, single hyphens), reported when malformed.
    mutating func identifier(_ what: String) throws -> String? {
        guard try expect(.string, "a string (\(what))") else { return nil }
        let offset = valueOffset()
        let token = try scanner.scanString()
        let value = try scanner.string(token)
        if !ScenarioDecoder.isValidID(token, in: scanner) {
            report(.invalidID, "\(what) \"\(value.replacingQuotes())\" must use lowercase letters, digits and single hyphens (like \"ask-the-team\"), at most \(ScenarioDecoder.maxIDLength) characters", at: offset)
        }
        return value
    }

    static let maxIDLength = 64

    /// True for empty or white-space-only text; a visible ASCII first byte answers at once.
    static func isBlank(_ text: String) -> Bool {
        let first = text.utf8.first ?? 0
        if first > 0x20 && first < 0x7F { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// ``isBlank(_:)`` on the valid UTF-8 of a text in the file: a first scalar that is not
    /// white space (a character is white space by its first scalar) answers without
    /// making a string, whatever the script.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return true }
        if first > 0x20 && first < 0x7F { return false }
        var iterator = bytes.makeIterator()
        var utf8 = UTF8()
        if case .scalarValue(let scalar) = utf8.decode(&iterator), !isWhiteSpace(scalar) { return false }
        return isBlank(String(decoding: bytes, as: UTF8.self))
    }

    /// Unicode's White_Space property, from its short and stable list of scalars (the
    /// property table lookup showed up in the profile of a file of Japanese text).
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func isValidID(_ token: StringToken, in scanner: JSONScanner) -> Bool {
        !token.hasEscapes && isValidID(UnsafeBufferPointer(start: scanner.base + token.start, count: token.end - token.start))
    }

    /// The id rule: 1 to 64 of a–z and 0–9, with single hyphens between them.
    static func isValidID<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard !bytes.isEmpty, bytes.count <= maxIDLength else { return false }
        var previousHyphen = true  // no leading hyphen
        for b in bytes {
            if b == UInt8(ascii: "-") {
                if previousHyphen { return false }
                previousHyphen = true
            } else if (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) {
                previousHyphen = false
            } else {
                return false
            }
        }
        return !previousHyphen
    }

    /// An integer within `range`, or nil (reported).
    mutating func integer(_ range: ClosedRange<Int>, outOfRange code: DiagnosticCode = .invalidValue, what: String) throws -> Int? {
        guard try expect(.number, "an integer") else { return nil }
        let offset = valueOffset()
        let number = try scanner.readNumber()
        guard let value = number.integer else {
            if number.hasFraction {
                report(.wrongType, "expected an integer, found a number with a fraction", at: offset)
            } else {
                report(code, "\(what) must be between \(range.lowerBound) and \(range.upperBound)", at: offset)
            }
            return nil
        }
        guard range.contains(value) else {
            report(code, "\(what) \(value) is out of range; it must be between \(range.lowerBound) and \(range.upperBound)", at: offset)
            return nil
        }
        return value
    }

    /// An array, calling `element` for each item with its index pushed on the path.
    mutating func array(_ description: @autoclosure () -> String, element: (inout ScenarioDecoder, Int) throws -> Void) throws -> Bool {
        guard try expect(.array, description()) else { return false }
        try scanner.beginArray()
        var first = true
        var index = 0
        while try scanner.nextElement(isFirst: &first) {
            try within(index) { try element(&$0, index) }
            index += 1
        }
        return true
    }

    /// An array of non-empty strings.
    mutating func textList() throws -> [String] {
        var items: [String] = []
        _ = try array("an array of strings") { decoder, _ in
            if let item = try decoder.text() { items.append(item) }
        }
        return items
    }

    /// Walks an object's members. `member` receives each known field and must consume its
    /// value. Duplicate keys and unknown fields are reported here; returns the set of known
    /// fields that were present.
    mutating func object<Field: ObjectField>(
        _ type: Field.Type, what: String,
        member: (inout ScenarioDecoder, Field) throws -> Void
    ) throws -> FieldSet<Field>? {
        guard try expect(.object, "an object (\(what))") else { return nil }
        let fields = Field.table
        try scanner.beginObject()
        var first = true
        var seen = FieldSet<Field>()
        while let key = try scanner.nextKey(isFirst: &first) {
            let keyOffset = key.start - 1
            if let index = fields.index(of: key, in: &scanner), let field = Field(rawValue: index) {
                if seen.contains(field) {
                    try within(field.key) { decoder in
                        decoder.report(.duplicateKey, "\"\(field.key)\" appears twice in this object; only one may stand", at: keyOffset)
                        try decoder.scanner.skipValue()
                    }
                    continue
                }
                seen.insert(field)
                // The table's name, not `field.key`: `String(describing:)` on every member
                // allocated and looked up conformances, a third of the decoder's time.
                try within(fields.names[index]) { try member(&$0, field) }
            } else {
                let name = try scanner.string(key)
                try within(name) { decoder in
                    var notes: [String] = []
                    if let suggestion = fields.suggestion(for: name) { notes.append("did you mean \"\(suggestion)\"?") }
                    decoder.report(.unknownField, "unknown field \"\(name.replacingQuotes())\" in \(what)", at: keyOffset, notes: notes)
                    try decoder.scanner.skipValue()
                }
            }
        }
        return seen
    }

    /// Walks an object whose keys are names chosen by the author (scores, counters).
    mutating func namedMembers(
        what: String, member: (inout ScenarioDecoder, String, Int) throws -> Void
    ) throws -> Bool {
        guard try expect(.object, "an object (\(what))") else { return false }
        try scanner.beginObject()
        var first = true
        var seen = SmallNameSet()
        while let key = try scanner.nextKey(isFirst: &first) {
            let keyOffset = key.start - 1
            let name = try scanner.string(key)
            let repeated = !seen.insert(name)
            try within(name) { decoder in
                if repeated {
                    decoder.report(.duplicateKey, "\"\(name.replacingQuotes())\" appears twice in this object; only one may stand", at: keyOffset)
                    try decoder.scanner.skipValue()
                } else {
                    try member(&decoder, name, keyOffset)
                }
            }
        }
        return true
    }

    /// Reports every required field missing from an object that started at `offset`.
    mutating func requireFields<Field: ObjectField>(_ required: [Field], in seen: FieldSet<Field>, what: String, at offset: Int) {
        for field in required where !seen.contains(field) {
            if field.key == "feedback" {
                report(.missingFeedback, "\(what) has no \"feedback\": every choice needs coaching for the learner", at: offset)
            } else {
                report(.missingField, "\(what) is missing the required field \"\(field.key)\"", at: offset)
            }
        }
    }
}

/// The known fields of one kind of JSON object, as an enum: each case is a field, its
/// raw value the field's index, its ``key`` the name in the file (the case name unless
/// the enum says otherwise).
protocol ObjectField: CaseIterable, RawRepresentable, Sendable where RawValue == Int {
    /// The names matched against keys, built once per kind of object.
    static var table: FieldTable { get }
    var key: String { get }
}

extension ObjectField {
    var key: String { String(describing: self) }

    /// The table for this enum's fields, in case order.
    static func makeTable() -> FieldTable { FieldTable(allCases.map(\.key)) }
}

/// The known field names of one kind of object, matched against key bytes without allocating.
struct FieldTable: Sendable {
    let names: [String]
    private let utf8: [[UInt8]]

    init(_ names: [String]) {
        self.names = names
        self.utf8 = names.map { Array($0.utf8) }
    }

    func index(of key: StringToken, in scanner: inout JSONScanner) -> Int? {
        let length = key.end - key.start
        if !key.hasEscapes {
            for (index, bytes) in utf8.enumerated() where bytes.count == length {
                if bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, scanner.base + key.start, length) }) == 0 {
                    return index
                }
            }
            return nil
        }
        guard let name = try? scanner.string(key) else { return nil }
        return names.firstIndex(of: name)
    }

    /// The known name closest to a misspelt one, when it is close enough to be a typo.
    func suggestion(for name: String) -> String? {
        Suggestion.closest(to: name, among: names, ignoringCase: true) { _, candidate in max(1, candidate / 3) }
    }
}

/// A small set of fields of one kind of object (fewer than 64 known fields each).
struct FieldSet<Field: ObjectField>: Sendable {
    private var bits: UInt64 = 0
    func contains(_ field: Field) -> Bool { bits & (1 << UInt64(field.rawValue)) != 0 }
    mutating func insert(_ field: Field) { bits |= 1 << UInt64(field.rawValue) }
}

/// A set of a few names that allocates nothing for the first three (scores objects have
/// one or two keys, and this runs once per choice).
struct SmallNameSet {
    private var a: String?
    private var b: String?
    private var c: String?
    private var more: Set<String> = []

    /// Inserts `name`; returns false when it was already present.
    mutating func insert(_ name: String) -> Bool {
        if a == name || b == name || c == name || more.contains(name) { return false }
        if a == nil { a = name } else if b == nil { b = name } else if c == nil { c = name } else { more.insert(name) }
        return true
    }
}
