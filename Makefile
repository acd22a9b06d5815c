# The two commands of the README: `make demo` and `make test`. Both set up what they need.
.PHONY: demo test up build bench bench-coverage bench-ocr chaos lint synth fuzz

demo:
	bash deploy/local/demo.sh

test:
	bash deploy/local/test.sh

up:
	bash deploy/local/up.sh

build:
	go build -o bin/sohoa ./cmd/sohoa

lint:
	gofmt -l . && go vet ./... && staticcheck ./...

# Benchmarks hold the speed targets; results go to docs/benchmarks.md.
bench:
	OMP_THREAD_LIMIT=1 GOMAXPROCS=1 go test -run '^$$' -bench . -benchtime 22x ./scan/
	OMP_THREAD_LIMIT=1 GOMAXPROCS=1 go test -run '^$$' -bench Preparation -benchtime 1x -timeout 30m ./pipeline/

# Reports at national scale: seeds sohoa_bench once (11,956 desks, 10 million dossiers; minutes).
bench-coverage:
	go test -run '^$$' -bench Coverage -benchtime 50x -timeout 60m ./storage/postgres/

# OCR throughput side by side with the tesseract CLI and OCRmyPDF, and the 1,000-page soak.
bench-ocr:
	OMP_THREAD_LIMIT=1 go test -run '^$$' -bench Throughput -benchtime 1x -timeout 30m ./cmd/sohoa/
	OMP_THREAD_LIMIT=1 go test -run '^$$' -bench Soak -benchtime 1x -timeout 60m ./cmd/sohoa/

# Fault tests against the local stack: worker processes killed (more to come, see docs/reliability.md).
chaos: up
	SOHOA_CHAOS=1 OMP_THREAD_LIMIT=1 go test -count=1 -v -timeout 30m ./chaos/

# Regenerate the demo batch (deterministic).
synth:
	go run ./cmd/synth -out testdata/demo

# Fuzz the decoders; new interesting inputs land in Go's cache: copy them into
# scan/testdata/fuzz/FuzzDecode to keep them as seeds.
fuzz:
	go test -run '^$$' -fuzz FuzzDecode -fuzztime 60s ./scan/
