import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets one connection at a time, in any process, create or migrate a records store.
///
/// Several processes opening a new store at once (a classroom's first morning) would
/// otherwise race: GRDB turns WAL on and applies each migration in a transaction of its
/// own, so no single SQLite transaction can enclose the whole setup, and a process that
/// checked the migrations table a moment before another created it fails. Instead the
/// setup runs under an exclusive `flock` on a small file beside the database
/// (`<database>-lock`, mode 0600), waited for up to the store's busy timeout.
///
/// `flock` locks belong to one open file description, so two stores opened on one file in
/// the same process exclude each other as well. The lock file is never removed: removing
/// it while another process waits on it would let a third process lock a new file.
struct SetupLock {
    /// The lock file's path.
    let path: String
    private let descriptor: Int32

    /// Takes the lock for the database at `databasePath`, waiting up to `timeout` seconds.
    ///
    /// - Throws: ``StoreError/cannotOpen(path:reason:)`` when the lock file cannot be opened
    ///   or another process holds the lock for longer than `timeout`.
    static func acquire(for databasePath: String, timeout: TimeInterval) throws -> SetupLock {
        let path = databasePath + "-lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError.cannotOpen(path: databasePath, reason: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(descriptor)
                throw StoreError.cannotOpen(path: databasePath, reason: "cannot lock \(path): \(String(cString: strerror(code)))")
            }
            guard Date() < deadline else {
                close(descriptor)
                throw StoreError.cannotOpen(
                    path: databasePath,
                    reason: "another twofold process has been setting it up for more than \(Int(timeout)) seconds")
            }
            usleep(5_000)
        }
        return SetupLock(path: path, descriptor: descriptor)
    }

    /// Gives the lock up (closing the file releases it).
    func release() {
        close(descriptor)
    }
}
