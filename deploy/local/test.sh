#!/usr/bin/env bash
# Every test: bring the local stack up, check formatting and static analysis, then run all
# tests against the real PostgreSQL, Redis, S3 server and Tesseract. With CI set, a missing
# service fails a test instead of skipping it.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Go 1.26.11 has the standard-library fixes govulncheck asks for; the go command fetches it from
# the module proxy once (machines here default to GOTOOLCHAIN=local, which ignores go.mod).
export GOTOOLCHAIN="${SOHOA_GOTOOLCHAIN:-go1.26.11}"
bash deploy/local/up.sh
# The optimised engine is opt-in for running sohoa, but its test (identical text, hOCR and word
# boxes to Debian's library, cmd/sohoa/engine_test.go) runs here: built once per machine, a few
# minutes, then reused. SOHOA_ENGINE=0 leaves it out (its test then skips, or fails under CI).
if [ "${SOHOA_ENGINE:-1}" != 0 ]; then bash deploy/engine/build.sh; fi
: "${SOHOA_CACHE_DIR:=/var/cache/sohoa}"
export OMP_THREAD_LIMIT=1

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then echo "gofmt would change: $unformatted"; exit 1; fi
echo "== go vet"
go vet ./...
echo "== staticcheck"
if [ ! -x "$SOHOA_CACHE_DIR/bin/staticcheck" ]; then
  mkdir -p "$SOHOA_CACHE_DIR/bin"
  GOBIN="$SOHOA_CACHE_DIR/bin" go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
fi
"$SOHOA_CACHE_DIR/bin/staticcheck" ./...
# The slow fault tests build only with -tags chaos (make chaos): checked here all the same.
go vet -tags chaos ./chaos/
"$SOHOA_CACHE_DIR/bin/staticcheck" -tags chaos ./chaos/
echo "== govulncheck"
bash deploy/local/vulncheck.sh
echo "== go test"
go test -count=1 -timeout 45m "$@" ./...
