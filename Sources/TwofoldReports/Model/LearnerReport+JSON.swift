import Foundation
import TwofoldCore

extension LearnerReport {
    /// The report as JSON: sorted keys, pretty printed, dates as ISO 8601 in whole seconds
    /// (UTC, `Z`), slashes unescaped. Deterministic for a given report.
    public func encodedJSON() throws -> Data {
        try ReportCoding.encode(self)
    }

    /// Reads a report, refusing one written by a newer Twofold, naming the JSON path of
    /// anything malformed, and refusing numbers that cannot be right (``ReportNumbers``).
    public static func decodeJSON(_ data: Data) throws(ReportError) -> LearnerReport {
        struct VersionProbe: Decodable { var reportVersion: Int }
        try checkWellFormed(data)
        let decoder = ReportCoding.decoder()
        do {
            let version = try decoder.decode(VersionProbe.self, from: data).reportVersion
            if version > currentVersion { throw ReportError.newerVersion(version) }
            if version < 1 { throw ReportError.malformed(path: "reportVersion", reason: "\(version) is not a report version") }
            let report = try decoder.decode(LearnerReport.self, from: data)
            do { try report.checkNumbers() } catch { throw error.error }
            return report
        } catch let error as ReportError {
            throw error
        } catch let error as DecodingError {
            throw ReportError(error)
        } catch {
            throw ReportError.malformed(path: "", reason: "\(error)")
        }
    }
}

extension LearnerReport {
    /// Checks that `data` is well-formed JSON with the scanner the cohort reader uses, and
    /// that no object gives a key twice, so that both readers refuse the same documents
    /// (syntax errors with a line and column). Foundation's decoder passes over members it
    /// does not decode without checking them, and takes the first of two equal keys.
    static func checkWellFormed(_ data: Data) throws(ReportError) {
        let problem = data.withUnsafeBytes { raw -> ReportError? in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self))
            do throws(JSONReader.Failure) {
                if let path = try firstRepeatedKey(&reader, path: "") {
                    let repeated = FieldProblem.repeated(path)
                    return .malformed(path: repeated.path, reason: repeated.reason)
                }
                try reader.expectEnd()
                return nil
            } catch {
                return .malformed(path: "", reason: "the file is not valid JSON (\(error))")
            }
        }
        if let problem { throw problem }
    }

    /// Reads one value; returns the JSON path of the first key an object in it repeats.
    private static func firstRepeatedKey(_ reader: inout JSONReader, path: String) throws(JSONReader.Failure) -> String? {
        switch try reader.kind() {
        case .object:
            try reader.beginObject()
            var keys = Set<String>()
            while let key = try reader.nextKey() {
                let name = key.string
                let child = path.isEmpty ? name : path + "." + name
                if !keys.insert(name).inserted { return child }
                if let found = try firstRepeatedKey(&reader, path: child) { return found }
            }
        case .array:
            try reader.beginArray()
            var index = 0
            while try reader.nextElement() {
                if let found = try firstRepeatedKey(&reader, path: "\(path)[\(index)]") { return found }
                index += 1
            }
        default:
            try reader.skipValue()
        }
        return nil
    }
}

extension ReportError {
    /// Translates a decoding error into a path and a plain reason.
    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self = .malformed(path: Self.render(context.codingPath + [key]), reason: "this field is missing")
        case .typeMismatch(let type, let context):
            self = .malformed(path: Self.render(context.codingPath), reason: "expected \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            self = .malformed(path: Self.render(context.codingPath), reason: "expected \(Self.describe(type)), found null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                self = .malformed(path: "", reason: "the file is not valid JSON")
            } else {
                self = .malformed(path: Self.render(context.codingPath), reason: context.debugDescription)
            }
        @unknown default:
            self = .malformed(path: "", reason: "\(error)")
        }
    }

    /// Renders a coding path like `decisions[2].scores.manager`.
    static func render(_ path: [CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == "\(index)" {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is Date.Type: return "an ISO 8601 date string"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object"
        }
    }
}
