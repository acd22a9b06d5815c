package pipeline

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"io"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/google/uuid"
	"github.com/hibiken/asynq"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pdf"
	"github.com/sohoa/sohoa/scan"
)

// Store is the record the stages read and advance. Every method is idempotent: state moves
// only through guarded updates, so a task delivered twice changes nothing the second time.
type Store interface {
	Document(ctx context.Context, id uuid.UUID) (Document, error)
	// SplitDocument creates the document's page rows (once) and returns their IDs.
	SplitDocument(ctx context.Context, id uuid.UUID, sha string, size int64, format string, pages int) ([]uuid.UUID, error)
	Page(ctx context.Context, id uuid.UUID) (Page, error)
	// StartAttempt counts an attempt at a page's current stage.
	StartAttempt(ctx context.Context, pageID uuid.UUID) error
	PagePrepared(ctx context.Context, id uuid.UUID, p Prepared, image Artifact) (bool, error)
	PageRecognized(ctx context.Context, id uuid.UUID, r Recognized, arts []Artifact) (bool, error)
	FailPage(ctx context.Context, id uuid.UUID, class, msg string) (bool, error)
	// RevivePage puts a failed page back at state, reopening its document and dossier: a task
	// of a failed page runs only when an operator retries it.
	RevivePage(ctx context.Context, id uuid.UUID, state string) (bool, error)
	// DocumentEnded reports whether every page of the document is done or failed.
	DocumentEnded(ctx context.Context, id uuid.UUID) (bool, error)
	DocumentText(ctx context.Context, id uuid.UUID) (string, error)
	// ClassifyDocument records the type and ends the document (classified, or failed when a
	// page failed); it returns the dossier to finalize.
	ClassifyDocument(ctx context.Context, id uuid.UUID, c Classification) (uuid.UUID, error)
	// DossierTypes returns the dossier's procedure code and its classified documents' types.
	DossierTypes(ctx context.Context, id uuid.UUID) (procedure string, types []string, err error)
	// FinalizeDossier ends the dossier when all its documents have ended, records its
	// procedure and missing components, and recomputes its desk's figures from facts.
	FinalizeDossier(ctx context.Context, id uuid.UUID, procedure string, missing []string) error
	// PageArtifacts lists one kind of artifact of the document's done pages, in page order.
	PageArtifacts(ctx context.Context, doc uuid.UUID, kind string) ([]Artifact, error)
	PutDocumentArtifact(ctx context.Context, doc uuid.UUID, a Artifact) error
	SetSourceVersion(ctx context.Context, doc uuid.UUID, version string) error
	// SetSignatures records the digital signatures found in the document's original.
	SetSignatures(ctx context.Context, doc uuid.UUID, sigs []scan.Signature) error
	// Stack returns what splitting an uploaded document needs: its desk's or batch's rules
	// and its pages' codes and text.
	Stack(ctx context.Context, doc uuid.UUID) (Stack, error)
	// SplitStack applies a split once (later calls change nothing): the document keeps the
	// first segment, each other segment becomes a document of its dossier (created when new)
	// with its pages and their artifacts, separator sheets are marked. It returns the parts
	// made and the upload's dossier when no document is left in it (emptied).
	SplitStack(ctx context.Context, doc uuid.UUID, segs []Segment) (parts []uuid.UUID, emptied uuid.UUID, err error)
}

// Stack is an uploaded document as splitting sees it.
type Stack struct {
	Split SplitSetting
	Pages []StackPage
}

// Titler tells the catalogue type whose title heads a page ("" for none); the classifier
// provides it, for splitting stacks by title.
type Titler interface {
	Title(text string) string
}

// Versioner tells the S3 version of an original and reads that very version.
type Versioner interface {
	Version(ctx context.Context, key string) (string, error)
	GetVersion(ctx context.Context, key, version string, maxBytes int64) ([]byte, error)
}

// readOriginal reads the recorded version of an original when there is one, so a key written
// again later cannot change what a document is.
func (s *Stages) readOriginal(ctx context.Context, key, version string) (data []byte, err error) {
	if v, ok := s.originals().(Versioner); ok && version != "" {
		data, err = v.GetVersion(ctx, key, version, s.Limits.MaxBytes)
	} else {
		data, err = s.originals().Get(ctx, key, s.Limits.MaxBytes)
	}
	s.countRead("original", len(data))
	return data, err
}

