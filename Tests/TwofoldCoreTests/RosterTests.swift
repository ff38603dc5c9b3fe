import Foundation
import Testing
@testable import TwofoldCore

/// Roster files: one participant a line, `Name` or `Name, email`, a spreadsheet's header skipped.
@Suite("Roster")
struct RosterTests {
    @Test("a roster file gives names and e-mail addresses; --participants come first, without addresses")
    func namesAndEmails() throws {
        let file = "name,email\nAna Silva, ana@example.org\n\nBen Okafor\tben@example.org\r\nChi\n"
        let roster = try Roster.combining(participants: "Dee", rosterFile: file)
        #expect(roster.names == ["Dee", "Ana Silva", "Ben Okafor", "Chi"])
        #expect(roster.emails == [nil, "ana@example.org", "ben@example.org", nil])
    }

    @Test("an address that is not one is refused, naming the participant")
    func invalidEmail() {
        #expect(throws: FacilitationError.invalidEmail("ana at example", participant: "Ana")) {
            try Roster.combining(participants: nil, rosterFile: "Ana, ana at example\n")
        }
        #expect(throws: FacilitationError.invalidEmail("Ana", participant: "Silva")) {
            try Roster.combining(participants: nil, rosterFile: "Silva, Ana\n")
        }
    }

    @Test("names are checked as before: duplicates ignoring case, empty names, '='")
    func namesChecked() {
        #expect(throws: FacilitationError.duplicateName("ana", first: "Ana")) {
            try Roster.combining(participants: "Ana", rosterFile: "ana, ana@example.org")
        }
        #expect(throws: FacilitationError.emptyName(position: 2)) { try Roster(["Ana", " "]) }
        #expect(throws: FacilitationError.nameWithEquals("A=1")) { try Roster(["A=1"]) }
        #expect(throws: FacilitationError.noParticipants) { try Roster.combining(participants: nil, rosterFile: "name,email\n") }
    }

    @Test("saved as a list of names unless someone has an address; both forms read back")
    func coding() throws {
        let plain = try Roster(["Ana", "Ben"])
        #expect(String(decoding: try JSONEncoder().encode(plain), as: UTF8.self) == #"["Ana","Ben"]"#)
        #expect(try JSONDecoder().decode(Roster.self, from: JSONEncoder().encode(plain)) == plain)
        let mailed = try Roster(["Ana", "Ben"], emails: [nil, "ben@example.org"])
        let decoded = try JSONDecoder().decode(Roster.self, from: JSONEncoder().encode(mailed))
        #expect(decoded == mailed && decoded.emails == [nil, "ben@example.org"])
    }
}
