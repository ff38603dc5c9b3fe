import GRDB

extension RecordsStore {
    /// The migrations this build knows, in order. Identifiers are never renamed or reused:
    /// a database that has applied one this list lacks was written by a newer build.
    static func makeMigrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-sessions-steps-settings", migrate: createVersion1)
        migrator.registerMigration("v2-session-options", migrate: addSessionOptions)
        migrator.registerMigration("v3-outbox", migrate: createOutbox)
        return migrator
    }

    /// Version 1: sessions, their step log and remembered settings.
    private static func createVersion1(_ db: Database) throws {
        try db.create(table: "session") { table in
            table.primaryKey("id", .text)
            table.column("kind", .text).notNull()
                .check { ["solo", "group"].contains($0) }
            table.column("learner", .text).notNull()
            table.column("cohort", .text)
            table.column("scenarioId", .text).notNull()
            table.column("scenarioTitle", .text).notNull()
            table.column("scenarioPath", .text).notNull()
            table.column("fingerprint", .text).notNull()
            table.column("state", .blob).notNull()
            table.column("status", .text).notNull()
                .check { ["active", "complete", "abandoned"].contains($0) }
            table.column("startedAt", .datetime).notNull()
            table.column("updatedAt", .datetime).notNull()
            table.column("finishedAt", .datetime)
            table.column("managerPercent", .integer)
            table.column("leaderPercent", .integer)
            table.column("profile", .text)
            table.column("endingTitle", .text)
            table.column("reportPaths", .text)
            table.column("groupSessionId", .text)
        }
        try db.create(index: "session_status_learner", on: "session", columns: ["status", "learner"])
        try db.create(index: "session_scenario", on: "session", columns: ["scenarioId"])

        try db.create(table: "step") { table in
            table.column("sessionId", .text).notNull()
                .references("session", onDelete: .cascade)
            table.column("turn", .integer).notNull()
            table.column("at", .datetime).notNull()
            table.column("kind", .text).notNull()
            table.column("detail", .text).notNull()
            table.primaryKey(["sessionId", "turn"])
        }

        try db.create(table: "setting") { table in
            table.primaryKey("key", .text)
            table.column("value", .text).notNull()
        }
        // Lets tools that only speak SQLite see the schema version too.
        try db.execute(sql: "PRAGMA user_version = 1")
    }

    /// Version 2: the options a session was started with (report folder and formats,
    /// cohort, e-mail, mode), so a resumed session keeps them.
    private static func addSessionOptions(_ db: Database) throws {
        try db.alter(table: "session") { table in
            table.add(column: "options", .blob)
        }
        try db.execute(sql: "PRAGMA user_version = 2")
    }
}
