import Foundation

/// Writes one file so that a reader, or a crash, never sees half of it.
///
/// The bytes go to a uniquely named hidden temporary file in the destination's folder
/// (mode 0644), as they come, so a large document is never held whole in memory.
/// ``commit()`` flushes it to disk and puts it in place — renamed over the destination,
/// or, for a file that must be new, hard-linked to its name, which fails if anything at
/// all is there (even a dangling link) — and flushes the folder, so the name survives a
/// power cut. Until then the destination is untouched; a writer that is not committed
/// removes its temporary file.
public final class AtomicWriter {
    /// Whether an existing file at the destination is replaced or refused.
    public enum Placement: Sendable {
        case replace
        case new
    }

    public let destination: String
    private let placement: Placement
    private let temporary: String
    private var descriptor: Int32
    private var pending: [UInt8] = []
    private var committed = false
    private static let flushSize = 1 << 20

    /// Opens the temporary file beside `destination`; its folder must exist.
    public init(destination: String, placement: Placement) throws {
        self.destination = destination
        self.placement = placement
        let url = URL(fileURLWithPath: destination)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError(path: destination, kind: .cannotWrite(Self.reason())) }
        fchmod(descriptor, 0o644)  // the umask may have narrowed it; reports are meant to be readable
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if !committed { unlink(temporary) }
    }

    /// Appends text.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { (bytes) throws in try write(UnsafeRawBufferPointer(bytes)) }
    }

    /// Appends bytes.
    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { (bytes) throws in try write(bytes) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        if pending.count + bytes.count > Self.flushSize { try flush() }
        if bytes.count >= Self.flushSize {
            try writeAll(bytes)
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    /// Puts the file in place. Throws ``FileError/Kind/cannotWrite(_:)``; for a new file
    /// whose name is taken, the reason is "it already exists" (see ``isNameTaken(_:)``).
    public func commit() throws {
        try flush()
        guard fsync(descriptor) == 0 else { throw failure() }
        close(descriptor)
        descriptor = -1
        switch placement {
        case .replace:
            guard rename(temporary, destination) == 0 else { throw failure() }
        case .new:
            guard link(temporary, destination) == 0 else {
                if errno == EEXIST { throw FileError(path: destination, kind: .cannotWrite(Self.taken)) }
                throw failure()
            }
            unlink(temporary)
        }
        committed = true
        let folder = open(URL(fileURLWithPath: destination).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Writes `data` to `path` in one go (see the type's documentation).
    public static func write(_ data: Data, to path: String, placement: Placement) throws {
        let writer = try AtomicWriter(destination: path, placement: placement)
        try writer.write(data)
        try writer.commit()
    }

    /// Whether a commit failed because a new file's name was taken.
    public static func isNameTaken(_ error: FileError) -> Bool { error.kind == .cannotWrite(taken) }

    private static let taken = "it already exists"

    private func flush() throws {
        let bytes = pending
        pending.removeAll(keepingCapacity: true)
        try bytes.withUnsafeBytes { (raw) throws in try writeAll(raw) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            offset += written
        }
    }

    private func failure() -> FileError { FileError(path: destination, kind: .cannotWrite(Self.reason())) }

    static func reason() -> String { String(cString: strerror(errno)) }
}
