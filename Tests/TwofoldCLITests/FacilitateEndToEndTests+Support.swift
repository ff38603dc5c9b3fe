import Foundation
import Testing

/// Running the built binary and scoring votes independently, for the facilitate tests.
extension FacilitateEndToEndTests {
    // MARK: Running the binary

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Standard output with white space collapsed (paragraphs wrap at 80 columns).
        var flat: String { stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    /// A fresh folder for `TWOFOLD_HOME` and report files.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twofold-facilitate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func environment(home: URL) -> [String: String] {
        let parent = ProcessInfo.processInfo.environment
        return ["PATH": parent["PATH"] ?? "/usr/bin:/bin", "HOME": home.path, "LANG": "C.UTF-8",
                "TWOFOLD_HOME": home.path, "TWOFOLD_SCENARIOS": testLibrary.path, "NO_COLOR": "1", "COLUMNS": "80"]
    }

    /// Runs `twofold arguments` with `input` as standard input (a file, so the binary
    /// sees a non-terminal) and waits, killing it after `timeout` seconds.
    static func run(_ arguments: [String], input: String = "", home: URL, timeout: Double = 60) throws -> Run {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputFile = folder.appendingPathComponent("stdin"), outputFile = folder.appendingPathComponent("stdout")
        let errorFile = folder.appendingPathComponent("stderr")
        try Data(input.utf8).write(to: inputFile)
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let process = Process()
        process.executableURL = twofoldBinary
        process.arguments = arguments
        process.environment = environment(home: home)
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("twofold \(arguments.joined(separator: " ")) was still running after \(timeout) s")
        }
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// The report files in `folder` whose names start with `prefix` and end with `.ext`.
    static func files(in folder: URL, prefix: String, ext: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix(prefix + "-") && $0.lastPathComponent.hasSuffix("." + ext) }
    }

    // MARK: Independent scoring

    /// Sums each voted choice's deltas straight from the scenario file and turns them into
    /// percents with the bounds `twofold stats --json` reports, without any Twofold code.
    static func expectedScores(votes: [String?], scenarioFile: URL, bounds: [String: (min: Int, max: Int)]) throws -> [String: (raw: Int, percent: Int)] {
        let scenario = try json(scenarioFile)
        let scenes = try #require(scenario["scenes"] as? [[String: Any]])
        var deltas: [String: [String: Int]] = [:]
        for scene in scenes {
            for choice in scene["choices"] as? [[String: Any]] ?? [] {
                deltas[choice["id"] as! String] = choice["scores"] as? [String: Int] ?? [:]
            }
        }
        var result: [String: (raw: Int, percent: Int)] = [:]
        for (axis, range) in bounds {
            let raw = votes.compactMap { $0 }.reduce(0) { $0 + (deltas[$1]?[axis] ?? 0) }
            let percent = range.max == range.min ? 100
                : Int((100 * Double(raw - range.min) / Double(range.max - range.min)).rounded(.toNearestOrAwayFromZero))
            result[axis] = (raw, percent)
        }
        return result
    }

    static func bounds(home: URL) throws -> [String: (min: Int, max: Int)] {
        let stats = try run(["stats", "retail-floor-walk", "--json"], home: home)
        #expect(stats.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let axes = try #require(object["axes"] as? [String: [String: Int]])
        return axes.mapValues { (min: $0["min"]!, max: $0["max"]!) }
    }

    static let scenarioFile = testLibrary.appendingPathComponent("retail/retail-floor-walk.json")
}
