package chaos

import (
	"context"
	"fmt"
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
	s.midBatch(func() {
		r.kill()
		time.Sleep(outage)
		r.start()
	})
}

// Redis flushed (FLUSHALL: every queued, scheduled and running task gone) in the middle of a
// batch: the reconciler re-sends every unfinished page from PostgreSQL.
func TestRedisFlushedMidBatch(t *testing.T) {
	needChaos(t)
	r := startRedis(t, 6392)
	s := newStack(t, r.addr, 0)
	s.midBatch(func() {
		rc := redis.NewClient(&redis.Options{Addr: r.addr})
		defer rc.Close()
		if err := rc.FlushAll(context.Background()).Err(); err != nil {
			t.Fatal(err)
		}
	})
}

// PostgreSQL stopped for 30 s in the middle of a batch (the machine's own server: the test
// needs root and pg_ctlcluster, and starts it again whatever happens): stages fail, retry with
// backoff, and finish; nothing is marked failed.
func TestPostgresStoppedMidBatch(t *testing.T) {
	needChaos(t)
	ver := pgCluster(t)
	s := sharedStack(t)
	pg := func(action string, args ...string) error {
		out, err := exec.Command("pg_ctlcluster", append([]string{"--skip-systemctl-redirect", ver, "main", action}, args...)...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s PostgreSQL: %v %s", action, err, out)
		}
		return nil
	}
	s.midBatch(func() {
		t.Cleanup(func() { _ = pg("start") }) // whatever happens, PostgreSQL comes back
		if err := pg("stop", "-m", "fast"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(outage)
		if err := pg("start"); err != nil {
			t.Fatal(err)
		}
	})
}

// The S3 server stopped for 30 s in the middle of a batch: reads and writes fail, are retried
// as transient, and every page finishes; none is marked permanently failed.
func TestS3StoppedMidBatch(t *testing.T) {
	needChaos(t)
	s := sharedStack(t)
	up := func() {
		if out, err := exec.Command("bash", "../deploy/local/up.sh").CombinedOutput(); err != nil {
			t.Errorf("up.sh: %v\n%s", err, out)
		}
	}
	s.midBatch(func() {
		t.Cleanup(up) // up.sh starts the S3 server only when it does not answer
		if out, err := exec.Command("pkill", "-KILL", "-f", "versitygw --port").CombinedOutput(); err != nil {
			t.Fatalf("stop the S3 server: %v %s", err, out)
		}
		time.Sleep(outage)
		up()
	})
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

// midBatch runs 12 demo pages over three desks through two workers, applies fault once the
// first page is done, and checks that the batch then ends exact: every page done once, each
// artifact recorded once, figures equal to a recount.
func (s *stack) midBatch(fault func()) {
	s.t.Helper()
	const n = 12
	s.upload(desks3, n, demoPages(s.t))
	s.startWorker()
	s.startWorker()
	s.waitFor("a first page done", 3*time.Minute, func() bool { return s.done() > 0 })
	s.t.Logf("fault with %d of %d pages done", s.done(), n)
	fault()
	s.t.Logf("fault over with %d pages done", s.done())
	start := time.Now()
	s.waitEnded(n, 6*time.Minute)
	s.t.Logf("batch ended %v after the fault", time.Since(start).Round(time.Second))
	s.checkExact(n)
}

func (s *stack) done() int { return s.count(`SELECT count(*) FROM pages WHERE state = 'done'`) }