// get reads an artifact, counted as object.
func (s *Stages) get(ctx context.Context, object, key string, maxBytes int64) ([]byte, error) {
	data, err := s.Objects.Get(ctx, key, maxBytes)
	s.countRead(object, len(data))
	return data, err
}

func (s *Stages) countRead(object string, n int) {
	if s.Metrics != nil && n > 0 {
		s.Metrics.Read.WithLabelValues(object).Add(float64(n))
	}
}

// Spooler streams an object (the recorded version when version is set) to w; *s3.Objects is
// one. Originals are spooled to a file rather than read into memory, so that a large PDF stays
// on disk and each of its pages is rendered from there.
type Spooler interface {
	Spool(ctx context.Context, key, version string, maxBytes int64, w io.Writer) (int64, error)
}

// openOriginal opens an original, from this process's cache when it has opened it lately.
func (s *Stages) openOriginal(ctx context.Context, key, version string) (*scan.Source, error) {
	if src, ok := s.caches().sources.get(sourceKey(key, version)); ok {
		return src, nil
	}
	var src *scan.Source
	var err error
	if sp, ok := s.originals().(Spooler); ok {
		src, err = s.spoolOriginal(ctx, sp, key, version)
	} else {
		var data []byte
		if data, err = s.readOriginal(ctx, key, version); err == nil {
			src, err = scan.Open(ctx, data, s.Limits)
		}
	}
	if err != nil {
		return nil, err
	}
	s.keepSource(sourceKey(key, version), src)
	return src, nil
}

// SpoolDir makes this process's directory for spooled originals under the system's temporary
// directory, after removing those of processes no longer running (a worker killed with
// SIGKILL leaves its own behind). The caller removes it when the worker stops.
func SpoolDir() (string, error) {
	old, _ := filepath.Glob(filepath.Join(os.TempDir(), "sohoa-spool-*"))
	for _, d := range old {
		var pid int
		if _, err := fmt.Sscanf(filepath.Base(d), "sohoa-spool-%d-", &pid); err == nil && pid != os.Getpid() &&
			syscall.Kill(pid, 0) == syscall.ESRCH {
			_ = os.RemoveAll(d)
		}
	}
	return os.MkdirTemp("", fmt.Sprintf("sohoa-spool-%d-", os.Getpid()))
}

// spillAt is the size above which a spooled original goes to a file rather than memory
// (Stages.SpillAt when set): a page's scan stays in memory, a stack of pages goes to disk.
const spillAt = 16 << 20

func (s *Stages) spoolOriginal(ctx context.Context, sp Spooler, key, version string) (*scan.Source, error) {
	w := &spill{dir: s.SpoolDir, at: cmp.Or(s.SpillAt, spillAt)}
	n, err := sp.Spool(ctx, key, version, s.Limits.MaxBytes, w)
	s.countRead("original", int(n))
	if w.f == nil {
		if err != nil {
			return nil, err
		}
		return scan.Open(ctx, w.buf.Bytes(), s.Limits)
	}
	if cerr := w.f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("spool %s: %w", key, cerr)
	}
	var src *scan.Source
	if err == nil {
		src, err = scan.OpenFile(ctx, w.f.Name(), s.Limits)
	}
	if src == nil || !src.OnDisk() { // else the Source owns the file
		_ = os.Remove(w.f.Name())
	}
	return src, err
}

// spill holds what is written in memory up to at bytes, then moves it to a file in dir.
type spill struct {
	dir string
	at  int
	buf bytes.Buffer
	f   *os.File
}

func (w *spill) Write(p []byte) (int, error) {
	if w.f == nil && w.buf.Len()+len(p) <= w.at {
		return w.buf.Write(p)
	}
	if w.f == nil {
		f, err := os.CreateTemp(w.dir, "sohoa-original-*")
		if err != nil {
			return 0, err
		}
		w.f = f
		if _, err := f.Write(w.buf.Bytes()); err != nil {
			return 0, err
		}
		w.buf = bytes.Buffer{}
	}
	return w.f.Write(p)
}

func sourceKey(key, version string) string { return key + "\x00" + version }

// Objects is an S3 bucket: the originals' (object-locked) or the artifacts'.
type Objects interface {
	Get(ctx context.Context, key string, maxBytes int64) ([]byte, error)
	Put(ctx context.Context, key string, data []byte, contentType string) error
}

// Queue delivers the next stage's task; *asynq.Client is one.
type Queue interface {
	EnqueueContext(ctx context.Context, t *asynq.Task, opts ...asynq.Option) (*asynq.TaskInfo, error)
}

