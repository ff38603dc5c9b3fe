import Foundation
import TwofoldCore
import TwofoldReports

extension FuzzTarget {
    /// A scenario file: the scanner and decoder, every lint rule and the graph analysis;
    /// when the file is playable, the graph exports, a walk along the first choice to an
    /// ending, and the learner report of that walk (balanced path included) in every
    /// format, which must read back unchanged.
    static let scenario = FuzzTarget(name: "scenario", summary: "scenario scanner, decoder, linter, analysis, play and reports") { bytes in
        let data = Data(bytes)
        let result = ScenarioLoader.load(data, file: "fuzz.json")
        for diagnostic in result.diagnostics {
            require(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "a diagnostic without a position: \(diagnostic)")
        }
        guard let scenario = result.playable, let analysis = result.analysis else { return }
        _ = GraphExport.dot(scenario)
        _ = GraphExport.mermaid(scenario)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var engine = Engine(scenario: scenario, fingerprint: Fingerprint.of(data), at: start)
        var steps = 0
        while engine.phase == .deciding && steps < 64 {
            require(!engine.offeredChoices().isEmpty, "a playable scenario offered no choice at \(engine.currentScene.id)")
            steps += 1
            do { _ = try engine.choose(1, at: start + Double(steps)) } catch { fatalError("choice 1 was refused: \(error)") }
        }
        guard engine.phase == .finished else { return }
        let report: LearnerReport
        do {
            report = try ReportBuilder.build(engine: engine, analysis: analysis, attemptId: "fuzz", learner: "Fuzz",
                                             finishedAt: start + Double(steps + 1))
        } catch {
            fatalError("no report for a finished walk: \(error)")
        }
        for format in ReportFormat.allCases { _ = try? format.render(report) }
        do {
            let again = try LearnerReport.decodeJSON(report.encodedJSON())
            require(again == report, "a report written by this build reads back differently")
        } catch {
            fatalError("a report written by this build is refused: \(error)")
        }
    }
}
