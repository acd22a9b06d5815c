package testenv

import (
	"context"
	"fmt"
	"testing"

	"github.com/redis/go-redis/v9"
)

// Two tests (or packages) running at once get different dbs, and a db leased by a process
// that died is handed out again instead of staying taken.
func TestRedisDatabasesAllocated(t *testing.T) {
	a, b := Redis(t), Redis(t)
	if a.DB == b.DB || a.DB == 0 || b.DB == 0 {
		t.Fatalf("allocated dbs %d and %d: want two different dbs other than 0", a.DB, b.DB)
	}
	rc := redis.NewClient(&redis.Options{Addr: a.Addr})
	defer rc.Close()
	ctx := context.Background()
	// A lease held by a pid that does not exist (a run killed by its timeout).
	var stale int
	for db := 1; db < redisDatabases; db++ {
		if ok, _ := rc.SetNX(ctx, fmt.Sprintf("sohoa:testdb:%d", db), "999999999", 0).Result(); ok {
			stale = db
			break
		}
	}
	if stale == 0 {
		t.Fatal("no db free to plant a stale lease in")
	}
	t.Cleanup(func() { rc.Del(ctx, fmt.Sprintf("sohoa:testdb:%d", stale)) })
	seen := map[int]bool{a.DB: true, b.DB: true}
	for range redisDatabases {
		o := Redis(t)
		if seen[o.DB] {
			t.Fatalf("db %d handed out twice", o.DB)
		}
		seen[o.DB] = true
		if o.DB == stale {
			return
		}
	}
	t.Fatalf("the stale lease of db %d was never taken over", stale)
}
