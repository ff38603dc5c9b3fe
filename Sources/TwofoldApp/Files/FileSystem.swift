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

    /// The whole of a regular file, at most `limit` bytes. The bytes are read straight into
    /// the `Data` returned: a copy would double the peak memory of loading a large file.
    public static func read(_ path: String, limit: Int) throws -> Data {
        var pages = PageBuffer()
        let count = try readFile(path, into: &pages, limit: limit).get()
        return pages.data(count: count)
    }

    /// Reads a regular file into `buffer` (grown as needed, reused across calls) and
    /// returns the number of bytes read.
    public static func read(_ path: String, into buffer: inout [UInt8], limit: Int) -> Result<Int, FileError> {
        readFile(path, into: &buffer, limit: limit)
    }

    private static func readFile<Buffer: ReadBuffer>(_ path: String, into buffer: inout Buffer, limit: Int) -> Result<Int, FileError> {
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
        if buffer.count < Int(info.st_size) + 1 { buffer.resize(to: Int(info.st_size) + 4096) }
        var total = 0
        while true {
            if total == buffer.count {
                guard total <= limit else { return .failure(FileError(path: path, kind: .tooLarge(limit: limit))) }
                buffer.resize(to: buffer.count + Swift.min(buffer.count, limit + 1))
            }
            guard buffer.count > total else { return .failure(FileError(path: path, kind: .unreadable("not enough memory to read it"))) }
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

/// What a file is read into: a reused array (the cohort reader), or the `Data` a scenario
/// keeps (read in place, no copy).
private protocol ReadBuffer {
    var count: Int { get }
    mutating func resize(to count: Int)
    mutating func withUnsafeMutableBytes<Result>(_ body: (UnsafeMutableRawBufferPointer) throws -> Result) rethrows -> Result
}

extension Array: ReadBuffer where Element == UInt8 {
    fileprivate mutating func resize(to count: Int) {
        if count > self.count { append(contentsOf: repeatElement(0, count: count - self.count)) }
    }
}

/// Memory for one whole file, handed over as the `Data` returned without a copy:
/// anonymous pages the kernel zero-fills as the read reaches them (no pass of our own),
/// in 2 MiB pages where the kernel allows (a 100 MB scenario then takes fifty page
/// faults, not twenty-five thousand). Unmapped when the `Data` goes, or with the buffer
/// when a read fails.
private final class PageBuffer: ReadBuffer {
    private var base: UnsafeMutableRawPointer?
    private(set) var count = 0

    deinit {
        if let base { munmap(base, count) }
    }

    func resize(to count: Int) {
        guard count > self.count else { return }
        let pointer = mmap(nil, count, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let pointer, pointer != MAP_FAILED else { return }  // the read then has no room and fails
        #if os(Linux)
        _ = madvise(pointer, count, MADV_HUGEPAGE)
        #endif
        if let base {
            pointer.copyMemory(from: base, byteCount: self.count)
            munmap(base, self.count)
        }
        base = pointer
        self.count = count
    }

    func withUnsafeMutableBytes<Result>(_ body: (UnsafeMutableRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeMutableRawBufferPointer(start: base, count: count))
    }

    /// The first `used` bytes as `Data`, which now owns the pages.
    func data(count used: Int) -> Data {
        guard let base, used > 0 else { return Data() }
        let mapped = count
        self.base = nil
        self.count = 0
        return Data(bytesNoCopy: base, count: used, deallocator: .custom { pointer, _ in munmap(pointer, mapped) })
    }
}
