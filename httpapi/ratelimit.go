package httpapi

import (
	"sync"
	"time"
)

// Limiter is a token bucket per desk key: a scanner stuck in a loop slows down without
// starving the other desks.
type Limiter struct {
	mu      sync.Mutex
	rate    float64 // tokens per second
	burst   float64
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func (l *Limiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buckets == nil {
		l.buckets = map[string]*bucket{}
	}
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func (s *Server) allow(desk string) bool {
	if s.RateLimit == nil {
		return true
	}
	return s.RateLimit.allow(desk, time.Now())
}

// NewLimiter allows rate requests a second per desk key, in bursts of up to burst.
func NewLimiter(rate, burst float64) *Limiter { return &Limiter{rate: rate, burst: burst} }
