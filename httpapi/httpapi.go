// Package httpapi serves sohoa's HTTP API: batch uploads, batch status and coverage figures.
package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/hibiken/asynq"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/report"
)

// Store is what the API reads.
type Store interface {
	BatchStatus(ctx context.Context, id uuid.UUID) (pipeline.BatchStatus, error)
	Batches(ctx context.Context, desk string, limit int) ([]pipeline.BatchSummary, error)
	DeskFigures(ctx context.Context) ([]pipeline.DeskFigure, error)
	FailedPages(ctx context.Context, desk string, limit int) ([]pipeline.FailedPage, error)
	Search(ctx context.Context, q string, f pipeline.SearchFilter, limit int) ([]pipeline.SearchHit, error)
	DocumentInfo(ctx context.Context, id uuid.UUID) (pipeline.DocumentInfo, error)
	Dossiers(ctx context.Context, desk string, limit int) ([]pipeline.DossierInfo, error)
	Coverage(ctx context.Context, q pipeline.CoverageQuery) ([]pipeline.CoverageRow, error)
	Trend(ctx context.Context, within string, from, to time.Time) ([]pipeline.CoverageRow, error)
	TaskRow(ctx context.Context, taskType string, id uuid.UUID) (pipeline.TaskRow, error)
	UnitPath(ctx context.Context, code string) ([]pipeline.Unit, error)
}

// Objects reads stored artifacts.
type Objects interface {
	Get(ctx context.Context, key string, maxBytes int64) ([]byte, error)
}

// Intake accepts uploaded files.
type Intake interface {
	AcceptReader(ctx context.Context, u pipeline.Upload, r io.Reader, size int64, contentType string) (doc, batch uuid.UUID, err error)
}

// Server is the HTTP API.
type Server struct {
	Store   Store
	Intake  Intake
	Objects Objects
	// Originals serves uploaded files for download; nil answers 404.
	Originals Originals
	Review    Review
	Queue     pipeline.Queue
	Users     Users
	Retrier   Retrier
	Registry  Registry
	Keys      Keys
	Uploads   BatchUploads
	// RateLimit bounds requests per desk API key; nil for none.
	RateLimit *Limiter
	// PublicLimit bounds requests to the routes anyone may call (coverage, the dashboard and the
	// sign-in and upload pages) per client address; nil for none.
	PublicLimit *Limiter
	// LoginLimit bounds sign-in attempts per account and per client address; nil for none.
	LoginLimit *Limiter
	// SecureCookies marks the session cookie Secure even on plain HTTP: set it behind a proxy
	// that terminates TLS (the server itself sees no TLS then).
	SecureCookies bool
	// Redis is where asynqmon reads the queues; nil leaves it unmounted.
	Redis   asynq.RedisConnOpt
	Metrics http.Handler
	Log     *slog.Logger
	// MaxUpload bounds one multipart batch upload.
	MaxUpload int64
	// MaxFile bounds one file of it.
	MaxFile int64
	// Ready checks the dependencies for /readyz.
	Ready func(ctx context.Context) error
}

