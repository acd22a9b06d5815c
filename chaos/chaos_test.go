// Package chaos holds the fault tests: real worker processes killed, services stopped, against
// the local stack. The fast slice (a worker killed mid-OCR, Redis flushed mid-batch: about two
// minutes) runs in make test; the slow faults (Redis, PostgreSQL and the S3 server away for 30 s
// each, a Sentinel failover, 2,000 pages) need -tags chaos and run in make chaos.
package chaos

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/storage/s3"
)

// build compiles the sohoa binary once for the worker processes.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "sohoa")
	out, err := exec.Command("go", "build", "-o", bin, "../cmd/sohoa").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// A worker killed with SIGKILL in the middle of OCR loses nothing: after Asynq's lease expires
// another worker runs the page again, and every page and figure is counted once.
func TestKillWorkerMidOCR(t *testing.T) {
	bin := build(t)
	db, dbURL := testenv.Postgres(t)
	_, s3cfg := testenv.Bucket(t)
	redis := testenv.Redis(t)
	ctx := context.Background()
	if err := db.UpsertDesk(ctx, pipeline.Desk{Code: "K", Name: "K", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	originals, _ := s3.Open(s3.Config{Endpoint: s3cfg.Endpoint, AccessKey: s3cfg.AccessKey, SecretKey: s3cfg.SecretKey, Bucket: s3cfg.Bucket + "-originals"})
	files, _ := filepath.Glob("../testdata/demo/batch/*/*/*.png")
	const n = 6
	for i := 0; i < n; i++ {
		b, _ := os.ReadFile(files[i%len(files)])
		key := pipeline.Key("K", "b", fmt.Sprintf("D%d", i), fmt.Sprintf("p%d.png", i))
		if err := originals.Put(ctx, key, b, "image/png"); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "OMP_THREAD_LIMIT=1", "SOHOA_DATABASE_URL="+dbURL, "SOHOA_REDIS_ADDR="+redis.Addr,
		fmt.Sprintf("SOHOA_REDIS_DB=%d", redis.DB), "SOHOA_S3_ENDPOINT="+s3cfg.Endpoint, "SOHOA_S3_BUCKET="+s3cfg.Bucket,
		"SOHOA_METRICS_ADDR=", "SOHOA_CONCURRENCY=1", "SOHOA_LOG_FORMAT=text")
	start := func() *exec.Cmd {
		cmd := exec.Command(bin, "worker", "-reconcile-age", "1m")
		cmd.Env = env
		logf, _ := os.Create(filepath.Join(t.TempDir(), "worker.log"))
		cmd.Stdout, cmd.Stderr = logf, logf
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	count := func(q string) int {
		var c int
		if err := db.Pool.QueryRow(ctx, q).Scan(&c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	first := start() // the worker's pickup registers the files and the pages start
	deadline := time.Now().Add(2 * time.Minute)
	for count(`SELECT count(*) FROM stage_attempts WHERE task_type = 'sohoa:ocr' AND outcome = 'running'`) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no OCR started")
		}
		time.Sleep(50 * time.Millisecond)
	}
	_ = first.Process.Signal(syscall.SIGKILL)
	_ = first.Wait()
	cut := count(`SELECT count(*) FROM stage_attempts WHERE task_type = 'sohoa:ocr' AND outcome = 'running'`)
	t.Logf("killed with %d OCR attempts cut off; %d pages done", cut, count(`SELECT count(*) FROM pages WHERE state = 'done'`))

	second := start()
	defer func() { _ = second.Process.Signal(syscall.SIGTERM); _ = second.Wait() }()
	deadline = time.Now().Add(5 * time.Minute) // lease 30 s + recoverer every minute
	for count(`SELECT count(*) FROM dossiers WHERE state <> 'open'`) < n {
		if time.Now().After(deadline) {
			t.Fatalf("after the kill: %d of %d dossiers ended", count(`SELECT count(*) FROM dossiers WHERE state <> 'open'`), n)
		}
		time.Sleep(time.Second)
	}
	if d := count(`SELECT count(*) FROM pages WHERE state = 'done'`); d != n {
		t.Errorf("%d pages done, want %d", d, n)
	}
	if dup := count(`SELECT count(*) FROM (SELECT page_id, kind FROM artifacts WHERE page_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) x`); dup != 0 {
		t.Errorf("%d artifacts recorded twice", dup)
	}
	figs, _ := db.DeskFigures(ctx)
	if len(figs) != 1 || figs[0].Dossiers != n || figs[0].DossiersDigitized != n || figs[0].PagesDone != n {
		t.Errorf("figures after the kill: %+v", figs)
	}
	t.Logf("OCR attempts in the ledger: %d for %d pages", count(`SELECT count(*) FROM stage_attempts WHERE task_type = 'sohoa:ocr'`), n)
}
