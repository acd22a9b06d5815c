package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

// The JSON contract of `sohoa inspect --json`, one object per file and line. Keep it stable:
// desk tools parse it (README, "inspect").
type inspectFile struct {
	File  string        `json:"file"`
	Pages []inspectPage `json:"pages"`
	// Document is the file's classification when it is one document; Documents is how the
	// file splits (one entry "by": "file" when it does not).
	Document  *inspectDoc      `json:"document"`
	Documents []inspectSegment `json:"documents"`
	// Signatures: the digital signatures of a PDF, checked offline (none: an empty list).
	Signatures []scan.Signature `json:"signatures"`
	Error      *inspectFailure  `json:"error"`
}

type inspectPage struct {
	Index                 int     `json:"index"`
	Width                 int     `json:"width"`
	Height                int     `json:"height"`
	Rotated               int     `json:"rotated"`
	OrientationConfidence float64 `json:"orientation_confidence"`
	OrientationBy         string  `json:"orientation_by"`
	SkewDegrees           float64 `json:"skew_degrees"`
	Text                  string  `json:"text"`
	MeanConfidence        float64 `json:"mean_confidence"`
	Blank                 bool    `json:"blank"` // no word read: empty text means an empty page
	// TextFrom: "ocr", or "pdf" for a born-digital page read from its own text layer.
	TextFrom string `json:"text_from"`
	// Codes read on the page (barcodes, QR, DataMatrix, patch codes) and whether it is a
	// separator sheet, dropped from its document.
	Codes     []string `json:"codes"`
	Separator bool     `json:"separator"`
	// With --hocr: Tesseract's hOCR of the page and the words with their boxes.
	HOCR  string     `json:"hocr,omitempty"`
	Words []ocr.Word `json:"words,omitempty"`
}

type inspectDoc struct {
	Type        string          `json:"type"`
	Role        string          `json:"role"`
	Confidence  float64         `json:"confidence"`
	Reason      string          `json:"reason"`
	NeedsReview bool            `json:"needs_review"`
	Fields      classify.Fields `json:"fields"`
}

// inspectSegment is one document of a file as the pipeline would split it.
type inspectSegment struct {
	Pages   []int   `json:"pages"`
	Dossier *string `json:"dossier"` // the dossier code read; null for the upload's dossier
	By      string  `json:"by"`      // file, barcode, patch or title
	inspectDoc
}

type inspectFailure struct {
	Class   string `json:"class"`
	Message string `json:"message"`
}

func inspectCmd(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON object per file and line")
	withHOCR := fs.Bool("hocr", false, "with --json: also each page's hOCR and word boxes")
	lang := fs.String("lang", env("SOHOA_OCR_LANG", "vie"), "Tesseract languages (SOHOA_OCR_LANG)")
	var psmErrs []error
	psm := fs.Int("psm", envInt("SOHOA_OCR_PSM", ocr.PSMAuto, &psmErrs), "Tesseract page segmentation mode, 3 (automatic layout analysis) by default (SOHOA_OCR_PSM)")
	split := fs.String("split", pipeline.DefaultSplit, "how a stack is split: barcode, patch, title joined by commas, or off")
	pattern := fs.String("dossier-pattern", "", "regular expression of a dossier code inside a code (default: the national portal's)")
	separator := fs.String("separator", pipeline.DefaultSeparator, "the separator sheet's code")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: sohoa inspect [--json [--hocr]] [--lang vie] [--psm 3] FILE...\n\nPrepares, reads and classifies local scans with no service running.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("no file given")
	}
	if err := errors.Join(psmErrs...); err != nil {
		return err
	}
	splitRules, err := pipeline.ParseSplit(*split, *pattern, *separator)
	if err != nil {
		return err
	}
	engine, err := ocr.New(ocr.Config{Languages: strings.Split(*lang, "+"), Slots: 1, PSM: *psm})
	if err != nil {
		return err
	}
	defer engine.Close()
	rules := classify.Default()
	failed := 0
	for _, path := range fs.Args() {
		res := inspectOne(ctx, engine, rules, splitRules, path, *withHOCR)
		if res.Error != nil {
			failed++
		}
		if *asJSON {
			b, _ := json.Marshal(res)
			fmt.Fprintln(out, string(b))
			continue
		}
		printInspect(out, res)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be read", failed, fs.NArg())
	}
	return nil
}

