import Foundation
import Testing
@testable import TwofoldApp
import TwofoldTestSupport

@Suite("The file-system seam")
struct FileSystemTests {
    @Test("a regular file reads whole; a larger one than the cap is refused")
    func readsWithACap() throws {
        let folder = try TemporaryFolder("app")
        let path = try folder.write("0123456789", to: "a.json")
        #expect(try FileSystem.read(path, limit: 10) == Data("0123456789".utf8))
        #expect(throws: FileError(path: path, kind: .tooLarge(limit: 9))) { try FileSystem.read(path, limit: 9) }
    }

    @Test("a FIFO is refused at once instead of hanging, named, and counted by a folder walk")
    func fifo() throws {
        let folder = try TemporaryFolder("app")
        let fifo = folder.path + "/pipe.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: FileError(path: fifo, kind: .notRegular("a FIFO"))) { try FileSystem.read(fifo, limit: 1 << 20) }
        let items = FolderWalk.all([folder.path], selection: .reports)
        #expect(items == [.problem(path: fifo, reason: "not a regular file (a FIFO); skipped")])
    }

    @Test("a link to /dev/zero is refused, not read for ever; a dangling link in a folder is named")
    func devicesAndDanglingLinks() throws {
        let folder = try TemporaryFolder("app")
        let zero = folder.path + "/zero.json"
        let dangling = folder.path + "/gone.json"
        #expect(symlink("/dev/zero", zero) == 0)
        #expect(symlink(folder.path + "/nothing-here", dangling) == 0)
        #expect(throws: FileError(path: zero, kind: .notRegular("a device"))) { try FileSystem.read(zero, limit: 1 << 20) }
        let items = FolderWalk.all([folder.path], selection: .reports)
        #expect(items == [.problem(path: dangling, reason: "not a regular file (a dangling link); skipped"),
                          .problem(path: zero, reason: "not a regular file (a device); skipped")])
    }

    @Test("a folder walk yields wanted files in byte order, skipping hidden names, other files and links to folders")
    func walkOrder() throws {
        let folder = try TemporaryFolder("app")
        for name in ["b.json", "a.json", "A.json", ".hidden.json", "notes.txt", "x.xapi.json", "sub/c.json", "schema/s.json"] {
            try folder.write("{}", to: name)
        }
        #expect(symlink(folder.path + "/sub", folder.path + "/loop") == 0)
        let names = { (selection: FolderWalk.Selection) in
            FolderWalk.all([folder.path], selection: selection).compactMap { item -> String? in
                if case .file(let path, _) = item { return String(path.dropFirst(folder.path.count + 1)) } else { return nil }
            }
        }
        #expect(names(.reports) == ["A.json", "a.json", "b.json", "schema/s.json", "sub/c.json"])
        #expect(names(.scenarios) == ["A.json", "a.json", "b.json", "sub/c.json", "x.xapi.json"])
    }

    @Test("a folder is made with its parents; private folders are readable by the owner only; a file in the way is named")
    func folders() throws {
        let folder = try TemporaryFolder("app")
        try FileSystem.createFolder(folder.path + "/one/two", private: true)
        let mode = (try FileManager.default.attributesOfItem(atPath: folder.path + "/one/two")[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o700)
        let file = try folder.write("x", to: "afile")
        #expect(throws: FileError(path: file + "/sub", kind: .cannotCreateFolder("\(file) is a file, not a folder"))) {
            try FileSystem.createFolder(file + "/sub")
        }
    }
}
