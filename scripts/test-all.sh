#!/usr/bin/env bash
# `npm test`: the one command that runs every check and every test, and fails at the first failure.
#   prerequisites -> typecheck and lint (at the same time) -> unit -> integration -> build -> public bundle size -> e2e
# Env: TEST_DATABASE_URL (PostgreSQL for the integration tests; default
# postgres://postgres@127.0.0.1:5432/postgres), CHROMIUM_PATH, E2E_PORT (default 3100).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -t 1 ]; then BOLD=$'\e[1m' RED=$'\e[31m' GREEN=$'\e[32m' RESET=$'\e[0m'; else BOLD='' RED='' GREEN='' RESET=''; fi

START=$SECONDS
export NEXT_TELEMETRY_DISABLED=1
CURRENT_STEP='starting'
SUMMARY=()

duration() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

on_exit() {
  local status=$?
  local total=$((SECONDS - START))
  echo
  if [ "$status" -eq 0 ]; then
    printf '%s\n' "${SUMMARY[@]}"
    echo "${GREEN}${BOLD}All checks and tests passed${RESET} in $(duration "$total")."
  else
    [ "${#SUMMARY[@]}" -gt 0 ] && printf '%s\n' "${SUMMARY[@]}"
    echo "${RED}${BOLD}FAILED in step: ${CURRENT_STEP}${RESET} (exit ${status}) after $(duration "$total") in all."
  fi
}
trap on_exit EXIT

# step NAME COMMAND...: runs one step under a heading and records its time; stops on failure.
step() {
  local name=$1
  shift
  CURRENT_STEP=$name
  echo
  echo "${BOLD}==> ${name}${RESET}  (\$ $*)"
  local started=$SECONDS
  "$@"
  local took=$((SECONDS - started))
  echo "${GREEN}--- ${name}: passed in $(duration "$took")${RESET}"
  SUMMARY+=("$(printf '  %-22s %s' "$name" "$(duration "$took")")")
}

# together NAME 'COMMAND' NAME 'COMMAND'...: runs independent steps at the same time, then shows each
# one's output under its own heading, in order, with its time; fails naming every step that failed.
# For single-threaded steps (tsc, eslint) on a machine with 2 cores: together they take the time of the longer.
together() {
  local names=() commands=() pids=() logs=() failed=()
  local started=$SECONDS
  while [ "$#" -gt 0 ]; do
    names+=("$1")
    commands+=("$2")
    shift 2
  done
  local all
  all=$(printf '%s and ' "${names[@]}")
  all=${all% and }
  CURRENT_STEP=$all
  local i
  for i in "${!names[@]}"; do
    logs+=("$(mktemp)")
    (
      step_started=$SECONDS
      set +e
      bash -c "${commands[$i]}" >"${logs[$i]}" 2>&1
      status=$?
      echo "$((SECONDS - step_started))" >"${logs[$i]}.took"
      exit "$status"
    ) &
    pids+=($!)
  done
  echo
  echo "${BOLD}==> ${all}, at the same time${RESET}"
  for i in "${!names[@]}"; do
    local status=0
    wait "${pids[$i]}" || status=$?
    local took
    took=$(cat "${logs[$i]}.took" 2>/dev/null || echo $((SECONDS - started)))
    echo
    echo "${BOLD}==> ${names[$i]}${RESET}  (\$ ${commands[$i]})"
    cat "${logs[$i]}"
    rm -f "${logs[$i]}" "${logs[$i]}.took"
    if [ "$status" -eq 0 ]; then
      echo "${GREEN}--- ${names[$i]}: passed in $(duration "$took")${RESET}"
      SUMMARY+=("$(printf '  %-22s %s (at the same time as the others)' "${names[$i]}" "$(duration "$took")")")
    else
      echo "${RED}--- ${names[$i]}: FAILED (exit ${status}) after $(duration "$took")${RESET}"
      failed+=("${names[$i]}")
    fi
  done
  if [ "${#failed[@]}" -gt 0 ]; then
    CURRENT_STEP=$(printf '%s and ' "${failed[@]}")
    CURRENT_STEP=${CURRENT_STEP% and }
    return 1
  fi
  echo "${GREEN}--- ${all}: passed in $(duration $((SECONDS - started))) together${RESET}"
}