// Handler routes the API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	// Aggregate figures carry no personal data: public, like the dashboard.
	mux.Handle("GET /api/v1/coverage", s.public(s.coverage))
	// Everything else needs a desk's API key (scoped to that desk) or an operator's session.
	mux.Handle("POST /api/v1/batches", s.authenticated(s.createBatch))
	mux.Handle("POST /api/v1/batches/presign", s.authenticated(s.presign))
	mux.Handle("POST /api/v1/batches/complete", s.authenticated(s.complete))
	mux.Handle("GET /api/v1/batches/{id}", s.authenticated(s.batch))
	mux.Handle("GET /api/v1/failures", s.authenticated(s.failures))
	// Documents' text, fields and PDFs are personal data, and a type correction changes a
	// desk's figures and trains the model: desks and admins, never reporting staff.
	mux.Handle("GET /api/v1/search", s.authenticated(notStaff(s.search)))
	mux.Handle("GET /api/v1/documents/{id}", s.authenticated(notStaff(s.document)))
	mux.Handle("GET /api/v1/documents/{id}/pdf", s.authenticated(notStaff(s.documentPDF)))
	mux.Handle("GET /api/v1/documents/{id}/original", s.authenticated(notStaff(s.documentOriginal)))
	mux.Handle("GET /api/v1/documents/{id}/pages/{index}/image", s.authenticated(notStaff(s.pageImage)))
	mux.Handle("POST /api/v1/documents/{id}/type", s.authenticated(notStaff(s.confirmType)))
	mux.Handle("POST /api/v1/documents/{id}/move", s.authenticated(notStaff(s.movePages)))
	mux.Handle("GET /api/v1/review", s.authenticated(notStaff(s.reviewQueue)))
	mux.Handle("GET /api/v1/catalogue", s.authenticated(s.catalogueTypes))
	mux.Handle("PUT /api/v1/catalogue/types/{code}", s.requireRole(http.HandlerFunc(s.putType), RoleAdmin))
	mux.Handle("PUT /api/v1/catalogue/procedures/{code}", s.requireRole(http.HandlerFunc(s.putProcedure), RoleAdmin))
	mux.Handle("GET /api/v1/catalogue/history", s.requireRole(http.HandlerFunc(s.catalogueHistory), RoleAdmin, RoleStaff))
	mux.Handle("GET /catalogue", s.requireRole(http.HandlerFunc(s.cataloguePage), RoleAdmin))
	mux.Handle("POST /catalogue", s.requireRole(http.HandlerFunc(s.cataloguePage), RoleAdmin))
	mux.Handle("GET /api/v1/dossiers", s.authenticated(s.dossiers))
	mux.Handle("GET /dashboard", s.public(s.dashboard))
	mux.Handle("GET /upload", s.public(s.uploadPage))
	// The people's pages (pages.go): a clerk's desk, or every desk for admins.
	mux.Handle("GET /batches", s.signedIn(s.notStaffPage(s.batchesPage)))
	mux.Handle("GET /batches/{id}", s.signedIn(s.notStaffPage(s.batchPage)))
	mux.Handle("GET /search", s.signedIn(s.notStaffPage(s.searchPage)))
	mux.Handle("GET /documents/{id}", s.signedIn(s.notStaffPage(s.documentPage)))
	mux.Handle("POST /documents/{id}/{action}", s.signedIn(s.notStaffPage(s.documentAction)))
	mux.Handle("GET /review", s.signedIn(s.notStaffPage(s.reviewPage)))
	mux.Handle("GET /dossiers", s.signedIn(s.notStaffPage(s.dossiersPage)))
	mux.Handle("GET /failures", s.signedIn(s.notStaffPage(s.failuresPage)))
	mux.Handle("POST /failures/retry", s.requireRole(http.HandlerFunc(s.retryFailures), RoleAdmin))
	mux.HandleFunc("GET /assets/review.js", serveAsset("review.js"))
	mux.HandleFunc("GET /favicon.ico", favicon) // browsers ask every page for it
	mux.Handle("GET /login", s.public(s.loginPage))
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("POST /logout", s.logout)
	mux.Handle("POST /api/v1/retry", s.requireRole(http.HandlerFunc(s.retry), RoleAdmin))
	mux.Handle("PUT /api/v1/units/{code}", s.requireRole(http.HandlerFunc(s.putUnit), RoleAdmin))
	mux.Handle("PUT /api/v1/desks/{code}", s.requireRole(http.HandlerFunc(s.putDesk), RoleAdmin))
	mux.Handle("POST /api/v1/register", s.requireRole(http.HandlerFunc(s.register), RoleAdmin))
	if s.Redis != nil {
		s.mountQueues(mux, s.Redis)
	}
	if s.Metrics != nil {
		// Queue depths, failure classes and timings tell an outsider how busy each stage is:
		// operators only (the workers' own metrics listen on loopback by default).
		mux.Handle("GET /metrics", s.requireRole(s.Metrics, RoleAdmin, RoleStaff))
	}
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/dashboard", http.StatusFound) })
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", s.ready)
	return s.accessLog(stallGuard(securityHeaders(mux)))
}

// badRequest is a request the client got wrong (a body cut short, a malformed multipart): 400.
type badRequest struct{ err error }

func (b *badRequest) Error() string { return "malformed request body: " + b.err.Error() }
func (b *badRequest) Unwrap() error { return b.err }

// bodyError classes an error reading the request body: over the size limit stays 413, the
// rest is the client's (400), never a 500 logged as ours.
func bodyError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	return &badRequest{err}
}

// readErr remembers the error of the reader it wraps, to tell a failed read of the client's
// body from a failed write of ours.
type readErr struct {
	r   io.Reader
	err error
}

func (e *readErr) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		e.err = err
	}
	return n, err
}

