// Package ocr recognises text on prepared page images with Tesseract: a pool of engines, one
// per OCR slot, each reused across pages, plus orientation detection.
package ocr

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"
)

// What callers need without the engine (its options, results and limits) lives here, outside
// cgo: the API and the classifier build with CGO_ENABLED=0 and only cmd/ constructs an Engine.

// Config of an Engine.
type Config struct {
	// Languages passed to Tesseract, in order; default ["vie"] (it reads Vietnamese pages better
	// than vie+eng, and faster).
	Languages []string
	// Slots is how many pages are recognised at once; default the number of CPUs. Each slot
	// holds its own Tesseract instances.
	Slots int
	// TessdataPrefix overrides where the language data lives.
	TessdataPrefix string
	// MinOrientationConfidence: a quarter turn is applied only above it (OSD confidence).
	MinOrientationConfidence float64
	// PageDeadline bounds one page's recognition inside Tesseract (its own monitor), since a
	// cgo call cannot be cancelled from Go.
	PageDeadline time.Duration
	// PSM is Tesseract's page segmentation mode; 0 means PSMAuto, what the tesseract CLI runs.
	PSM int
}

// Page segmentation modes (Tesseract's --psm) worth choosing for whole pages.
const (
	PSMAuto         = 3  // automatic layout analysis: columns, blocks, tables (default)
	PSMSingleColumn = 4  // one column of text of variable sizes
	PSMSingleBlock  = 6  // one uniform block: fastest, reads straight across columns
	PSMSparse       = 11 // as much text as possible in no particular order (ID cards, forms)
)

// CheckPSM reports a page segmentation mode that cannot read a page: 0 and 2 only analyse
// layout, 14 and above do not exist.
func CheckPSM(psm int) error {
	if psm < 1 || psm == 2 || psm > 13 {
		return fmt.Errorf("ocr: page segmentation mode %d: want 1 or 3 to 13 (3 is automatic layout analysis)", psm)
	}
	return nil
}

// DefaultMinOrientationConfidence is OSD's confidence above which a turn is trusted; OCRmyPDF
// uses 14 on its preview images, full-page scans here score 15–40 when right.
const DefaultMinOrientationConfidence = 5

// ReadDPI is the resolution pages are read at; pages scanned finer are reduced to it. 200 DPI
// is what a digitized copy must keep, and reads as well as 220 did (evaluation set: 3,130
// character errors against 3,123; real scans the same or better) for 8 % less CPU a page.
const ReadDPI = 200

// LowConfidence marks a word that is probably misread.
const LowConfidence = 60

// ErrLanguage is returned when a language's data is not installed.
var ErrLanguage = errors.New("ocr: language data missing")

// MaxLanguageSets bounds the Tesseract instances a slot keeps (about 25 to 90 MB each): a desk
// key sending batches with ever new "lang" strings grew a worker from 174 to 920 MB.
const MaxLanguageSets = 4

// MaxLanguages is the most languages one page is read with.
const MaxLanguages = 6

// Orientation says how to turn a page upright.
type Orientation struct {
	// Rotate is the clockwise turn (0, 90, 180, 270) that makes the page upright.
	Rotate int
	// Confidence is Tesseract's OSD orientation confidence (0 when nothing was detected).
	Confidence float64
	Script     string
	// Trusted is true when Confidence is above the engine's threshold.
	Trusted bool
}

// Word is one recognised word.
type Word struct {
	Text       string  `json:"text"`
	Box        [4]int  `json:"box"` // x0, y0, x1, y1 in page pixels
	Confidence float64 `json:"confidence"`
	Line       int     `json:"line"`
	Block      int     `json:"block"` // Tesseract's layout block (PSM 3 finds columns as blocks)
}

// Result of recognising one page.
type Result struct {
	// Text in reading order (see readingOrder): UTF-8 NFC, one text line per line, a blank
	// line between blocks.
	Text string
	// EngineText is the same words in Tesseract's own order, what the tesseract CLI prints.
	EngineText         string
	HOCR               string  // Tesseract's hOCR page fragment
	Words              []Word  // with boxes and confidences
	MeanConfidence     float64 // mean word confidence, 0–100
	LowConfidenceShare float64 // share of words under LowConfidence
	PDF                []byte  // the page as a searchable PDF, when asked for
	Languages          string  // what it was read with, e.g. "vie"
}

// Options of one recognition.
type Options struct {
	Languages string // "" for the engine's default
	PDF       bool   // also render the page as a searchable PDF
	// PNG, when given, is the page encoded as an 8-bit gray PNG of exactly the pixels
	// recognised (the stored clean image), which the page PDF embeds rather than encoding the
	// page again. Without it, or when it does not match, the engine encodes one.
	PNG []byte
	// AsIs: the page is already at the size to read (prepared by pipeline.PreparePage, whose
	// text-size rescale may leave a fine-print page at 1,200 DPI on purpose): no reduction.
	AsIs bool
}

// WaitMeter adds up how long a task waited for OCR slots, so that a stage's time can be told
// apart from the queue in front of the engine.
type WaitMeter struct{ ns atomic.Int64 }

// Waited is the total wait so far.
func (m *WaitMeter) Waited() time.Duration { return time.Duration(m.ns.Load()) }

type waitKey struct{}

// WithWaitMeter returns a context whose slot waits are added to the returned meter.
func WithWaitMeter(ctx context.Context) (context.Context, *WaitMeter) {
	m := &WaitMeter{}
	return context.WithValue(ctx, waitKey{}, m), m
}
