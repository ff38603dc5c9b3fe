import Foundation
import Synchronization
import TwofoldApp
import TwofoldCore

/// "12 of 15 voted": the count of votes in at the current decision, kept in front of the
/// prompt on a terminal; without one, printed as a line whenever it changes, at most
/// once a second and always when everyone has voted.
enum VoteCounter {
    /// The count for `facilitation`'s current decision.
    static func text(_ facilitation: Facilitation) -> String {
        let participants = facilitation.roster.count
        let voted = facilitation.ballot.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        return "\(voted) of \(participants) voted"
    }

    /// Follows `session`; on a live prompt the prompt shows the count, so nothing is printed.
    static func start(_ session: GroupSession, screen: Screen, live: Bool) -> GroupSession.Observation {
        let last = Mutex<(text: String, at: ContinuousClock.Instant)>((text(session.current), .now - .seconds(1)))
        return session.observe { facilitation in
            guard !live, facilitation.phase == .deciding else { return }
            let count = text(facilitation)
            let everyone = facilitation.ballot.allSatisfy { $0 != nil } && !facilitation.ballot.isEmpty
            let due = last.withLock { last in
                guard count != last.text, everyone || ContinuousClock.now - last.at >= .seconds(1) else { return false }
                last = (count, .now)
                return true
            }
            if due { screen.line("    \(count.replacingOccurrences(of: " voted", with: " votes in"))") }
        }
    }
}
