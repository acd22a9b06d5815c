package chaos

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/storage/postgres"
	"github.com/sohoa/sohoa/storage/s3"
)

// stack is one fault test's database, buckets, Redis and sohoa worker processes.
type stack struct {
	t         *testing.T
	bin       string
	db        *postgres.DB
	originals *s3.Objects
	env       []string
	logDir    string
	workers   []*exec.Cmd
}

// newStack prepares a fresh database and bucket; redisAddr and redisDB name the Redis the
// workers use (the shared one or a test's own).
func newStack(t *testing.T, redisAddr string, redisDB int) *stack {
	t.Helper()
	s := &stack{t: t, bin: build(t), logDir: t.TempDir()}
	var dbURL string
	s.db, dbURL = testenv.Postgres(t)
	_, s3cfg := testenv.Bucket(t)
	var err error
	s.originals, err = s3.Open(s3.Config{Endpoint: s3cfg.Endpoint, AccessKey: s3cfg.AccessKey, SecretKey: s3cfg.SecretKey, Bucket: s3cfg.Bucket + "-originals"})
	if err != nil {
		t.Fatal(err)
	}
	s.env = append(os.Environ(), "OMP_THREAD_LIMIT=1", "SOHOA_DATABASE_URL="+dbURL, "SOHOA_REDIS_ADDR="+redisAddr,
		fmt.Sprintf("SOHOA_REDIS_DB=%d", redisDB), "SOHOA_S3_ENDPOINT="+s3cfg.Endpoint, "SOHOA_S3_BUCKET="+s3cfg.Bucket,
		"SOHOA_METRICS_ADDR=", "SOHOA_CONCURRENCY=1", "SOHOA_LOG_FORMAT=text",
		// Retries at 2, 4, 8 … 64 s: a 30 s outage is inside the retry window.
		"SOHOA_RETRY_BASE=1s")
	t.Cleanup(func() {
		for _, w := range s.workers {
			_ = w.Process.Signal(syscall.SIGTERM)
			_ = w.Wait()
		}
		if t.Failed() {
			logs, _ := filepath.Glob(filepath.Join(s.logDir, "*.log"))
			for _, l := range logs {
				b, _ := os.ReadFile(l)
				lines := strings.Split(string(b), "\n")
				t.Logf("%s (last lines):\n%s", filepath.Base(l), strings.Join(lines[max(0, len(lines)-40):], "\n"))
			}
		}
	})
	return s
}

