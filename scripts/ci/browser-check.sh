#!/usr/bin/env bash
# Real-browser check of Rapport's web UI (see browser_check.py for what it asserts).
#
#   scripts/ci/browser-check.sh [PATH_TO_RAPPORT]
#
# Installs Debian's chromium and chromium-driver if /usr/bin/chromium or
# /usr/bin/chromedriver is missing, installs the pinned selenium (requirements.txt) into
# a venv under $RAPPORT_CI_TMP, then runs browser_check.py against a real `rapport serve`
# on 127.0.0.1. Without an argument (or $RAPPORT_BIN) it builds the `rapport` product
# (a no-op after `swift test`) and takes it from `swift build --show-bin-path`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

# --- Chromium and its driver, from Debian -------------------------------------------------
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    log "chromium and chromedriver already installed"
else
    t0=$SECONDS
    apt_install chromium chromium-driver
    log "chromium and chromium-driver installed in $(fmt_secs $((SECONDS - t0)))"
fi
# (Debian's chromium wrapper may print a harmless '[: ... unexpected operator' here.)
log "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium --version failed')"
log "$(/usr/bin/chromedriver --version)"

# --- selenium, pinned, in a throw-away venv ------------------------------------------------
venv="$RAPPORT_CI_TMP/venv"
python="$venv/bin/python"
if [[ ! -x "$python" ]] || ! "$python" -c 'import selenium' 2>/dev/null; then
    t0=$SECONDS
    if python3 -m venv "$venv"; then
        pip_cmd=("$python" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt")
    else
        log "python3 -m venv failed; installing selenium with pip --user instead"
        python="$(command -v python3)"
        pip_cmd=("$python" -m pip install -q --disable-pip-version-check --user -r "$here/requirements.txt")
    fi
    ok=""
    for try in 1 2 3; do
        if "${pip_cmd[@]}"; then ok=1; break; fi
        log "pip install failed (try $try of 3)"
        sleep $((try * 10))
    done
    [[ -n "$ok" ]] || { log "ERROR: could not install selenium"; exit 1; }
    log "selenium installed in $(fmt_secs $((SECONDS - t0)))"
fi
log "selenium $("$python" -c 'import selenium; print(selenium.__version__)')"

# --- the rapport executable ---------------------------------------------------------------
bin="${1:-${RAPPORT_BIN:-}}"
if [[ -z "$bin" ]]; then
    cd "$repo"
    log "swift build --product rapport (reuses the test build)"
    swift build --product rapport
    bin="$(swift build --show-bin-path)/rapport"
fi
[[ -x "$bin" ]] || { log "ERROR: no rapport executable at $bin"; exit 1; }
log "rapport: $bin"

# --- the check ----------------------------------------------------------------------------
workdir="$(mktemp -d "$RAPPORT_CI_TMP/browser.XXXXXX")"
limit="${RAPPORT_CI_BROWSER_TIMEOUT:-900}"
run_check() {
    timeout -k 20 "$limit" "$python" "$here/browser_check.py" --rapport "$bin" --workdir "$workdir" \
        ${RAPPORT_CI_BROWSER_PORT:+--port "$RAPPORT_CI_BROWSER_PORT"}
}
set +e
run_check
rc=$?
if [[ $rc -eq 3 ]]; then
    # Exit 3 means chromedriver itself failed mid-check (not an assertion): one more try,
    # in a fresh folder; a second failure fails the run.
    log "the browser driver failed (not a check); trying the whole check once more"
    workdir="$(mktemp -d "$RAPPORT_CI_TMP/browser.XXXXXX")"
    run_check
    rc=$?
    [[ $rc -eq 3 ]] && rc=1
fi
set -e
if [[ $rc -eq 124 || $rc -eq 137 ]]; then
    log "ERROR: the browser check did not finish within $limit s"
    if [[ -f "$workdir/server.log" ]]; then
        echo "--- server log (tail) ---"
        tail -n 60 "$workdir/server.log"
    fi
fi
exit $rc
