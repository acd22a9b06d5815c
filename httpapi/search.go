package httpapi

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/google/uuid"
	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/report"
	"golang.org/x/text/unicode/norm"
)

type searchHit struct {
	pipeline.SearchHit
	Snippet     string `json:"snippet"`
	DocumentURL string `json:"document_url"`
	PDFURL      string `json:"pdf_url,omitempty"`
}

// MaxQuery is the longest search query, in bytes: a long sentence of Vietnamese.
const MaxQuery = 512

// search serves GET /api/v1/search?q=...[&desk=CODE]: pages whose OCR text holds every word of
// q, typed with or without diacritics.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "q is required"})
		return
	}
	// A 750 KB query took PostgreSQL 10 s and ended in "stack depth limit exceeded".
	if len(q) > MaxQuery || strings.ContainsRune(q, 0) {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": fmt.Sprintf("q is limited to %d bytes of text", MaxQuery)})
		return
	}
	f, err := searchFilter(r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	hits, err := s.Store.Search(r.Context(), q, f, 50)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]searchHit, len(hits))
	for i, h := range hits {
		out[i] = searchHit{SearchHit: h, Snippet: snippet(h.Text, q, 80), DocumentURL: "/api/v1/documents/" + h.Document.String()}
		if h.HasPDF {
			out[i].PDFURL = out[i].DocumentURL + "/pdf"
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "hits": out})
}

// searchFilter reads a search's narrowing from the query: type, role, dossier, from and to
// (days received, YYYY-MM-DD, to exclusive); the desk is the request's scope.
func searchFilter(r *http.Request) (pipeline.SearchFilter, error) {
	q := r.URL.Query()
	f := pipeline.SearchFilter{Desk: scope(r), Type: q.Get("type"), Role: q.Get("role"), Dossier: strings.TrimSpace(q.Get("dossier"))}
	err := report.ParseDays(q, &f.From, &f.To)
	return f, err
}

// snippet cuts about width runes of text around the first query word it finds, marking the
// words found with « ».
func snippet(text, q string, width int) string {
	orig := []rune(strings.Join(strings.Fields(text), " "))
	folded := make([]rune, len(orig))
	for i, r := range orig {
		folded[i] = classify.FoldRune(r)
	}
	fold := func(w string) string {
		var b strings.Builder
		for _, r := range norm.NFC.String(w) {
			b.WriteRune(classify.FoldRune(r))
		}
		return b.String()
	}
	ft := string(folded)
	runeAt := func(byteIdx int) int { return len([]rune(ft[:byteIdx])) }
	marks := map[int]int{} // start -> end of each match, in runes
	first := -1
	// The whole query as a phrase places the snippet best; otherwise its first word found.
	if i := strings.Index(ft, fold(strings.Join(strings.Fields(q), " "))); i >= 0 {
		first = runeAt(i)
	}
	for _, w := range strings.Fields(q) {
		fw := fold(w)
		for from := 0; from < len(ft); {
			i := strings.Index(ft[from:], fw)
			if i < 0 {
				break
			}
			start := runeAt(from + i)
			marks[start] = start + len([]rune(fw))
			if first < 0 {
				first = start
			}
			from += i + len(fw)
		}
	}
	if first < 0 {
		first = 0
	}
	lo, hi := max(0, first-width/2), min(len(orig), first+width/2)
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	for i := lo; i < hi; i++ {
		if end, ok := marks[i]; ok {
			b.WriteString("«" + string(orig[i:min(end, len(orig))]) + "»")
			i = end - 1
			continue
		}
		b.WriteRune(orig[i])
	}
	if hi < len(orig) {
		b.WriteString("…")
	}
	return b.String()
}

