import Foundation
import TwofoldTestSupport

/// A fresh, private `TWOFOLD_HOME` for one test, removed when the value goes away.
final class TestHome {
    private let folder: TemporaryFolder
    var url: URL { folder.url }
    var path: String { folder.path }

    init() throws { folder = try TemporaryFolder("e2e") }

    /// The environment for a `twofold` child in this home (see ``twofoldEnvironment(home:)``).
    var environment: [String: String] { twofoldEnvironment(home: path) }

    /// The reports folder `play` writes to by default.
    var reports: URL { url.appendingPathComponent("reports", isDirectory: true) }

    /// The files in the reports folder, sorted.
    func reportFiles() -> [String] { folder.files(in: "reports") }

    /// Writes `text` to a file in this home and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String { try folder.write(text, to: name) }

    /// Runs `twofold arguments` here with `input` on standard input, and `extra` added to
    /// (or replacing variables in) the home's ``environment``.
    func run(
        _ arguments: [String], input: String = "", environment extra: [String: String] = [:],
        timeout: Duration = .seconds(30)
    ) throws -> ChildProcess.Result {
        try ChildProcess.run(twofoldBinary.path, arguments: arguments, input: input,
                             environment: environment.merging(extra) { $1 }, timeout: timeout)
    }

    /// Starts `twofold arguments` here, with standard input left open and `extra` added to
    /// the home's ``environment``.
    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> ChildProcess {
        try ChildProcess(twofoldBinary.path, arguments: arguments, environment: environment.merging(extra) { $1 })
    }

    /// Starts `twofold arguments` here on a `columns` × `rows` pseudo-terminal (TERM=dumb),
    /// with `extra` added to the home's ``environment``.
    func startOnTerminal(
        _ arguments: [String], environment extra: [String: String] = [:], columns: Int = 80, rows: Int = 24
    ) throws -> PseudoTerminal {
        var environment = self.environment
        environment["NO_COLOR"] = nil
        environment["COLUMNS"] = nil
        return try PseudoTerminal(twofoldBinary.path, arguments: arguments, environment: environment.merging(extra) { $1 },
                                  columns: columns, rows: rows)
    }
}

/// The environment for a `twofold` child: `home` as its home, the test library, no colour,
/// 80 columns, and nothing that could reach the real home folder.
func twofoldEnvironment(home: String) -> [String: String] {
    [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "HOME": home,
        "LANG": "C.UTF-8",
        "TWOFOLD_HOME": home,
        "TWOFOLD_SCENARIOS": testLibrary.path,
        "COLUMNS": "80",
        "NO_COLOR": "1",
    ]
}

/// The library the end-to-end tests play: frozen copies of scenarios whose exact text,
/// ids and choice order the tests rely on, so editing the bundled library cannot break them.
let testLibrary = repositoryRoot.appendingPathComponent("Tests/Fixtures/library", isDirectory: true)

/// Parses a JSON object, failing with the text when it is not one.
func jsonObject(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw ChildProcess.Failure(description: "not a JSON object:\n\(text)")
    }
    return object
}

/// The choices through `retail-floor-walk` (the test library's copy) used by these tests, one line each.
enum FloorWalk {
    static let id = "retail-floor-walk"
    static let title = "Walking the Store Floor"
    /// opening → l-walk → m-lunch: after `1`, `2`.
    static let firstTwo = "1\n2\n"
    /// m-lunch → m-visit → m-close → end-manager: `1`, `1`, `1`.
    static let restAfterFirstTwo = "1\n1\n1\n"
    /// Opening lines of scenes, to know where a session stands.
    static let openingText = "At 10:15 on Saturday you start your floor walk"
    static let lWalkText = "At 10:20 the four of you set off through the store"
    static let mLunchText = "It's 12:40. On your next lap you find Marcus"
    static let lLunchText = "By 12:30 there is plenty of energy in the store"
    /// The best path: set-the-standard, smallest-version, name-it-and-ask, name-priya, rotate-walk.
    static let bestPath = "4\n3\n2\n3\n4\n"
}
