#!/usr/bin/env bash
# Installs the headless Chromium that the HTML report tests drive through Microsoft.Playwright, plus a CJK
# font so Chinese labels render (the tests read the page text, a screenshot would show tofu without it).
#
# Idempotent: does nothing when /usr/bin/chromium and the font are already there. Debian's chromium package
# is used on purpose: `playwright install` downloads a browser build from outside the package registries,
# which build machines cannot reach. Tests launch it with ExecutablePath=/usr/bin/chromium.
set -euo pipefail

log() { echo "start-chromium: $*" >&2; }

if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei"; then
    echo /usr/bin/chromium
    exit 0
fi

[ "$(id -u)" = 0 ] || { log "chromium is not installed and this is not root: run as root"; exit 1; }
log "installing chromium and fonts-wqy-microhei"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei >/dev/null
[ -x /usr/bin/chromium ] || { log "/usr/bin/chromium is missing after the install"; exit 1; }
echo /usr/bin/chromium
