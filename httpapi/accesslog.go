package httpapi

import (
	"context"
	"net/http"
	"time"
)

// accessNote is filled in by the authentication step so that the access log can say who
// made a request; it travels in the request's context from the outermost handler.
type accessNote struct{ desk, user string }

type accessNoteKey struct{}

func noteWho(ctx context.Context, p Principal) {
	if n, ok := ctx.Value(accessNoteKey{}).(*accessNote); ok {
		n.desk, n.user = p.Desk, p.Name
	}
}

// statusRecorder keeps the status and size of a response.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (flushes, deadlines).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// accessLog writes one line per request: method, path, status, size, duration and who (desk
// or operator). Never the query string (search terms are personal data), headers, cookies or
// bodies. Probes and metrics scrapes are left out.
func (s *Server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		note := &accessNote{}
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), accessNoteKey{}, note)))
		switch r.URL.Path {
		case "/healthz", "/readyz", "/metrics":
			return
		}
		if s.Log == nil {
			return
		}
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		s.Log.InfoContext(r.Context(), "http", "method", r.Method, "path", r.URL.Path, "status", status,
			"bytes", rec.bytes, "ms", time.Since(start).Milliseconds(), "desk", note.desk, "user", note.user)
	})
}
