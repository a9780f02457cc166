#!/usr/bin/env bash
# Starts a local clamd for the virus-scan tests and prints its socket path.
#
# Idempotent: installs clamav when missing, reuses a clamd that already answers PING.
# No signature download is possible on build machines (no network besides package registries), so the
# database is one hash signature we make ourselves: the EICAR test file. That is enough to prove the
# INSTREAM round trip (EICAR -> FOUND, anything else -> OK); production clamd uses freshclam's database.
#
# Environment (all optional):
#   ARCHIVEBRIDGE_CLAMD_DIR   working folder (config, database, log)   default /tmp/archivebridge-clamd
#   ARCHIVEBRIDGE_TEST_CLAMD  Unix socket path                          default /tmp/archivebridge-clamd.sock
#   ARCHIVEBRIDGE_CLAMD_PORT  also listen on 127.0.0.1:PORT (e.g. 3311) default 0: Unix socket only
set -euo pipefail

dir="${ARCHIVEBRIDGE_CLAMD_DIR:-/tmp/archivebridge-clamd}"
socket="${ARCHIVEBRIDGE_TEST_CLAMD:-/tmp/archivebridge-clamd.sock}"
port="${ARCHIVEBRIDGE_CLAMD_PORT:-0}"
conf="$dir/clamd.conf"

log() { echo "start-clamd: $*" >&2; }

if ! command -v clamd >/dev/null || ! command -v clamdscan >/dev/null; then
    [ "$(id -u)" = 0 ] || { log "clamd is not installed and this is not root: run as root"; exit 1; }
    log "installing clamav-daemon"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq clamav-daemon clamav clamdscan >/dev/null
fi

# A clamd from an earlier run that still answers is reused as it is.
if [ -S "$socket" ] && [ -f "$conf" ] && clamdscan --config-file="$conf" --ping 1 >/dev/null 2>&1; then
    echo "$socket"
    exit 0
fi

mkdir -p "$dir/db" "$dir/tmp"
# A clamd of ours that hangs is stopped; the pid is checked to be that clamd (pids get reused).
pid="$(cat "$dir/clamd.pid" 2>/dev/null || true)"
if [ -n "$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "clamd --config-file=$conf"; then
    log "clamd (pid $pid) does not answer; stopping it"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -d "/proc/$pid" ] && [ "$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null)" != Z ] || break; sleep 0.1; done
fi

rm -f "$socket"

# The EICAR test string, assembled from parts so that this script is not itself a signature match.
eicar="$dir/eicar.com"
printf '%s' 'X5O!P%@AP[4\PZX54(P^)7CC)7}$' 'EICAR-STANDARD-' 'ANTIVIRUS-TEST-' 'FILE!$H+H*' > "$eicar"
# .hdb line: md5:size:name (ClamAV hash signature format).
echo "$(md5sum "$eicar" | cut -d' ' -f1):$(stat -c %s "$eicar"):ArchiveBridge.Test.EICAR" > "$dir/db/archivebridge-test.hdb"
rm -f "$eicar"

cat > "$conf" <<EOF
LocalSocket $socket
LocalSocketMode 666
DatabaseDirectory $dir/db
TemporaryDirectory $dir/tmp
PidFile $dir/clamd.pid
LogFile $dir/clamd.log
LogTime yes
Foreground false
StreamMaxLength 100M
EOF
if [ "$port" != 0 ]; then
    printf 'TCPAddr 127.0.0.1\nTCPSocket %s\n' "$port" >> "$conf"
fi

log "starting clamd ($conf)"
clamd --config-file="$conf"

# clamd forks once its database is loaded; PING proves it also accepts commands. Bounded: 60 x 1 s.
if ! clamdscan --config-file="$conf" --ping 60:1 >/dev/null 2>&1; then
    log "clamd did not answer PING; last log lines:"
    tail -n 20 "$dir/clamd.log" >&2 || true
    exit 1
fi
echo "$socket"
