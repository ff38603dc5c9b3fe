import Foundation
import Testing
import TwofoldTestSupport

/// `report` and `cohort` given crafted learner reports: a clear line and exit 65 (or a
/// skip, for cohort), never a crash and never a half-written file.
@Suite("Crafted report files")
struct HostileReportTests {
    /// The golden report with one value replaced, written into `home`.
    static func crafted(_ home: TestHome, name: String, _ edit: (inout [String: Any]) -> Void) throws -> String {
        var object = try jsonObject(try String(contentsOf: fixtureURL("reports/golden.json"), encoding: .utf8))
        edit(&object)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try home.write(String(decoding: data, as: UTF8.self), to: "in/\(name).json")
    }

    static func score(_ object: inout [String: Any], _ axis: String, _ values: [String: Any]) {
        var scores = object["scores"] as! [String: Any]
        var score = scores[axis] as! [String: Any]
        score.merge(values) { _, new in new }
        scores[axis] = score
        object["scores"] = scores
    }

    static func seconds(_ object: inout [String: Any], _ value: Double) {
        var decisions = object["decisions"] as! [[String: Any]]
        decisions[0]["seconds"] = value
        object["decisions"] = decisions
    }

    /// The hostile values the crashes were seen with.
    static let edits: [(String, @Sendable (inout [String: Any]) -> Void)] = [
        ("raw-max", { score(&$0, "manager", ["raw": Int.max]) }),
        ("raw-huge", { score(&$0, "manager", ["raw": 100_000_000_000_000_000, "min": 0, "max": 1]) }),
        ("percent-max", { score(&$0, "manager", ["percent": Int.max]) }),
        ("seconds-huge", { seconds(&$0, 1e308) }),
        ("seconds-negative", { seconds(&$0, -1e308) }),
        ("percent-1000", { score(&$0, "leader", ["percent": 1000]) }),
        ("min-over-max", { score(&$0, "leader", ["min": 10, "max": -10]) }),
    ]

    @Test("report refuses every hostile value with exit 65 and one line, in every format")
    func reportRefuses() throws {
        let home = try TestHome()
        let out = home.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for (name, edit) in Self.edits {
            let file = try Self.crafted(home, name: name, edit)
            let result = try home.run(["report", file, "--format", "md,json,html,csv,xapi", "--out", out.path])
            #expect(result.status == 65, "\(name): \(result.stderr)")
            #expect(result.stderr.hasPrefix("twofold: error: ") && result.stderr.filter { $0 == "\n" }.count == 1, "\(name): \(result.stderr)")
            #expect(result.stderr.contains("impossible value at"), "\(name): \(result.stderr)")
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(written.isEmpty, "nothing written: \(written)")
    }

    @Test("cohort skips every hostile report by name, merges the good one, and leaves no temporary file", arguments: ["md", "json", "csv", "html", "xapi"])
    func cohortSkips(_ format: String) throws {
        let home = try TestHome()
        for (name, edit) in Self.edits { _ = try Self.crafted(home, name: name, edit) }
        _ = try Self.crafted(home, name: "good") { _ in }
        let out = home.url.appendingPathComponent("debrief.\(format)").path
        let result = try home.run(["cohort", home.url.appendingPathComponent("in").path, "--format", format, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        for (name, _) in Self.edits {
            #expect(result.stderr.contains("\(name).json: impossible value at"), "\(name): \(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: out))
        let left = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("report takes a file of at most 32 MiB, like cohort")
    func sizeCap() throws {
        let home = try TestHome()
        let file = home.url.appendingPathComponent("huge.json").path
        #expect(FileManager.default.createFile(atPath: file, contents: nil))
        #expect(truncate(file, 33 * 1024 * 1024) == 0)  // sparse: nothing is really written
        let result = try home.run(["report", file, "--format", "md"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("larger than 32 MiB"), "\(result.stderr)")
        let missing = try home.run(["report", home.url.appendingPathComponent("missing.json").path, "--format", "md"])
        #expect(missing.status == 66, "\(missing.stderr)")
    }
}
