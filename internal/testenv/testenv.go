// Package testenv gives integration tests their own slice of the real services that the test
// command starts (deploy/local/up.sh): a fresh PostgreSQL database, a fresh S3 bucket and a
// flushed Redis database. When CI is set a missing service fails the test; elsewhere it skips
// with a message saying how to start it.
package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/jackc/pgx/v5"
	"github.com/minio/minio-go/v7"
	"github.com/redis/go-redis/v9"
	"github.com/sohoa/sohoa/storage/postgres"
	"github.com/sohoa/sohoa/storage/s3"
)

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// Short skips a long test under go test -short, for a quick local run. CI runs every test, so
// -short under CI fails the test instead: no test can go quiet there.
func Short(t testing.TB, what string) {
	t.Helper()
	if !testing.Short() {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s: -short under CI (CI runs every test)", what)
	}
	t.Skipf("%s (-short)", what)
}

// Unavailable fails under CI and skips elsewhere.
func Unavailable(t testing.TB, what string, err error) {
	t.Helper()
	msg := fmt.Sprintf("%s is not available (%v); start the stack with deploy/local/up.sh or run make test", what, err)
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func suffix() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// DatabaseURL is the server the tests create their databases on.
func DatabaseURL() string {
	return env("SOHOA_DATABASE_URL", "postgres://sohoa:sohoa@127.0.0.1:5432/sohoa?sslmode=disable")
}

// Postgres creates a migrated database for this test, dropped at cleanup, and returns it with
// its URL.
func Postgres(t testing.TB) (*postgres.DB, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, DatabaseURL())
	if err != nil {
		Unavailable(t, "PostgreSQL", err)
	}
	name := "sohoa_test_" + suffix()
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close(ctx)
		t.Fatalf("create test database: %v", err)
	}
	u, _ := url.Parse(DatabaseURL())
	u.Path = "/" + name
	db, err := postgres.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			// The server may have restarted under the test (the chaos suite stops it): again,
			// on a new connection.
			if again, err := pgx.Connect(ctx, DatabaseURL()); err == nil {
				_, _ = again.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
				again.Close(ctx)
			}
		}
		admin.Close(ctx)
	})
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db, u.String()
}

// S3Config is the local S3 server's configuration with a fresh bucket name.
func S3Config() s3.Config {
	return s3.Config{
		Endpoint:  env("SOHOA_S3_ENDPOINT", "127.0.0.1:7070"),
		AccessKey: env("SOHOA_S3_ACCESS_KEY", "sohoa"),
		SecretKey: env("SOHOA_S3_SECRET_KEY", "sohoa-local-secret"),
		Bucket:    "sohoa-test-" + suffix(),
	}
}

// Bucket creates a bucket for this test, emptied and removed at cleanup.
func Bucket(t testing.TB) (*s3.Objects, s3.Config) {
	t.Helper()
	cfg := S3Config()
	o, err := s3.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := o.EnsureBucket(ctx); err != nil {
		Unavailable(t, "the S3 server", err)
	}
	// The bucket of originals beside it, locked as sohoa migrate makes it.
	orig := o.WithBucket(cfg.Bucket + "-originals")
	if err := orig.EnsureLockedBucket(ctx, 1); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		for _, b := range []string{cfg.Bucket, orig.Bucket} {
			for obj := range o.Client.ListObjects(ctx, b, minio.ListObjectsOptions{Recursive: true, WithVersions: true}) {
				if obj.Err == nil {
					_ = o.Client.RemoveObject(ctx, b, obj.Key, minio.RemoveObjectOptions{VersionID: obj.VersionID, GovernanceBypass: true})
				}
			}
			_ = o.Client.RemoveBucket(ctx, b)
		}
	})
	return o, cfg
}

// Redis allocates a database of the local Redis to this test, flushed, and gives it back when
// the test ends. Test packages run in parallel, so fixed db numbers per package collided (two
// packages on one db flush each other's queues); a lease in db 0 (`sohoa:testdb:<n>`, holding
// the test process's pid) says which dbs are taken, and a lease of a process that has died
// (a run killed by its timeout) is taken over. A db with keys other than Asynq's and sohoa's
// is never flushed.
func Redis(t testing.TB) asynq.RedisClientOpt {
	t.Helper()
	addr := env("SOHOA_REDIS_ADDR", "127.0.0.1:6379")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	leases := redis.NewClient(&redis.Options{Addr: addr})
	defer leases.Close()
	me := strconv.Itoa(os.Getpid())
	for db := 1; db < redisDatabases; db++ {
		key := fmt.Sprintf("sohoa:testdb:%d", db)
		ok, err := leases.SetNX(ctx, key, me, leaseTTL).Result()
		if err != nil {
			Unavailable(t, "Redis", err)
		}
		if !ok {
			holder, err := leases.Get(ctx, key).Result()
			if err != nil || alive(holder) {
				continue
			}
			// A dead process's lease: take it over, unless another test did first.
			if n, err := takeOver.Run(ctx, leases, []string{key}, holder, me, leaseTTL.Milliseconds()).Int(); err != nil || n != 1 {
				continue
			}
		}
		t.Cleanup(func() {
			rc := redis.NewClient(&redis.Options{Addr: addr})
			defer rc.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = release.Run(ctx, rc, []string{key}, me).Err()
		})
		return flushed(t, addr, db)
	}
	t.Fatalf("no free Redis db at %s: dbs 1 to %d are all leased by running tests", addr, redisDatabases-1)
	return asynq.RedisClientOpt{}
}