// Orienter finds a page's quarter-turn orientation.
type Orienter interface {
	Orientation(ctx context.Context, g *image.Gray, dpi int) (ocr.Orientation, error)
}

// Recognizer reads text; *ocr.Engine is one. Only cmd/ constructs the engine (cgo): pipeline
// builds without cgo.
type Recognizer interface {
	Orienter
	Recognize(ctx context.Context, g *image.Gray, dpi int, o ocr.Options) (*ocr.Result, error)
	Languages() string
	Version() string // the engine and its version, as recorded with each page's text
}

// Classifier tells a document's type from its text, and what a dossier lacks.
type Classifier interface {
	Classify(text string) Classification
	// Missing returns the dossier's procedure (inferred from its types when procedure is
	// empty) and the required components it lacks.
	Missing(procedure string, have []string) (string, []string)
}

// Stages holds what the stage handlers need. Each exported method is the Asynq handler of the
// task type of the same name.
type Stages struct {
	Store Store
	// Originals is the object-locked bucket uploads land in; Objects holds derived artifacts.
	// A nil Originals means both live in Objects.
	Originals  Objects
	Objects    Objects
	Queue      Queue
	Engine     Recognizer
	Classifier Classifier
	Limits     scan.Limits
	Log        *slog.Logger
	Metrics    *Metrics // optional
	// SpoolDir holds the originals spooled from S3 (the system's temporary directory when
	// empty); a worker gives each process its own (SpoolDir) and removes it when it stops.
	// Originals up to SpillAt bytes (16 MB when 0) are held in memory instead.
	SpoolDir string
	SpillAt  int

	cacheOnce sync.Once
	cache     *stageCaches
}

// stageCaches are what this process keeps between one page's stages (handoff.go).
type stageCaches struct {
	handoff *memo[cleanPage]    // prepared images for the OCR stage
	sources *memo[*scan.Source] // opened multi-page originals for the prepare stage
}

func (s *Stages) caches() *stageCaches {
	s.cacheOnce.Do(func() { s.cache = &stageCaches{handoff: newHandoff(), sources: newSources()} })
	return s.cache
}

func (s *Stages) originals() Objects {
	if s.Originals != nil {
		return s.Originals
	}
	return s.Objects
}

// Register routes every task type to its handler.
func (s *Stages) Register(mux *asynq.ServeMux) {
	mux.HandleFunc(TypeIngest, s.Ingest)
	mux.HandleFunc(TypePrepare, s.Prepare)
	mux.HandleFunc(TypeOCR, s.OCR)
	mux.HandleFunc(TypeClassify, s.Classify)
	mux.HandleFunc(TypeFinalize, s.Finalize)
}

// enqueue sends the next stage; a TaskID conflict means it is already queued.
func (s *Stages) enqueue(ctx context.Context, typ string, id uuid.UUID) error {
	_, err := s.Queue.EnqueueContext(ctx, NewTask(typ, id))
	if err != nil && !errors.Is(err, asynq.ErrTaskIDConflict) {
		return fmt.Errorf("enqueue %s %s: %w", typ, id, err)
	}
	return nil
}

