import GRDB

extension RecordsStore {
    /// Version 3: the outbox of statements for the learning record store.
    ///
    /// One row per statement id, in the order queued (`seq`). A row waits while
    /// `deliveredAt` is null; `attempts` counts sends (a row never sent can still be
    /// withdrawn instead of voided); `leaseHolder`/`leaseUntil` mark a row a process is
    /// sending now; `nextAttemptAt` holds a failed row back until its retry is due.
    static func createOutbox(_ db: Database) throws {
        try db.create(table: "outbox") { table in
            table.autoIncrementedPrimaryKey("seq")
            table.column("statementId", .text).notNull().unique()
            table.column("registration", .text).notNull()
            table.column("verb", .text).notNull()
            table.column("body", .text).notNull()
            table.column("queuedAt", .datetime).notNull()
            table.column("attempts", .integer).notNull().defaults(to: 0)
            table.column("lastAttemptAt", .datetime)
            table.column("nextAttemptAt", .datetime)
            table.column("lastError", .text)
            table.column("leaseHolder", .integer)
            table.column("leaseUntil", .datetime)
            table.column("deliveredAt", .datetime)
        }
        // The worker's query: waiting rows in queue order.
        try db.create(index: "outbox_waiting", on: "outbox", columns: ["seq"], condition: Column("deliveredAt") == nil)
        try db.execute(sql: "PRAGMA user_version = 3")
    }
}
