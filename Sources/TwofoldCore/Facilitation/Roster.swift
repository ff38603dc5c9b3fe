import Foundation

/// The participants of a facilitated session, in the order their votes are typed, each
/// with an e-mail address when the roster file gave one.
///
/// Names are trimmed; an empty name, a name used twice (ignoring case) and a name with
/// `=` in it (which `Name=3` could not address) are refused with a ``FacilitationError``.
public struct Roster: Codable, Sendable, Hashable {
    /// The longest name accepted, as for solo learners.
    public static let maxNameLength = 200

    /// The participants' names, trimmed, in roster order.
    public let names: [String]
    /// Each participant's e-mail address, nil where none was given (always as many as `names`).
    public let emails: [String?]

    /// Checks and keeps `names` (and their `emails`, when given) in the order given.
    public init(_ names: [String], emails: [String?] = []) throws(FacilitationError) {
        var kept = Roster.empty
        for (index, raw) in names.enumerated() {
            kept = try kept.adding(raw, email: index < emails.count ? emails[index] : nil)
        }
        if kept.names.isEmpty { throw .noParticipants }
        self = kept
    }

    /// A roster from `--participants` (comma-separated) and a roster file's text,
    /// participants first. A roster file has one participant a line, as `Name` or
    /// `Name, email` (a tab may stand for the comma); blank lines and a first line that
    /// reads `name,email` (a spreadsheet's header) are skipped.
    public static func combining(participants: String?, rosterFile: String?) throws(FacilitationError) -> Roster {
        var names: [String] = []
        var emails: [String?] = []
        if let participants {
            names += participants.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            emails += Array(repeating: nil, count: names.count)
        }
        if let rosterFile {
            var lines = rosterFile.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
            if let first = lines.first, Roster.isHeader(first) { lines.removeFirst() }
            for line in lines {
                let fields = line.split(maxSplits: 1, whereSeparator: { $0 == "," || $0 == "\t" })
                names.append(String(fields[0]))
                let email = fields.count > 1 ? fields[1].trimmingCharacters(in: .whitespaces) : ""
                emails.append(email.isEmpty ? nil : email)
            }
        }
        return try Roster(names, emails: emails)
    }

    /// Whether a roster file's first line is a header: its fields are `name` and `email`.
    private static func isHeader(_ line: Substring) -> Bool {
        let fields = line.split(whereSeparator: { $0 == "," || $0 == "\t" })
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return fields == ["name", "email"] || fields == ["name", "e-mail"]
    }

    /// An open room's roster before anyone has joined.
    public static let empty = Roster(checked: [], emails: [])

    private init(checked names: [String], emails: [String?]) {
        self.names = names
        self.emails = emails
    }

    /// The roster with `name` (and `email`, if any) joined at the end, checked as the
    /// others were.
    public func adding(_ name: String, email: String? = nil) throws(FacilitationError) -> Roster {
        let joined = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if joined.isEmpty { throw .emptyName(position: names.count + 1) }
        if joined.contains("=") { throw .nameWithEquals(joined) }
        if joined.count > Roster.maxNameLength { throw .nameTooLong(joined, limit: Roster.maxNameLength) }
        if let index = index(of: joined) { throw .duplicateName(joined, first: names[index]) }
        let address = email?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let address, !Roster.isEmail(address) { throw .invalidEmail(address, participant: joined) }
        return Roster(checked: names + [joined], emails: emails + [address])
    }

    /// A plausible address: one `@` with text on both sides, no spaces or controls.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && text.count <= 254
            && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
    }

    public var count: Int { names.count }

    /// The position of the participant called `name` (trimmed, ignoring case).
    public func index(of name: String) -> Int? {
        let key = Roster.key(name.trimmingCharacters(in: .whitespacesAndNewlines))
        return names.firstIndex { Roster.key($0) == key }
    }

    /// The form names are compared in: case-folded, so `ana` and `ANA` are the same person.
    static func key(_ name: String) -> String { name.lowercased() }
}

extension Roster {
    private enum CodingKeys: String, CodingKey { case names, emails }

    // Saved as the list of names alone unless someone has an e-mail address (so saves from
    // before addresses were kept still read). A saved roster is checked again when read;
    // an open room's may still be empty.
    public init(from decoder: Decoder) throws {
        let names: [String]
        let emails: [String?]
        if let list = try? decoder.singleValueContainer().decode([String].self) {
            (names, emails) = (list, [])
        } else {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            (names, emails) = (try c.decode([String].self, forKey: .names), try c.decode([String?].self, forKey: .emails))
        }
        if names.isEmpty {
            self = .empty
            return
        }
        do { self = try Roster(names, emails: emails) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        if emails.allSatisfy({ $0 == nil }) {
            var container = encoder.singleValueContainer()
            try container.encode(names)
        } else {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(names, forKey: .names)
            try c.encode(emails, forKey: .emails)
        }
    }
}