// Ingest reads an uploaded file and makes one page row per page.
func (s *Stages) Ingest(ctx context.Context, t *asynq.Task) error {
	id, err := payloadOf(t)
	if err != nil {
		return err
	}
	doc, err := s.Store.Document(ctx, id)
	if err != nil {
		return rowLookup("ingest", id, err)
	}
	if doc.State != DocReceived {
		return s.afterSplit(ctx, doc.ID)
	}
	// The version first: the document is that version of the key, whatever is written later.
	version := ""
	if v, ok := s.originals().(Versioner); ok {
		if version, err = v.Version(ctx, doc.SourceKey); err != nil {
			if errors.Is(err, ErrNotFound) {
				return s.refuseDocument(ctx, doc, err)
			}
			return fmt.Errorf("ingest %s: %w", doc.SourceKey, err)
		}
		if version != "" {
			if err := s.Store.SetSourceVersion(ctx, doc.ID, version); err != nil {
				return fmt.Errorf("ingest %s: %w", doc.SourceKey, err)
			}
		}
	}
	// Opened once here; its pages' prepare tasks in this worker find it in memory.
	src, err := s.openOriginal(ctx, doc.SourceKey, version)
	if err != nil {
		var f *scan.Error
		if errors.As(err, &f) || errors.Is(err, ErrNotFound) {
			return s.refuseDocument(ctx, doc, err)
		}
		return fmt.Errorf("ingest %s: %w", doc.SourceKey, err)
	}
	sum, err := src.SHA256()
	if err != nil {
		return fmt.Errorf("ingest %s: %w", doc.SourceKey, err)
	}
	sha := hex.EncodeToString(sum[:])
	if doc.UploadedSHA256 != "" && doc.UploadedSHA256 != sha {
		// Written again between the upload's check and this read (a presigned URL used twice):
		// what was checked is not what would be read.
		return s.refuseDocument(ctx, doc, &Failure{Class: ClassChanged, Err: errors.New("the stored original is not the file checked at upload: upload it again under a new name")})
	}
	// A signed PDF (a result issued with a digital signature) says who signed it and whether
	// its bytes are still the signed ones; recorded before the pages, once.
	if sigs, err := src.Signatures(ctx, s.Limits); err != nil {
		Logger(ctx, s.Log).WarnContext(ctx, "signatures unreadable", "document", doc.ID, "error", err)
	} else if len(sigs) > 0 {
		if err := s.Store.SetSignatures(ctx, doc.ID, sigs); err != nil {
			return fmt.Errorf("ingest %s: signatures: %w", doc.SourceKey, err)
		}
	}
	format, n := src.Format(), src.Pages()
	pages, err := s.Store.SplitDocument(ctx, doc.ID, sha, src.Size(), string(format), n)
	if err != nil {
		return fmt.Errorf("ingest %s: split: %w", doc.SourceKey, err)
	}
	if len(pages) == 0 { // a duplicate of another document of the dossier: nothing to read
		Logger(ctx, s.Log).InfoContext(ctx, "duplicate file", "desk", doc.Desk, "document", doc.ID)
		return s.enqueue(ctx, TypeFinalize, doc.DossierID)
	}
	Logger(ctx, s.Log).InfoContext(ctx, "ingested", "desk", doc.Desk, "dossier", doc.DossierID, "document", doc.ID, "pages", n, "format", format)
	return s.afterSplit(ctx, doc.ID)
}

// refuseDocument records a file that cannot be split as one failed page, so that the refusal
// is visible where every other page failure is, and the batch goes on.
func (s *Stages) refuseDocument(ctx context.Context, doc Document, cause error) error {
	class := ClassOf(cause)
	pages, err := s.Store.SplitDocument(ctx, doc.ID, "", 0, "", 1)
	if err != nil {
		return fmt.Errorf("ingest %s: %w", doc.SourceKey, err)
	}
	if err := s.failPage(ctx, pages[0], doc.ID, class, cause); err != nil {
		return err
	}
	return permanent(class, cause)
}

func (s *Stages) afterSplit(ctx context.Context, docID uuid.UUID) error {
	pages, err := s.Store.SplitDocument(ctx, docID, "", 0, "", 0)
	if err != nil {
		return err
	}
	for _, p := range pages {
		if err := s.enqueue(ctx, TypePrepare, p); err != nil {
			return err
		}
	}
	return s.afterPage(ctx, docID)
}

// afterPage starts classification once every page of the document has ended. It runs after
// the page's own commit, so the last page to end always sees the others ended.
func (s *Stages) afterPage(ctx context.Context, docID uuid.UUID) error {
	ended, err := s.Store.DocumentEnded(ctx, docID)
	if err != nil || !ended {
		return err
	}
	return s.enqueue(ctx, TypeClassify, docID)
}

func (s *Stages) failPage(ctx context.Context, pageID, docID uuid.UUID, class string, cause error) error {
	if _, err := s.Store.FailPage(ctx, pageID, class, cause.Error()); err != nil {
		return fmt.Errorf("record failure of page %s: %w", pageID, err)
	}
	Logger(ctx, s.Log).WarnContext(ctx, "page failed", "page_id", pageID, "class", class, "error", cause.Error())
	return s.afterPage(ctx, docID)
}

// pageFailed decides what a stage error means: a permanent one ends the page now; a transient
// one is returned for Asynq to retry (the ErrorHandler ends the page once retries run out).
func (s *Stages) pageFailed(ctx context.Context, p Page, stage string, err error) error {
	class, perm := classify(err)
	if !perm {
		return fmt.Errorf("%s page %s: %w", stage, p.ID, err)
	}
	if ferr := s.failPage(ctx, p.ID, p.DocumentID, class, err); ferr != nil {
		return ferr
	}
	return permanent(class, err)
}

