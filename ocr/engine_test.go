package ocr_test

import (
	"bytes"
	"context"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/scan"
)

var (
	person = synth.Person{Name: "Nguyễn Văn An", Born: "12/03/1990", CitizenID: "001090012345",
		Address: "Số 12 phố Điện Biên Phủ, phường Điện Biên, quận Ba Đình, Hà Nội", Child: "Nguyễn Thị Bình", Spouse: "Lê Thị Hoa", Company: "Công ty TNHH Phần mềm Sông Hồng"}
	authority = synth.Authority{Name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN", Parent: "QUẬN BA ĐÌNH", Place: "Hà Nội", Number: "125/QĐ-UBND", IssuedOn: "ngày 28 tháng 10 năm 2024"}
)

func engine(t *testing.T) *ocr.Engine {
	t.Helper()
	if os.Getenv("OMP_THREAD_LIMIT") != "1" {
		t.Log("OMP_THREAD_LIMIT is not 1: Tesseract will be several times slower")
	}
	e, err := ocr.New(ocr.Config{Slots: 1})
	if err != nil {
		t.Fatalf("tesseract with vie and osd must be installed (deploy/local/up.sh): %v", err)
	}
	t.Cleanup(e.Close)
	return e
}

func TestOrientation(t *testing.T) {
	e := engine(t)
	p, err := synth.Document("giay_khai_sinh", person, authority)
	if err != nil {
		t.Fatal(err)
	}
	for _, turn := range []int{0, 90, 180, 270} {
		g, err := synth.Render(p, synth.Options{Turn: turn, Noise: 0.001, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		o, err := e.Orientation(context.Background(), g, 300)
		if err != nil {
			t.Fatal(err)
		}
		want := (360 - turn) % 360
		t.Logf("turn %d: rotate %d conf %.1f script %s (%v)", turn, o.Rotate, o.Confidence, o.Script, time.Since(start))
		if o.Rotate != want || !o.Trusted {
			t.Errorf("paper turned %d° clockwise: want rotate %d trusted, got %+v", turn, want, o)
		}
	}
}

func TestRecognizeVietnamese(t *testing.T) {
	e := engine(t)
	p, _ := synth.Document("giay_khai_sinh", person, authority)
	g, err := synth.Render(p, synth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	before := ocr.Recognitions()
	r, err := e.Recognize(context.Background(), g, 300, ocr.Options{PDF: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%v, %d words, mean conf %.1f, low %.2f", time.Since(start), len(r.Words), r.MeanConfidence, r.LowConfidenceShare)
	for _, want := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY KHAI SINH", "Nguyễn Thị Bình"} {
		if !strings.Contains(r.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, r.Text)
		}
	}
	if r.MeanConfidence < 80 || len(r.Words) < 50 {
		t.Errorf("mean confidence %.1f over %d words", r.MeanConfidence, len(r.Words))
	}
	if !strings.Contains(r.HOCR, "ocrx_word") {
		t.Error("hOCR has no words")
	}
	// Text, boxes, hOCR and the searchable PDF all come from one recognition.
	if n := ocr.Recognitions() - before; n != 1 {
		t.Errorf("%d recognitions for one page, want 1", n)
	}
	if !bytes.HasPrefix(r.PDF, []byte("%PDF-")) {
		t.Errorf("no searchable PDF (%d bytes)", len(r.PDF))
	}
}

func TestMissingLanguage(t *testing.T) {
	_, err := ocr.New(ocr.Config{Languages: []string{"xyz"}, Slots: 1})
	if err == nil || !strings.Contains(err.Error(), "xyz") {
		t.Fatalf("want a clear missing-language error, got %v", err)
	}
}

// TestOrientationCorpus turns 12 generated pages of different kinds every way: OSD (on the
// page's inkiest window first, the whole page when that is unsure) must never trust a wrong
// answer, and must find every turn.
func TestOrientationCorpus(t *testing.T) {
	e := engine(t)
	samples, err := synth.Corpus(12, 2)
	if err != nil {
		t.Fatal(err)
	}
	var took time.Duration
	n := 0
	for i, s := range samples {
		g, err := s.Straight()
		if err != nil {
			t.Fatal(err)
		}
		for _, turn := range []int{0, 90, 180, 270} {
			in := g
			if turn != 0 {
				in = scan.Turn(g, turn)
			}
			start := time.Now()
			o, err := e.Orientation(context.Background(), in, 300)
			took += time.Since(start)
			n++
			if err != nil {
				t.Fatal(err)
			}
			if (o.Rotate+turn)%360 != 0 || (turn != 0 && !o.Trusted) {
				t.Errorf("page %d turned %d°: got rotate %d (confidence %.1f, trusted %v)", i, turn, o.Rotate, o.Confidence, o.Trusted)
			}
		}
	}
	t.Logf("%d orientations, %v each", n, took/time.Duration(n))
}

// A task's wait for a busy OCR slot is measured apart from its work.
func TestWaitMeter(t *testing.T) {
	e := engine(t) // one slot
	p, _ := synth.Document("giay_khai_sinh", person, authority)
	g, err := synth.Render(p, synth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		close(started)
		_, _ = e.Recognize(context.Background(), g, 300, ocr.Options{})
	}()
	<-started
	time.Sleep(50 * time.Millisecond) // the other recognition holds the slot
	ctx, meter := ocr.WithWaitMeter(context.Background())
	if _, err := e.Orientation(ctx, g, 300); err != nil {
		t.Fatal(err)
	}
	<-done
	if meter.Waited() < 50*time.Millisecond {
		t.Errorf("waited %v for a slot held by a recognition", meter.Waited())
	}
	t.Logf("waited %v", meter.Waited())
}

// The page PDF's image is the very pixels recognised, not a JPEG of them: the clean PNG's rows
// as they are when it is given, a PNG the engine encodes when it is not or does not match.
func TestPagePDFImageIsLossless(t *testing.T) {
	if _, err := exec.LookPath("pdfimages"); err != nil {
		testenv.Unavailable(t, "pdfimages (poppler-utils)", err)
	}
	e := engine(t)
	p, _ := synth.Document("giay_khai_sinh", person, authority)
	g300, err := synth.Render(p, synth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := scan.Shrink(g300, float64(ocr.ReadDPI)/300) // the clean page is kept at the reading DPI
	var png bytes.Buffer
	if err := scan.EncodePNG(&png, g, ocr.ReadDPI); err != nil {
		t.Fatal(err)
	}
	var other bytes.Buffer // a PNG of another size must not be embedded under this page's text
	if err := scan.EncodePNG(&other, scan.Shrink(g, 0.5), ocr.ReadDPI/2); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		page *image.Gray
		dpi  int
		png  []byte
	}{
		{"png", g, ocr.ReadDPI, png.Bytes()},
		{"none", g, ocr.ReadDPI, nil},
		{"mismatch", g, ocr.ReadDPI, other.Bytes()},
		{"reduced", g300, 300, nil}, // read, and kept in the PDF, at the reading DPI: g
	} {
		r, err := e.Recognize(context.Background(), c.page, c.dpi, ocr.Options{PDF: true, PNG: c.png})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: page PDF %d KB (clean PNG %d KB)", c.name, len(r.PDF)>>10, png.Len()>>10)
		if bytes.Contains(r.PDF, []byte("/DCTDecode")) {
			t.Errorf("%s: page PDF's image is a JPEG", c.name)
		}
		f := filepath.Join(dir, c.name+".pdf")
		if err := os.WriteFile(f, r.PDF, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("pdftotext", f, "-").Output(); err != nil || !strings.Contains(string(out), "GIẤY KHAI SINH") {
			t.Errorf("%s: pdftotext: %v %q", c.name, err, out)
		}
		if out, err := exec.Command("pdfimages", "-png", f, filepath.Join(dir, c.name)).CombinedOutput(); err != nil {
			t.Fatalf("pdfimages: %v %s", err, out)
		}
		b, err := os.ReadFile(filepath.Join(dir, c.name+"-000.png"))
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := scan.Decode(context.Background(), b, 0, scan.DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Pix, g.Pix) || got.Rect != g.Rect {
			t.Errorf("%s: the PDF's image differs from the page recognised (%v against %v)", c.name, got.Rect, g.Rect)
		}
	}
}
