import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader, or a crash, never sees half of one.
///
/// The bytes go to a uniquely named temporary file in the destination's folder
/// (mode 0644), which is flushed to disk and then renamed (or linked) into place;
/// the folder is flushed too, so the new name survives a power cut.
public enum AtomicFile {
    /// Writes `data` to `url`, replacing any file already there in one step.
    public static func write(_ data: Data, to url: URL) throws {
        let temporary = try writeTemporary(data, besides: url)
        defer { unlink(temporary) }
        guard rename(temporary, url.path) == 0 else {
            throw failure("rename", url.path)
        }
        try syncFolder(of: url)
    }

    /// Writes `data` to `url`, which must not exist yet.
    ///
    /// Race-safe: the complete file is hard-linked to its final name, which fails if
    /// anything is there, however it got there. On a file system without hard links
    /// the final name is claimed with `O_EXCL` first, then replaced by rename.
    /// - Throws: ``StoreError/fileExists(path:)`` when the destination already exists.
    public static func writeNew(_ data: Data, to url: URL) throws {
        let temporary = try writeTemporary(data, besides: url)
        defer { unlink(temporary) }
        if link(temporary, url.path) != 0 {
            let code = errno
            switch code {
            case EEXIST:
                throw StoreError.fileExists(path: url.path)
            case EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK:
                try claim(url)
                guard rename(temporary, url.path) == 0 else {
                    let error = failure("rename", url.path)
                    unlink(url.path)
                    throw error
                }
            default:
                throw StoreError.fileSystem(operation: "link", path: url.path, code: code)
            }
        }
        try syncFolder(of: url)
    }

    // MARK: - Steps

    /// Creates an empty file at `url` only if no file is there.
    private static func claim(_ url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw StoreError.fileExists(path: url.path) }
            throw failure("open", url.path)
        }
        close(descriptor)
    }

    /// Writes and flushes a new temporary file next to `url`; returns its path.
    private static func writeTemporary(_ data: Data, besides url: URL) throws -> String {
        let folder = url.deletingLastPathComponent()
        let name = ".\(url.lastPathComponent).\(UUID().uuidString).tmp"
        let path = folder.appendingPathComponent(name).path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("open", path) }
        do {
            defer { close(descriptor) }
            // The umask may have narrowed the mode; reports are meant to be readable.
            guard fchmod(descriptor, 0o644) == 0 else { throw failure("chmod", path) }
            try writeAll(data, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw failure("fsync", path) }
        } catch {
            unlink(path)
            throw error
        }
        return path
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure("write", path)
                }
                offset += written
            }
        }
    }

    /// Flushes the folder holding `url`, so a rename or link in it is durable.
    private static func syncFolder(of url: URL) throws {
        let folder = url.deletingLastPathComponent().path
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open", folder) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("fsync", folder) }
    }

    private static func failure(_ operation: String, _ path: String) -> StoreError {
        StoreError.fileSystem(operation: operation, path: path, code: errno)
    }
}