// Prepare decodes a page within limits, turns it upright, deskews it and stores the clean
// image.
func (s *Stages) Prepare(ctx context.Context, t *asynq.Task) error {
	id, err := payloadOf(t)
	if err != nil {
		return err
	}
	p, err := s.Store.Page(ctx, id)
	if err != nil {
		return rowLookup("prepare", id, err)
	}
	switch p.State {
	case PagePrepared:
		return s.enqueue(ctx, TypeOCR, p.ID)
	case PageDone:
		return s.afterPage(ctx, p.DocumentID)
	case PageFailed: // an operator's retry (asynqmon "Run", sohoa retry)
		if _, err := s.Store.RevivePage(ctx, p.ID, PagePending); err != nil {
			return fmt.Errorf("prepare %s: revive: %w", p.ID, err)
		}
	}
	if err := s.Store.StartAttempt(ctx, p.ID); err != nil {
		return err
	}
	src, err := s.openOriginal(ctx, p.SourceKey, p.SourceVersion)
	if err != nil {
		return s.pageFailed(ctx, p, "prepare", err)
	}
	pp, err := PrepareSource(ctx, s.Engine, src, p.Index, s.Limits)
	if err != nil {
		return s.pageFailed(ctx, p, "prepare", err)
	}
	if p.Split.ReadsCodes() {
		pp.ReadCodes()
	}
	var buf bytes.Buffer
	if err := scan.EncodePNG(&buf, pp.Image, pp.DPI); err != nil {
		return fmt.Errorf("prepare %s: encode: %w", p.ID, err)
	}
	art, err := s.putArtifact(ctx, ArtifactPageImage, buf.Bytes(), "image/png", "png", "")
	if err != nil {
		return err
	}
	if _, err := s.Store.PagePrepared(ctx, p.ID, pp.Prepared, art); err != nil {
		return fmt.Errorf("prepare %s: record: %w", p.ID, err)
	}
	s.caches().handoff.put(art.Key, cleanPage{pp.Image, buf.Bytes(), pp.Layer})
	Logger(ctx, s.Log).InfoContext(ctx, "prepared", "page_id", p.ID, "desk", p.Desk, "dossier", p.DossierID,
		"rotated", pp.Rotated, "skew_degrees", pp.SkewDegrees)
	if s.Metrics != nil {
		s.Metrics.Skew.Observe(pp.SkewDegrees)
	}
	return s.enqueue(ctx, TypeOCR, p.ID)
}

// putArtifact stores data under a content-addressed key: a re-run writes the same key.
func (s *Stages) putArtifact(ctx context.Context, kind string, data []byte, contentType, ext, engine string) (Artifact, error) {
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:])
	key := fmt.Sprintf("artifacts/%s/%s/%s.%s", kind, h[:2], h, ext)
	if err := s.Objects.Put(ctx, key, data, contentType); err != nil {
		return Artifact{}, fmt.Errorf("store %s: %w", kind, err)
	}
	return Artifact{Kind: kind, Key: key, SHA256: h, Size: int64(len(data)), ContentType: contentType, Engine: engine}, nil
}

