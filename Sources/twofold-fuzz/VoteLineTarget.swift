import Foundation
import TwofoldCore

extension FuzzTarget {
    /// A line typed at the facilitator's `vote>` prompt. The first byte sets the roster
    /// size (1–5) and the number of choices on offer (1–6); the rest is the line.
    static let voteLine = FuzzTarget(name: "vote", summary: "the facilitator's vote-line parser") { bytes in
        guard let first = bytes.first else { return }
        let names = ["Ana Silva", "Ben", "Chiamaka Okonkwo", "Dévi", "Ed O'Neil"]
        let roster: Roster
        do { roster = try Roster(Array(names.prefix(Int(first % 5) + 1))) } catch { fatalError("\(error)") }
        let offered = Int(first / 5 % 6) + 1
        let line = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let command: FacilitatorCommand
        do {
            command = try FacilitatorCommand.parse(line, roster: roster, offered: offered)
        } catch {
            return
        }
        let onOffer = 1...offered
        func valid(_ mark: VoteMark) -> Bool {
            if case .choice(let number) = mark { return onOffer.contains(number) }
            return true
        }
        switch command {
        case .ballot(let marks):
            require(marks.count == roster.count && marks.allSatisfy(valid), "a ballot that does not fit: \(marks)")
        case .assign(let assignments):
            let participants = assignments.map(\.participant)
            require(Set(participants).count == participants.count, "one participant assigned twice: \(assignments)")
            require(assignments.allSatisfy { roster.names.indices.contains($0.participant) && valid($0.mark) }, "a bad assignment: \(assignments)")
        case .go(let number?), .details(let number?):
            require(onOffer.contains(number), "a choice not on offer: \(number)")
        case .timer(let seconds?):
            require((1...FacilitatorCommand.maxTimer).contains(seconds), "a timer out of range: \(seconds)")
        case .empty:
            require(line.allSatisfy(\.isWhitespace), "an empty command from \(line.debugDescription)")
        default:
            break
        }
    }
}
