package httpapi

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/pipeline"
)

// The pages of the people who do the work: a desk's clerk (bound to the desk, sees what its API
// keys see) and admins find, read and correct documents in the browser. Server-rendered, no
// script; actions are forms posted to this site (the session's same-origin check applies).

// failureReasons says what each failure class means, for a clerk (the messages are for
// operators); the upload page has the same words.
var failureReasons = map[string]string{
	"empty": "tệp rỗng / empty file", "corrupt": "tệp hỏng, không đọc được / the file is damaged",
	"unsupported": "định dạng không hỗ trợ (PDF, TIFF, PNG, JPEG) / unsupported format",
	"too_large":   "tệp quá lớn / file too large", "encrypted": "PDF có mật khẩu: hãy tải bản không khóa / password-locked PDF: upload it unlocked",
	"missing": "tệp không còn trong kho / the file is gone", "language": "thiếu dữ liệu ngôn ngữ OCR / OCR language missing",
	"ocr": "không nhận dạng được trang / the page could not be read", "transient": "lỗi tạm thời của hệ thống, sẽ được thử lại / temporary failure, retried",
	"changed": "tệp đã bị thay đổi sau khi kiểm tra: tải lại với tên mới / changed after its check: upload it again",
}

var pagesTmpl = template.Must(template.New("pages").Funcs(template.FuncMap{
	"date":    func(t time.Time) string { return t.Format("02/01/2006 15:04") },
	"inc":     func(i int) int { return i + 1 },
	"percent": func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + " %" },
	"join":    func(s []string) string { return strings.Join(s, ", ") },
	"reason": func(class string) string {
		if r, ok := failureReasons[class]; ok {
			return r
		}
		return class
	},
	"day": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	},
	"pages": pipeline.PageRanges,
	"deref": func(u *uuid.UUID) string {
		if u == nil {
			return ""
		}
		return u.String()
	},
	// A document's fields as classify reads them (the page is its own desk's, unmasked).
	"fields": func(raw json.RawMessage) classify.Fields {
		var f classify.Fields
		_ = json.Unmarshal(raw, &f)
		return f
	},
	// The words found, which snippet marks « », highlighted; everything else escaped.
	"highlight": func(s string) template.HTML {
		e := template.HTMLEscapeString(s)
		return template.HTML(strings.NewReplacer("«", "<mark>", "»", "</mark>").Replace(e))
	},
	// A catalogue type by its name (the names the request's catalogue gave).
	"typeName": func(names map[string]string, code string) string {
		if n, ok := names[code]; ok {
			return n
		}
		return code
	},
}).ParseFS(dashboardFS, "pages.html"))

type pageData struct {
	Title, User, Desk, Flash, Err, Query string
	CSRF                                 string // every form's token, bound to the session
	DocID                                string // the document a page shows
	Admin                                bool
	Data                                 any
	Filter                               pipeline.SearchFilter
	Types                                []typeOption
	Names                                map[string]string // type code -> the catalogue's name
	Classes                              []string
	Refresh                              int    // seconds until the page reloads itself; 0 for never
	Script                               string // the page's one script, from /assets/
}

type typeOption struct{ Code, Name string }

// signedIn serves a page to a signed-in person (any role; staff are kept from documents by
// the handler) and sends anyone else to the sign-in page, back here after.
func (s *Server) signedIn(h http.HandlerFunc) http.Handler {
	inner := s.authenticated(h)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := s.sessionUser(r); errors.Is(err, errNoSession) || errors.Is(err, pipeline.ErrNotFound) {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		inner.ServeHTTP(w, r)
	})
}

// csrfToken is the forms' token of the request's session: a hash of the session's secret, which
// another site can neither read (the cookie is HttpOnly) nor compute.
func csrfToken(r *http.Request) string {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return ""
	}
	return hashToken("csrf:" + c.Value)[:32]
}

// csrfOK checks a posted form's token against the session's.
func csrfOK(r *http.Request) bool {
	want := csrfToken(r)
	return want != "" && subtle.ConstantTimeCompare([]byte(r.PostFormValue("csrf")), []byte(want)) == 1
}

// formOK checks a posted form's token and, when it is not the session's, answers so.
func (s *Server) formOK(w http.ResponseWriter, r *http.Request) bool {
	if csrfOK(r) {
		return true
	}
	w.WriteHeader(http.StatusForbidden)
	s.render(w, r, "message", pageData{Title: "sohoa", Err: "Biểu mẫu đã hết hạn; tải lại trang / The form has expired; reload the page"})
	return false
}

// notStaffPage keeps reporting staff from documents, in a page with the way out.
func (s *Server) notStaffPage(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if principalOf(r.Context()).Role == RoleStaff {
			w.WriteHeader(http.StatusForbidden)
			s.render(w, r, "message", pageData{Title: "sohoa", Err: "Cán bộ báo cáo chỉ xem số liệu, không xem tài liệu / reporting staff read figures, not documents"})
			return
		}
		h(w, r)
	}
}

