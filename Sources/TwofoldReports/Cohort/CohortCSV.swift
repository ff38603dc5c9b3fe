import TwofoldCore

/// The cohort as CSV: a header, then one row per learner attempt.
///
/// The first eight columns are the product contract's; the rest add what a spreadsheet
/// needs to slice further. `scenario`, `profile` and `ending` are ids (stable across
/// languages and edits); `scenario_title` and `ending_title` carry the words. Percents,
/// raws and the decision count are number cells; every text cell goes through
/// ``CSV/text(_:)`` (RFC 4180 quoting, formula starts neutralised) after control
/// characters are removed; a cell with nothing to clean is written straight from its
/// bytes with the same result, which is what keeps a 100,000-row export fast.
public enum CohortCSV {
    public static let columns = [
        "learner", "cohort", "scenario", "manager_percent", "leader_percent", "profile", "ending", "finished_at",
        "attempt_id", "session", "group_session_id", "learner_email", "scenario_title", "ending_title",
        "started_at", "manager_raw", "manager_min", "manager_max", "leader_raw", "leader_min", "leader_max",
        "decisions", "mode", "take_backs", "restarts",
    ]

    /// The header record.
    public static var header: String { CSV.row(columns) }

    /// `--per decision`: one row per learner × decision, for analysts who slice by choice.
    public static let decisionColumns = [
        "learner", "cohort", "scenario", "attempt_id", "finished_at", "decision_number", "scene", "choice",
        "manager_delta", "leader_delta", "taken_back", "mode",
    ]

    public static var decisionHeader: String { CSV.row(decisionColumns) }

    /// Every decision of an attempt, CRLF-terminated records (a row read with its choices).
    public static func decisionRows(_ row: CohortRow) -> String {
        var out: [UInt8] = []
        for (index, pick) in row.choices.enumerated() {
            text(row.learner, &out)
            text(row.cohort ?? "", &out)
            text(row.scenarioId, &out)
            text(row.attemptId, &out)
            text(CohortDates.string(row.finishedAt), &out)
            number(index + 1, &out)
            text(pick.scene, &out)
            text(pick.choice ?? "", &out)
            number(pick.scores?.manager ?? 0, &out)
            number(pick.scores?.leader ?? 0, &out)
            number(pick.takenBack, &out)
            text(row.integrity.mode.rawValue, &out)
            out[out.count - 1] = 0x0D  // the last separator becomes CRLF
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One attempt's record, CRLF-terminated.
    public static func row(_ row: CohortRow) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(384)
        text(row.learner, &out)
        text(row.cohort ?? "", &out)
        text(row.scenarioId, &out)
        number(row.manager.percent, &out)
        number(row.leader.percent, &out)
        text(row.profile.rawValue, &out)
        text(row.endingScene, &out)
        text(CohortDates.string(row.finishedAt), &out)
        text(row.attemptId, &out)
        text(row.session.rawValue, &out)
        text(row.groupSessionId ?? "", &out)
        text(row.email ?? "", &out)
        text(row.scenarioTitle, &out)
        text(row.endingTitle, &out)
        text(CohortDates.string(row.startedAt), &out)
        for value in [row.manager.raw, row.manager.min, row.manager.max, row.leader.raw, row.leader.min, row.leader.max,
                      row.decisionCount] {
            number(value, &out)
        }
        text(row.integrity.mode.rawValue, &out)
        number(row.integrity.takeBacks, &out)
        number(row.integrity.restarts, &out)
        out[out.count - 1] = 0x0D  // the last separator becomes CRLF
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a text cell and a comma: exactly what ``CSV/text(_:)`` makes of the cleaned
    /// text (see ``ReportText/clean(_:keepNewlines:)``). A cell with nothing to clean is
    /// written from its bytes — quoted when it holds a quote or comma, with a leading
    /// apostrophe when it starts like a formula; any other goes through the shared helpers.
    static func text(_ value: String, _ out: inout [UInt8]) {
        var value = value
        let done = value.withUTF8 { bytes -> Bool in
            guard let needsQuotes = scan(bytes) else { return false }
            let formula = bytes.first.map { CSV.formulaStartBytes.contains($0) } ?? false
            if needsQuotes { out.append(0x22) }
            if formula { out.append(0x27) }
            if needsQuotes {
                for byte in bytes {
                    out.append(byte)
                    if byte == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: bytes)
            }
            return true
        }
        if !done { out.append(contentsOf: CSV.text(ReportText.clean(value, keepNewlines: true)).utf8) }
        out.append(0x2C)
    }

    /// Appends a number cell and a comma.
    static func number(_ value: Int, _ out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(0x30 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
        out.append(0x2C)
    }

    /// Nil when the UTF-8 bytes hold something cleaning would change (a character the
    /// core's ``TextSafety`` policy calls unsafe, or a tab or line break); otherwise
    /// whether a quote or comma makes the cell need quoting. ASCII is judged byte by
    /// byte; any other character is decoded and asked of the same policy.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var quotes = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x7F { return nil }
                if byte == 0x22 || byte == 0x2C { quotes = true }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= count else { return nil }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            guard let scalar = Unicode.Scalar(value), !TextSafety.isUnsafe(scalar) else { return nil }
            index += length
        }
        return quotes
    }
}

extension CSV {
    /// The ASCII bytes of ``formulaStarts``.
    static let formulaStartBytes: Set<UInt8> = Set(formulaStarts.compactMap { $0.asciiValue })
}
