import Foundation
import Testing
@testable import TwofoldReports
import TwofoldTestSupport

/// Whether headless Chromium is installed (the script needs it; the test is skipped otherwise).
let chromiumAvailable: Bool = {
    isOnPath("chromium") || isOnPath("chromium-browser")
}()

@Suite("Scripts/render-html")
struct RenderHTMLScriptTests {
    @Test("renders a report to a non-empty PNG", .enabled(if: chromiumAvailable, "chromium is not on PATH"),
          .timeLimit(.minutes(2)))
    func rendersPNG() throws {
        let folder = try TemporaryFolder("render")
        let html = folder.url.appendingPathComponent("report.html")
        let png = folder.url.appendingPathComponent("report.png")
        try Data(HTMLReport.render(try goldenReport()).utf8).write(to: html)

        let render = try ChildProcess.run(repositoryRoot.appendingPathComponent("Scripts/render-html").path,
                                          arguments: [html.path, png.path],
                                          environment: ProcessInfo.processInfo.environment, timeout: .seconds(110))
        #expect(render.status == 0)
        let data = try Data(contentsOf: png)
        #expect(data.count > 1_000)
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }
}
