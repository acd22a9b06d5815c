package httpapi

import (
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limiter is a token bucket (golang.org/x/time/rate) per key: per API key for desks, so a
// scanner stuck in a loop slows down without starving the others; per account and per address
// for sign-ins. Buckets idle for longer than it takes them to fill again are dropped, so the
// map does not grow with every key or address ever seen.
type Limiter struct {
	mu      sync.Mutex
	rate    rate.Limit
	burst   int
	buckets map[string]*entry
	swept   time.Time
}

type entry struct {
	l    *rate.Limiter
	seen time.Time
}

// NewLimiter allows per second requests a second per key, in bursts of up to burst.
func NewLimiter(perSecond float64, burst int) *Limiter {
	return &Limiter{rate: rate.Limit(perSecond), burst: burst, buckets: map[string]*entry{}}
}

// idle is how long a bucket must be unused to be dropped: by then it would be full again.
func (l *Limiter) idle() time.Duration {
	return time.Duration(float64(l.burst)/float64(l.rate)*float64(time.Second)) + time.Minute
}

func (l *Limiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > l.idle() {
		for k, e := range l.buckets {
			if now.Sub(e.seen) > l.idle() {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	e, ok := l.buckets[key]
	if !ok {
		e = &entry{l: rate.NewLimiter(l.rate, l.burst)}
		l.buckets[key] = e
	}
	e.seen = now
	return e.l.AllowN(now, 1)
}

// size is how many buckets are kept (tests).
func (l *Limiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}

// allow rate-limits a desk's API key (by its hash, never the key itself).
func (s *Server) allow(keyHash string) bool {
	if s.RateLimit == nil {
		return true
	}
	return s.RateLimit.allow(keyHash, time.Now())
}

// public throttles a route anyone may call per client address: the coverage report reads the
// database, so an unthrottled loop of national reports could hold its connections.
func (s *Server) public(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.PublicLimit != nil && !s.PublicLimit.allow("addr:"+hostOf(r.RemoteAddr), time.Now()) {
			w.Header().Set("Retry-After", "10")
			writeJSON(w, http.StatusTooManyRequests, map[string]string{"error": "too many requests from this address: wait a few seconds"})
			return
		}
		h(w, r)
	})
}

// hostOf is the address part of a RemoteAddr.
func hostOf(remote string) string {
	if host, _, err := net.SplitHostPort(remote); err == nil {
		return host
	}
	return remote
}
