import AsyncKit
import Logging
import NIOCore
import SQLiteKit
import SQLiteNIO

/// Opens SQLite connections the way Rapport needs them: foreign keys on, WAL journal so
/// readers never wait for the writer, `synchronous = NORMAL` (safe with WAL), and a busy
/// timeout so a second writer waits its turn instead of failing; reads are memory-mapped
/// (up to 2 GiB) so hot pages are not copied through `pread` on every query.
struct SQLitePragmaSource: ConnectionPoolSource {
    let path: String

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: .file(path: path), threadPool: .singleton, logger: logger, on: eventLoop)
            .flatMap { connection in
                let pragmas = [
                    "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
                    "PRAGMA busy_timeout = 10000", "PRAGMA cache_size = -65536", "PRAGMA temp_store = MEMORY",
                    "PRAGMA mmap_size = 2147418112",
                ]
                return pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { previous, pragma in
                    previous.flatMap { connection.query(pragma).map { _ in } }
                }.map { connection }
                    .flatMapError { error in connection.close().flatMapThrowing { throw error } }
            }
    }
}
