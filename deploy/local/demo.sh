#!/usr/bin/env bash
# The main job: bring the local stack up, build sohoa, and run the demo batch end to end.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Go 1.26.11 has the standard-library fixes govulncheck asks for; the go command fetches it from
# the module proxy once (machines here default to GOTOOLCHAIN=local, which ignores go.mod).
export GOTOOLCHAIN="${SOHOA_GOTOOLCHAIN:-go1.26.11}"
bash deploy/local/up.sh
go build -o bin/sohoa ./cmd/sohoa
# Tesseract's OpenMP reads this when the library loads; one thread per OCR slot.
export OMP_THREAD_LIMIT=1
exec ./bin/sohoa demo "$@"
