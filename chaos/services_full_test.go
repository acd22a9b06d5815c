//go:build chaos

package chaos

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/sohoa/sohoa/internal/testenv"
)

// The slow faults (services away for 30 s each) run in make chaos only (-tags chaos); the fast
// slice (a worker killed, Redis flushed) runs in make test.

// sharedStack is newStack on a db of the machine's Redis allocated to the test.
func sharedStack(t *testing.T) *stack {
	opt := testenv.Redis(t)
	return newStack(t, opt.Addr, opt.DB)
}

// outage is how long each service stays away.
const outage = 30 * time.Second

// Redis killed (SIGKILL) for 30 s in the middle of a batch, with its append-only file on:
// after the restart every page finishes, once. Tasks written in Redis's last second before the
// kill may be lost with it; the reconciler finds those rows in PostgreSQL.
func TestRedisStoppedMidBatch(t *testing.T) {
	r := startRedis(t, 6391)
	s := newStack(t, r.addr, 0)
	s.midBatch(func() {
		r.kill()
		time.Sleep(outage)
		r.start()
	})
}

// PostgreSQL stopped for 30 s in the middle of a batch (the machine's own server: the test
// needs root and pg_ctlcluster, and starts it again whatever happens): stages fail, retry with
// backoff, and finish; nothing is marked failed.
func TestPostgresStoppedMidBatch(t *testing.T) {
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

// pgCluster is the version of the machine's PostgreSQL cluster "main" (unavailable: fails under CI).
func pgCluster(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		testenv.Unavailable(t, "root (stopping PostgreSQL)", fmt.Errorf("uid %d", os.Geteuid()))
	}
	if _, err := exec.LookPath("pg_ctlcluster"); err != nil {
		testenv.Unavailable(t, "pg_ctlcluster (Debian's postgresql-common)", err)
	}
	entries, err := os.ReadDir("/etc/postgresql")
	if err != nil || len(entries) == 0 {
		testenv.Unavailable(t, "a Debian PostgreSQL cluster in /etc/postgresql", err)
	}
	ver := entries[len(entries)-1].Name()
	if out, err := exec.Command("pg_lsclusters", "-h").Output(); err != nil || !strings.Contains(string(out), ver+" main") {
		testenv.Unavailable(t, "PostgreSQL cluster "+ver+"/main", err)
	}
	return ver
}
