package httpapi

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sohoa/sohoa/pipeline"
)

// keyStore answers as a database would: a known key, an unknown one, or an outage.
type keyStore struct{ err error }

func (k keyStore) KeyDesk(ctx context.Context, hash string) (string, error) {
	if k.err != nil {
		return "", k.err
	}
	return "D1", nil
}

// A database outage must read as 503 with Retry-After (the CLI waits it out), never as 401
// "unknown or revoked API key", which told a clerk a good key was revoked.
func TestKeyStoreOutageIs503(t *testing.T) {
	for _, c := range []struct {
		err  error
		want int
	}{
		{nil, http.StatusOK},
		{pipeline.ErrNotFound, http.StatusUnauthorized},
		{errors.New("failed to connect to `host=127.0.0.1`: connection refused"), http.StatusServiceUnavailable},
	} {
		s := &Server{Keys: keyStore{c.err}, RateLimit: NewLimiter(20, 200), Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		h := s.authenticated(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
		req := httptest.NewRequest("GET", "/api/v1/batches/x", nil)
		req.Header.Set("Authorization", "Bearer sohoa_abc")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != c.want {
			t.Errorf("key store error %v: %d, want %d", c.err, w.Code, c.want)
		}
		if c.want == http.StatusServiceUnavailable && w.Header().Get("Retry-After") == "" {
			t.Error("503 without Retry-After")
		}
	}
}

// A body that stops sending is cut after BodyStall, while one that keeps sending is read whole.
func TestStalledBodyCut(t *testing.T) {
	old := BodyStall
	BodyStall = 300 * time.Millisecond
	defer func() { BodyStall = old }()
	srv := httptest.NewServer(stallGuard(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := io.Copy(io.Discard, r.Body)
		if err != nil {
			w.WriteHeader(http.StatusRequestTimeout)
			return
		}
		_, _ = io.WriteString(w, strconv.FormatInt(n, 10))
	})))
	defer srv.Close()
	send := func(pause time.Duration) (int, error) {
		pr, pw := io.Pipe()
		go func() {
			for i := 0; i < 5; i++ {
				_, _ = pw.Write([]byte("x"))
				time.Sleep(pause)
			}
			pw.Close()
		}()
		resp, err := http.Post(srv.URL, "application/octet-stream", pr)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		return resp.StatusCode, nil
	}
	if code, err := send(100 * time.Millisecond); err != nil || code != http.StatusOK {
		t.Errorf("a steady body: %d %v, want 200", code, err)
	}
	if code, err := send(time.Second); err == nil && code == http.StatusOK {
		t.Errorf("a body pausing a second between bytes was read whole (%d)", code)
	}
}

// Buckets are per key, and idle ones are dropped: a limiter keyed by every key or address ever
// seen must not grow without end.
func TestLimiterPerKeyEvicts(t *testing.T) {
	l := NewLimiter(1, 3)
	now := time.Now()
	for i := 0; i < 3; i++ {
		if !l.allow("a", now) {
			t.Fatalf("request %d of a burst of 3 refused", i+1)
		}
	}
	if l.allow("a", now) {
		t.Error("a fourth request within the second allowed")
	}
	if !l.allow("b", now) {
		t.Error("another key starved by the first")
	}
	for i := 0; i < 1000; i++ {
		l.allow(strconv.Itoa(i), now)
	}
	l.allow("late", now.Add(l.idle()+time.Second))
	if n := l.size(); n != 1 {
		t.Errorf("%d buckets kept after they all went idle, want 1", n)
	}
}

