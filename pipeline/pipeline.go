// Package pipeline is sohoa's domain: the desks, dossiers, documents and pages that a scan batch
// becomes, the stages that move a page from upload to a desk's digitization figure, and the
// interfaces those stages need from storage, the queue and OCR.
//
// Stages (one Asynq task type each, see tasks.go):
//
//	ingest   (document) read the upload, split it into page rows
//	prepare  (page)     decode within limits, orientation, deskew, store the clean image
//	ocr      (page)     recognise text, store text, hOCR and word boxes
//	classify (document) type and role from the text once every page has ended
//	finalize (dossier)  mark the dossier digitized and recompute the desk's figures
package pipeline

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/google/uuid"
)

// Kind of desk: a ministry or branch, or a locality (province, district, commune).
type Kind string

const (
	Ministry Kind = "ministry"
	Locality Kind = "locality"
)

// Desk is a one-stop desk.
type Desk struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	ParentUnit string `json:"parent_unit"`
	Kind       Kind   `json:"kind"`
	// Languages for OCR ("vie", "vie+eng"); empty for the worker's default.
	Languages string `json:"ocr_languages,omitempty"`
	// Unit is the code of the unit the desk belongs to (a commune, district, province or
	// ministry of the units tree); its kind follows from it.
	Unit string `json:"unit,omitempty"`
}

// Unit is a node of the administrative tree: the nation, a ministry or branch, a province, a
// district or a commune.
type Unit struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	NameEN string `json:"name_en"`
	Level  string `json:"level"`
	Parent string `json:"parent"`
}

// DossierRecord is a register entry: a dossier a desk received.
type DossierRecord struct {
	Desk           string     `json:"desk"`
	Code           string     `json:"code"`
	Procedure      string     `json:"procedure"`
	ReceivedOn     time.Time  `json:"received_on"`
	ResultIssuedOn *time.Time `json:"result_issued_on"`
}

// Page states. A page only moves forward, through guarded updates.
const (
	PagePending  = "pending"
	PagePrepared = "prepared"
	PageDone     = "done"
	PageFailed   = "failed"
)

// Document states.
const (
	DocReceived   = "received"
	DocSplit      = "split"
	DocClassified = "classified"
	DocFailed     = "failed"
	DocDuplicate  = "duplicate" // same bytes as another document of the dossier: not counted
)

// Dossier states.
const (
	DossierOpen       = "open"
	DossierDigitized  = "digitized"
	DossierIncomplete = "incomplete"
)

// Upload is one file that landed under incoming/<desk>/<batch>/<dossier>/<filename>.
type Upload struct {
	Desk, Batch, Dossier, Filename string
	Key                            string
	Size                           int64
	// SHA256 (hex) of the file, when the uploader knows it: the API hashes what it receives, a
	// presigned upload declares it and completion checks it. Empty for the bucket pickup.
	SHA256 string
	// Languages for OCR of this batch ("vie+eng"); empty for the desk's.
	Languages string
}

// Document is one uploaded file of a dossier.
type Document struct {
	ID        uuid.UUID
	DossierID uuid.UUID
	Desk      string
	Dossier   string
	SourceKey string
	Filename  string
	State     string
	// UploadedSHA256 is the SHA-256 checked at upload ("" when the pickup found the file).
	UploadedSHA256 string
}

// Page is one page of a document, as the stages see it.
type Page struct {
	ID         uuid.UUID
	DocumentID uuid.UUID
	DossierID  uuid.UUID
	Desk       string
	Index      int
	State      string
	SourceKey  string
	DPI        int
	ImageKey   string // the prepared page image, once prepared
	Languages  string // Tesseract languages of the page's desk, e.g. "vie"
	// SourceVersion is the S3 version of the original (locked bucket); "" when unversioned.
	SourceVersion string
	// TextFrom is where the page's text comes from: TextFromOCR or TextFromPDF.
	TextFrom string
	// Blank: the prepare stage found no ink on the page.
	Blank bool
}

// Prepared is what the prepare stage learned about a page.
type Prepared struct {
	Width, Height, DPI    int
	Rotated               int
	OrientationConfidence float64
	OrientationBy         string // OrientedByTextLines or OrientedByOSD
	SkewDegrees           float64
	SkewConfidence        float64
	Scale                 float64 // resize applied to bring text to Tesseract's best size
	TextFrom              string  // TextFromOCR, or TextFromPDF for a page read from its text layer
	// Blank: no ink once cleaned (scan.Blank): not read by OCR, left out of the searchable PDF.
	Blank bool
}

// Where a page's text comes from.
const (
	TextFromOCR = "ocr" // Tesseract on the clean page
	TextFromPDF = "pdf" // the PDF page's own text layer (scan.TextLayer's rule)
)

// How a page's orientation was decided.
const (
	OrientedByTextLines = "text_lines" // the text lines' direction and ink above their x-height band (scan.OrientByLines)
	OrientedByOSD       = "osd"        // Tesseract's orientation detection
)

// Recognized is what the OCR stage learned about a page.
type Recognized struct {
	Text               string
	MeanConfidence     float64
	LowConfidenceShare float64
	Blank              bool // no word was read on the page
}

// Artifact is an object derived from a page or document, content-addressed in S3.
type Artifact struct {
	Kind        string // page_image, text, hocr, words
	Key         string
	SHA256      string
	Size        int64
	ContentType string
	Engine      string
}

// Artifact kinds.
const (
	ArtifactPageImage = "page_image"
	ArtifactText      = "text"
	ArtifactHOCR      = "hocr"
	ArtifactWords     = "words"
	ArtifactPagePDF   = "page_pdf" // the page as a searchable PDF
	ArtifactPDF       = "pdf"      // the document as a searchable PDF, its pages in order
)

