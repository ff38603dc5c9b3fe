import Foundation
import TwofoldCore

/// A field that is missing or of the wrong type, named by its JSON path.
struct FieldProblem: Error {
    var path: String
    var reason: String

    static func missing(_ path: String) -> FieldProblem { FieldProblem(path: path, reason: "this field is missing") }

    /// A key an object gives twice: which value is meant is unknowable, so both readers refuse it.
    static func repeated(_ path: String) -> FieldProblem { FieldProblem(path: path, reason: "this field appears twice") }

    /// Refuses a field already read (`read` says whether it was).
    static func once(_ read: Bool, _ path: @autoclosure () -> String) throws {
        if read { throw repeated(path()) }
    }
}

/// Walks one report document with a ``JSONReader``, collecting a ``CohortRow``'s fields.
///
/// Paths for messages are built only when something is wrong (`@autoclosure`), so a
/// good report costs no string work beyond the values kept.
struct CohortRowParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    var reader: JSONReader
    let includeChoices: Bool
    private var seen: Fields = []
    /// Whether the report holds an integrity record (a null one is none).
    var integrityRecorded = false
    var row = CohortRow(attemptId: "", learner: "", cohort: nil, scenarioId: "", scenarioTitle: "",
                        startedAt: Date(timeIntervalSince1970: 0), finishedAt: Date(timeIntervalSince1970: 0),
                        manager: AxisScore(raw: 0, min: 0, max: 0), leader: AxisScore(raw: 0, min: 0, max: 0),
                        profile: .emerging, endingScene: "", endingTitle: "", decisionCount: 0, choices: [])
    private var version = 0
    /// Axis scores other than manager and leader, checked once the session kind is known.
    var extraAxes: [(name: String, score: AxisScore)] = []
    /// The first decision whose numbers cannot be right.
    var numberProblem: ReportNumbers.Problem?

    /// The top-level fields a report must have.
    private struct Fields: OptionSet {
        let rawValue: UInt16
        static let reportVersion = Fields(rawValue: 1 << 0)
        static let learner = Fields(rawValue: 1 << 1)
        static let scenario = Fields(rawValue: 1 << 2)
        static let startedAt = Fields(rawValue: 1 << 3)
        static let finishedAt = Fields(rawValue: 1 << 4)
        static let decisions = Fields(rawValue: 1 << 5)
        static let scores = Fields(rawValue: 1 << 6)
        static let profile = Fields(rawValue: 1 << 7)
        static let ending = Fields(rawValue: 1 << 8)
        static let attemptId = Fields(rawValue: 1 << 9)
        static let cohort = Fields(rawValue: 1 << 10)
        static let session = Fields(rawValue: 1 << 11)
        static let integrity = Fields(rawValue: 1 << 12)
        static let balancedPath = Fields(rawValue: 1 << 13)
        /// In the order `decodeJSON` reports them missing.
        static let required: [(Fields, String)] = [
            (.learner, .learner), (.scenario, .scenario), (.startedAt, .startedAt), (.finishedAt, .finishedAt),
            (.decisions, .decisions), (.scores, .scores), (.profile, .profile), (.ending, .ending),
        ].map { (field: Fields, key: LearnerReport.CodingKeys) in (field, key.stringValue) }
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, includeChoices: Bool) {
        self.bytes = bytes
        reader = JSONReader(bytes)
        self.includeChoices = includeChoices
    }

    mutating func parse() throws(ReportError) -> CohortInput {
        var problem: FieldProblem?
        do {
            guard try reader.kind() == .object else { return try classifyOther() }
            try reader.beginObject()
            while let key = try reader.nextKey() { try member(key) }
            try reader.expectEnd()
            if let missing = Fields.required.first(where: { !seen.contains($0.0) }) {
                problem = .missing(missing.1)
            } else if !seen.contains(.reportVersion) {
                problem = .missing("reportVersion")
            }
        } catch let failure as FieldProblem {
            problem = failure
        } catch let failure as JSONReader.Failure {
            throw .malformed(path: "", reason: "the file is not valid JSON (\(failure))")
        } catch let error as ReportError {
            throw error
        } catch {
            throw .malformed(path: "", reason: "\(error)")
        }
        guard let problem else {
            try check(version)
            try checkNumbers()
            if !integrityRecorded { row.integrity = .unrecorded(in: row.session) }
            if row.attemptId.isEmpty {
                row.attemptId = LearnerReport.derivedAttemptId(learner: row.learner, scenario: row.scenarioId,
                                                               startedAt: row.startedAt, finishedAt: row.finishedAt)
            }
            return .attempt(row)
        }
        return try explain(problem)
    }

    /// The numbers against ``ReportNumbers``, in the order `decodeJSON` checks them.
    private func checkNumbers() throws(ReportError) {
        do throws(ReportNumbers.Problem) {
            try ReportNumbers.check(
                threshold: row.profileThreshold, startedAt: row.startedAt, finishedAt: row.finishedAt,
                scores: [("manager", row.manager), ("leader", row.leader)] + extraAxes.sorted { $0.name < $1.name },
                group: row.session == .group)
            if let numberProblem { throw numberProblem }
        } catch {
            throw error.error
        }
    }

    /// A version this build reads, or the error for it.
    private func check(_ version: Int) throws(ReportError) {
        if version > LearnerReport.currentVersion { throw .newerVersion(version) }
        if version < 1 { throw .malformed(path: "reportVersion", reason: "\(version) is not a report version") }
    }

    /// Something was wrong: read the top level again for what the file is and its version,
    /// which decide the message (a newer report may have changed any other field).
    private func explain(_ problem: FieldProblem) throws(ReportError) -> CohortInput {
        var probe = JSONReader(bytes)
        var version: Int?
        var keys = Set<String>()
        do {
            try probe.beginObject()
            while let key = try probe.nextKey() {
                if key == "reportVersion", try probe.kind() == .number {
                    version = try? probe.int()
                } else {
                    keys.insert(key.string)
                    try probe.skipValue()
                }
            }
        } catch {
            throw .malformed(path: "", reason: "the file is not valid JSON (\(error))")
        }
        if version == nil && !keys.contains("learner") {
            if keys.contains("participants") { return .other(.groupReport) }
            if keys.contains("rows") && keys.contains("summary") { return .other(.cohortExport) }
        }
        guard let version else {
            throw problem.path == "reportVersion" ? .malformed(path: problem.path, reason: problem.reason)
                                                  : .malformed(path: "reportVersion", reason: "this field is missing")
        }
        try check(version)
        throw .malformed(path: problem.path, reason: problem.reason)
    }

    /// The document is not an object: an xAPI statement array, or not a report at all.
    private mutating func classifyOther() throws(ReportError) -> CohortInput {
        do {
            let kind = try reader.kind()
            if kind == .array {
                try reader.beginArray()
                if try reader.nextElement(), try reader.kind() == .object {
                    try reader.beginObject()
                    while let key = try reader.nextKey() {
                        if key == "actor" || key == "verb" { return .other(.xAPIStatements) }
                        try reader.skipValue()
                    }
                }
            }
            throw ReportError.malformed(path: "", reason: kind == .array ? "expected an object, found an array" : "expected an object")
        } catch let error as ReportError {
            throw error
        } catch {
            throw .malformed(path: "", reason: "the file is not valid JSON (\(error))")
        }
    }

    // MARK: Top-level members

    private mutating func member(_ key: JSONReader.Key) throws {
        typealias Field = LearnerReport.CodingKeys
        if key == Field.reportVersion {
            try once(.reportVersion, "reportVersion")
            version = try int("reportVersion")
        } else if key == Field.attemptId {
            try once(.attemptId, "attemptId")
            row.attemptId = try optionalString("attemptId") ?? ""
        } else if key == Field.learner {
            try once(.learner, "learner")
            try learner()
        } else if key == Field.cohort {
            try once(.cohort, "cohort")
            row.cohort = try optionalString("cohort")
        } else if key == Field.scenario {
            try once(.scenario, "scenario")
            try scenario()
        } else if key == Field.startedAt {
            try once(.startedAt, "startedAt")
            row.startedAt = try date("startedAt")
        } else if key == Field.finishedAt {
            try once(.finishedAt, "finishedAt")
            row.finishedAt = try date("finishedAt")
        } else if key == Field.decisions {
            try once(.decisions, "decisions")
            try decisions()
        } else if key == Field.scores {
            try once(.scores, "scores")
            try scores()
        } else if key == Field.profile {
            try once(.profile, "profile")
            try profile()
        } else if key == Field.ending {
            try once(.ending, "ending")
            try ending()
        } else if key == Field.session {
            try once(.session, "session")
            try session()
        } else if key == Field.integrity {
            try once(.integrity, "integrity")
            try integrity()
        } else if key == Field.balancedPath {
            try once(.balancedPath, "balancedPath")
            try balancedPath()
        } else {
            try reader.skipValue()
        }
    }

    /// Marks a top-level field as read, refusing it the second time.
    private mutating func once(_ field: Fields, _ name: String) throws {
        guard seen.insert(field).inserted else { throw FieldProblem.repeated(name) }
    }

    // MARK: Values

    mutating func object(_ path: @autoclosure () -> String,
                                 _ member: (inout CohortRowParser, JSONReader.Key) throws -> Void) throws {
        try expect(.object, path(), "an object")
        try reader.beginObject()
        while let key = try reader.nextKey() { try member(&self, key) }
    }

    mutating func expect(_ kind: JSONReader.Kind, _ path: @autoclosure () -> String, _ noun: String) throws {
        let found = try reader.kind()
        guard found == kind else {
            throw FieldProblem(path: path(), reason: found == .null ? "expected \(noun), found null" : "expected \(noun)")
        }
    }

    mutating func string(_ path: @autoclosure () -> String) throws -> String {
        try expect(.string, path(), "a string")
        return try reader.string()
    }

    mutating func skipString(_ path: @autoclosure () -> String) throws {
        try expect(.string, path(), "a string")
        try reader.skipValue()
    }

    mutating func optionalString(_ path: @autoclosure () -> String) throws -> String? {
        if try reader.null() { return nil }
        return try string(path())
    }

    mutating func int(_ path: @autoclosure () -> String) throws -> Int {
        try expect(.number, path(), "an integer")
        do {
            return try reader.int()
        } catch {
            throw FieldProblem(path: path(), reason: "expected an integer")
        }
    }

    mutating func number(_ path: @autoclosure () -> String) throws -> Double {
        try expect(.number, path(), "a number")
        do {
            return try reader.double()
        } catch {
            throw FieldProblem(path: path(), reason: error.message)
        }
    }

    mutating func date(_ path: @autoclosure () -> String) throws -> Date {
        let text = try string(path())
        guard let date = CohortDates.parse(text) else {
            throw FieldProblem(path: path(), reason: "not an ISO 8601 date: \"\(text)\"")
        }
        return date
    }
}
