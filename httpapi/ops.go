package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/hibiken/asynq"
	"github.com/hibiken/asynqmon"
	"github.com/sohoa/sohoa/pipeline"
)

// Retrier re-runs failed pages in bulk.
type Retrier interface {
	Retry(ctx context.Context, f pipeline.RetryFilter) (int, error)
}

// describeTask shows what a task works on, from its row: desk, batch, dossier, document and
// page, so that a task in asynqmon and a failure in /api/v1/failures match both ways. Never the
// payload's other contents nor the file's name (names can be people's).
func (s *Server) describeTask() asynqmon.PayloadFormatter {
	return asynqmon.PayloadFormatterFunc(func(taskType string, payload []byte) string {
		var p pipeline.Payload
		if json.Unmarshal(payload, &p) != nil {
			return "(hidden)"
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		row, err := s.Store.TaskRow(ctx, taskType, p.ID)
		if err != nil {
			return taskType + " " + p.ID.String()
		}
		out := "desk " + row.Desk
		if row.Batch != "" {
			out += " · batch " + row.Batch
		}
		out += " · dossier " + row.Dossier
		if row.Document != uuid.Nil {
			out += " · document " + row.Document.String()
		}
		if row.Page >= 0 {
			out += fmt.Sprintf(" · page %d", row.Page+1)
		}
		return out + " · row " + p.ID.String()
	})
}

// mountQueues puts asynqmon behind sohoa's sign-in: the admin mount with its actions for
// admins, a read-only mount for staff (asynqmon has no authentication of its own).
func (s *Server) mountQueues(mux *http.ServeMux, redis asynq.RedisConnOpt) {
	admin := asynqmon.New(asynqmon.Options{RootPath: "/admin/queues", RedisConnOpt: redis, PayloadFormatter: s.describeTask(), ResultFormatter: asynqmon.ResultFormatterFunc(func(string, []byte) string { return "(hidden)" })})
	staff := asynqmon.New(asynqmon.Options{RootPath: "/staff/queues", RedisConnOpt: redis, PayloadFormatter: s.describeTask(), ReadOnly: true})
	mux.Handle(admin.RootPath()+"/", s.requireRole(offline(admin), RoleAdmin))
	mux.Handle(staff.RootPath()+"/", s.requireRole(offline(staff), RoleAdmin, RoleStaff))
}

// remoteLink is a stylesheet link to another site: asynqmon's page asks Google Fonts for Roboto
// and its icon font, which a government network may not reach, and which would tell Google who
// opens the queues.
var remoteLink = regexp.MustCompile(`<link[^>]+href="https?://[^"]*"[^>]*>`)

// manifestLink is asynqmon's web-app manifest link: it names a manifest.json its server does not
// have (the page itself comes back, and the browser reports a syntax error).
var manifestLink = regexp.MustCompile(`<link[^>]+rel="manifest"[^>]*>`)

// offline serves asynqmon's pages without links to other sites (the browser's own fonts stand
// in; the icons show as their names) or to its missing manifest. Its API and static files pass as they are.
func offline(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/api/") || strings.Contains(r.URL.Path, "/static/") {
			h.ServeHTTP(w, r)
			return
		}
		rec := &buffered{header: http.Header{}, code: http.StatusOK}
		h.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		ctype := rec.header.Get("Content-Type")
		if ctype == "" {
			ctype = http.DetectContentType(body)
		}
		if strings.HasPrefix(ctype, "text/html") {
			body = manifestLink.ReplaceAll(remoteLink.ReplaceAll(body, nil), nil)
		}
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.Header().Del("Content-Length")
		w.WriteHeader(rec.code)
		_, _ = w.Write(body)
	})
}

// buffered is a response held back to be rewritten (asynqmon's pages are a few KB).
type buffered struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (b *buffered) Header() http.Header         { return b.header }
func (b *buffered) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *buffered) WriteHeader(code int)        { b.code = code }

// retry serves POST /api/v1/retry (admins): {"desk", "batch", "stage", "classes", "from", "to"}.
func (s *Server) retry(w http.ResponseWriter, r *http.Request) {
	var f pipeline.RetryFilter
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&f); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	if f.To.IsZero() {
		f.To = time.Now().Add(time.Minute)
	}
	n, err := s.Retrier.Retry(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	u, _ := CurrentUser(r.Context())
	s.Log.InfoContext(r.Context(), "bulk retry", "user", u.Name, "desk", f.Desk, "stage", f.Stage, "pages", n)
	writeJSON(w, http.StatusOK, map[string]any{"retried": n})
}
