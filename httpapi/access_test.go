package httpapi

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
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