// redisDatabases is Redis's default number of databases; db 0 holds the leases, which lapse
// after leaseTTL if a run is killed before its cleanup (and sooner when its pid is gone).
const (
	redisDatabases = 16
	leaseTTL       = 2 * time.Hour
)

var (
	takeOver = redis.NewScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0`)
	release  = redis.NewScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`)
)

// alive reports whether the process whose pid a lease holds still runs on this machine.
func alive(pid string) bool {
	n, err := strconv.Atoi(pid)
	if err != nil || n <= 0 {
		return false
	}
	err = syscall.Kill(n, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// flushed empties db, refusing a db that holds another application's keys.
func flushed(t testing.TB, addr string, db int) asynq.RedisClientOpt {
	t.Helper()
	opt := asynq.RedisClientOpt{Addr: addr, DB: db}
	rc := redis.NewClient(&redis.Options{Addr: opt.Addr, DB: db})
	defer rc.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// Only Asynq's and sohoa's keys are flushed: a db holding anything else (another
	// application's data in this Redis) is left alone and the test fails.
	iter := rc.Scan(ctx, 0, "*", 1000).Iterator()
	for seen := 0; iter.Next(ctx) && seen < 100_000; seen++ {
		if k := iter.Val(); !strings.HasPrefix(k, "asynq:") && !strings.HasPrefix(k, "sohoa:") {
			t.Fatalf("Redis db %d at %s holds %q, which no sohoa test wrote: refusing to flush it (point SOHOA_REDIS_ADDR at a Redis for tests)", db, opt.Addr, k)
		}
	}
	if err := iter.Err(); err != nil {
		Unavailable(t, "Redis", err)
	}
	if err := rc.FlushDB(ctx).Err(); err != nil {
		Unavailable(t, "Redis", err)
	}
	return opt
}

// ProcStatus reads a size field of /proc/self/status (e.g. "VmRSS", "VmHWM") in bytes; 0 when
// absent.
func ProcStatus(field string) int64 { return procStatus("self", field) }

// ProcStatusOf reads the field of another process (a worker a benchmark started).
func ProcStatusOf(pid int, field string) int64 { return procStatus(strconv.Itoa(pid), field) }

func procStatus(proc, field string) int64 {
	b, _ := os.ReadFile("/proc/" + proc + "/status")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, field+":") {
			f := strings.Fields(l)
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n * 1024
		}
	}
	return 0
}

// CPUTime is the machine's busy and idle time so far, summed over its cores (/proc/stat), and
// this process's own CPU time (user and system, its finished children included): benchmarks
// take two readings and report where a run's core-seconds went.
type CPUTime struct {
	Busy, Idle, Self, Children time.Duration
}

// ReadCPUTime takes one reading.
func ReadCPUTime() CPUTime {
	var c CPUTime
	const tick = 10 * time.Millisecond // USER_HZ is 100 on Linux
	if b, err := os.ReadFile("/proc/stat"); err == nil {
		f := strings.Fields(strings.SplitN(string(b), "\n", 2)[0]) // cpu user nice system idle iowait irq softirq steal
		for i := 1; i < len(f) && i <= 8; i++ {
			n, _ := strconv.ParseInt(f[i], 10, 64)
			if i == 4 || i == 5 {
				c.Idle += time.Duration(n) * tick
			} else {
				c.Busy += time.Duration(n) * tick
			}
		}
	}
	var self, kids syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	_ = syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids)
	tv := func(t syscall.Timeval) time.Duration { return time.Duration(t.Nano()) }
	c.Self = tv(self.Utime) + tv(self.Stime)
	c.Children = tv(kids.Utime) + tv(kids.Stime)
	return c
}

// IdlePercent is the share of the machine's core time left idle.
func (c CPUTime) IdlePercent() float64 {
	if c.Busy+c.Idle == 0 {
		return 0
	}
	return 100 * c.Idle.Seconds() / (c.Busy + c.Idle).Seconds()
}

// Since is the difference between two readings.
func (c CPUTime) Since(before CPUTime) CPUTime {
	return CPUTime{Busy: c.Busy - before.Busy, Idle: c.Idle - before.Idle, Self: c.Self - before.Self, Children: c.Children - before.Children}
}