# --- prerequisites ---------------------------------------------------------------------------
check_prerequisites() {
  local problems=()

  if ! command -v node >/dev/null; then
    echo "${RED}Node.js is missing${RESET}: install Node.js >= 20.19 (with npm), then run \`npm ci\`."
    return 1
  fi
  if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
    problems+=("Node.js >= 20.19 is needed (found: $(node --version 2>/dev/null || echo none)).")
  fi

  local missing_bins=()
  for bin in tsc eslint vitest next playwright tsx; do
    [ -x "node_modules/.bin/$bin" ] || missing_bins+=("$bin")
  done
  if [ ! -d node_modules ]; then
    problems+=("node_modules is missing: run \`npm ci\`.")
  elif [ "${#missing_bins[@]}" -gt 0 ]; then
    problems+=("node_modules is incomplete (no ${missing_bins[*]}): run \`npm ci\`.")
  fi

  local chromium
  if chromium=$(bash scripts/find-chromium.sh 2>&1); then
    export CHROMIUM_PATH=$chromium
    echo "Chromium:   $CHROMIUM_PATH ($("$CHROMIUM_PATH" --version 2>/dev/null))"
  else
    problems+=("$chromium")
  fi

  export TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
  local url_hint="set TEST_DATABASE_URL=postgres://USER[:PASSWORD]@HOST:PORT/DB (a user that may CREATE DATABASE)"
  if command -v pg_isready >/dev/null && ! pg_isready -q -t 5 -d "$TEST_DATABASE_URL"; then
    problems+=("PostgreSQL is not accepting connections at $TEST_DATABASE_URL. Start it (on Debian: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start) or $url_hint.")
  elif [ -d node_modules/postgres ]; then
    # pg_isready does not log in; this does (a wrong user or password shows here, not mid-tests).
    local pg_error
    if ! pg_error=$(node -e '
      const sql = require("postgres")(process.env.TEST_DATABASE_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
      sql`select 1`.then(() => sql.end(), async (e) => { console.log(e.message); await sql.end({ timeout: 1 }); process.exit(1); });
    ' 2>&1); then
      problems+=("Cannot use PostgreSQL at $TEST_DATABASE_URL: ${pg_error}. Is it running? Otherwise $url_hint.")
    else
      echo "PostgreSQL: $TEST_DATABASE_URL"
    fi
  fi

  local port=${E2E_PORT:-3100}
  if ! node -e '
    const s = require("net").createServer().once("error", () => process.exit(1));
    s.listen(Number(process.argv[1]), "127.0.0.1", () => s.close(() => process.exit(0)));
  ' "$port" 2>/dev/null; then
    problems+=("Port $port on 127.0.0.1 (for the end-to-end server) is in use: stop what is listening there or set E2E_PORT.")
  fi

  if [ "${#problems[@]}" -gt 0 ]; then
    echo "${RED}Missing prerequisites:${RESET}"
    printf '  - %s\n' "${problems[@]}"
    return 1
  fi
  echo "Node.js:    $(node --version); node_modules present"
}

step 'prerequisites' check_prerequisites
together 'typecheck' 'npm run --silent typecheck' 'lint' 'npm run --silent lint'
step 'unit tests' npm run --silent test:unit
step 'integration tests' npm run --silent test:integration
# The typecheck step checked what the build's own type check would (next.config.js).
step 'build' env HRD_TYPES_CHECKED=1 npm run --silent build
step 'public bundle size' npm run --silent bundle:size
step 'end-to-end tests' npm run --silent test:e2e
