#!/usr/bin/env bash
# Stop the server started by scripts/ci/start-postgres.sh DIR and remove DIR.
#   scripts/ci/stop-postgres.sh DIR [--keep]
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

dir="${1:?usage: stop-postgres.sh DIR [--keep]}"
keep="${2:-}"
[[ -d "$dir" ]] || exit 0
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"

if [[ -f "$dir/data/postmaster.pid" && -n "$bin" ]]; then
    log "stopping PostgreSQL ($dir/data)"
    if ! (cd "$dir" && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop); then
        log "fast stop failed; trying immediate"
        (cd "$dir" && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 15 stop) || true
    fi
    # Last resort: the postmaster's pid from its own pid file.
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
        if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
            log "killing postmaster $pid"
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi
fi
if [[ "$keep" != "--keep" ]]; then
    rm -rf "$dir"
fi
exit 0
