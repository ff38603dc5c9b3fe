import Foundation
import Testing
import TwofoldCore
@testable import TwofoldReports
import TwofoldTestSupport

/// Real reports for cohort tests: random plays of the bundled scenarios, built by the
/// same `ReportBuilder` the app uses, some of them group participants with votes.
struct CohortFixture {
    let scenarios: [LoadedScenario]
    var outlines: [ScenarioOutline] { scenarios.map { ScenarioOutline($0.scenario) } }

    init() throws {
        scenarios = try bundledScenarioURLs().map(loadScenario(at:))
    }

    /// `count` reports by `learners` learners over `scenarioCount` scenarios, deterministic for `seed`.
    func reports(_ count: Int, learners: Int, scenarioCount: Int = 3, seed: UInt64,
                 names: (Int) -> String = { "Learner \($0)" }) throws -> [LearnerReport] {
        var rng = SeededGenerator(seed: seed)
        var out: [LearnerReport] = []
        for index in 0..<count {
            let loaded = scenarios[Int(rng.next() % UInt64(min(scenarioCount, scenarios.count)))]
            let start = fixedStart + Double(rng.next() % 1_000_000)
            var engine = Engine(scenario: loaded.scenario, fingerprint: loaded.fingerprint, at: start)
            var now = start
            var votes: [LearnerReport.Vote] = []
            let group = rng.next() % 4 == 0
            while engine.phase != .finished {
                let offered = engine.offeredChoices()
                now += Double(rng.next() % 90 + 5)
                if group {
                    let abstain = rng.next() % 6 == 0
                    let vote = abstain ? nil : offered[Int(rng.next() % UInt64(offered.count))].id
                    votes.append(.init(participant: names(index), choice: vote))
                }
                _ = try engine.choose(Int(rng.next() % UInt64(offered.count)) + 1, at: now)
            }
            let learner = names(Int(rng.next() % UInt64(learners)))
            let cohort = ["Spring leaders", "Autumn", nil][Int(rng.next() % 3)]
            out.append(try ReportBuilder.build(
                engine: engine, analysis: loaded.analysis, attemptId: uuid(&rng), learner: learner, cohort: cohort,
                finishedAt: now + 7, sessionKind: group ? .group : .solo, groupSessionId: group ? uuid(&rng) : nil,
                votes: group ? votes.map { .init(participant: learner, choice: $0.choice) } : nil))
        }
        return out
    }

    private func uuid(_ rng: inout SeededGenerator) -> String {
        let high = rng.next(), low = rng.next()
        let hex = Array(String(format: "%016llX%016llX", high, low))
        let parts: [ArraySlice<Character>] = [hex[0..<8], hex[8..<12], hex[13..<16], hex[17..<20], hex[20..<32]]
        let strings: [String] = parts.map { String($0) }
        return strings[0] + "-" + strings[1] + "-4" + strings[2] + "-A" + strings[3] + "-" + strings[4]
    }
}

extension LearnerReport {
    /// The report as the app writes it.
    func jsonData() throws -> Data { try encodedJSON() }
}

/// Reads a row from report bytes, failing the test for anything but an attempt.
func row(of data: Data, includeChoices: Bool = true) throws -> CohortRow {
    guard case .attempt(let row) = try CohortRow.read(data, includeChoices: includeChoices) else {
        Issue.record("not read as an attempt")
        throw CancellationError()
    }
    return row
}

/// Whether python3 is on PATH (tests that check output with Python's own modules need it).
let python3Available: Bool = {
    isOnPath("python3")
}()

/// Runs `python3 -c script args...` with `input` on standard input; returns standard output.
func runPython(_ script: String, arguments: [String] = [], input: Data) throws -> (status: Int32, output: String, error: String) {
    let run = try ChildProcess.run("/usr/bin/env", arguments: ["python3", "-c", script] + arguments, input: input,
                                   environment: ProcessInfo.processInfo.environment, timeout: .seconds(120))
    return (run.status, run.stdout, run.stderr)
}

/// Names that try to break out of every format.
let hostileNames = [
    "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2", "@SUM(A1)", "\tTab", "\rCR",
    "<script>alert(1)</script>", "Robert'); DROP TABLE--", "a,b \"quoted\"", "line\nbreak",
    "| pipe | table |", "# heading", "*bold* _em_ `code` [link](http://x)", "\u{1B}[31mred\u{1B}[0m",
    "\u{202E}evil\u{202C}", "Zoë O'Brien & Co", "王小明", "\u{0085}next line", "---", "1. list",
]
