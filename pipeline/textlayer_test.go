package pipeline_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

// Born-digital and mixed PDFs through the stages: a page with a trustworthy text layer is read
// from it, exactly (text_from pdf, its own page as its searchable PDF, no OCR); a scanned page
// of the same file, an invisible OCR layer and a TCVN3 font's mojibake are OCR'd. The original
// stays as it was uploaded.
func TestPDFTextLayers(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	want := map[string][]string{ // file: text_from of each page
		"mixed.pdf":    {"pdf", "ocr"},
		"digital.pdf":  {"pdf"},
		"ocrlayer.pdf": {"ocr"},
		"tcvn3.pdf":    {"ocr"},
		"signed.pdf":   {"pdf"},
	}
	for file, from := range want {
		data, err := os.ReadFile("../testdata/formats/" + file)
		if err != nil {
			t.Fatal(err)
		}
		doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "layers", Dossier: strings.TrimSuffix(file, ".pdf"), Filename: file}, data, "application/pdf")
		if err != nil {
			t.Fatal(err)
		}
		pages := r.process(t, doc)
		if len(pages) != len(from) {
			t.Fatalf("%s: %d pages, want %d", file, len(pages), len(from))
		}
		for i, p := range pages {
			var textFrom string
			var hocr int
			if err := r.db.Pool.QueryRow(ctx, `SELECT p.text_from, (SELECT count(*) FROM artifacts a WHERE a.page_id = p.id AND a.kind = 'hocr')
				FROM pages p WHERE p.document_id = $1 AND p.index = $2`, doc, i).Scan(&textFrom, &hocr); err != nil {
				t.Fatal(err)
			}
			if p.state != pipeline.PageDone || textFrom != from[i] {
				t.Errorf("%s page %d: %s, text from %q, want done from %q", file, i, p.state, textFrom, from[i])
			}
			if textFrom == "pdf" && hocr != 0 {
				t.Errorf("%s page %d read from its layer has an hOCR: no engine ran", file, i)
			}
		}
		if info, err := r.db.DocumentInfo(ctx, doc); err != nil || len(info.Pages) != len(from) || info.Pages[0].TextFrom != from[0] {
			t.Errorf("%s: the API's document shows %+v (%v), want text_from %v", file, info.Pages, err, from)
		}
		if info, _ := r.db.DocumentInfo(ctx, doc); file == "signed.pdf" {
			var sigs []scan.Signature
			if err := json.Unmarshal(info.Signatures, &sigs); err != nil || len(sigs) != 1 || !sigs[0].Valid || sigs[0].Signer != "UBND Phuong Dien Bien" {
				t.Errorf("signed.pdf: signatures %s (%v), want one valid by UBND Phuong Dien Bien", info.Signatures, err)
			}
		} else if string(info.Signatures) != "[]" {
			t.Errorf("%s: signatures %s, want none", file, info.Signatures)
		}
		if file == "mixed.pdf" {
			// The exact words of the layer, where OCR might slip on a digit or a tone mark.
			for _, s := range []string{"001085012345", "Nguyễn Văn", "Hoàng Diệu", "GIẤY XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ"} {
				if !strings.Contains(pages[0].text, s) {
					t.Errorf("mixed.pdf page 0 lacks %q:\n%s", s, pages[0].text)
				}
			}
			// The document's searchable PDF: the born-digital page as authored, then the scan.
			var key string
			if err := r.db.Pool.QueryRow(ctx, `SELECT object_key FROM artifacts WHERE document_id = $1 AND kind = 'pdf'`, doc).Scan(&key); err != nil {
				t.Fatal(err)
			}
			pdf, err := r.stages.Objects.Get(ctx, key, 50<<20)
			if err != nil {
				t.Fatal(err)
			}
			f := filepath.Join(t.TempDir(), "doc.pdf")
			_ = os.WriteFile(f, pdf, 0o600)
			out, err := exec.Command("pdftotext", f, "-").Output()
			if err != nil {
				testenv.Unavailable(t, "pdftotext", err)
			}
			if !strings.Contains(string(out), "001085012345") || strings.Count(string(out), "\f") != 2 {
				t.Errorf("document PDF text (2 pages, the layer's words):\n%s", out)
			}
		}
	}
}

// The OCR stage in a worker that did not prepare the page (another process, a restart) reads
// the text layer again from the original: the same words as where the prepare stage handed it
// over.
func TestTextLayerInAnotherWorker(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	data, err := os.ReadFile("../testdata/formats/digital.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "layers", Dossier: "OTHER", Filename: "digital.pdf"}, data, "application/pdf")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.stages.Ingest(ctx, task(pipeline.TypeIngest, doc)); err != nil {
		t.Fatal(err)
	}
	pages, _ := r.db.SplitDocument(ctx, doc, "", 0, "", 0)
	if err := r.stages.Prepare(ctx, task(pipeline.TypePrepare, pages[0])); err != nil {
		t.Fatal(err)
	}
	s := r.stages
	other := &pipeline.Stages{Store: s.Store, Objects: s.Objects, Queue: s.Queue, Engine: s.Engine, Classifier: s.Classifier, Limits: s.Limits, Log: s.Log}
	if err := other.OCR(ctx, task(pipeline.TypeOCR, pages[0])); err != nil {
		t.Fatal(err)
	}
	var text, from string
	if err := r.db.Pool.QueryRow(ctx, `SELECT text, text_from FROM pages WHERE id = $1`, pages[0]).Scan(&text, &from); err != nil {
		t.Fatal(err)
	}
	if from != pipeline.TextFromPDF || !strings.Contains(text, "001085012345") || !strings.Contains(text, "Nguyễn Văn") {
		t.Errorf("read in another worker: text from %q:\n%s", from, text)
	}
}