// OCR recognises a prepared page and stores its text, hOCR and word boxes.
func (s *Stages) OCR(ctx context.Context, t *asynq.Task) error {
	id, err := payloadOf(t)
	if err != nil {
		return err
	}
	p, err := s.Store.Page(ctx, id)
	if err != nil {
		return rowLookup("ocr", id, err)
	}
	switch p.State {
	case PagePending: // prepare has not committed: let it (or the reconciler) send us again
		return s.enqueue(ctx, TypePrepare, p.ID)
	case PageDone:
		return s.afterPage(ctx, p.DocumentID)
	case PageFailed:
		if p.ImageKey == "" { // it failed before OCR: only its prepare task can retry it
			return s.afterPage(ctx, p.DocumentID)
		}
		// An operator's retry of a page that failed at OCR.
		if _, err := s.Store.RevivePage(ctx, p.ID, PagePrepared); err != nil {
			return fmt.Errorf("ocr %s: revive: %w", p.ID, err)
		}
	}
	if err := s.Store.StartAttempt(ctx, p.ID); err != nil {
		return err
	}
	clean, ok := s.caches().handoff.take(p.ImageKey)
	if p.TextFrom == TextFromPDF {
		if done, err := s.readLayer(ctx, p, clean.layer); done || err != nil {
			return err
		}
	}
	if p.Blank {
		// No ink: nothing to read (a duplex back, an empty sheet). Its clean image is kept;
		// without a page PDF it stays out of the document's searchable PDF.
		if _, err := s.Store.PageRecognized(ctx, p.ID, Recognized{Blank: true}, nil); err != nil {
			return fmt.Errorf("ocr %s: record: %w", p.ID, err)
		}
		Logger(ctx, s.Log).InfoContext(ctx, "blank page", "page_id", p.ID, "desk", p.Desk, "dossier", p.DossierID)
		return s.afterPage(ctx, p.DocumentID)
	}
	if !ok {
		if clean.png, err = s.get(ctx, "page_image", p.ImageKey, s.Limits.MaxBytes); err != nil {
			return s.pageFailed(ctx, p, "ocr", err)
		}
		if clean.image, _, err = scan.Decode(ctx, clean.png, 0, s.Limits); err != nil {
			return s.pageFailed(ctx, p, "ocr", err)
		}
	}
	r, err := s.Engine.Recognize(ctx, clean.image, p.DPI, ocr.Options{Languages: p.Languages, PDF: true, PNG: clean.png, AsIs: true})
	if err != nil {
		if errors.Is(err, ocr.ErrLanguage) {
			return s.pageFailed(ctx, p, "ocr", &Failure{Class: ClassLanguage, Err: err})
		}
		if ctx.Err() != nil {
			return fmt.Errorf("ocr %s: %w", p.ID, err)
		}
		return s.pageFailed(ctx, p, "ocr", &Failure{Class: ClassOCR, Err: err})
	}
	arts, err := s.putRead(ctx, r, r.PDF, s.Engine.Version()+" "+r.Languages)
	if err != nil {
		return err
	}
	rec := Recognized{Text: r.Text, MeanConfidence: round2(r.MeanConfidence), LowConfidenceShare: round2(r.LowConfidenceShare),
		Blank: len(r.Words) == 0}
	if _, err := s.Store.PageRecognized(ctx, p.ID, rec, arts); err != nil {
		return fmt.Errorf("ocr %s: record: %w", p.ID, err)
	}
	Logger(ctx, s.Log).InfoContext(ctx, "recognized", "page_id", p.ID, "desk", p.Desk, "dossier", p.DossierID,
		"words", len(r.Words), "mean_confidence", rec.MeanConfidence, "blank", rec.Blank)
	if s.Metrics != nil {
		s.Metrics.Confidence.Observe(rec.MeanConfidence)
	}
	return s.afterPage(ctx, p.DocumentID)
}

// putRead stores what was read of a page: its text, its hOCR when an engine made one, its word
// boxes and its searchable page PDF.
func (s *Stages) putRead(ctx context.Context, r *ocr.Result, pdf []byte, engine string) ([]Artifact, error) {
	words, _ := json.Marshal(r.Words)
	var arts []Artifact
	for _, a := range []struct {
		kind, ctype, ext string
		data             []byte
	}{
		{ArtifactText, "text/plain; charset=utf-8", "txt", []byte(r.Text)},
		{ArtifactHOCR, "text/html; charset=utf-8", "hocr", []byte(r.HOCR)},
		{ArtifactWords, "application/json", "json", words},
		{ArtifactPagePDF, "application/pdf", "pdf", pdf},
	} {
		if a.kind == ArtifactHOCR && r.HOCR == "" {
			continue // a text layer has no hOCR: no engine ran
		}
		art, err := s.putArtifact(ctx, a.kind, a.data, a.ctype, a.ext, engine)
		if err != nil {
			return nil, err
		}
		arts = append(arts, art)
	}
	return arts, nil
}

// readLayer records a born-digital page from its own text layer instead of OCR: its words and
// their boxes, the text in reading order, and the page itself as its searchable PDF (no hOCR:
// no engine ran). The layer the prepare stage read is used when this worker prepared the page;
// otherwise it is read again, and done is false when it no longer passes the rule (a newer
// release's rule), and OCR goes on.
func (s *Stages) readLayer(ctx context.Context, p Page, layer *scan.TextLayer) (done bool, err error) {
	src, err := s.openOriginal(ctx, p.SourceKey, p.SourceVersion)
	if err != nil {
		return true, s.pageFailed(ctx, p, "ocr", err)
	}
	if layer == nil {
		tl, err := src.TextLayer(ctx, p.Index, s.Limits)
		if err != nil {
			return true, s.pageFailed(ctx, p, "ocr", err)
		}
		if !tl.Usable {
			return false, nil
		}
		layer = &tl
	}
	pdf, err := src.PagePDF(ctx, p.Index, s.Limits)
	if err != nil {
		return true, s.pageFailed(ctx, p, "ocr", err)
	}
	r := LayerResult(*layer, p.DPI)
	arts, err := s.putRead(ctx, r, pdf, "pdf text layer")
	if err != nil {
		return true, err
	}
	rec := Recognized{Text: r.Text, MeanConfidence: r.MeanConfidence, Blank: len(r.Words) == 0}
	if _, err := s.Store.PageRecognized(ctx, p.ID, rec, arts); err != nil {
		return true, fmt.Errorf("ocr %s: record: %w", p.ID, err)
	}
	Logger(ctx, s.Log).InfoContext(ctx, "read from the PDF's text layer", "page_id", p.ID, "desk", p.Desk, "dossier", p.DossierID, "words", len(r.Words))
	return true, s.afterPage(ctx, p.DocumentID)
}