// render writes a page with the layout's user, desk and the catalogue's type names.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, d pageData) {
	p := principalOf(r.Context())
	d.User, d.Desk, d.Admin, d.CSRF = p.Name, p.Desk, p.Role == RoleAdmin, csrfToken(r)
	d.Names = map[string]string{"unknown": "chưa xác định / unknown"}
	if cat, err := s.catalogue(r.Context()); err == nil {
		for _, t := range cat.Types {
			d.Names[t.Code] = t.Name
			d.Types = append(d.Types, typeOption{t.Code, t.Name})
		}
	}
	if d.Flash == "" {
		d.Flash = flashes[r.URL.Query().Get("done")]
	}
	// The document page shows its clean page images and its PDF in a frame; the review page
	// runs its keyboard shortcuts from this site.
	allow := []string{"img-src 'self'", "frame-src 'self'"}
	if d.Script != "" {
		allow = append(allow, "script-src 'self'")
	}
	pageHeaders(w, allow...)
	if err := pagesTmpl.ExecuteTemplate(w, name, d); err != nil {
		s.Log.ErrorContext(r.Context(), "page", "page", name, "error", err)
	}
}

var flashes = map[string]string{
	"type":  "Đã ghi loại tài liệu / Type recorded",
	"moved": "Đã chuyển trang; tài liệu đang được phân loại lại / Pages moved; being classified again",
	"retry": "Đã gửi chạy lại / Retry sent",
}

// pageError shows a failure as the page's own message, with the status the API would give.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, title string, err error) {
	code := errorStatus(err)
	msg := err.Error()
	if code == http.StatusInternalServerError {
		s.Log.ErrorContext(r.Context(), "page failed", "path", r.URL.Path, "error", err)
		msg = "lỗi hệ thống / internal error"
	}
	if code == http.StatusNotFound {
		msg = "Không tìm thấy / Not found"
	}
	w.WriteHeader(code)
	s.render(w, r, "message", pageData{Title: title, Err: msg})
}

func (s *Server) batchesPage(w http.ResponseWriter, r *http.Request) {
	list, err := s.Store.Batches(r.Context(), scope(r), 200)
	if err != nil {
		s.pageError(w, r, "Lô quét / Batches", err)
		return
	}
	s.render(w, r, "batches", pageData{Title: "Lô quét / Batches", Data: list})
}

func (s *Server) batchPage(w http.ResponseWriter, r *http.Request) {
	id, err := uuid.Parse(r.PathValue("id"))
	var st pipeline.BatchStatus
	if err == nil {
		st, err = s.Store.BatchStatus(r.Context(), id)
	}
	if err != nil || !sees(r.Context(), st.Desk) {
		s.pageError(w, r, "Lô quét / Batch", pipeline.ErrNotFound)
		return
	}
	slices.SortStableFunc(st.Files, func(a, b pipeline.FileStatus) int {
		if c := strings.Compare(a.Filename, b.Filename); c != 0 {
			return c
		}
		return first(a.PageIndexes) - first(b.PageIndexes)
	})
	d := pageData{Title: "Lô / Batch " + st.Name, Data: st}
	if !st.Finished {
		d.Refresh = 5 // live progress without a script
	}
	s.render(w, r, "batch", d)
}

func first(idx []int) int {
	if len(idx) == 0 {
		return 0
	}
	return idx[0]
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	f, ferr := searchFilter(r)
	d := pageData{Title: "Tìm kiếm / Search", Query: q, Filter: f}
	if ferr != nil {
		d.Err = ferr.Error()
	}
	if q != "" && ferr == nil {
		hits, err := s.Store.Search(r.Context(), q, f, 100)
		if err != nil {
			s.pageError(w, r, d.Title, err)
			return
		}
		out := make([]searchHit, len(hits))
		for i, h := range hits {
			out[i] = searchHit{SearchHit: h, Snippet: snippet(h.Text, q, 80)}
		}
		d.Data = out
	}
	s.render(w, r, "search", d)
}

func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) {
	doc, err := s.visibleDocument(r)
	if err != nil {
		s.pageError(w, r, "Tài liệu / Document", err)
		return
	}
	s.render(w, r, "document", pageData{Title: doc.Filename, Data: doc, DocID: doc.ID.String(), Err: r.URL.Query().Get("error")})
}

