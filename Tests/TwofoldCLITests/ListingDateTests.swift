import Foundation
import Testing
import TwofoldTestSupport

/// Dates in `history` and `resume` listings: ISO order and a 24-hour clock, whatever the locale.
@Suite("Dates in listings")
struct ListingDateTests {
    /// A time zone in which it is now about 18:00, so a 12-hour clock would show.
    static func eveningTimeZone() -> String {
        let hour = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).hour ?? 0
        var offset = 18 - hour
        if offset > 14 { offset -= 24 }
        if offset < -12 { offset += 24 }
        // POSIX names have the sign reversed: Etc/GMT-3 is three hours ahead of UTC.
        return offset >= 0 ? "Etc/GMT-\(offset)" : "Etc/GMT+\(-offset)"
    }

    @Test("resume and history show saved and finished times as YYYY-MM-DD HH:MM on a 24-hour clock")
    func twentyFourHourClock() throws {
        let home = try TestHome()
        let britishEvening = ["TZ": Self.eveningTimeZone(), "LANG": "en_GB.UTF-8"]
        _ = try home.run(["play", FloorWalk.id, "--learner", "Ana"], input: "1\nquit\n", environment: britishEvening)
        _ = try home.run(["play", FloorWalk.id, "--learner", "Ben"], input: "1\nquit\n", environment: britishEvening)
        _ = try home.run(["play", FloorWalk.id, "--learner", "Cy"], input: FloorWalk.bestPath, environment: britishEvening)
        let evening = try Regex(#"\d{4}-\d{2}-\d{2} (1[3-9]|2[0-3]):\d{2}"#)

        let listing = try home.run(["resume"], environment: britishEvening)
        let saved = listing.stdout.split(separator: "\n").filter { $0.contains("· saved ") }
        #expect(saved.count == 2, "\(listing.stdout)")
        for line in saved { #expect(line.contains(evening), "\(line)") }

        let history = try home.run(["history"], environment: britishEvening)
        let finished = history.stdout.split(separator: "\n").filter { $0.contains("Walking the Store Floor") }
        #expect(finished.count == 1, "\(history.stdout)")
        for line in finished { #expect(line.contains(evening), "\(line)") }
    }
}
