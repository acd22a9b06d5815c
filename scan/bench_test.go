package scan_test

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"sort"
	"testing"

	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/scan"
)

var benchAngles = []float64{-12, -7.5, -4.3, -2, -0.6, 0.4, 1.7, 3.3, 6, 9.5, 14}

func benchPages(b *testing.B) []*image.Gray {
	b.Helper()
	kinds := synth.Kinds()
	out := make([]*image.Gray, len(benchAngles))
	for i, a := range benchAngles {
		out[i] = page(b, kinds[i%len(kinds)], synth.Options{Skew: a, Noise: 0.002, Blur: 0.6, Seed: uint64(i)})
	}
	return out
}

// BenchmarkDetectSkew: detection alone on A4 300-DPI pages, with the median and worst
// absolute angle error over skews from -12° to 14°.
func BenchmarkDetectSkew(b *testing.B) {
	pages := benchPages(b)
	errs := make([]float64, len(pages))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(pages)
		s := scan.DetectSkew(pages[k])
		errs[k] = math.Abs(s.Degrees - benchAngles[k])
	}
	b.StopTimer()
	sort.Float64s(errs)
	b.ReportMetric(errs[len(errs)/2], "median_err_deg")
	b.ReportMetric(errs[len(errs)-1], "max_err_deg")
}

// BenchmarkDeskew: detection plus rotation (imaging.Rotate, white fill) of an A4 300-DPI page.
func BenchmarkDeskew(b *testing.B) {
	pages := benchPages(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		scan.Deskew(pages[i%len(pages)])
	}
}

// BenchmarkEncodePNG: the clean page as sohoa stores it (deskewed A4 at 220 DPI) through
// EncodePNG and, for comparison, through image/png at its fastest level.
func BenchmarkEncodePNG(b *testing.B) {
	pages := benchPages(b)
	for i, g := range pages {
		pages[i], _ = scan.Deskew(scan.Shrink(g, 220.0/300))
	}
	for _, c := range []struct {
		name string
		enc  func(*bytes.Buffer, *image.Gray) error
	}{
		{"sohoa", func(w *bytes.Buffer, g *image.Gray) error { return scan.EncodePNG(w, g, 220) }},
		{"image-png", func(w *bytes.Buffer, g *image.Gray) error {
			return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, g)
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var size int
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				if err := c.enc(&buf, pages[i%len(pages)]); err != nil {
					b.Fatal(err)
				}
				size += buf.Len()
			}
			b.ReportMetric(float64(size)/float64(b.N)/1024, "KB/page")
		})
	}
}

// BenchmarkFlattenBackground and BenchmarkRemoveSpecks: the cleaning steps' cost on A4 pages,
// FlattenBackground at 300 DPI (where prepare runs it, before reducing), RemoveSpecks at 220
// (after).
func BenchmarkFlattenBackground(b *testing.B) {
	pages := benchPages(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		scan.FlattenBackground(pages[i%len(pages)], 300)
	}
}

func BenchmarkRemoveSpecks(b *testing.B) {
	pages := benchPages(b)
	for i, p := range pages {
		pages[i] = scan.Shrink(p, 220.0/300)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		scan.RemoveSpecks(pages[i%len(pages)], 220)
	}
}
