import Foundation
import TwofoldCore

/// Twofold's configuration file, `config.json` in `$XDG_CONFIG_HOME/twofold/` (default
/// `~/.config/twofold/`), or directly in `$TWOFOLD_HOME` when that is set:
///
/// ```json
/// {
///   "lrs": {
///     "endpoint": "https://lrs.example.org/xAPI/",
///     "username": "twofold-classroom-3",
///     "password": "…"
///   },
///   "xapiBase": "https://learning.example.org/xapi"
/// }
/// ```
///
/// Every key is optional; an unknown key is an error (a typo should not silently turn
/// delivery off). The file holds a password: keep it readable by you alone (`chmod 600`).
public enum ConfigFile {
    /// The file's name in its folder.
    public static let name = "config.json"

    /// A setting from the file, with where it was found (for messages).
    public struct Value: Sendable, Equatable {
        public var text: String
        /// `path:line:column (json.path)`.
        public var source: String
    }

    /// The settings the file gives.
    public struct Values: Sendable, Equatable {
        public var endpoint: Value?
        public var username: Value?
        public var password: Value?
        public var xapiBase: Value?
    }

    /// The largest configuration file read (1 MiB).
    public static let sizeLimit = 1 << 20

    /// A configuration file as read: where it is (for messages) and its bytes, nil when
    /// there is no file.
    public struct Contents: Sendable {
        public var path: String
        public var data: Data?

        public init(path: String, data: Data?) {
            self.path = path
            self.data = data
        }

        /// The settings it gives (none without a file).
        /// - Throws: ``LRSError/configuration(_:)`` naming the file, line, column and JSON path.
        func values() throws(LRSError) -> Values {
            guard let data else { return Values() }
            return try ConfigFile.parse(data, path: path)
        }
    }

    /// The settings in `data`, a configuration file's bytes; `path` names it in messages.
    public static func parse(_ data: Data, path: String) throws(LRSError) -> Values {
        let outcome: Result<Values, LRSError> = data.withUnsafeBytes { raw in
            var parser = Parser(reader: JSONReader(raw.bindMemory(to: UInt8.self)), path: path)
            return Result { () throws(LRSError) in try parser.parse() }
        }
        return try outcome.get()
    }

    /// Walks the document with a ``JSONReader``.
    private struct Parser {
        var reader: JSONReader
        let path: String
        var values = Values()

        mutating func parse() throws(LRSError) -> Values {
            do {
                try object("") { parser, key in
                    switch key {
                    case "lrs":
                        try parser.object("lrs") { parser, key in
                            switch key {
                            case "endpoint": parser.values.endpoint = try parser.string("lrs.endpoint")
                            case "username": parser.values.username = try parser.string("lrs.username")
                            case "password": parser.values.password = try parser.string("lrs.password")
                            default: throw parser.problem("lrs.\(key)", "unknown key (expected endpoint, username or password)")
                            }
                        }
                    case "xapiBase": parser.values.xapiBase = try parser.string("xapiBase")
                    default: throw parser.problem(key, "unknown key (expected lrs or xapiBase)")
                    }
                }
                try reader.expectEnd()
            } catch let failure as JSONReader.Failure {
                throw .configuration("\(path):\(failure.line):\(failure.column): not valid JSON: \(failure.message)")
            } catch let error as LRSError {
                throw error
            } catch {
                throw .configuration("\(path): \(error)")
            }
            return values
        }

        /// Reads an object, calling `member` with each key (the reader at its value).
        mutating func object(_ path: String, _ member: (inout Parser, String) throws -> Void) throws {
            guard try reader.kind() == .object else { throw problem(path.isEmpty ? "$" : path, "expected an object") }
            try reader.beginObject()
            var seen = Set<String>()
            while let key = try reader.nextKey() {
                let name = key.string
                let full = path.isEmpty ? name : path + "." + name
                _ = try reader.kind()  // to the value, where messages point
                guard seen.insert(name).inserted else { throw problem(full, "this key is given twice") }
                try member(&self, name)
            }
        }

        mutating func string(_ path: String) throws -> Value {
            guard try reader.kind() == .string else { throw problem(path, "expected a string") }
            let offset = reader.offset
            let text = try reader.string()
            let location = reader.failure("", at: offset)
            return Value(text: text, source: "\(self.path):\(location.line):\(location.column) (\(path))")
        }

        /// A one-line error at the cursor: `file:line:column: json.path: message`.
        func problem(_ path: String, _ message: String) -> LRSError {
            let location = reader.failure(message)
            return .configuration("\(self.path):\(location.line):\(location.column): \(path): \(message)")
        }
    }
}
