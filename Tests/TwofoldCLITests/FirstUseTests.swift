import Foundation
import Testing

/// A classroom's first morning: several `twofold` processes opening a records store that
/// does not exist yet, at the same moment.
@Suite("First use of a records store")
struct FirstUseTests {
    /// Enough rounds that a race lost one round in ten cannot pass by luck (0.9^50 < 1 %).
    static let rounds = 50

    @Test("three processes creating one new store at once all succeed, round after round")
    func simultaneousFirstUse() throws {
        var failures: [String] = []
        for round in 1...Self.rounds {
            let home = try TestHome()
            let children = try (0..<3).map { _ in try home.start(["history", "--json"]) }
            for (index, child) in children.enumerated() {
                child.closeInput()
                let status = try child.waitForExit(timeout: .seconds(30))
                let attempts = (try? jsonObject(child.stdout))?["attempts"] as? [Any]
                if status != 0 || attempts?.isEmpty != true {
                    failures.append("round \(round), process \(index + 1): exit \(status): \(child.stderr)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(3 * Self.rounds) processes failed:\n\(failures.prefix(5).joined(separator: "\n"))")
    }
}
