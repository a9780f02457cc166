#!/usr/bin/env bash
# Installs and starts what the test suite needs on a fresh Debian machine (idempotent; run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
for script in eng/start-postgres.sh eng/start-clamd.sh eng/start-chromium.sh; do
  if [ -f "$script" ]; then bash "$script"; fi
done
