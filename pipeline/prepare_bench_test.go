package pipeline_test

import (
	"bytes"
	"context"
	"image"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sohoa/sohoa/internal/cer"
	"github.com/sohoa/sohoa/internal/evalset"
	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

type prepResult struct {
	angleErr []float64
	oriented int
	pages    int
	cer      []float64
	elapsed  time.Duration
}

func (r *prepResult) report(b *testing.B) {
	b.ReportMetric(float64(r.elapsed.Milliseconds())/float64(max(r.pages, 1)), "ms/page")
	if len(r.angleErr) > 0 {
		sort.Float64s(r.angleErr)
		b.ReportMetric(r.angleErr[len(r.angleErr)/2], "median_err_deg")
		b.ReportMetric(r.angleErr[len(r.angleErr)-1], "max_err_deg")
	}
	b.ReportMetric(100*float64(r.oriented)/float64(max(r.pages, 1)), "oriented_%")
	var sum float64
	for _, c := range r.cer {
		sum += c
	}
	b.ReportMetric(100*sum/float64(max(len(r.cer), 1)), "cer_%")
}

var deskewAngleRE = regexp.MustCompile(`Deskew angle: (-?[\d.]+)`)
var rotateRE = regexp.MustCompile(`Rotate: (\d+)`)

// BenchmarkPreparation compares, on the same synthetic A4 300-DPI pages (skews within ±12°,
// every fourth page turned, blur and noise), sohoa's preparation with ImageMagick's
// `convert -deskew 40%` and Tesseract's own `--psm 2` deskew angle and `--psm 0` orientation:
// time per page (detection and correction, one core), angle error, orientation accuracy, and
// the character error rate of sohoa's OCR after each correction. "straight" is the same pages
// rendered perfectly straight, the floor every method aims at.
//
//	make bench   (go test -run '^$' -bench Preparation -benchtime 1x ./pipeline/)
func BenchmarkPreparation(b *testing.B) {
	samples, err := synth.Corpus(24, 1)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	files := make([]string, len(samples))
	data := make([][]byte, len(samples))
	for i, s := range samples {
		g, err := s.Render()
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		_ = scan.EncodePNG(&buf, g, 300)
		data[i] = buf.Bytes()
		files[i] = filepath.Join(dir, s.Name)
		if err := os.WriteFile(files[i], data[i], 0o644); err != nil {
			b.Fatal(err)
		}
	}
	eng, err := ocr.New(ocr.Config{Slots: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer eng.Close()
	ctx := context.Background()
	read := func(g *image.Gray) string {
		r, err := eng.Recognize(ctx, g, 300, ocr.Options{})
		if err != nil {
			b.Fatal(err)
		}
		return r.Text
	}

	b.Run("straight", func(b *testing.B) {
		for n := 0; n < b.N; n++ {
			r := &prepResult{}
			for _, s := range samples {
				g, _ := s.Straight()
				r.cer = append(r.cer, cer.Rate(read(g), s.Text))
				r.pages++
				r.oriented++
			}
			r.report(b)
		}
	})

	b.Run("sohoa", func(b *testing.B) {
		for n := 0; n < b.N; n++ {
			r := &prepResult{}
			for i, s := range samples {
				start := time.Now()
				pp, err := pipeline.PreparePage(ctx, eng, data[i], 0, scan.DefaultLimits)
				if err != nil {
					b.Fatal(err)
				}
				r.elapsed += time.Since(start)
				r.pages++
				r.angleErr = append(r.angleErr, math.Abs(pp.SkewDegrees-s.Skew))
				if pp.Rotated == s.Rotated {
					r.oriented++
				}
				r.cer = append(r.cer, cer.Rate(read(pp.Image), s.Text))
			}
			r.report(b)
		}
	})

	convert := "/usr/bin/convert"
	b.Run("imagemagick", func(b *testing.B) {
		if _, err := os.Stat(convert); err != nil {
			testenv.Unavailable(b, "ImageMagick (apt-get install imagemagick)", err)
		}
		for n := 0; n < b.N; n++ {
			r := &prepResult{}
			for i, s := range samples {
				if s.Turn != 0 { // ImageMagick does not detect orientation: straight pages only
					continue
				}
				out := filepath.Join(dir, "im-"+s.Name)
				start := time.Now()
				o, err := exec.Command(convert, files[i], "-deskew", "40%", "-format", "%[deskew:angle]\n", "-write", "info:", out).Output()
				r.elapsed += time.Since(start)
				if err != nil {
					b.Fatal(err)
				}
				angle, _ := strconv.ParseFloat(strings.TrimSpace(string(o)), 64)
				r.pages++
				r.oriented++
				r.angleErr = append(r.angleErr, math.Abs(angle-s.Skew))
				fixed, err := os.ReadFile(out)
				if err != nil {
					b.Fatal(err)
				}
				g, _, err := scan.Decode(ctx, fixed, 0, scan.DefaultLimits)
				if err != nil {
					b.Fatal(err)
				}
				r.cer = append(r.cer, cer.Rate(read(g), s.Text))
			}
			r.report(b)
		}
	})

	b.Run("tesseract", func(b *testing.B) {
		if _, err := exec.LookPath("tesseract"); err != nil {
			testenv.Unavailable(b, "the tesseract CLI", err)
		}
		for n := 0; n < b.N; n++ {
			r := &prepResult{}
			for i, s := range samples {
				start := time.Now()
				osd, _ := exec.Command("tesseract", files[i], "stdout", "--psm", "0").CombinedOutput()
				rot := 0
				if m := rotateRE.FindSubmatch(osd); m != nil {
					rot, _ = strconv.Atoi(string(m[1]))
				}
				g, _, err := scan.Decode(ctx, data[i], 0, scan.DefaultLimits)
				if err != nil {
					b.Fatal(err)
				}
				g = scan.Turn(g, rot)
				var buf bytes.Buffer
				_ = scan.EncodePNG(&buf, g, 300)
				turned := filepath.Join(dir, "tess-"+s.Name)
				_ = os.WriteFile(turned, buf.Bytes(), 0o644)
				// --psm 2 prints the correction angle in radians ("Deskew angle"), as OCRmyPDF
				// reads it; "Empty page!!" when layout analysis finds no text.
				o, _ := exec.Command("tesseract", turned, "stdout", "--psm", "2", "-l", "vie").CombinedOutput()
				angle := 0.0
				if m := deskewAngleRE.FindSubmatch(o); m != nil {
					rad, _ := strconv.ParseFloat(string(m[1]), 64)
					angle = -rad * 180 / math.Pi
				}
				g = scan.Rotate(g, -angle) // corrected as sohoa corrects, to compare detection alone
				r.elapsed += time.Since(start)
				r.pages++
				if rot == s.Rotated {
					r.oriented++
				}
				r.angleErr = append(r.angleErr, math.Abs(angle-s.Skew))
				r.cer = append(r.cer, cer.Rate(read(g), s.Text))
			}
			r.report(b)
		}
	})
}

// BenchmarkSplitCost is what splitting stacks adds to a page: reading its codes
// (PreparedPage.ReadCodes: patch codes, QR, Code 128, Code 39, DataMatrix, and a quarter turn
// when the orientation was a guess) against preparing and reading the same page, one core, on
// the evaluation set's 24 first pages (six desk scanners and phones) and on eight stack sheets
// (receipts with a QR code or a Code 128, separator sheets, a blank back).
//
//	OMP_THREAD_LIMIT=1 GOMAXPROCS=1 go test -run '^$' -bench SplitCost -benchtime 1x ./pipeline/
func BenchmarkSplitCost(b *testing.B) {
	eval, err := evalset.Pages(3, 1, nil)
	if err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	for _, p := range eval[:24] {
		data, _, err := p.Files()
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
	}
	nEval := len(files)
	var sheets []*image.Gray
	for i, s := range []sheet{
		{kind: "receipt:" + code(1), marks: []synth.Mark{{Kind: "qr", Value: code(1), X: 165, Y: 10}}},
		{kind: "receipt:" + code(2), marks: []synth.Mark{{Kind: "code128", Value: code(2), X: 30, Y: 265}}},
		{kind: "receipt:" + code(3), marks: []synth.Mark{{Kind: "datamatrix", Value: code(3), X: 170, Y: 12}}},
		{kind: "separator", marks: []synth.Mark{{Kind: "patch", Value: synth.PatchT, X: 30, Y: 100, Size: 150}}},
		{kind: "separator", marks: []synth.Mark{{Kind: "code39", Value: "PATCHT", X: 50, Y: 140}}},
		{kind: "giay_khai_sinh"}, {kind: "don_dang_ky_dat_dai"}, {kind: "blank"},
	} {
		s.seed = uint64(70 + i)
		sheets = append(sheets, s.render(b))
	}
	files = append(files, synth.TIFF(sheets, stackDPI))
	eng, err := ocr.New(ocr.Config{Slots: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer eng.Close()
	ctx := context.Background()
	for n := 0; n < b.N; n++ {
		var page, codes [2]time.Duration // evaluation pages, stack sheets
		var found int
		for i, data := range files {
			src, err := scan.Open(ctx, data, scan.DefaultLimits)
			if err != nil {
				b.Fatal(err)
			}
			for k := 0; k < src.Pages(); k++ {
				set := 0
				if i >= nEval {
					set = 1
				}
				start := time.Now()
				pp, err := pipeline.PrepareSource(ctx, eng, src, k, scan.DefaultLimits)
				if err != nil {
					b.Fatal(err)
				}
				if !pp.Blank {
					if _, err := eng.Recognize(ctx, pp.Image, pp.DPI, ocr.Options{AsIs: true}); err != nil {
						b.Fatal(err)
					}
				}
				mid := time.Now()
				pp.ReadCodes()
				codes[set] += time.Since(mid)
				page[set] += mid.Sub(start)
				found += len(pp.Codes)
			}
		}
		per := func(d time.Duration, n int) float64 { return float64(d.Milliseconds()) / float64(n) }
		b.ReportMetric(per(page[0], nEval), "eval_page_ms")
		b.ReportMetric(per(codes[0], nEval), "eval_codes_ms")
		b.ReportMetric(100*float64(codes[0])/float64(page[0]), "eval_codes_%")
		b.ReportMetric(per(page[1], len(sheets)), "stack_page_ms")
		b.ReportMetric(per(codes[1], len(sheets)), "stack_codes_ms")
		b.ReportMetric(100*float64(codes[1])/float64(page[1]), "stack_codes_%")
		b.ReportMetric(float64(found), "codes_found")
	}
}
