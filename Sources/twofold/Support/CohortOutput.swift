import TwofoldCore
import Foundation

/// Where a cohort document goes, written as it is produced.
///
/// Standard output gets the text as it comes. A file (`--out`) is built in a hidden
/// temporary file beside it and renamed into place only when complete, like
/// ``AtomicFile`` does for reports — but streamed, so a debrief of 100,000 attempts never
/// holds its whole output in memory. Until ``commit()`` the destination is untouched; a
/// failure removes the temporary file.
final class CohortOutput {
    private let descriptor: Int32
    private let destination: String?
    private let temporary: String?
    private var pending: [UInt8] = []
    private static let flushSize = 1 << 20

    /// Output to `path`, or to standard output when it is nil or `-`.
    init(path: String?) throws {
        guard let path, path != "-" else {
            descriptor = STDOUT_FILENO
            destination = nil
            temporary = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).\(UUID().uuidString).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CLIError(message: "cannot write \(TextSafety.message(path)): \(String(cString: strerror(errno)))", exitCode: 73)
        }
        fchmod(descriptor, 0o644)  // the umask may have narrowed it; reports are meant to be readable
        self.descriptor = descriptor
        self.destination = url.path
        self.temporary = temporary
        pending.reserveCapacity(Self.flushSize + 64 * 1024)
    }

    deinit {
        if let temporary {
            close(descriptor)
            unlink(temporary)  // after a commit the name is gone and this does nothing
        }
    }

    func write(_ text: String) throws {
        let count = text.utf8.count
        if pending.count + count > Self.flushSize { try flush() }
        if count >= Self.flushSize {
            var text = text  // a large piece (a summary) goes straight out, not through the buffer
            try text.withUTF8 { try writeAll(UnsafeRawBufferPointer($0)) }
        } else {
            pending.append(contentsOf: text.utf8)
        }
    }

    /// Finishes the document: flushed, synced and renamed into place for a file.
    func commit() throws {
        try flush()
        guard let destination, let temporary else { return }
        guard fsync(descriptor) == 0, rename(temporary, destination) == 0 else { throw failure() }
        let folder = open(URL(fileURLWithPath: destination).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    private func flush() throws {
        try pending.withUnsafeBytes { try writeAll($0) }
        pending.removeAll(keepingCapacity: true)
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

    private func failure() -> CLIError {
        let reason = String(cString: strerror(errno))
        return CLIError(message: "cannot write \(TextSafety.message(destination ?? "standard output")): \(reason)", exitCode: 73)
    }
}
