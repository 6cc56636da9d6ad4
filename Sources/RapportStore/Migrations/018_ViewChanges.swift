extension Migration {
    /// On SQLite, a feed of the people whose customer 360 changed: one row each time a
    /// person's view stamp (migration 004) moves, kept by triggers, so that
    /// ``CustomerDocumentCache`` learns what changed from one read of the feed after each
    /// commit instead of reading the stamp of every person it serves (see ``ViewChangeFeed``).
    ///
    /// - `seq` is `AUTOINCREMENT`, so a number is never given twice, even after the newest
    ///   rows are deleted: a follower that has seen `seq` has seen everything before it.
    /// - The feed keeps the latest 100 000 changes; a follower that finds a gap (it fell
    ///   further behind, or rows were deleted) forgets every cached document.
    /// - Deleting a person removes their rows and adds one with no person, which tells every
    ///   follower to forget everything: the feed keeps no trace of someone erased.
    ///
    /// PostgreSQL reads the stamp per request (one indexed read on a round trip it makes anyway).
    static let m018ViewChanges = Migration(version: 18, name: "view changes") { kind in
        guard kind == .sqlite else { return [] }
        return [
            "CREATE TABLE view_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, person_id TEXT)",
            """
            CREATE TRIGGER people_view_changes AFTER UPDATE OF view_version ON people
            WHEN NEW.view_version <> OLD.view_version
            BEGIN INSERT INTO view_changes (person_id) VALUES (NEW.id); END
            """,
            """
            CREATE TRIGGER people_view_erased AFTER DELETE ON people
            BEGIN DELETE FROM view_changes WHERE person_id = OLD.id; INSERT INTO view_changes (person_id) VALUES (NULL); END
            """,
            """
            CREATE TRIGGER view_changes_kept AFTER INSERT ON view_changes
            BEGIN DELETE FROM view_changes WHERE seq <= NEW.seq - \(ViewChangeFeed.kept); END
            """,
        ]
    }
}
