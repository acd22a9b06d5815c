package pipeline

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// Lease lets one of many workers run a periodic job: whoever holds the key until it expires.
// The reconciler uses it so that one worker, not every one, re-sends stuck rows each pass; if
// that worker dies, another takes over when the lease runs out.
type Lease struct {
	Client redis.UniversalClient
	Key    string
	Holder string // this worker, e.g. host:pid
	TTL    time.Duration
}

// renew extends the lease only for its holder, atomically.
var renew = redis.NewScript(`if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) else return 0 end`)

// Hold takes the lease when it is free, or renews it when this worker holds it.
func (l *Lease) Hold(ctx context.Context) (bool, error) {
	ok, err := l.Client.SetNX(ctx, l.Key, l.Holder, l.TTL).Result()
	if err != nil || ok {
		return ok, err
	}
	n, err := renew.Run(ctx, l.Client, []string{l.Key}, l.Holder, l.TTL.Milliseconds()).Int()
	return n == 1, err
}
