package chaos

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// outage is how long each service stays away.
const outage = 30 * time.Second

var desks3 = []string{"A", "B", "C"}

// Redis killed (SIGKILL) for 30 s in the middle of a batch, with its append-only file on:
// after the restart every page finishes, once. Tasks written in Redis's last second before the
// kill may be lost with it; the reconciler finds those rows in PostgreSQL.
func TestRedisStoppedMidBatch(t *testing.T) {
	needChaos(t)
	r := startRedis(t, 6391)
	s := newStack(t, r.addr, 0)
	const n = 12
	s.upload(desks3, n, demoPages(t))
	s.startWorker()
	s.startWorker()
	s.waitFor("a first page done", 3*time.Minute, func() bool { return s.count(`SELECT count(*) FROM pages WHERE state = 'done'`) > 0 })
	r.kill()
	t.Logf("Redis killed with %d of %d pages done", s.count(`SELECT count(*) FROM pages WHERE state = 'done'`), n)
	time.Sleep(outage)
	r.start()
	t.Logf("Redis back after %v with %d pages done", outage, s.count(`SELECT count(*) FROM pages WHERE state = 'done'`))
	start := time.Now()
	s.waitEnded(n, 6*time.Minute)
	t.Logf("batch ended %v after Redis came back", time.Since(start).Round(time.Second))
	s.checkExact(n)
}

// Redis flushed (FLUSHALL: every queued, scheduled and running task gone) in the middle of a
// batch: the reconciler re-sends every unfinished page from PostgreSQL.
func TestRedisFlushedMidBatch(t *testing.T) {
	needChaos(t)
	r := startRedis(t, 6392)
	s := newStack(t, r.addr, 0)
	const n = 12
	s.upload(desks3, n, demoPages(t))
	s.startWorker()
	s.startWorker()
	s.waitFor("a first page done", 3*time.Minute, func() bool { return s.count(`SELECT count(*) FROM pages WHERE state = 'done'`) > 0 })
	rc := redis.NewClient(&redis.Options{Addr: r.addr})
	defer rc.Close()
	if err := rc.FlushAll(context.Background()).Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("Redis flushed with %d of %d pages done", s.count(`SELECT count(*) FROM pages WHERE state = 'done'`), n)
	start := time.Now()
	s.waitEnded(n, 6*time.Minute)
	t.Logf("batch ended %v after the flush", time.Since(start).Round(time.Second))
	s.checkExact(n)
}

// PostgreSQL stopped for 30 s in the middle of a batch (the machine's own server: the test
// needs root and pg_ctlcluster, and starts it again whatever happens): stages fail, retry with
// backoff, and finish; nothing is marked failed.
func TestPostgresStoppedMidBatch(t *testing.T) {
	needChaos(t)
	ver := pgCluster(t)
	s := newStack(t, "127.0.0.1:6379", 14)
	const n = 12
	s.upload(desks3, n, demoPages(t))
	s.startWorker()
	s.startWorker()
	s.waitFor("a first page done", 3*time.Minute, func() bool { return s.count(`SELECT count(*) FROM pages WHERE state = 'done'`) > 0 })
	started := false
	t.Cleanup(func() {
		if !started {
			_ = exec.Command("pg_ctlcluster", "--skip-systemctl-redirect", ver, "main", "start").Run()
		}
	})
	if out, err := exec.Command("pg_ctlcluster", "--skip-systemctl-redirect", ver, "main", "stop", "-m", "fast").CombinedOutput(); err != nil {
		t.Fatalf("stop PostgreSQL: %v %s", err, out)
	}
	t.Logf("PostgreSQL stopped")
	time.Sleep(outage)
	if out, err := exec.Command("pg_ctlcluster", "--skip-systemctl-redirect", ver, "main", "start").CombinedOutput(); err != nil {
		t.Fatalf("start PostgreSQL: %v %s", err, out)
	}
	started = true
	t.Logf("PostgreSQL back after %v with %d pages done", outage, s.count(`SELECT count(*) FROM pages WHERE state = 'done'`))
	start := time.Now()
	s.waitEnded(n, 6*time.Minute)
	t.Logf("batch ended %v after PostgreSQL came back", time.Since(start).Round(time.Second))
	s.checkExact(n)
}

// The S3 server stopped for 30 s in the middle of a batch: reads and writes fail, are retried
// as transient, and every page finishes; none is marked permanently failed.
func TestS3StoppedMidBatch(t *testing.T) {
	needChaos(t)
	s := newStack(t, "127.0.0.1:6379", 13)
	const n = 12
	s.upload(desks3, n, demoPages(t))
	s.startWorker()
	s.startWorker()
	s.waitFor("a first page done", 3*time.Minute, func() bool { return s.count(`SELECT count(*) FROM pages WHERE state = 'done'`) > 0 })
	up := func() {
		if out, err := exec.Command("bash", "../deploy/local/up.sh").CombinedOutput(); err != nil {
			t.Errorf("up.sh: %v\n%s", err, out)
		}
	}
	stopped := false
	t.Cleanup(func() {
		if stopped {
			up()
		}
	})
	out, err := exec.Command("pkill", "-KILL", "-f", "versitygw --port").CombinedOutput()
	if err != nil {
		t.Fatalf("stop the S3 server: %v %s", err, out)
	}
	stopped = true
	t.Logf("S3 server killed with %d of %d pages done", s.count(`SELECT count(*) FROM pages WHERE state = 'done'`), n)
	time.Sleep(outage)
	up()
	stopped = false
	t.Logf("S3 back after %v with %d pages done", outage, s.count(`SELECT count(*) FROM pages WHERE state = 'done'`))
	start := time.Now()
	s.waitEnded(n, 6*time.Minute)
	t.Logf("batch ended %v after S3 came back", time.Since(start).Round(time.Second))
	s.checkExact(n)
	t.Logf("transient failures retried: %d", s.count(`SELECT count(*) FROM stage_attempts WHERE outcome = 'retry'`))
}

// pgCluster is the version of the machine's PostgreSQL cluster "main", or skips.
func pgCluster(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("stopping PostgreSQL needs root")
	}
	if _, err := exec.LookPath("pg_ctlcluster"); err != nil {
		t.Skip("pg_ctlcluster not found (Debian's postgresql-common)")
	}
	entries, err := os.ReadDir("/etc/postgresql")
	if err != nil || len(entries) == 0 {
		t.Skip("no Debian PostgreSQL cluster in /etc/postgresql")
	}
	ver := entries[len(entries)-1].Name()
	if out, err := exec.Command("pg_lsclusters", "-h").Output(); err != nil || !strings.Contains(string(out), ver+" main") {
		t.Skipf("cluster %s/main not found", ver)
	}
	return ver
}
