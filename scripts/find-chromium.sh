#!/usr/bin/env bash
# Prints the path of a Chromium that runs, for Playwright (playwright.config.ts reads CHROMIUM_PATH).
# Looks at, in order: $CHROMIUM_PATH, /usr/bin/chromium, `chromium` and `chromium-browser` in PATH.
# Exits 1 with a message on stderr when there is none. Usage: CHROMIUM_PATH=$(bash scripts/find-chromium.sh)
set -euo pipefail

runs() {
  # Debian's /usr/bin/chromium is a wrapper script that prints shell noise on stderr: ignore it.
  local version
  [ -x "$1" ] || return 1
  version=$("$1" --version 2>/dev/null) || return 1
  [[ $version == *[Cc]hrom* ]]
}

if [ -n "${CHROMIUM_PATH:-}" ]; then
  if runs "$CHROMIUM_PATH"; then
    echo "$CHROMIUM_PATH"
    exit 0
  fi
  echo "CHROMIUM_PATH is set to '$CHROMIUM_PATH', but that is not a Chromium that runs (\`$CHROMIUM_PATH --version\` failed)." >&2
  exit 1
fi

candidates=(/usr/bin/chromium)
for name in chromium chromium-browser; do
  if found=$(command -v "$name" 2>/dev/null); then candidates+=("$found"); fi
done

for candidate in "${candidates[@]}"; do
  if runs "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done

echo "Chromium is missing: apt-get install -y chromium (Debian/Ubuntu) or set CHROMIUM_PATH" >&2
exit 1
