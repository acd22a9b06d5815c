package ocr_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/disintegration/imaging"
	"github.com/sohoa/sohoa/internal/cer"
	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/scan"
)

// BenchmarkRecognizeScale: recognition time and CER of A4 300-DPI pages (13-point text,
// capitals about 39 px) at full size and reduced, to choose the size sohoa hands Tesseract.
//
//	OMP_THREAD_LIMIT=1 go test -run '^$' -bench RecognizeScale -benchtime 8x ./ocr/
func BenchmarkRecognizeScale(b *testing.B) {
	samples, err := synth.Corpus(8, 5)
	if err != nil {
		b.Fatal(err)
	}
	e, err := ocr.New(ocr.Config{Slots: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	for _, f := range []float64{1, 0.8, 0.7, 0.6} {
		b.Run(fmt.Sprintf("scale-%.1f", f), func(b *testing.B) {
			var total time.Duration
			var errRate float64
			for i := 0; i < b.N; i++ {
				s := samples[i%len(samples)]
				g, _ := s.Straight()
				if f != 1 {
					g = scan.Gray(imaging.Resize(g, int(float64(g.Rect.Dx())*f), 0, imaging.Linear))
				}
				start := time.Now()
				r, err := e.Recognize(context.Background(), g, int(300*f), ocr.Options{})
				total += time.Since(start)
				if err != nil {
					b.Fatal(err)
				}
				errRate += cer.Rate(r.Text, s.Text)
			}
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/page")
			b.ReportMetric(100*errRate/float64(b.N), "cer_%")
		})
	}
}
