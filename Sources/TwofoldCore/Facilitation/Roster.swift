import Foundation

/// The participants of a facilitated session, in the order their votes are typed.
///
/// Names are trimmed; an empty name, a name used twice (ignoring case) and a name with
/// `=` in it (which `Name=3` could not address) are refused with a ``FacilitationError``.
public struct Roster: Codable, Sendable, Hashable {
    /// The longest name accepted, as for solo learners.
    public static let maxNameLength = 200

    /// The participants' names, trimmed, in roster order.
    public let names: [String]

    /// Checks and keeps `names` in the order given.
    public init(_ names: [String]) throws(FacilitationError) {
        var kept: [String] = []
        var seen: [String: String] = [:]
        for (index, raw) in names.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty { throw .emptyName(position: index + 1) }
            if name.contains("=") { throw .nameWithEquals(name) }
            if name.count > Roster.maxNameLength { throw .nameTooLong(name, limit: Roster.maxNameLength) }
            let key = Roster.key(name)
            if let first = seen[key] { throw .duplicateName(name, first: first) }
            seen[key] = name
            kept.append(name)
        }
        if kept.isEmpty { throw .noParticipants }
        self.names = kept
    }

    /// A roster from `--participants` (comma-separated) and a roster file's text (one name
    /// per line; blank lines are skipped), participants first.
    public static func combining(participants: String?, rosterFile: String?) throws(FacilitationError) -> Roster {
        var names: [String] = []
        if let participants {
            names += participants.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        if let rosterFile {
            names += rosterFile.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .map(String.init)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        return try Roster(names)
    }

    /// An open room's roster before anyone has joined.
    public static let empty = Roster(checked: [])

    private init(checked names: [String]) { self.names = names }

    /// The roster with `name` joined at the end, checked as the others were.
    public func adding(_ name: String) throws(FacilitationError) -> Roster {
        let joined = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if joined.isEmpty { throw .emptyName(position: names.count + 1) }
        if joined.contains("=") { throw .nameWithEquals(joined) }
        if joined.count > Roster.maxNameLength { throw .nameTooLong(joined, limit: Roster.maxNameLength) }
        if let index = index(of: joined) { throw .duplicateName(joined, first: names[index]) }
        return Roster(checked: names + [joined])
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
    // A saved roster is checked again when read; an open room's may still be empty.
    public init(from decoder: Decoder) throws {
        let names = try decoder.singleValueContainer().decode([String].self)
        if names.isEmpty {
            self = .empty
            return
        }
        do { self = try Roster(names) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(names)
    }
}
