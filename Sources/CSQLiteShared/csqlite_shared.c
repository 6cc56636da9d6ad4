#include "csqlite_shared.h"

int csqlite_shared_bind_text(sqlite3_stmt *statement, int index, const char *text, int length) {
    extern int sqlite_nio_sqlite3_bind_text(sqlite3_stmt *, int, const char *, int, void (*)(void *));
    return sqlite_nio_sqlite3_bind_text(statement, index, text, length, (void (*)(void *))-1);
}

int csqlite_shared_enable_stable_plans(sqlite3 *db) {
    extern int sqlite_nio_sqlite3_db_config(sqlite3 *, int op, ...);
    int enabled = 0;
    /* 1007 is SQLITE_DBCONFIG_ENABLE_QPSG. */
    return sqlite_nio_sqlite3_db_config(db, 1007, 1, &enabled);
}