// startWorker runs one `sohoa worker` process; its reconciler re-sends rows stuck for 20 s.
func (s *stack) startWorker() {
	s.t.Helper()
	cmd := exec.Command(s.bin, "worker", "-reconcile-age", "20s")
	cmd.Env = s.env
	logf, err := os.Create(filepath.Join(s.logDir, fmt.Sprintf("worker-%d.log", len(s.workers))))
	if err != nil {
		s.t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	s.workers = append(s.workers, cmd)
}

// upload writes n files, one dossier each, spread over desks, into the originals bucket as
// any S3 client would; the workers' pickup registers them.
func (s *stack) upload(desks []string, n int, pages [][]byte) {
	s.t.Helper()
	ctx := context.Background()
	for _, d := range desks {
		if err := s.db.UpsertDesk(ctx, pipeline.Desk{Code: d, Name: "Desk " + d, Kind: pipeline.Locality}); err != nil {
			s.t.Fatal(err)
		}
	}
	for i := 0; i < n; i++ {
		desk := desks[i%len(desks)]
		key := pipeline.Key(desk, "b", fmt.Sprintf("D%05d", i), fmt.Sprintf("p%05d.png", i))
		if err := s.originals.Put(ctx, key, pages[i%len(pages)], "image/png"); err != nil {
			s.t.Fatal(err)
		}
	}
}

// count runs a counting query, retrying while PostgreSQL is away.
func (s *stack) count(q string) int {
	s.t.Helper()
	var c int
	var err error
	for i := 0; i < 120; i++ {
		if err = s.db.Pool.QueryRow(context.Background(), q).Scan(&c); err == nil {
			return c
		}
		time.Sleep(500 * time.Millisecond)
	}
	s.t.Fatalf("%s: %v", q, err)
	return 0
}

// waitFor polls until cond holds or the timeout passes.
func (s *stack) waitFor(what string, timeout time.Duration, cond func() bool) {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// waitEnded waits until n dossiers are registered and none is open.
func (s *stack) waitEnded(n int, timeout time.Duration) {
	s.t.Helper()
	s.waitFor(fmt.Sprintf("%d dossiers to end", n), timeout, func() bool {
		return s.count(`SELECT count(*) FROM dossiers WHERE state <> 'open'`) >= n
	})
}

// checkExact: n pages, every one done, none failed, each artifact recorded once, every
// desk's figures equal to a recount from the rows.
func (s *stack) checkExact(n int) {
	s.t.Helper()
	if got := s.count(`SELECT count(*) FROM pages`); got != n {
		s.t.Errorf("%d pages registered, want %d", got, n)
	}
	if got := s.count(`SELECT count(*) FROM pages WHERE state = 'done'`); got != n {
		rows, _ := s.db.Pool.Query(context.Background(), `SELECT state, error_class, error_message FROM pages WHERE state <> 'done' LIMIT 5`)
		for rows.Next() {
			var st, c, e string
			_ = rows.Scan(&st, &c, &e)
			s.t.Logf("not done: %s %s %s", st, c, e)
		}
		s.t.Errorf("%d pages done, want %d", got, n)
	}
	if dup := s.count(`SELECT count(*) FROM (SELECT page_id, kind FROM artifacts WHERE page_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) x`); dup != 0 {
		s.t.Errorf("%d page artifacts recorded twice", dup)
	}
	s.checkFigures()
}

// checkFigures compares every desk's kept figures with a recount from dossiers and pages.
func (s *stack) checkFigures() {
	s.t.Helper()
	read := func(q string) map[string][4]int {
		rows, err := s.db.Pool.Query(context.Background(), q)
		if err != nil {
			s.t.Fatal(err)
		}
		defer rows.Close()
		out := map[string][4]int{}
		for rows.Next() {
			var k string
			var v [4]int
			if err := rows.Scan(&k, &v[0], &v[1], &v[2], &v[3]); err != nil {
				s.t.Fatal(err)
			}
			out[k] = v
		}
		return out
	}
	kept := read(`SELECT desk_code, dossiers, dossiers_digitized, pages_done, pages_failed FROM desk_figures`)
	recount := read(`SELECT o.desk_code, count(DISTINCT o.id), count(DISTINCT o.id) FILTER (WHERE o.state = 'digitized'),
			count(p.id) FILTER (WHERE p.state = 'done'), count(p.id) FILTER (WHERE p.state = 'failed')
		FROM dossiers o LEFT JOIN documents d ON d.dossier_id = o.id AND d.duplicate_of IS NULL
		LEFT JOIN pages p ON p.document_id = d.id GROUP BY 1`)
	if diff := cmp.Diff(recount, kept); diff != "" {
		s.t.Errorf("desk figures differ from a recount (-recount +kept):\n%s", diff)
	}
}

// redisServer is a test's own Redis with an append-only file, so that it can be stopped,
// killed and flushed without touching the machine's shared Redis.
type redisServer struct {
	t    *testing.T
	addr string
	dir  string
	cmd  *exec.Cmd
}

func startRedis(t *testing.T, port int) *redisServer {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		testenv.Unavailable(t, "redis-server (make up installs it)", err)
	}
	r := &redisServer{t: t, addr: fmt.Sprintf("127.0.0.1:%d", port), dir: t.TempDir()}
	r.start()
	t.Cleanup(func() { r.kill() })
	return r
}

func (r *redisServer) start() {
	r.t.Helper()
	r.cmd = launchRedis(r.t, r.addr, filepath.Join(r.dir, "redis.log"), "--bind", "127.0.0.1", "--port", strings.Split(r.addr, ":")[1],
		"--dir", r.dir, "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--maxmemory-policy", "noeviction")
}

// launchRedis starts redis-server with args, its output in logPath, and waits until it
// listens on addr.
func launchRedis(t *testing.T, addr, logPath string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command("redis-server", args...)
	logf, _ := os.Create(logPath)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		if c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond); err == nil {
			c.Close()
			return cmd
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("redis-server on %s did not start (%s)", addr, logPath)
	return nil
}

// kill stops Redis the hard way: what was written in the last second may be lost.
func (r *redisServer) kill() {
	if r.cmd != nil && r.cmd.Process != nil {
		_ = r.cmd.Process.Signal(syscall.SIGKILL)
		_ = r.cmd.Wait()
		r.cmd = nil
	}
}

// demoPages are the demo batch's A4 pages (about a second of OCR each).
func demoPages(t *testing.T) [][]byte {
	t.Helper()
	files, _ := filepath.Glob("../testdata/demo/batch/*/*/*.png")
	if len(files) == 0 {
		t.Fatal("no demo pages in testdata/demo")
	}
	var out [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}