// redacted is err with the given names replaced, for logs: the error chain stays for errors.Is.
type redacted struct {
	err error
	msg string
}

func (r *redacted) Error() string { return r.msg }
func (r *redacted) Unwrap() error { return r.err }

func redact(err error, names ...string) error {
	msg := err.Error()
	for _, n := range names {
		if n != "" {
			msg = strings.ReplaceAll(msg, n, "…")
		}
	}
	return &redacted{err: err, msg: msg}
}

// spooled is an uploaded file written to a private temporary file.
type spooled struct{ f *os.File }

func (s spooled) remove() {
	s.f.Close()
	os.Remove(s.f.Name())
}

// spoolPart copies at most max+1 bytes of r to a temporary file and rewinds it; a size over max
// means the file is too large.
func spoolPart(r io.Reader, max int64) (spooled, int64, error) {
	f, err := os.CreateTemp("", "sohoa-upload-")
	if err != nil {
		return spooled{}, 0, err
	}
	s := spooled{f}
	body := &readErr{r: r}
	n, err := io.Copy(f, io.LimitReader(body, max+1))
	if body.err != nil {
		err = bodyError(body.err) // the client's body failed, not our disk
	}
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		s.remove()
		return spooled{}, 0, err
	}
	return s, n, nil
}

// errorStatus is the one table from errors to HTTP statuses.
func errorStatus(err error) int {
	var f *pipeline.Failure
	switch {
	case errors.Is(err, pipeline.ErrNotFound):
		return http.StatusNotFound
	case errors.As(err, &f) && f.Class == pipeline.ClassExists:
		return http.StatusConflict
	case errors.As(err, &f):
		return http.StatusUnprocessableEntity
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	var bad *badRequest
	if errors.As(err, &bad) {
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := errorStatus(err)
	msg := err.Error()
	if code == http.StatusInternalServerError {
		s.Log.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "error", err)
		msg = "internal error"
	}
	class := pipeline.ClassOf(err)
	if code == http.StatusBadRequest {
		class = "bad_request"
	}
	writeJSON(w, code, map[string]string{"error": msg, "class": class})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

type acceptedFile struct {
	Dossier  string    `json:"dossier"`
	Filename string    `json:"filename"`
	Document uuid.UUID `json:"document"`
}

// createBatch takes a multipart form: each file part's field name is its dossier code.
// Query: desk (required), name (optional batch name; a new UUID by default), lang (optional OCR
// languages for this batch, e.g. vie+eng; the desk's by default).
func (s *Server) createBatch(w http.ResponseWriter, r *http.Request) {
	desk := scope(r)
	if desk == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "desk is required"})
		return
	}
	if p := principalOf(r.Context()); p.Desk == "" && p.Role != RoleAdmin {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "only a desk's key or an admin may upload"})
		return
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		name = uuid.NewString()
	}
	if r.ContentLength > s.MaxUpload { // refused before a byte of it is read
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": fmt.Sprintf("upload of %d bytes is over %d", r.ContentLength, s.MaxUpload), "class": "too_large"})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.MaxUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "want multipart/form-data: " + err.Error()})
		return
	}
	// All or nothing: every part is read, checked and spooled before the first is stored, so a
	// bad name, an oversized file or a body cut short leaves no file of the request registered
	// (a good part followed by an oversized one used to be registered under a 413).
	type upload struct {
		u     pipeline.Upload
		spool spooled
		size  int64
		ctype string
	}
	var parts []upload
	defer func() {
		for _, p := range parts {
			p.spool.remove()
		}
	}()
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.fail(w, r, bodyError(err))
			return
		}
		if part.FileName() == "" {
			continue
		}
		u := pipeline.Upload{Desk: desk, Batch: name, Dossier: part.FormName(), Filename: part.FileName(), Languages: r.URL.Query().Get("lang"),
			Split: r.URL.Query().Get("split")}
		if err := u.Check(); err != nil {
			s.fail(w, r, err)
			return
		}
		// Each file is spooled to a temporary file, then streamed to storage: an upload costs
		// disk up to its size, never that much memory.
		h := sha256.New()
		spool, size, err := spoolPart(io.TeeReader(part, h), s.MaxFile)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		u.SHA256 = hex.EncodeToString(h.Sum(nil))
		ctype := mime.TypeByExtension(filepath.Ext(u.Filename))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		parts = append(parts, upload{u: u, spool: spool, size: size, ctype: ctype})
		if size > s.MaxFile {
			writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": fmt.Sprintf("%s is over %d bytes: nothing of this upload was kept", u.Filename, s.MaxFile), "class": "too_large"})
			return
		}
	}
	if len(parts) == 0 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "no files in the upload"})
		return
	}
	var (
		batch uuid.UUID
		files []acceptedFile
	)
	for _, p := range parts {
		doc, b, err := s.Intake.AcceptReader(r.Context(), p.u, p.spool.f, p.size, p.ctype)
		if err != nil {
			// Names are the desk's data (people's names ride in file names): kept out of the log.
			s.fail(w, r, redact(err, p.u.Dossier, p.u.Filename))
			return
		}
		batch = b
		files = append(files, acceptedFile{Dossier: p.u.Dossier, Filename: p.u.Filename, Document: doc})
	}
	writeJSON(w, http.StatusAccepted, map[string]any{
		"batch": batch, "name": name, "files": files, "status_url": "/api/v1/batches/" + batch.String(),
	})
}

