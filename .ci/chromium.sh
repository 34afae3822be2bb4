#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (test/web), idempotently.
# The tests drive it with playwright-core at /usr/bin/chromium (no browser download: the network
# is closed to everything but the package registries). Needs root for apt-get; without it, or
# without apt-get, it says so and exits 0: the browser tests then skip with a message.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium.sh: $(/usr/bin/chromium --version 2>/dev/null | head -1 || echo 'chromium present')" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  echo "chromium.sh: cannot install chromium (needs apt-get and root); browser tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
echo "chromium.sh: installing chromium" >&2
apt-get update -qq >&2
# DejaVu Sans has Arabic glyphs, so screenshots show the text, not boxes.
apt-get install -y -qq chromium fonts-dejavu-core >&2
/usr/bin/chromium --version >&2 || true
