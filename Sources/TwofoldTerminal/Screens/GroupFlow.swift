import Foundation
import TwofoldApp
import TwofoldCore
import TwofoldReports

/// A facilitated session at the `vote>` prompt to its end: the facilitation loop, then —
/// when an ending is reached — the reports and the results for the room. Shared by
/// `facilitate` and `resume`. Returns the exit status.
///
/// A session with a room (or started with a `room` placement) serves it for as long as
/// the loop runs; the pages get the final state before the reports are written.
public enum GroupFlow {
    public static func run(_ session: GroupSession, service: GroupService, historyFile: String, resumed: Bool,
                           room placement: RoomLink.Placement? = nil) throws -> Int32 {
        if session.current.phase == .finished { return try finish(session, service: service) }
        let room = try (session.current.room != nil || placement != nil) ? RoomLink.open(session, placement: placement) : nil
        let loop = FacilitationLoop(session: session, reader: makeLineReader(historyPath: historyFile), screen: .standard,
                                    room: room)
        let exit: FacilitationLoop.Exit
        do { exit = try loop.run(resumed: resumed) } catch {
            room?.close()
            throw AppError.stepNotSaved(error, earlier: "steps")
        }
        room?.close()
        switch exit {
        case .finished: return try finish(session, service: service)
        case .saved:
            LearningRecordsNote.close(service.records)
            return 0
        case .terminated(let signal): return 128 + signal
        }
    }

    private static func finish(_ session: GroupSession, service: GroupService) throws -> Int32 {
        let finished = try service.finish(session)
        GroupResults.show(finished, screen: .standard)
        LearningRecordsNote.close(service.records)
        return 0
    }
}

/// The end-of-session summary for the room: each participant's two scores and profile,
/// the decisions that divided the room most, and where the reports went.
public enum GroupResults {
    public static func show(_ finished: FinishedGroupSession, screen: Screen) {
        let report = finished.report
        let margin = "    "
        screen.blank()
        screen.heading("Results")
        screen.blank()
        let names = report.participants.map { TextSafety.terminal($0.name) }
        let width = min(24, names.map(TextLayout.displayWidth).max() ?? 0)
        for (participant, name) in zip(report.participants, names) {
            let padded = name + String(repeating: " ", count: max(0, width - TextLayout.displayWidth(name)))
            screen.line("\(margin)\(screen.bold(padded))  manager \(screen.bar(percent: participant.manager.percent, width: 12)) \(String(format: "%3d", participant.manager.percent))%"
                        + "   leader \(screen.bar(percent: participant.leader.percent, width: 12)) \(String(format: "%3d", participant.leader.percent))%"
                        + "   \(participant.profile.label)" + (participant.abstentions > 0 ? screen.dim("  (abstained \(participant.abstentions))") : ""))
        }
        if !report.mostDivided.isEmpty {
            screen.blank()
            screen.line(margin + screen.bold("Most divided decisions, to start the debrief:"))
            for item in report.mostDivided {
                let split = report.decisions[item.decision - 1].options.filter { $0.votes > 0 }.map { "\($0.number): \($0.votes)" }
                screen.line("\(margin)  Decision \(item.decision) (votes \(split.joined(separator: ", ")))")
            }
        }
        screen.blank()
        screen.line(margin + "Group report:")
        for file in finished.groupFiles { screen.line(margin + "  " + TextSafety.terminal(file)) }
        let participantFiles = finished.participantFiles.flatMap { $0 }
        guard !participantFiles.isEmpty else { return }
        screen.line(margin + "Learner reports, one per participant:")
        for file in participantFiles { screen.line(margin + "  " + TextSafety.terminal(file)) }
    }
}