// Classify types a document once every page has ended.
func (s *Stages) Classify(ctx context.Context, t *asynq.Task) error {
	id, err := payloadOf(t)
	if err != nil {
		return err
	}
	ended, err := s.Store.DocumentEnded(ctx, id)
	if err != nil {
		return fmt.Errorf("classify %s: %w", id, err)
	}
	if !ended {
		return nil // the last page to end enqueues us again
	}
	doc, err := s.Store.Document(ctx, id)
	if err != nil {
		return rowLookup("classify", id, err)
	}
	if doc.State != DocSplit { // already classified: make sure the dossier is finalized
		return s.enqueue(ctx, TypeFinalize, doc.DossierID)
	}
	if !doc.SplitDone {
		if err := s.splitStack(ctx, doc); err != nil {
			return fmt.Errorf("classify %s: %w", id, err)
		}
	}
	if err := s.documentPDF(ctx, id); err != nil {
		return fmt.Errorf("classify %s: %w", id, err)
	}
	text, err := s.Store.DocumentText(ctx, id)
	if err != nil {
		return fmt.Errorf("classify %s: %w", id, err)
	}
	c := s.Classifier.Classify(text)
	dossier, err := s.Store.ClassifyDocument(ctx, id, c)
	if err != nil {
		return fmt.Errorf("classify %s: %w", id, err)
	}
	Logger(ctx, s.Log).InfoContext(ctx, "classified", "document", id, "type", c.Type,
		"confidence", c.Confidence, "needs_review", c.NeedsReview) // never the fields: personal data
	return s.enqueue(ctx, TypeFinalize, dossier)
}

// splitStack tells an uploaded file's dossiers and documents apart by the codes and titles on
// its pages (Split), once. The document keeps its first part and is classified on; the other
// parts are classified by tasks of their own, and an upload's dossier left with no document is
// finalized so that it is no longer counted.
func (s *Stages) splitStack(ctx context.Context, doc Document) error {
	st, err := s.Store.Stack(ctx, doc.ID)
	if err != nil {
		return err
	}
	rules := st.Split.Parse()
	var title func(string) string
	if t, ok := s.Classifier.(Titler); ok && rules.Title {
		title = t.Title
	}
	segs := Split(st.Pages, rules, title)
	parts, emptied, err := s.Store.SplitStack(ctx, doc.ID, segs)
	if err != nil {
		return err
	}
	if Splits(segs) {
		Logger(ctx, s.Log).InfoContext(ctx, "stack split", "document", doc.ID, "desk", doc.Desk,
			"documents", len(segs), "rules", rules.String())
	}
	for _, p := range parts {
		if err := s.enqueue(ctx, TypeClassify, p); err != nil {
			return err
		}
	}
	if emptied != uuid.Nil {
		return s.enqueue(ctx, TypeFinalize, emptied)
	}
	return nil
}