func inspectOne(ctx context.Context, engine *ocr.Engine, rules *classify.Classifier, split pipeline.SplitRules, path string, withHOCR bool) inspectFile {
	res := inspectFile{File: path, Pages: []inspectPage{}, Documents: []inspectSegment{}, Signatures: []scan.Signature{}}
	fail := func(err error) inspectFile {
		class := pipeline.ClassOf(err)
		if errors.Is(err, os.ErrNotExist) {
			class = pipeline.ClassMissing
		}
		res.Error = &inspectFailure{Class: class, Message: err.Error()}
		return res
	}
	lim := scan.DefaultLimits
	st, err := os.Stat(path)
	if err != nil {
		return fail(err)
	}
	if st.Size() > lim.MaxBytes {
		return fail(&scan.Error{Class: scan.TooLarge, Msg: fmt.Sprintf("file is %d bytes, over the limit of %d", st.Size(), lim.MaxBytes)})
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fail(err)
	}
	src, err := scan.Open(ctx, data, lim)
	if err != nil {
		return fail(err)
	}
	if sigs, err := src.Signatures(ctx, lim); err == nil && sigs != nil {
		res.Signatures = sigs
	}
	n := src.Pages()
	// A refused page does not stop the others: the file reports its first refusal and every
	// page that could be read.
	var stack []pipeline.StackPage
	var firstErr error
	for i := 0; i < n; i++ {
		p, text, err := readPage(ctx, engine, src, i, lim, split.ReadsCodes(), withHOCR)
		if err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("page %d: %w", i, err)
			}
			continue
		}
		stack = append(stack, pipeline.StackPage{Index: i, Codes: p.Codes, Text: text, Blank: p.Blank})
		res.Pages = append(res.Pages, p)
	}
	if firstErr != nil {
		res = fail(firstErr)
		if len(stack) == 0 {
			return res
		}
	}
	// The same split and classification the pipeline makes of an upload.
	segs := pipeline.Split(stack, split, rules.Title)
	texts, at := map[int]string{}, map[int]int{} // a file's page number -> its text, its place in res.Pages
	for k, p := range stack {
		texts[p.Index], at[p.Index] = p.Text, k
	}
	for _, seg := range segs {
		for _, i := range seg.Separators {
			res.Pages[at[i]].Separator = true
		}
		var parts []string
		for _, i := range seg.Pages {
			parts = append(parts, texts[i])
		}
		d := inspectSegment{Pages: append([]int{}, seg.Pages...), By: seg.By, inspectDoc: classifyText(rules, strings.Join(parts, "\n\n"))}
		if seg.Dossier != "" {
			d.Dossier = &seg.Dossier
		}
		res.Documents = append(res.Documents, d)
	}
	if !pipeline.Splits(segs) {
		doc := res.Documents[0].inspectDoc
		res.Document = &doc
	}
	return res
}

// classifyText types a document's text as the classify stage does.
func classifyText(rules *classify.Classifier, text string) inspectDoc {
	c := rules.Classify(text)
	var fields classify.Fields
	_ = json.Unmarshal(c.Fields, &fields) // the type's fields, as the pipeline records them
	return inspectDoc{Type: c.Type, Role: c.Role, Confidence: c.Confidence, Reason: c.Reason, NeedsReview: c.NeedsReview, Fields: fields}
}

func readPage(ctx context.Context, engine *ocr.Engine, src *scan.Source, i int, lim scan.Limits, codes, withHOCR bool) (inspectPage, string, error) {
	pp, err := pipeline.PrepareSource(ctx, engine, src, i, lim)
	if err != nil {
		return inspectPage{}, "", err
	}
	if codes {
		pp.ReadCodes()
	}
	var r *ocr.Result
	if pp.Blank {
		r = &ocr.Result{}
	} else if pp.Layer != nil {
		r = pipeline.LayerResult(*pp.Layer, pp.DPI)
	} else if r, err = engine.Recognize(ctx, pp.Image, pp.DPI, ocr.Options{AsIs: true}); err != nil {
		return inspectPage{}, "", err
	}
	p := inspectPage{Index: i, Width: pp.Width, Height: pp.Height, Rotated: pp.Rotated,
		OrientationConfidence: pp.OrientationConfidence, OrientationBy: pp.OrientationBy, SkewDegrees: pp.SkewDegrees, Text: r.Text,
		MeanConfidence: float64(int(r.MeanConfidence*100+0.5)) / 100, Blank: len(r.Words) == 0, TextFrom: pipeline.TextFromOCR,
		Codes: append([]string{}, pp.Codes...)}
	if pp.Layer != nil {
		p.TextFrom = pipeline.TextFromPDF
	}
	if withHOCR {
		p.HOCR, p.Words = r.HOCR, r.Words
	}
	return p, r.Text, nil
}

func printInspect(out io.Writer, r inspectFile) {
	fmt.Fprintf(out, "== %s\n", r.File)
	if r.Error != nil {
		fmt.Fprintf(out, "   refused: %s: %s\n", r.Error.Class, r.Error.Message)
		if r.Document == nil {
			return
		}
	}
	for _, p := range r.Pages {
		fmt.Fprintf(out, "   page %d: %dx%d, turned %d° (confidence %.1f), skew %.2f°, mean word confidence %.1f\n",
			p.Index, p.Width, p.Height, p.Rotated, p.OrientationConfidence, p.SkewDegrees, p.MeanConfidence)
	}
	if r.Document != nil {
		fmt.Fprintf(out, "   document: %s (%s), confidence %.2f: %s\n", r.Document.Type, r.Document.Role, r.Document.Confidence, r.Document.Reason)
	} else {
		for _, d := range r.Documents {
			dossier := "the upload's dossier"
			if d.Dossier != nil {
				dossier = "dossier " + *d.Dossier
			}
			fmt.Fprintf(out, "   document of %s, pages %v (by %s): %s (%s), confidence %.2f\n", dossier, d.Pages, d.By, d.Type, d.Role, d.Confidence)
		}
	}
	for _, p := range r.Pages {
		fmt.Fprintf(out, "   --- text of page %d ---\n%s\n", p.Index, p.Text)
	}
}
