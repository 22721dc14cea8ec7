#!/usr/bin/env bash
# Runs every test of the handbook: unit, whole-site and browser tests (go test ./...), the
# JavaScript unit tests (node --test), Lighthouse on its own, then each fuzz target for a bounded time. Installs what a
# fresh machine lacks first: the Node packages pinned in package-lock.json and, on Debian or
# Ubuntu, the chromium package the browser tests drive. Environment: FUZZTIME (default 10s per
# target, as GNU timeout reads it), CHROME_PATH (a Chromium to use).
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "test.sh: $1 is required but not installed. $2" >&2; exit 1; }; }
need go "Install Go 1.26 (https://go.dev/dl/)."
need npm "Install Node.js 20 or newer with npm (https://nodejs.org/)."
need node "Install Node.js 20 or newer (https://nodejs.org/)."

# Node packages (Mermaid, Pagefind, axe-core, Lighthouse), exactly as locked.
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$lock_sum" != "$(cat node_modules/.gen-package-lock.sha256 2>/dev/null)" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  printf '%s' "$lock_sum" > node_modules/.gen-package-lock.sha256
fi

# Chromium for the browser tests and for drawing diagrams.
if [ -z "${CHROME_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "test.sh: installing Debian's chromium package for the browser tests" >&2
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
  else
    echo "test.sh: Chromium is required for the browser tests; install it, or set CHROME_PATH to its binary." >&2
    exit 1
  fi
fi

go vet ./...
go test -count=1 -skip '^TestLighthouse$' ./...
node --test assets/js/test/
# Lighthouse alone: its performance score is timing-based, so nothing else may share the CPU.
go test -count=1 -run '^TestLighthouse$' -v ./gen/ | grep -E '^(---|===|ok|FAIL|PASS)|lighthouse_test'

# Fuzz targets, each for FUZZTIME. Go 1.26's own -fuzztime=<duration> can fail a target that
# found nothing with a bare "context deadline exceeded" (go.dev/issue/75804, fixed in Go 1.27),
# which CI hit in two runs of three. So where GNU timeout exists, each target is fuzzed without a
# time limit and interrupted after FUZZTIME, as Ctrl-C would: the stop Go's fuzzing treats as
# normal. timeout then exits 124, and go test prints "ok <package>" only if the target passed.
fuzztime="${FUZZTIME:-10s}"
fuzz_log="$(mktemp)"
trap 'rm -f "$fuzz_log"' EXIT
fuzz() {
  local run=(go test -run='^$' -fuzz="^$2\$" "$1") rc=0
  echo "fuzz $1 $2 for $fuzztime"
  if ! command -v timeout >/dev/null 2>&1; then
    "${run[@]}" -fuzztime="$fuzztime"
    return
  fi
  timeout -k 60 -s INT "$fuzztime" "${run[@]}" -fuzztime=1000000000x 2>&1 | tee "$fuzz_log" || rc=$?
  [ "$rc" = 0 ] || { [ "$rc" = 124 ] && tail -n1 "$fuzz_log" | grep -q '^ok '; }
}
while read -r pkg target; do
  fuzz "$pkg" "$target"
done < <(grep -rl --include='*_test.go' '^func Fuzz' gen | while read -r f; do
  for t in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | cut -d' ' -f2); do echo "./$(dirname "$f") $t"; done
done)