// documentAction serves the document page's forms: a type confirmed or corrected, pages moved
// to a dossier (numbered from 1, as the page shows them).
func (s *Server) documentAction(w http.ResponseWriter, r *http.Request) {
	id, err := uuid.Parse(r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, "Tài liệu / Document", pipeline.ErrNotFound)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 1<<14)
	if !s.formOK(w, r) {
		return
	}
	back := "/documents/" + id.String()
	done := ""
	switch r.PathValue("action") {
	case "type":
		_, err = s.setType(r.Context(), id, r.PostFormValue("type"))
		done = "type"
	case "move":
		var pages []int
		for _, f := range strings.FieldsFunc(r.PostFormValue("pages"), func(c rune) bool { return c == ',' || c == ' ' }) {
			n, perr := strconv.Atoi(f)
			if perr != nil || n < 1 {
				err = &pipeline.Failure{Class: "bad_move", Err: fmt.Errorf("page %q: want page numbers, like 3,4", f)}
				break
			}
			pages = append(pages, n-1)
		}
		if err == nil {
			var docs []uuid.UUID
			docs, _, err = s.move(r.Context(), id, pages, uuid.Nil, strings.TrimSpace(r.PostFormValue("dossier")))
			if err == nil && len(docs) > 0 && docs[len(docs)-1] != id {
				back = "/documents/" + docs[len(docs)-1].String() // follow the pages
			}
		}
		done = "moved"
	default:
		err = pipeline.ErrNotFound
	}
	if errors.Is(err, pipeline.ErrNotFound) {
		s.pageError(w, r, "Tài liệu / Document", err)
		return
	}
	if r.PostFormValue("back") == "review" && err == nil {
		back = "/review" // one click from the review list, and back to it
	}
	if err != nil {
		if errorStatus(err) == http.StatusInternalServerError {
			s.pageError(w, r, "Tài liệu / Document", err)
			return
		}
		http.Redirect(w, r, back+"?error="+url.QueryEscape(err.Error()), http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, back+"?done="+done, http.StatusSeeOther)
}

func (s *Server) dossiersPage(w http.ResponseWriter, r *http.Request) {
	list, err := s.Store.Dossiers(r.Context(), scope(r), 500)
	if err != nil {
		s.pageError(w, r, "Hồ sơ / Dossiers", err)
		return
	}
	kept := list[:0]
	for _, d := range list {
		if d.State != "emptied" {
			kept = append(kept, d)
		}
	}
	s.render(w, r, "dossiers", pageData{Title: "Hồ sơ / Dossiers", Data: kept})
}

func (s *Server) reviewPage(w http.ResponseWriter, r *http.Request) {
	items, err := s.Review.ReviewQueue(r.Context(), scope(r), 200)
	if err != nil {
		s.pageError(w, r, "Cần xem lại / Review", err)
		return
	}
	s.render(w, r, "review", pageData{Title: "Cần xem lại / Review", Data: items, Script: "review.js"})
}

func (s *Server) failuresPage(w http.ResponseWriter, r *http.Request) {
	f, err := s.Store.FailedPages(r.Context(), scope(r), 500)
	if err != nil {
		s.pageError(w, r, "Trang lỗi / Failed pages", err)
		return
	}
	var classes []string
	for _, p := range f {
		if !slices.Contains(classes, p.Class) {
			classes = append(classes, p.Class)
		}
	}
	slices.Sort(classes)
	s.render(w, r, "failures", pageData{Title: "Trang lỗi / Failed pages", Data: f, Classes: classes})
}

// retryFailures serves the failures page's forms (admins): every failed page of one class, as
// `sohoa retry -class` does, or the pages picked, runs again.
func (s *Server) retryFailures(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<18) // up to the page's 500 failures picked
	if !s.formOK(w, r) {
		return
	}
	class := r.PostFormValue("class")
	var pages []uuid.UUID
	for _, v := range r.PostForm["page"] {
		if id, err := uuid.Parse(v); err == nil {
			pages = append(pages, id)
		}
	}
	if class == "" && len(pages) == 0 {
		http.Redirect(w, r, "/failures", http.StatusSeeOther)
		return
	}
	f := pipeline.RetryFilter{Pages: pages, To: time.Now().Add(time.Minute)} // picked pages, whenever they failed
	if class != "" {
		f.Classes, f.From = []string{class}, time.Now().Add(-90*24*time.Hour)
	}
	n, err := s.Retrier.Retry(r.Context(), f)
	if err != nil {
		s.pageError(w, r, "Trang lỗi / Failed pages", err)
		return
	}
	u, _ := CurrentUser(r.Context())
	s.Log.InfoContext(r.Context(), "retry from the failures page", "user", u.Name, "class", class, "picked", len(pages), "pages", n)
	http.Redirect(w, r, "/failures?done=retry", http.StatusSeeOther)
}

// serveAsset serves one of the pages' scripts, from the binary.
func serveAsset(name string) http.HandlerFunc {
	b, err := dashboardFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(b)
	}
}

// favicon is sohoa's icon, drawn: browsers ask for it on every page, and a 404 would be an
// error in each page's console.
func favicon(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "max-age=86400")
	_, _ = w.Write([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b57d0"/>` +
		`<path d="M3 4h10M3 8h10M3 12h6" stroke="#fff" stroke-width="1.6"/></svg>`))
}