// visibleDocument is the document of the request's {id}, when the request's principal sees its
// desk; another desk's document is not found, as one that does not exist.
func (s *Server) visibleDocument(r *http.Request) (pipeline.DocumentInfo, error) {
	id, err := uuid.Parse(r.PathValue("id"))
	if err != nil {
		return pipeline.DocumentInfo{}, pipeline.ErrNotFound
	}
	d, err := s.Store.DocumentInfo(r.Context(), id)
	if err == nil && !sees(r.Context(), d.Desk) {
		err = pipeline.ErrNotFound
	}
	return d, err
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	d, err := s.visibleDocument(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	id := d.ID
	resp := map[string]any{"document": d}
	if d.PDFKey != "" {
		resp["pdf_url"] = "/api/v1/documents/" + id.String() + "/pdf"
	}
	writeJSON(w, http.StatusOK, resp)
}

// documentPDF serves the document's searchable PDF.
func (s *Server) documentPDF(w http.ResponseWriter, r *http.Request) {
	d, err := s.visibleDocument(r)
	if err == nil && d.PDFKey == "" {
		err = pipeline.ErrNotFound
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b, err := s.Objects.Get(r.Context(), d.PDFKey, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", disposition("inline", strings.TrimSuffix(d.Filename, ".pdf")+".pdf"))
	// The document page shows it in a frame: this site may frame it, no other.
	h.Set("X-Frame-Options", "SAMEORIGIN")
	h.Set("Content-Security-Policy", "frame-ancestors 'self'")
	_, _ = w.Write(b)
}

// Originals streams uploaded files as they were kept.
type Originals interface {
	Spool(ctx context.Context, key, version string, maxBytes int64, w io.Writer) (int64, error)
}

// documentOriginal serves GET /api/v1/documents/{id}/original: the file as the desk uploaded
// it, at the version the pipeline read (for a part of a stack, the whole stack's file), as a
// download.
func (s *Server) documentOriginal(w http.ResponseWriter, r *http.Request) {
	d, err := s.visibleDocument(r)
	if err == nil && (s.Originals == nil || d.Original.Key == "") {
		err = pipeline.ErrNotFound
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := &headersOnWrite{ResponseWriter: w, set: func(h http.Header) {
		// Only the formats sohoa reads are named; anything else a desk sent (a refused file)
		// goes as bytes, never as something a browser would run.
		ctype, ok := scanTypes[strings.ToLower(filepath.Ext(d.Original.Filename))]
		if !ok {
			ctype = "application/octet-stream"
		}
		h.Set("Content-Type", ctype)
		h.Set("Content-Disposition", disposition("attachment", d.Original.Filename))
		h.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	}}
	if _, err := s.Originals.Spool(r.Context(), d.Original.Key, d.Original.Version, 0, out); err != nil {
		if !out.wrote {
			s.fail(w, r, err)
			return
		}
		// Cut mid-file: abort the connection, so the download fails rather than ends short.
		s.Log.ErrorContext(r.Context(), "original cut short", "document", d.ID, "error", err)
		panic(http.ErrAbortHandler)
	}
}

var scanTypes = map[string]string{".pdf": "application/pdf", ".tif": "image/tiff", ".tiff": "image/tiff",
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}

// headersOnWrite sets a download's headers with its first byte, so that a failure before
// any byte can still answer as an error.
type headersOnWrite struct {
	http.ResponseWriter
	set   func(http.Header)
	wrote bool
}

func (h *headersOnWrite) Write(b []byte) (int, error) {
	if !h.wrote {
		h.wrote = true
		h.set(h.Header())
	}
	return h.ResponseWriter.Write(b)
}

// dossiers serves GET /api/v1/dossiers?desk=CODE: each dossier's state, procedure and the
// required components it lacks.
func (s *Server) dossiers(w http.ResponseWriter, r *http.Request) {
	ds, err := s.Store.Dossiers(r.Context(), scope(r), 1000)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"dossiers": ds})
}

// disposition is the Content-Disposition (inline or attachment) of a document's file: quoted
// and encoded by mime (RFC 2231 for Vietnamese names), never the raw name, so quotes, CR/LF or
// bidi controls in a file's name cannot reach the header as they are.
func disposition(kind, filename string) string {
	name := strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || (r >= 0x200b && r <= 0x200f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return -1
		}
		return r
	}, filename)
	return mime.FormatMediaType(kind, map[string]string{"filename": name})
}
