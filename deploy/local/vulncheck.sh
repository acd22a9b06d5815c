#!/usr/bin/env bash
# govulncheck against a pinned snapshot of the Go vulnerability database, so that it runs on
# machines that reach the Go module proxy but not vuln.go.dev: the snapshot is the
# golang.org/x/vulndb module (its data/osv files), indexed once into $SOHOA_CACHE_DIR/vulndb
# with vulndb's own cmd/indexdb. SOHOA_VULNDB=https://vuln.go.dev checks against the live one.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${SOHOA_CACHE_DIR:=/var/cache/sohoa}"
: "${GOTOOLCHAIN:=go1.26.11}"
export GOTOOLCHAIN
VULNDB_VERSION=v0.0.0-20261105234957-e22db6528018   # the database as of 2026-11-05
GOVULNCHECK_VERSION=v1.9.0
bin="$SOHOA_CACHE_DIR/bin/govulncheck"
if [ ! -x "$bin" ]; then
  mkdir -p "$SOHOA_CACHE_DIR/bin"
  (cd / && GOBIN="$SOHOA_CACHE_DIR/bin" go install "golang.org/x/vuln/cmd/govulncheck@$GOVULNCHECK_VERSION")
fi
db="${SOHOA_VULNDB:-}"
if [ -z "$db" ]; then
  dir="$SOHOA_CACHE_DIR/vulndb-$VULNDB_VERSION"
  if [ ! -f "$dir/index/db.json" ]; then
    src=$(cd / && go mod download -json "golang.org/x/vulndb@$VULNDB_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
    rm -rf "$dir.tmp"
    (cd "$src" && GOFLAGS=-mod=mod go run ./cmd/indexdb -vulns data/osv -out "$dir.tmp")
    mv "$dir.tmp" "$dir"
  fi
  db="file://$dir"
fi
echo "govulncheck against $db"
exec "$bin" -db "$db" ./...
