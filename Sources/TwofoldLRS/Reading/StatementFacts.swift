import Foundation
import TwofoldCore
import TwofoldReports

/// The parts of one xAPI statement that rebuilding an attempt needs, read straight from its
/// JSON with a ``JSONReader`` (everything else is only checked to be well-formed).
struct StatementFacts {
    enum Verb { case answered, completed, voided, other }

    var id = ""
    var verb = Verb.other
    var registration: String?
    var actorName: String?
    var actorEmail: String?
    var objectID: String?
    var objectIsStatementRef = false
    var objectName: String?
    var response: String?
    var duration: String?
    var timestamp: String?
    /// Twofold's extensions found in `result` and `context`, by name.
    var extensions: [XAPIVocabulary.Extension: Extension] = [:]

    /// An extension's value: a number, a string, or an object or array of those (one level deep).
    enum Extension: Equatable {
        case int(Int)
        case string(String)
        case object([String: Extension])
        case array([Extension])

        var int: Int? { if case .int(let value) = self { return value } else { return nil } }
        var string: String? { if case .string(let value) = self { return value } else { return nil } }
        var object: [String: Extension]? { if case .object(let value) = self { return value } else { return nil } }
        var array: [Extension]? { if case .array(let value) = self { return value } else { return nil } }
    }

    /// Reads a statement. Twofold's extension IRIs are looked up in `extensionNames`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>,
                     extensionNames: [String: XAPIVocabulary.Extension]) throws(JSONReader.Failure) -> StatementFacts {
        var reader = JSONReader(bytes)
        var facts = StatementFacts()
        try reader.object { reader, key throws(JSONReader.Failure) in
            if key == "id" {
                facts.id = try reader.string()
            } else if key == "verb" {
                try reader.object { reader, key throws(JSONReader.Failure) in
                    guard key == "id" else { return try reader.skipValue() }
                    switch try reader.string() {
                    case XAPIVocabulary.answered: facts.verb = .answered
                    case XAPIVocabulary.completed: facts.verb = .completed
                    case XAPIVocabulary.voided: facts.verb = .voided
                    default: facts.verb = .other
                    }
                }
            } else if key == "actor" {
                try reader.object { reader, key throws(JSONReader.Failure) in
                    if key == "name" { facts.actorName = try reader.string() }
                    else if key == "mbox" { facts.actorEmail = try reader.string() }
                    else { try reader.skipValue() }
                }
            } else if key == "object" {
                try reader.object { reader, key throws(JSONReader.Failure) in
                    if key == "id" { facts.objectID = try reader.string() }
                    else if key == "objectType" { facts.objectIsStatementRef = try reader.string() == "StatementRef" }
                    else if key == "definition" {
                        try reader.object { reader, key throws(JSONReader.Failure) in
                            if key == "name" { facts.objectName = try reader.languageMap() } else { try reader.skipValue() }
                        }
                    } else { try reader.skipValue() }
                }
            } else if key == "result" {
                try reader.object { reader, key throws(JSONReader.Failure) in
                    if key == "response" { facts.response = try reader.string() }
                    else if key == "duration" { facts.duration = try reader.string() }
                    else if key == "extensions" { try facts.readExtensions(&reader, extensionNames) }
                    else { try reader.skipValue() }
                }
            } else if key == "context" {
                try reader.object { reader, key throws(JSONReader.Failure) in
                    if key == "registration" { facts.registration = try reader.string() }
                    else if key == "extensions" { try facts.readExtensions(&reader, extensionNames) }
                    else { try reader.skipValue() }
                }
            } else if key == "timestamp" {
                facts.timestamp = try reader.string()
            } else {
                try reader.skipValue()
            }
        }
        try reader.expectEnd()
        return facts
    }

    private mutating func readExtensions(_ reader: inout JSONReader,
                                         _ names: [String: XAPIVocabulary.Extension]) throws(JSONReader.Failure) {
        try reader.object { reader, key throws(JSONReader.Failure) in
            guard let name = names[key.string] else { return try reader.skipValue() }
            if let value = try Self.extensionValue(&reader, nested: true) { extensions[name] = value }
        }
    }

    /// A number, string or (when `nested`) object or array of those at the cursor; anything
    /// else is skipped.
    private static func extensionValue(_ reader: inout JSONReader, nested: Bool) throws(JSONReader.Failure) -> Extension? {
        switch try reader.kind() {
        case .number: return .int(try reader.int())
        case .string: return .string(try reader.string())
        case .object where nested:
            var members: [String: Extension] = [:]
            try reader.object { reader, key throws(JSONReader.Failure) in
                if let value = try extensionValue(&reader, nested: false) { members[key.string] = value }
            }
            return .object(members)
        case .array where nested:
            var elements: [Extension] = []
            try reader.beginArray()
            while try reader.nextElement() {
                if let value = try extensionValue(&reader, nested: false) { elements.append(value) }
            }
            return .array(elements)
        default:
            try reader.skipValue()
            return nil
        }
    }
}

extension JSONReader {
    /// Reads an object, calling `member` with each key (the reader at its value); any other
    /// kind of value is skipped, so a statement of another shape reads as one without the field.
    mutating func object(_ member: (inout JSONReader, Key) throws(Failure) -> Void) throws(Failure) {
        guard try kind() == .object else { return try skipValue() }
        try beginObject()
        while let key = try nextKey() { try member(&self, key) }
    }

    /// A language map's `en-US` text, else its first; nil when it is not a map of strings.
    mutating func languageMap() throws(Failure) -> String? {
        var chosen: String?
        try object { reader, key throws(Failure) in
            guard try reader.kind() == .string else { return try reader.skipValue() }
            let text = try reader.string()
            if key == "en-US" || chosen == nil { chosen = text }
        }
        return chosen
    }
}
