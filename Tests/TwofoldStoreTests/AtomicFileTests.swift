import Foundation
import Testing
@testable import TwofoldStore

@Suite("Atomic file writes")
struct AtomicFileTests {
    private func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("write creates, then replaces, a file and leaves no temporary file")
    func writeReplaces() async throws {
        try await withTemporaryFolder { folder throws in
            let url = folder.appendingPathComponent("report.md")
            try AtomicFile.write(Data("first".utf8), to: url)
            try AtomicFile.write(Data("second".utf8), to: url)
            #expect(try Data(contentsOf: url) == Data("second".utf8))
            #expect(try names(in: folder) == ["report.md"])
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)
        }
    }

    @Test("writeNew writes a new file and refuses an existing one")
    func writeNewRefusesExisting() async throws {
        try await withTemporaryFolder { folder throws in
            let url = folder.appendingPathComponent("ana.json")
            try AtomicFile.writeNew(Data(#"{"a":1}"#.utf8), to: url)
            #expect(try Data(contentsOf: url) == Data(#"{"a":1}"#.utf8))

            #expect(throws: StoreError.fileExists(path: url.path)) {
                try AtomicFile.writeNew(Data("other".utf8), to: url)
            }
            #expect(try Data(contentsOf: url) == Data(#"{"a":1}"#.utf8))
            #expect(try names(in: folder) == ["ana.json"])
        }
    }

    @Test("writeNew lets exactly one of many racing writers win")
    func writeNewRace() async throws {
        try await withTemporaryFolder { folder throws in
            let url = folder.appendingPathComponent("race.md")
            let winners = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<16 {
                    group.addTask { (try? AtomicFile.writeNew(Data("writer \(index)".utf8), to: url)) != nil }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(winners == 1)
            #expect(try names(in: folder) == ["race.md"])
        }
    }

    @Test("an empty file and a missing folder are handled")
    func edgeCases() async throws {
        try await withTemporaryFolder { folder throws in
            let url = folder.appendingPathComponent("empty.txt")
            try AtomicFile.write(Data(), to: url)
            #expect(try Data(contentsOf: url).isEmpty)
            let missing = folder.appendingPathComponent("no/such/folder/file.txt")
            #expect(throws: StoreError.self) { try AtomicFile.write(Data("x".utf8), to: missing) }
        }
    }
}
