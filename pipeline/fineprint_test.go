package pipeline_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

// Small print on a scan finer than 200 DPI is read from the scan itself: at its own resolution
// when the size wanted is near it (eurotext, 300 DPI, whose lines are 22 px at 200 DPI: 327
// wanted), at the size wanted when the scan is much finer (the same page at 600 DPI), never
// enlarged from the 200-DPI reduction.
func TestFinePrintReadFromTheScan(t *testing.T) {
	data, err := os.ReadFile("../testdata/realscans/eurotext.tif")
	if err != nil {
		t.Fatal(err)
	}
	e, err := ocr.New(ocr.Config{Languages: []string{"eng"}, Slots: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx := context.Background()
	pp, err := pipeline.PreparePage(ctx, e, data, 0, scan.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if pp.DPI != 300 || pp.Scale != 1 {
		t.Errorf("eurotext read at %d DPI (scale %.2f), want its own 300 DPI", pp.DPI, pp.Scale)
	}
	g, _, err := scan.Decode(ctx, data, 0, scan.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	var fine bytes.Buffer
	if err := scan.EncodePNG(&fine, scan.Rescale(g, 2), 600); err != nil {
		t.Fatal(err)
	}
	pp, err = pipeline.PreparePage(ctx, e, fine.Bytes(), 0, scan.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if pp.DPI < 300 || pp.DPI > 400 {
		t.Errorf("eurotext at 600 DPI read at %d DPI (scale %.2f), want the 36 px lines' 300 to 400", pp.DPI, pp.Scale)
	}
}
