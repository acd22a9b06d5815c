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
	// Split is how the desk's stacks are split ("barcode,patch" when new, "off", or any of
	// barcode, patch, title joined by commas); DossierPattern finds a dossier code in a code's
	// text (a regular expression, "" for the national portal's codes); Separator is the
	// separator sheet's code (PATCHT). Empty keeps what the desk had.
	Split          string `json:"split,omitempty"`
	DossierPattern string `json:"dossier_pattern,omitempty"`
	Separator      string `json:"separator_code,omitempty"`
}

// CheckSplit validates a desk's splitting settings.
func (d Desk) CheckSplit() error {
	if d.Split == "" && d.DossierPattern == "" {
		return nil
	}
	_, err := ParseSplit(d.Split, d.DossierPattern, d.Separator)
	return err
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
	// Split is how this batch's stacks are split (ParseSplit's rules); empty for the desk's.
	Split string
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
	// SplitDone: the document's split was decided (a part of a stack is born split).
	SplitDone bool
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
	// Split is how the page's desk or batch splits stacks (read codes only when it does).
	Split SplitSetting
	// Separator: a separator sheet of a split stack, kept but left out of its document.
	Separator bool
}

// SplitSetting is a desk's or batch's splitting, as stored (ParseSplit reads it).
type SplitSetting struct {
	Rules, Pattern, Separator string
}

// Parse reads the setting; a setting that does not parse (edited by hand) splits nothing.
func (s SplitSetting) Parse() SplitRules {
	r, err := ParseSplit(s.Rules, s.Pattern, s.Separator)
	if err != nil {
		r, _ = ParseSplit("off", "", "")
	}
	return r
}

// ReadsCodes tells whether pages of this setting have their codes read, without compiling its
// pattern (asked for every page).
func (s SplitSetting) ReadsCodes() bool {
	r, err := parseRules(s.Rules)
	return err == nil && r.ReadsCodes()
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
	// Codes read on the page (scan.ReadCodes), when its desk splits stacks by them.
	Codes []string
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
	Desk              string  `json:"desk"`
	Name              string  `json:"name"`
	Kind              Kind    `json:"kind"`
	Dossiers          int     `json:"dossiers"`
	DossiersDigitized int     `json:"dossiers_digitized"`
	Percentage        float64 `json:"percentage"`
	PagesDone         int     `json:"pages_done"`
	PagesFailed       int     `json:"pages_failed"`
	// Of the pages done, the blank ones (duplex backs) and the separator sheets, counted apart:
	// neither is in a document's text or searchable PDF.
	PagesBlank     int       `json:"pages_blank"`
	PagesSeparator int       `json:"pages_separator"`
	UpdatedAt      time.Time `json:"updated_at"`
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
	PagesBlank  int       `json:"pages_blank"` // of the pages done, blank: left out of the searchable PDF
	ErrorClass  string    `json:"error_class,omitempty"`
	Error       string    `json:"error,omitempty"`
	// A split stack's documents each appear here: the file's page numbers they hold (separator
	// sheets apart), how they were told apart (file, barcode, patch, title, operator) and the
	// document holding the file (stack) for the parts after its first.
	PageIndexes []int      `json:"page_indexes"`
	Separators  []int      `json:"separators,omitempty"`
	SplitBy     string     `json:"split_by"`
	Stack       *uuid.UUID `json:"stack,omitempty"`
}

// BatchSummary is a batch in a list of batches.
type BatchSummary struct {
	ID          uuid.UUID `json:"id"`
	Desk        string    `json:"desk"`
	Name        string    `json:"name"`
	CreatedAt   time.Time `json:"created_at"`
	Documents   int       `json:"documents"`
	InWork      int       `json:"in_work"`
	Pages       int       `json:"pages"`
	PagesDone   int       `json:"pages_done"`
	PagesFailed int       `json:"pages_failed"`
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
	PagesBlank  int          `json:"pages_blank"`
	FilesInWork int          `json:"files_in_work"`
	ETASeconds  int          `json:"eta_seconds,omitempty"` // at the pace so far, while pages remain
	Finished    bool         `json:"finished"`
	Files       []FileStatus `json:"files"`
}

// SearchFilter narrows a search: to a desk, a document type or role, a dossier code, and
// dossiers received in [From, To). Zero values do not narrow.
type SearchFilter struct {
	Desk, Type, Role, Dossier string
	From, To                  time.Time
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
	// Codes read on the page; a separator sheet is kept but left out of its document.
	Codes     []string `json:"codes"`
	Separator bool     `json:"separator"`
	ImageKey  string   `json:"-"` // the clean page image, once prepared
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
	SplitBy     string          `json:"split_by"`
	Stack       *uuid.UUID      `json:"stack,omitempty"` // the uploaded document this part of a stack came from
	// PageCount is the document's pages without its blank pages and separator sheets, which
	// Pages still lists (kept as originals, left out of its text and searchable PDF).
	PageCount int        `json:"page_count"`
	Pages     []PageInfo `json:"pages"`
	// Signatures are the digital signatures of the original PDF (none for scans).
	Signatures json.RawMessage `json:"signatures"`
	// Corrections are people's changes to the document, oldest first.
	Corrections []Correction `json:"corrections"`
	// Original is the file as uploaded (for a part of a stack, the whole stack's file).
	Original Original `json:"-"`
}

// Original is where an uploaded file is kept.
type Original struct {
	Key, Version, Filename string
}

// Correction is one change a person made to a document: its type confirmed or changed
// (FromType to ToType), or pages of its file moved (Pages, numbered in the file from 0) from
// FromDocument to ToDocument, in ToDossier.
type Correction struct {
	At           time.Time  `json:"at"`
	By           string     `json:"by"`
	Kind         string     `json:"kind"` // type or move
	FromType     string     `json:"from_type,omitempty"`
	ToType       string     `json:"to_type,omitempty"`
	Pages        []int      `json:"pages,omitempty"`
	FromDocument *uuid.UUID `json:"from_document,omitempty"`
	ToDocument   *uuid.UUID `json:"to_document,omitempty"`
	ToDossier    string     `json:"to_dossier,omitempty"`
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
	Desk                     string // a clerk's desk; "" for admins and staff
}
