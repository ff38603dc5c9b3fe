import Foundation
import TwofoldCore

/// The one place the application touches the file system for reading and folders.
///
/// Reads take only regular files: the path is opened without blocking (a FIFO never
/// hangs the program), checked with `fstat` after opening (so a link swapped in between
/// cannot fool it), and read with a byte cap (a link to `/dev/zero` is refused, not read
/// for ever). Writing goes through ``AtomicWriter``.
public enum FileSystem {
    /// What a path is, following links.
    public enum Kind: Sendable, Equatable {
        case file
        case folder
        /// Anything else, described for people: "a FIFO", "a device", …
        case other(String)
    }

    /// What is at `path` (following links), or nil when nothing is (including a dangling link).
    public static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return kind(mode: info.st_mode)
    }

    static func kind(mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFIFO: return .other("a FIFO")
        case S_IFCHR, S_IFBLK: return .other("a device")
        case S_IFSOCK: return .other("a socket")
        default: return .other("not a file")
        }
    }

    /// The whole of a regular file, at most `limit` bytes.
    public static func read(_ path: String, limit: Int) throws -> Data {
        var buffer: [UInt8] = []
        let count = try read(path, into: &buffer, limit: limit).get()
        return Data(buffer[0..<count])
    }

    /// Reads a regular file into `buffer` (grown as needed, reused across calls) and
    /// returns the number of bytes read.
    public static func read(_ path: String, into buffer: inout [UInt8], limit: Int) -> Result<Int, FileError> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(FileError(path: path, kind: errno == ENOENT ? .notFound : .unreadable(AtomicWriter.reason())))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(FileError(path: path, kind: .unreadable(AtomicWriter.reason()))) }
        let kind = kind(mode: info.st_mode)
        guard kind == .file else {
            return .failure(FileError(path: path, kind: kind == .folder ? .notRegular("a folder") : .notRegular({
                if case .other(let what) = kind { return what } else { return "" } }())))
        }
        guard Int(info.st_size) <= limit else { return .failure(FileError(path: path, kind: .tooLarge(limit: limit))) }
        // Room for one byte more than the file: a read that comes back short is the end,
        // so a file that has not grown since `fstat` takes a single read.
        if buffer.count < Int(info.st_size) + 1 { buffer = [UInt8](repeating: 0, count: Int(info.st_size) + 4096) }
        var total = 0
        while true {
            if total == buffer.count {
                guard total <= limit else { return .failure(FileError(path: path, kind: .tooLarge(limit: limit))) }
                buffer += [UInt8](repeating: 0, count: Swift.min(buffer.count, limit + 1))
            }
            let wanted = buffer.count - total
            let got = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + total, wanted) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(FileError(path: path, kind: .unreadable(AtomicWriter.reason())))
            }
            total += got
            if total > limit { return .failure(FileError(path: path, kind: .tooLarge(limit: limit))) }
            if got == 0 || (got < wanted && total >= Int(info.st_size)) { return .success(total) }
        }
    }

    /// Creates `folder` and any missing parents. `private` folders (the data folders,
    /// which hold names and scores) get mode 0700; existing folders keep their mode.
    public static func createFolder(_ folder: String, private isPrivate: Bool = false) throws {
        if kind(of: folder) == .folder { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: isPrivate ? [.posixPermissions: 0o700] : nil)
        } catch {
            var reason = "it or a folder above it cannot be made"
            var parent = URL(fileURLWithPath: folder)
            while parent.path != "/" {
                parent.deleteLastPathComponent()
                if let found = kind(of: parent.path) {
                    if found != .folder { reason = "\(TextSafety.message(parent.path)) is a file, not a folder" }
                    else if access(parent.path, W_OK) != 0 { reason = "\(TextSafety.message(parent.path)) is not writable" }
                    break
                }
            }
            throw FileError(path: folder, kind: .cannotCreateFolder(reason))
        }
    }
}
