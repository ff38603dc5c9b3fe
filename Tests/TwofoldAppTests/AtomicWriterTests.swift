import Foundation
import Testing
import TwofoldReports
@testable import TwofoldApp
import TwofoldTestSupport

@Suite("Atomic file writes and report names")
struct AtomicWriterTests {
    @Test("replacing writes a file, then replaces it, and leaves no temporary file; mode 0644")
    func replaces() throws {
        let folder = try TemporaryFolder("app")
        let path = folder.path + "/report.md"
        try AtomicWriter.write(Data("first".utf8), to: path, placement: .replace)
        try AtomicWriter.write(Data("second".utf8), to: path, placement: .replace)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("second".utf8))
        #expect(folder.files() == ["report.md"])
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o644)
    }

    @Test("a new file refuses an existing one and leaves it as it was")
    func newRefusesExisting() throws {
        let folder = try TemporaryFolder("app")
        let path = folder.path + "/ana.json"
        try AtomicWriter.write(Data("one".utf8), to: path, placement: .new)
        #expect {
            try AtomicWriter.write(Data("two".utf8), to: path, placement: .new)
        } throws: { ($0 as? FileError).map(AtomicWriter.isNameTaken) ?? false }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("one".utf8))
        #expect(folder.files() == ["ana.json"])
    }

    @Test("exactly one of many racing writers of a new file wins")
    func race() async throws {
        let folder = try TemporaryFolder("app")
        let path = folder.path + "/race.md"
        let winners = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask { (try? AtomicWriter.write(Data("writer \(index)".utf8), to: path, placement: .new)) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(winners == 1)
        #expect(folder.files() == ["race.md"])
    }

    @Test("a streamed document appears only when committed; an abandoned one leaves nothing")
    func streaming() throws {
        let folder = try TemporaryFolder("app")
        let path = folder.path + "/debrief.csv"
        do {
            let writer = try AtomicWriter(destination: path, placement: .replace)
            for row in 0..<5_000 { try writer.write("row \(row),\(String(repeating: "x", count: 300))\n") }
            #expect(!FileManager.default.fileExists(atPath: path))
            try writer.commit()
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 5_000)
        do {
            let abandoned = try AtomicWriter(destination: folder.path + "/half.csv", placement: .replace)
            try abandoned.write("half")
        }
        #expect(folder.files() == ["debrief.csv"])
        #expect(throws: FileError.self) { try AtomicWriter(destination: folder.path + "/no/such/x.csv", placement: .replace) }
    }

    @Test("a report name that is taken, even by a dangling link, moves on to -2, -3, …")
    func takenNames() throws {
        let folder = try TemporaryFolder("app")
        let sink = ReportSink(defaultFolder: folder.path)
        let first = try sink.writeNew(Data("a".utf8), folder: folder.path, name: "zoe-x-1.md", ext: "md")
        #expect(symlink(folder.path + "/nowhere", folder.path + "/zoe-x-1-2.md") == 0)
        let third = try sink.writeNew(Data("b".utf8), folder: folder.path, name: "zoe-x-1.md", ext: "md")
        #expect(first.hasSuffix("/zoe-x-1.md") && third.hasSuffix("/zoe-x-1-3.md"))
    }
}
