#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the test suite.
#
#   scripts/ci/start-postgres.sh DIR
#
# Installs PostgreSQL from Debian if no pg_ctl is found under /usr/lib/postgresql/*/bin,
# then, as the postgres user, creates a cluster in DIR/data listening on 127.0.0.1 only
# (first free port from $RAPPORT_CI_PG_PORT, default 54329; socket in DIR/sock; log in
# DIR/postgres.log), creates the role rapport (password rapport) and the database
# rapport_test owned by it, and checks a password login over TCP.
# Writes the connection URL to DIR/url and the port to DIR/port.
# Stop it with scripts/ci/stop-postgres.sh DIR.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

dir="${1:?usage: start-postgres.sh DIR}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

pg_bin_dir() {
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$d" && -x "$d/pg_ctl" ]]; then echo "$d"; fi
}

bin="$(pg_bin_dir)"
if [[ -z "$bin" ]]; then
    t0=$SECONDS
    log "PostgreSQL not found; installing it from Debian"
    apt_install postgresql
    bin="$(pg_bin_dir)"
    [[ -n "$bin" ]] || { log "ERROR: postgresql installed but no pg_ctl under /usr/lib/postgresql/*/bin"; exit 1; }
    log "PostgreSQL installed in $(fmt_secs $((SECONDS - t0)))"
else
    log "PostgreSQL already installed: $bin"
fi
"$bin/postgres" --version
id postgres >/dev/null 2>&1 || { log "ERROR: no postgres user (the postgresql package creates it)"; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port="${RAPPORT_CI_PG_PORT:-54329}"
for _ in $(seq 1 50); do
    port_in_use "$port" || break
    log "port $port is taken; trying $((port + 1))"
    port=$((port + 1))
done
port_in_use "$port" && { log "ERROR: no free port found for PostgreSQL"; exit 1; }

data="$dir/data"
sock="$dir/sock"
logfile="$dir/postgres.log"
mkdir -p "$sock"
touch "$logfile"
chown -R postgres:postgres "$dir"
chmod 700 "$dir"

as_pg() { (cd "$dir" && runuser -u postgres -- "$@"); }

log "initdb in $data"
as_pg "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log"; exit 1; }

cat >>"$data/postgresql.conf" <<CONF

# --- Rapport CI (throw-away cluster) ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
max_connections = 1000
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
log_line_prefix = '%m [%p] %q%u@%d '
CONF

log "pg_ctl start on 127.0.0.1:$port"
if ! as_pg "$bin/pg_ctl" -D "$data" -l "$logfile" -w -t 60 start; then
    log "ERROR: PostgreSQL did not start; log follows"
    tail -n 50 "$logfile" || true
    exit 1
fi

as_pg "$bin/psql" -h "$sock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q <<'SQL'
CREATE ROLE rapport LOGIN PASSWORD 'rapport' CREATEDB;
CREATE DATABASE rapport_test OWNER rapport ENCODING 'UTF8';
SQL

url="postgres://rapport:rapport@127.0.0.1:$port/rapport_test"
# Check a password login over TCP, as the tests will do it.
PGCONNECT_TIMEOUT=10 "$bin/psql" "$url" -v ON_ERROR_STOP=1 -Atc \
    "select 'connected as ' || current_user || ' to ' || current_database() || ', server ' || current_setting('server_version')"

echo "$url" >"$dir/url"
echo "$port" >"$dir/port"
log "PostgreSQL ready: $url"