func (s *Server) batch(w http.ResponseWriter, r *http.Request) {
	id, err := uuid.Parse(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, pipeline.ErrNotFound)
		return
	}
	b, err := s.Store.BatchStatus(r.Context(), id)
	if err == nil && !sees(r.Context(), b.Desk) {
		err = pipeline.ErrNotFound
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i := range b.Files {
		// A dependency's error names internal addresses ("dial tcp 10.0.3.7:7070"): the desk is
		// told what it means for them; operators read the message in the failures and logs.
		if f := &b.Files[i]; f.ErrorClass == pipeline.ClassTransient || f.ErrorClass == "timeout" {
			f.Error = "a service of the system was unavailable; the page is retried automatically or by an operator"
		}
	}
	writeJSON(w, http.StatusOK, b)
}

// coverage serves GET /api/v1/coverage?level=desk|district|province|ministry|national&from=&to=
// &within=&compare=prev_year[&format=csv]: the figures of every unit of the level over the
// period [from, to), ranked.
func (s *Server) coverage(w http.ResponseWriter, r *http.Request) {
	q, err := report.ParseQuery(r.URL.Query(), time.Now())
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error(), "class": pipeline.ClassOf(err)})
		return
	}
	page, perPage, err := paging(r.URL.Query(), q.Level)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error(), "class": "bad_query"})
		return
	}
	rows, err := s.Store.Coverage(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if r.URL.Query().Get("format") == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="coverage-`+q.Level+`.csv"`)
		// lang= asks for a spreadsheet's CSV (byte order mark, header in that language), as the
		// dashboard's link does; without it, field names for scripts.
		if lang := r.URL.Query().Get("lang"); lang != "" {
			_ = report.SpreadsheetCSV(w, rows, lang)
		} else {
			_ = report.CSV(w, rows)
		}
		return
	}
	// Paged as JSON (the desk level of the whole country is 11,956 rows, about 6 MB): page is
	// 1-based, per_page defaults to 1,000 for desks and to everything for larger units; CSV
	// exports stay whole.
	total := len(rows)
	if perPage > 0 {
		lo := min((page-1)*perPage, total)
		rows = rows[lo:min(lo+perPage, total)]
	}
	writeJSON(w, http.StatusOK, map[string]any{"level": q.Level, "from": q.From.Format(time.DateOnly),
		"to": q.To.Format(time.DateOnly), "within": q.Within, "rows": rows, "total": total, "page": page, "per_page": perPage})
}

// paging reads page and per_page (0: all rows).
func paging(v url.Values, level string) (page, perPage int, err error) {
	page, perPage = 1, 0
	if level == pipeline.LevelDesk {
		perPage = 1000
	}
	for _, p := range []struct {
		name string
		dst  *int
		max  int
	}{{"page", &page, 1 << 20}, {"per_page", &perPage, 5000}} {
		if s := v.Get(p.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > p.max {
				return 0, 0, fmt.Errorf("%s=%q: want a number from 1 to %d", p.name, s, p.max)
			}
			*p.dst = n
		}
	}
	return page, perPage, nil
}

func (s *Server) failures(w http.ResponseWriter, r *http.Request) {
	f, err := s.Store.FailedPages(r.Context(), scope(r), 500)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"failures": f})
}

func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	if s.Ready != nil {
		if err := s.Ready(ctx); err != nil {
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": err.Error()})
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}
