import Foundation
import GRDB
import GRDBSQLite

/// The records store: sessions, their step log and remembered settings in one SQLite file.
///
/// The file is in WAL mode with `synchronous = FULL`, and every method is one
/// transaction, so each change is on disk before the method returns: a killed
/// process loses nothing it was told was saved. A 5-second busy timeout (``busyTimeout``)
/// lets several processes (a learner's two terminals, say) write to the same file at once,
/// and several processes may open a new file at once (see ``SetupLock``).
///
/// A database migrated by a newer build is refused with ``StoreError/newerSchema(path:unknownMigrations:)``
/// rather than misread.
public final class RecordsStore: Sendable {
    /// The schema version this build writes: the number of migrations it knows.
    public static let schemaVersion = 3

    /// Where the database file is.
    public let path: String
    /// The connections: one writer, several readers.
    let pool: DatabasePool

    /// How long a write waits for another connection's write to finish, in seconds; also
    /// how long opening waits for another process to finish setting the store up.
    static let busyTimeout: TimeInterval = 5

    /// Opens (creating if needed) the database at `path` and migrates it to ``schemaVersion``.
    ///
    /// The parent folder is created with mode 0700 when missing. Creation and migration run
    /// under ``SetupLock``, so processes opening a new store at the same moment all succeed.
    /// - Throws: ``StoreError/newerSchema(path:unknownMigrations:)`` for a database from a
    ///   newer build, ``StoreError/cannotOpen(path:reason:)`` for anything else that fails.
    public init(path: String) throws {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "cannot create \(folder.path): \(error.localizedDescription)")
        }
        let lock = try SetupLock.acquire(for: path, timeout: Self.busyTimeout)
        defer { lock.release() }
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration())
            // GRDB sets `synchronous = NORMAL` when it turns WAL on; commits must be durable.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            try Self.migrate(pool, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
        }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "TwofoldStore"
        configuration.prepareDatabase { db in
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // Keep the -wal file when the last connection closes: otherwise every run
                // recreates it, and its first commit also syncs the folder (an extra disk
                // flush before a learner's first scene).
                var persist: CInt = 1
                let code = sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, &persist)
                guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
            }
        }
        return configuration
    }

    /// Refuses a database from a newer build, then applies the missing migrations.
    /// Called with ``SetupLock`` held, so no other connection migrates at the same time.
    private static func migrate(_ pool: DatabasePool, path: String) throws {
        let migrator = makeMigrator()
        // One query on the writer connection, which is open already (a read would open a
        // reader connection just for this); an up-to-date database needs nothing more.
        let applied = try pool.writeWithoutTransaction { try migrator.appliedIdentifiers($0) }
        let unknown = applied.subtracting(migrator.migrations).sorted()
        guard unknown.isEmpty else {
            throw StoreError.newerSchema(path: path, unknownMigrations: unknown)
        }
        if applied.isSuperset(of: migrator.migrations) { return }
        try migrator.migrate(pool)
    }

    /// A short reason for a database error, without GRDB's SQL dump.
    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return "\(error)"
    }
}
