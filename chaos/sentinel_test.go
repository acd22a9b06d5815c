//go:build chaos

package chaos

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/sohoa/sohoa/internal/testenv"
)

// startProc runs one redis-server of the test (a data node or a sentinel), killed when it ends.
func startProc(t *testing.T, dir, name string, port int, args ...string) *redisServer {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		testenv.Unavailable(t, "redis-server (make up installs it)", err)
	}
	r := &redisServer{t: t, addr: fmt.Sprintf("127.0.0.1:%d", port), dir: dir}
	r.cmd = launchRedis(t, r.addr, filepath.Join(dir, name+".log"), args...)
	t.Cleanup(r.kill)
	return r
}

// A Sentinel failover in the middle of 200 pages: one primary, one replica and three
// sentinels, all local processes; the workers reach Redis through the sentinels
// (SOHOA_REDIS_URL=redis-sentinel://…). The primary is killed with SIGKILL once pages are
// flowing; the sentinels promote the replica, the workers follow it, tasks the replica had not
// received are re-sent by the reconciler from PostgreSQL, and the batch ends exact.
func TestSentinelFailoverMidBatch(t *testing.T) {
	const n = 200
	dir := t.TempDir()
	const primaryPort, replicaPort = 6395, 6396
	data := func(port int, extra ...string) []string {
		return append([]string{"--bind", "127.0.0.1", "--port", fmt.Sprint(port), "--dir", filepath.Join(dir, fmt.Sprint(port)),
			"--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--maxmemory-policy", "noeviction"}, extra...)
	}
	for _, p := range []int{primaryPort, replicaPort} {
		_ = os.MkdirAll(filepath.Join(dir, fmt.Sprint(p)), 0o755)
	}
	primary := startProc(t, dir, "primary", primaryPort, data(primaryPort)...)
	startProc(t, dir, "replica", replicaPort, data(replicaPort, "--replicaof", "127.0.0.1", fmt.Sprint(primaryPort))...)
	var sentinels []string
	for i, port := range []int{26395, 26396, 26397} {
		conf := filepath.Join(dir, fmt.Sprintf("sentinel-%d.conf", i))
		body := fmt.Sprintf("bind 127.0.0.1\nport %d\ndir %s\nsentinel monitor sohoa 127.0.0.1 %d 2\n"+
			"sentinel down-after-milliseconds sohoa 2000\nsentinel failover-timeout sohoa 10000\nsentinel parallel-syncs sohoa 1\n", port, dir, primaryPort)
		if err := os.WriteFile(conf, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		startProc(t, dir, fmt.Sprintf("sentinel-%d", i), port, conf, "--sentinel")
		sentinels = append(sentinels, fmt.Sprintf("127.0.0.1:%d", port))
	}
	ctx := context.Background()
	sc := redis.NewSentinelClient(&redis.Options{Addr: sentinels[0]})
	defer sc.Close()
	master := func() string {
		a, err := sc.GetMasterAddrByName(ctx, "sohoa").Result()
		if err != nil || len(a) != 2 {
			return ""
		}
		return a[0] + ":" + a[1]
	}
	waitUntil := func(what string, d time.Duration, ok func() bool) {
		deadline := time.Now().Add(d)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out after %v waiting for %s", d, what)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	waitUntil("the sentinels to see the replica", 30*time.Second, func() bool {
		r, err := sc.Replicas(ctx, "sohoa").Result()
		return err == nil && len(r) == 1 && master() == primary.addr
	})

	s := newStack(t, "127.0.0.1:1", 0) // the address is overridden by the URL below
	s.env = append(s.env, "SOHOA_REDIS_URL=redis-sentinel://"+strings.Join(sentinels, ",")+"/0?master=sohoa")
	s.upload([]string{"SA", "SB", "SC", "SD"}, n, smallPages(t))
	s.startWorker()
	s.startWorker()
	s.waitFor("20 pages done", 5*time.Minute, func() bool { return s.done() >= 20 })
	before := s.done()
	primary.kill()
	killed := time.Now()
	waitUntil("the sentinels to promote the replica", time.Minute, func() bool {
		return master() == fmt.Sprintf("127.0.0.1:%d", replicaPort)
	})
	t.Logf("primary killed with %d of %d pages done; replica promoted after %v", before, n, time.Since(killed).Round(100*time.Millisecond))
	s.waitEnded(n, 15*time.Minute)
	t.Logf("batch ended %v after the kill; %d stage attempts retried", time.Since(killed).Round(time.Second),
		s.count(`SELECT count(*) FROM stage_attempts WHERE outcome = 'retry'`))
	s.checkExact(n)
}
