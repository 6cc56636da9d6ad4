/// The part of SQLite's C interface that Rapport's own fast paths use.
///
/// Rapport does not link a second SQLite: these are the functions of the copy that
/// SQLiteNIO vendors (its symbols carry the `sqlite_nio_` prefix), so Rapport's direct
/// connections and SQLiteNIO's share one library and therefore one set of POSIX file
/// locks. Two SQLite libraries in one process opening the same file would silently
/// break each other's locking.
#ifndef CSQLITE_SHARED_H
#define CSQLITE_SHARED_H

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
typedef long long int sqlite3_int64;

int sqlite_nio_sqlite3_open_v2(const char *filename, sqlite3 **ppDb, int flags, const char *zVfs);
int sqlite_nio_sqlite3_close_v2(sqlite3 *);
int sqlite_nio_sqlite3_exec(sqlite3 *, const char *sql, int (*callback)(void *, int, char **, char **), void *, char **errmsg);
int sqlite_nio_sqlite3_busy_timeout(sqlite3 *, int ms);
int sqlite_nio_sqlite3_extended_errcode(sqlite3 *db);
const char *sqlite_nio_sqlite3_errmsg(sqlite3 *);
int sqlite_nio_sqlite3_changes(sqlite3 *);

int sqlite_nio_sqlite3_prepare_v3(sqlite3 *db, const char *zSql, int nByte, unsigned int prepFlags, sqlite3_stmt **ppStmt, const char **pzTail);
int sqlite_nio_sqlite3_step(sqlite3_stmt *);
int sqlite_nio_sqlite3_reset(sqlite3_stmt *pStmt);
int sqlite_nio_sqlite3_clear_bindings(sqlite3_stmt *);
int sqlite_nio_sqlite3_finalize(sqlite3_stmt *pStmt);
int sqlite_nio_sqlite3_bind_parameter_count(sqlite3_stmt *);
int sqlite_nio_sqlite3_bind_int64(sqlite3_stmt *, int, sqlite3_int64);
int sqlite_nio_sqlite3_bind_double(sqlite3_stmt *, int, double);
int sqlite_nio_sqlite3_bind_null(sqlite3_stmt *, int);

int sqlite_nio_sqlite3_column_count(sqlite3_stmt *pStmt);
const char *sqlite_nio_sqlite3_column_name(sqlite3_stmt *, int N);
int sqlite_nio_sqlite3_column_type(sqlite3_stmt *, int iCol);
const unsigned char *sqlite_nio_sqlite3_column_text(sqlite3_stmt *, int iCol);
int sqlite_nio_sqlite3_column_bytes(sqlite3_stmt *, int iCol);
sqlite3_int64 sqlite_nio_sqlite3_column_int64(sqlite3_stmt *, int iCol);
double sqlite_nio_sqlite3_column_double(sqlite3_stmt *, int iCol);

/// Binds UTF-8 text that SQLite copies at once (`SQLITE_TRANSIENT`, a cast of -1 to a
/// function pointer, which Swift cannot write).
int csqlite_shared_bind_text(sqlite3_stmt *statement, int index, const char *text, int length);

/// Turns on the query planner stability guarantee: a statement's plan no longer depends on
/// the values bound to it, so SQLite does not re-prepare a cached statement when new
/// values are bound (without it, every reuse of some statements is a full re-prepare).
int csqlite_shared_enable_stable_plans(sqlite3 *db);

enum {
    CSQLITE_OK = 0,
    CSQLITE_ROW = 100,
    CSQLITE_DONE = 101,
    CSQLITE_INTEGER = 1,
    CSQLITE_FLOAT = 2,
    CSQLITE_TEXT = 3,
    CSQLITE_BLOB = 4,
    CSQLITE_NULL = 5,
    CSQLITE_OPEN_READONLY = 0x00000001,
    CSQLITE_OPEN_READWRITE = 0x00000002,
    CSQLITE_OPEN_CREATE = 0x00000004,
    CSQLITE_OPEN_NOMUTEX = 0x00008000,
    CSQLITE_PREPARE_PERSISTENT = 0x01,
};

#endif