// Sign-ins are throttled per account and per address: 30 wrong passwords in 3 s were all
// answered before.
func TestLoginThrottled(t *testing.T) {
	s := &Server{LoginLimit: NewLimiter(1.0/6, 10), Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	refused := 0
	for i := 0; i < 30; i++ {
		if !s.allowLogin("admin", "192.0.2.7:51234") {
			refused++
		}
	}
	if refused != 20 {
		t.Errorf("%d of 30 attempts refused, want 20 (a burst of 10)", refused)
	}
	if !s.allowLogin("clerk", "198.51.100.9:4000") {
		t.Error("another account from another address refused")
	}
	if s.allowLogin("clerk", "192.0.2.7:60000") {
		t.Error("the throttled address let through for another account")
	}
}

// Another site cannot sign an operator out; a PDF's name cannot inject into its header.
func TestLogoutSameSiteAndSafeDisposition(t *testing.T) {
	s := &Server{}
	req := httptest.NewRequest("POST", "/logout", nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	w := httptest.NewRecorder()
	s.logout(w, req)
	if w.Code != http.StatusForbidden {
		t.Errorf("cross-site logout: %d, want 403", w.Code)
	}
	for _, name := range []string{"giấy khai sinh.png", "a\"; filename=evil.exe\r\nX-Evil: 1.png", "\u202egpj.exe"} {
		for _, kind := range []string{"inline", "attachment"} {
			d := disposition(kind, name)
			if strings.ContainsAny(d, "\r\n") || strings.Contains(d, "\u202e") || !strings.HasPrefix(d, kind+"; filename") {
				t.Errorf("disposition(%s, %q) = %q", kind, name, d)
			}
		}
	}
}

// Reporting staff read figures, not documents: no OCR text, fields or PDFs, no retyping.
func TestStaffReadOnlyWithoutPersonalData(t *testing.T) {
	reached := false
	h := notStaff(func(w http.ResponseWriter, r *http.Request) { reached = true })
	for role, want := range map[string]int{RoleStaff: http.StatusForbidden, RoleAdmin: http.StatusOK, "desk": http.StatusOK} {
		reached = false
		req := httptest.NewRequest("GET", "/api/v1/search?q=x", nil)
		req = req.WithContext(context.WithValue(req.Context(), principalKey{}, Principal{Role: role}))
		w := httptest.NewRecorder()
		h(w, req)
		if w.Code != want || reached != (want == http.StatusOK) {
			t.Errorf("%s: %d (handler reached %v), want %d", role, w.Code, reached, want)
		}
	}
}

// /metrics on the API port (queue depths, failure classes, timings) is for operators, and the
// routes anyone may call are throttled per address.
func TestMetricsPrivatePublicThrottled(t *testing.T) {
	metrics := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("sohoa_pages_total 1")) })
	s := &Server{Metrics: metrics, PublicLimit: NewLimiter(1, 3), Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	h := s.Handler()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
	if w.Code == http.StatusOK || strings.Contains(w.Body.String(), "sohoa_pages_total") {
		t.Errorf("/metrics without a session: %d %q", w.Code, w.Body.String())
	}
	get := func(remote string) int {
		req := httptest.NewRequest("GET", "/login", nil)
		req.RemoteAddr = remote
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w.Code
	}
	for i := 0; i < 3; i++ {
		if c := get("192.0.2.9:4000"); c != http.StatusOK {
			t.Fatalf("request %d: %d", i, c)
		}
	}
	if c := get("192.0.2.9:4001"); c != http.StatusTooManyRequests {
		t.Errorf("fourth request in a burst of 3 from one address: %d, want 429", c)
	}
	if c := get("192.0.2.10:4000"); c != http.StatusOK {
		t.Errorf("another address: %d, want 200", c)
	}
}

// Every response carries the headers no page should be without, and the server-rendered pages
// a policy that runs no script and cannot be framed.
func TestSecurityHeadersEverywhere(t *testing.T) {
	s := &Server{Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	h := s.Handler()
	for _, path := range []string{"/login", "/upload", "/healthz", "/api/v1/batches/x", "/admin/queues/", "/no-such-page"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"} {
			if got := w.Header().Get(k); got != v {
				t.Errorf("%s: %s %q, want %q", path, k, got, v)
			}
		}
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q without frame-ancestors 'none'", path, csp)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/login", nil))
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("login page CSP %q: want no script or other source allowed", csp)
	}
}
