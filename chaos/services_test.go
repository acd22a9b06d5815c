package chaos

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

var desks3 = []string{"A", "B", "C"}

// Redis flushed (FLUSHALL: every queued, scheduled and running task gone) in the middle of a
// batch: the reconciler re-sends every unfinished page from PostgreSQL.
func TestRedisFlushedMidBatch(t *testing.T) {
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