// documentPDF joins the searchable PDFs of the document's recognised pages into the document's
// searchable PDF.
func (s *Stages) documentPDF(ctx context.Context, doc uuid.UUID) error {
	arts, err := s.Store.PageArtifacts(ctx, doc, ArtifactPagePDF)
	if err != nil || len(arts) == 0 {
		return err
	}
	if len(arts) == 1 {
		// A one-page document's PDF is its page's, byte for byte: recorded as the same object
		// rather than read back and written again (most certificates and forms are one page).
		a := arts[0]
		a.Kind = ArtifactPDF
		return s.Store.PutDocumentArtifact(ctx, doc, a)
	}
	// On disk, not in memory: the page PDFs of a 200-page stack are about 600 MB.
	dir, err := os.MkdirTemp(s.SpoolDir, "sohoa-join-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	paths := make([]string, len(arts))
	for i, a := range arts {
		paths[i] = filepath.Join(dir, fmt.Sprintf("p%05d.pdf", i))
		if err := s.fetchTo(ctx, "page_pdf", a.Key, paths[i]); err != nil {
			return err
		}
	}
	out := filepath.Join(dir, "document.pdf")
	if err := pdf.JoinFiles(ctx, paths, out); err != nil {
		return err
	}
	art, err := s.putArtifactFile(ctx, ArtifactPDF, out, "application/pdf", "pdf", arts[0].Engine)
	if err != nil {
		return err
	}
	return s.Store.PutDocumentArtifact(ctx, doc, art)
}

// fetchTo writes an artifact to the file path, streamed when the bucket can (Spooler).
func (s *Stages) fetchTo(ctx context.Context, object, key, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if sp, ok := s.Objects.(Spooler); ok {
		n, err := sp.Spool(ctx, key, "", 0, f)
		s.countRead(object, int(n))
		if err != nil {
			return err
		}
		return f.Close()
	}
	data, err := s.get(ctx, object, key, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Close()
}

// putArtifactFile is putArtifact of a file's bytes, streamed when the bucket can (ReaderPutter).
func (s *Stages) putArtifactFile(ctx context.Context, kind, path, contentType, ext, engine string) (Artifact, error) {
	rp, ok := s.Objects.(ReaderPutter)
	if !ok {
		data, err := os.ReadFile(path)
		if err != nil {
			return Artifact{}, err
		}
		return s.putArtifact(ctx, kind, data, contentType, ext, engine)
	}
	f, err := os.Open(path)
	if err != nil {
		return Artifact{}, err
	}
	defer f.Close()
	h := sha256.New()
	size, err := io.Copy(h, f)
	if err != nil {
		return Artifact{}, err
	}
	sum := hex.EncodeToString(h.Sum(nil))
	key := fmt.Sprintf("artifacts/%s/%s/%s.%s", kind, sum[:2], sum, ext)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return Artifact{}, err
	}
	if err := rp.PutReader(ctx, key, f, size, contentType); err != nil {
		return Artifact{}, fmt.Errorf("store %s: %w", kind, err)
	}
	return Artifact{Kind: kind, Key: key, SHA256: sum, Size: size, ContentType: contentType, Engine: engine}, nil
}

// Finalize ends a dossier whose documents have all ended and recomputes its desk's figures.
func (s *Stages) Finalize(ctx context.Context, t *asynq.Task) error {
	id, err := payloadOf(t)
	if err != nil {
		return err
	}
	procedure, types, err := s.Store.DossierTypes(ctx, id)
	if err != nil {
		return rowLookup("finalize", id, err)
	}
	procedure, missing := s.Classifier.Missing(procedure, types)
	if err := s.Store.FinalizeDossier(ctx, id, procedure, missing); err != nil {
		return fmt.Errorf("finalize %s: %w", id, err)
	}
	return nil
}

// rowLookup wraps the error of reading a task's row. A row that does not exist will not appear
// by retrying (rows are written before their tasks are enqueued): the task is archived at once
// instead of being retried for hours (a finalize for an unknown dossier was retried 6 times).
func rowLookup(stage string, id uuid.UUID, err error) error {
	if errors.Is(err, ErrNotFound) {
		return fmt.Errorf("%s %s: no such row: %w: %w", stage, id, err, asynq.SkipRetry)
	}
	return fmt.Errorf("%s %s: %w", stage, id, err)
}

// Exhausted records a page or document whose task will not run again (retries used up, or
// archived), so that PostgreSQL, not Asynq's bounded archive, keeps the failure.
func (s *Stages) Exhausted(ctx context.Context, t *asynq.Task, cause error) {
	id, err := payloadOf(t)
	if err != nil {
		return
	}
	class, _ := classify(cause)
	switch t.Type() {
	case TypePrepare, TypeOCR:
		p, err := s.Store.Page(ctx, id)
		if err == nil {
			err = s.failPage(ctx, p.ID, p.DocumentID, class, cause)
		}
		if err != nil {
			s.Log.ErrorContext(ctx, "cannot record exhausted page", "page_id", id, "error", err)
		}
	case TypeIngest:
		doc, err := s.Store.Document(ctx, id)
		if err == nil && doc.State == DocReceived {
			_ = s.refuseDocument(ctx, doc, &Failure{Class: class, Err: cause})
		}
	}
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
