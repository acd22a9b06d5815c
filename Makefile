# The two commands of the README: `make demo` and `make test`. Both set up what they need.
.PHONY: demo test up build engine bench bench-coverage bench-ocr chaos lint synth fuzz vulncheck

# The Go release with the standard library's security fixes (see go.mod's toolchain line).
export GOTOOLCHAIN := $(or $(SOHOA_GOTOOLCHAIN),go1.26.11)

demo:
	bash deploy/local/demo.sh

test:
	bash deploy/local/test.sh

up:
	bash deploy/local/up.sh

build:
	go build -o bin/sohoa ./cmd/sohoa

# The optimised Tesseract engine (opt-in): Debian's libtesseract source with line images kept
# as Pix, installed in /opt/sohoa/tesseract, and bin/sohoa linked against it (same text, faster;
# docs/benchmarks.md). `make build` keeps linking Debian's library.
engine:
	bash deploy/engine/build.sh
	. deploy/engine/env.sh && go build -o bin/sohoa ./cmd/sohoa
	ldd bin/sohoa | grep libtesseract

vulncheck:
	bash deploy/local/vulncheck.sh

lint:
	gofmt -l . && go vet ./... && staticcheck ./...

# Benchmarks hold the speed targets; results go to docs/benchmarks.md.
bench:
	OMP_THREAD_LIMIT=1 GOMAXPROCS=1 go test -run '^$$' -bench . -benchtime 22x ./scan/
	OMP_THREAD_LIMIT=1 GOMAXPROCS=1 go test -run '^$$' -bench Preparation -benchtime 1x -timeout 30m ./pipeline/
	OMP_THREAD_LIMIT=1 GOMAXPROCS=1 go test -run '^$$' -bench SplitCost -benchtime 1x -timeout 30m ./pipeline/

# Reports at national scale: seeds sohoa_bench once (11,956 desks, 10 million dossiers; minutes).
bench-coverage:
	go test -run '^$$' -bench Coverage -benchtime 50x -timeout 60m ./storage/postgres/

# OCR throughput side by side with the tesseract CLI and OCRmyPDF, then all of them alternated
# SOHOA_BENCH_ROUNDS times (default 5; about 4 minutes a round) for ratios within rounds, and
# the 1,000-page soak.
bench-ocr:
	OMP_THREAD_LIMIT=1 go test -run '^$$' -bench Throughput -benchtime 1x -timeout 60m ./cmd/sohoa/
	OMP_THREAD_LIMIT=1 go test -run '^$$' -bench Soak -benchtime 1x -timeout 60m ./cmd/sohoa/

# The whole reliability suite (docs/reliability.md): fault tests against the local stack (worker
# killed, Redis killed and flushed, PostgreSQL and S3 stopped, a Sentinel failover, 2,000 pages
# through two workers; -tags chaos adds the slow ones to the fast slice that make test runs),
# then the hostile-input, duplicate-delivery, upload and security tests, and govulncheck.
chaos: up
	OMP_THREAD_LIMIT=1 CI=true go test -tags chaos -count=1 -v -timeout 60m ./chaos/
	OMP_THREAD_LIMIT=1 CI=true go test -count=1 -run 'TestHostileFiles|TestRealScans|TestEachStageThreeTimes|TestReconciler|TestDuplicateFile' ./pipeline/
	OMP_THREAD_LIMIT=1 CI=true go test -count=1 -run 'TestUpload2GB|TestSecretsNeverLogged|TestQueuesBehindSignIn|TestShutdownMidOCR|TestRetryByDeskAndClass|TestDemoEndToEnd' ./cmd/sohoa/
	CI=true go test -count=1 -run TestFiguresExactUnderConcurrency ./storage/postgres/
	go test -count=1 ./internal/sqlcheck/
	bash deploy/local/vulncheck.sh

# Regenerate the demo batch (deterministic).
synth:
	go run ./cmd/synth -out testdata/demo

# Fuzz the decoders; new interesting inputs land in Go's cache: copy them into
# scan/testdata/fuzz/FuzzDecode to keep them as seeds.
fuzz:
	go test -run '^$$' -fuzz FuzzDecode -fuzztime 60s ./scan/
