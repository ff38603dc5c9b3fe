import Foundation
import Testing
import TwofoldCore
import TwofoldReports
@testable import TwofoldApp
import TwofoldTestSupport

@Suite("Cohort pipeline")
struct CohortPipelineTests {
    /// Plays the fixture to an ending for `learner` and returns its JSON report's path.
    func played(_ app: Application, learner: String, scenario: String = "morning-huddle", choices: [Int]) throws -> String {
        let service = try app.playService()
        let session = try service.start(try app.library.playable(scenario), learner: learner, options: AttemptOptions(formats: [.json]))
        for choice in choices { try session.choose(choice) }
        return try #require(try service.finish(session).files.first)
    }

    @Test("reports of a scenario outside the library merge from the report itself; bad files are named and skipped")
    func mergesAnyScenario() throws {
        let home = try TemporaryFolder("app")
        let app = testApplication(home)
        let text = try String(contentsOfFile: fixturePath("scenarios/morning-huddle.json"), encoding: .utf8)
        let own = try home.write(text.replacingOccurrences(of: "\"id\": \"morning-huddle\"", with: "\"id\": \"acme-huddle\""), to: "own/acme.json")
        let first = try played(app, learner: "Ana", choices: [1, 1])
        let second = try played(app, learner: "Ben", scenario: own, choices: [3, 2])
        let broken = try home.write("{ not json", to: "broken.json")
        var printed = ""
        var notes: [CohortPipeline.Note] = []
        let outcome = try app.cohortPipeline.run(.init(paths: [first, second, broken], format: .csv),
                                                 standardOutput: { printed += $0 }, note: { notes.append($0) })
        #expect(outcome == CohortPipeline.Outcome(attempts: 2, skipped: 1, duplicates: 0))
        #expect(printed.contains(",acme-huddle,") && printed.contains(",morning-huddle,"))
        #expect(notes.count == 1)
    }

    @Test("nothing merged is a failure that writes nothing; --out appears only when complete")
    func nothingMerged() throws {
        let home = try TemporaryFolder("app")
        let app = testApplication(home)
        let out = home.path + "/debrief.md"
        var printed = ""
        #expect {
            try app.cohortPipeline.run(.init(paths: [home.path + "/nowhere"], format: .md, out: out),
                                       standardOutput: { printed += $0 }, note: { _ in })
        } throws: { ($0 as? AppError)?.message.hasPrefix("nothing to merge") == true }
        #expect(printed.isEmpty && !FileManager.default.fileExists(atPath: out))
        #expect(home.files().allSatisfy { !$0.hasPrefix(".") })
        let report = try played(app, learner: "Ana", choices: [2, 2])
        _ = try app.cohortPipeline.run(.init(paths: [report], format: .md, out: out), standardOutput: { printed += $0 }, note: { _ in })
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(printed.isEmpty && written.contains("The Morning Huddle"))
    }
}
