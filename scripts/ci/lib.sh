#!/usr/bin/env bash
# Shared helpers for Rapport's CI scripts. Source it; do not run it.
#   banner TEXT            print a visible step banner
#   log TEXT               print a timestamped line
#   fmt_secs N             "1m 05s"
#   apt_install PKG...     apt-get install -y with update-once, lock waiting and retries

export DEBIAN_FRONTEND=noninteractive

# One scratch folder for the whole CI run (created by .ci/run; made here if a script runs alone).
if [[ -z "${RAPPORT_CI_TMP:-}" ]]; then
    RAPPORT_CI_TMP="$(mktemp -d /tmp/rapport-ci.XXXXXX)"
    export RAPPORT_CI_TMP
fi

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

banner() {
    printf '\n'
    printf '=%.0s' {1..78}; printf '\n'
    printf '== %s\n' "$*"
    printf '=%.0s' {1..78}; printf '\n'
}

fmt_secs() {
    local s=$1
    printf '%dm %02ds' $((s / 60)) $((s % 60))
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi
}

# apt-get with a 5-minute wait on the dpkg/apt locks (another apt run, unattended
# upgrades) and up to 3 tries for transient registry errors.
_apt_get() {
    local try
    for try in 1 2 3; do
        if as_root env DEBIAN_FRONTEND=noninteractive apt-get \
            -o DPkg::Lock::Timeout=300 \
            -o Acquire::Retries=3 \
            -o Dpkg::Options::=--force-confdef \
            -o Dpkg::Options::=--force-confold \
            "$@"; then
            return 0
        fi
        log "apt-get $* failed (try $try of 3); waiting before retrying"
        sleep $((try * 10))
    done
    log "apt-get $* failed three times"
    return 1
}

apt_update_once() {
    local marker="$RAPPORT_CI_TMP/.apt-updated"
    [[ -f "$marker" ]] && return 0
    log "apt-get update"
    _apt_get update -q
    touch "$marker"
}

apt_install() {
    apt_update_once
    log "apt-get install -y $*"
    _apt_get install -y -q "$@"
}