// Classification of a document.
type Classification struct {
	Type        string
	Role        string
	Confidence  float64
	Reason      string
	NeedsReview bool
	Fields      json.RawMessage // key fields read from the text (personal data: never logged)
}

// DeskFigure is a desk's digitization figure, recomputed from facts.
type DeskFigure struct {
	Desk              string    `json:"desk"`
	Name              string    `json:"name"`
	Kind              Kind      `json:"kind"`
	Dossiers          int       `json:"dossiers"`
	DossiersDigitized int       `json:"dossiers_digitized"`
	Percentage        float64   `json:"percentage"`
	PagesDone         int       `json:"pages_done"`
	PagesFailed       int       `json:"pages_failed"`
	UpdatedAt         time.Time `json:"updated_at"`
}

// FailedPage is a page that ended in failure, with its reason.
type FailedPage struct {
	Desk     string    `json:"desk"`
	Dossier  string    `json:"dossier"`
	Filename string    `json:"filename"`
	Index    int       `json:"index"`
	Class    string    `json:"class"`
	Message  string    `json:"message"`
	Page     uuid.UUID `json:"page"`
	// Queue and TaskID name the page's task in Asynq (asynqmon shows the same id), the stage
	// that failed: its OCR once the page was prepared, else its preparation.
	Queue  string `json:"queue"`
	TaskID string `json:"task_id"`
}

// TaskRow is what a task's row says about it, for the queue monitor: where the work comes
// from, never what it holds (no file names, no text).
type TaskRow struct {
	Desk, Batch, Dossier string
	Document             uuid.UUID
	Page                 int // index in the document; -1 for a document's or dossier's task
}

// ErrNotFound is returned for a missing row.
var ErrNotFound = errors.New("not found")

// Work is a task to (re)send for a row.
type Work struct {
	Type string
	ID   uuid.UUID
}

// FileStatus is one uploaded file of a batch.
type FileStatus struct {
	Document    uuid.UUID `json:"document"`
	Dossier     string    `json:"dossier"`
	Filename    string    `json:"filename"`
	State       string    `json:"state"`
	Type        string    `json:"type"`
	Role        string    `json:"role"`
	Confidence  float64   `json:"confidence"`
	NeedsReview bool      `json:"needs_review"`
	Pages       int       `json:"pages"`
	PagesDone   int       `json:"pages_done"`
	PagesFailed int       `json:"pages_failed"`
	ErrorClass  string    `json:"error_class,omitempty"`
	Error       string    `json:"error,omitempty"`
}

// BatchStatus is a batch's progress.
type BatchStatus struct {
	ID          uuid.UUID    `json:"id"`
	Desk        string       `json:"desk"`
	Name        string       `json:"name"`
	CreatedAt   time.Time    `json:"created_at"`
	Pages       int          `json:"pages"`
	PagesDone   int          `json:"pages_done"`
	PagesFailed int          `json:"pages_failed"`
	FilesInWork int          `json:"files_in_work"`
	ETASeconds  int          `json:"eta_seconds,omitempty"` // at the pace so far, while pages remain
	Finished    bool         `json:"finished"`
	Files       []FileStatus `json:"files"`
}

// SearchHit is a recognised page matching a search.
type SearchHit struct {
	Document uuid.UUID `json:"document"`
	Desk     string    `json:"desk"`
	Dossier  string    `json:"dossier"`
	Filename string    `json:"filename"`
	Type     string    `json:"type"`
	Page     int       `json:"page"`
	Text     string    `json:"-"`
	HasPDF   bool      `json:"-"`
}

// PageInfo is a page as the API shows it.
type PageInfo struct {
	Index          int     `json:"index"`
	State          string  `json:"state"`
	ErrorClass     string  `json:"error_class,omitempty"`
	Rotated        int     `json:"rotated"`
	SkewDegrees    float64 `json:"skew_degrees"`
	MeanConfidence float64 `json:"mean_confidence"`
	Text           string  `json:"text"`
	TextFrom       string  `json:"text_from"` // "ocr", or "pdf": read from the page's own text layer
	Blank          bool    `json:"blank"`     // no ink, or no word read: left out of the searchable PDF when inkless
}

// DocumentInfo is a document as the API shows it.
type DocumentInfo struct {
	ID          uuid.UUID       `json:"id"`
	Desk        string          `json:"desk"`
	Dossier     string          `json:"dossier"`
	Filename    string          `json:"filename"`
	State       string          `json:"state"`
	Type        string          `json:"type"`
	Role        string          `json:"role"`
	Confidence  float64         `json:"confidence"`
	Reason      string          `json:"reason"`
	NeedsReview bool            `json:"needs_review"`
	Fields      json.RawMessage `json:"fields"`
	PDFKey      string          `json:"-"`
	Pages       []PageInfo      `json:"pages"`
	// Signatures are the digital signatures of the original PDF (none for scans).
	Signatures json.RawMessage `json:"signatures"`
}

// DossierInfo is a dossier as the API shows it.
type DossierInfo struct {
	ID              uuid.UUID `json:"id"`
	Desk            string    `json:"desk"`
	Code            string    `json:"code"`
	State           string    `json:"state"`
	Procedure       string    `json:"procedure"`
	Missing         []string  `json:"missing"`
	Documents       int       `json:"documents"`
	NeedsReview     int       `json:"needs_review"`
	ResultDigitized bool      `json:"result_digitized"`
}

// User is an operator of sohoa: an admin or reporting staff (roles in httpapi).
type User struct {
	Name, PasswordHash, Role string
}
