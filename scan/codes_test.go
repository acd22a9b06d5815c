package scan_test

import (
	"fmt"
	"image"
	"slices"
	"testing"

	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/scan"
)

const dossierCode = "000.00.12.H29-241015-0001"

// markedPage renders a receipt-like page carrying marks, scanned as a desk's feeder does.
func markedPage(t testing.TB, marks []synth.Mark, o synth.Options) *image.Gray {
	t.Helper()
	doc, err := synth.Document("giay_khai_sinh", synth.Person{Name: "Nguyễn Văn An", Born: "01/02/1990", CitizenID: "001090012345",
		Address: "Hà Nội"}, synth.Authority{Name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN", Parent: "QUẬN BA ĐÌNH", Place: "Hà Nội",
		Number: "12/UBND", IssuedOn: "ngày 01 tháng 02 năm 2024"})
	if err != nil {
		t.Fatal(err)
	}
	o.Marks = marks
	if o.DPI == 0 {
		o.DPI = 200
	}
	g, err := synth.Render(doc, o)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Every supported symbology is read on a printed page, straight and as scanned (skewed,
// blurred, speckled), and a page of text alone has none.
func TestReadCodes(t *testing.T) {
	marks := []struct {
		mark synth.Mark
		want scan.Code
	}{
		{synth.Mark{Kind: "qr", Value: dossierCode, X: 160, Y: 12}, scan.Code{Format: scan.FormatQR, Value: dossierCode}},
		{synth.Mark{Kind: "qr", Value: "https://dichvucong.gov.vn/tra-cuu?ma=" + dossierCode, X: 10, Y: 250}, scan.Code{Format: scan.FormatQR, Value: "https://dichvucong.gov.vn/tra-cuu?ma=" + dossierCode}},
		{synth.Mark{Kind: "datamatrix", Value: dossierCode, X: 165, Y: 15}, scan.Code{Format: scan.FormatDataMatrix, Value: dossierCode}},
		{synth.Mark{Kind: "code128", Value: dossierCode, X: 20, Y: 262}, scan.Code{Format: scan.FormatCode128, Value: dossierCode}},
		{synth.Mark{Kind: "code39", Value: "PATCHT", X: 60, Y: 130}, scan.Code{Format: scan.FormatCode39, Value: "PATCHT"}},
		{synth.Mark{Kind: "patch", Value: synth.PatchT, X: 20, Y: 120, Size: 120}, scan.Code{Format: scan.FormatPatch, Value: "PATCHT"}},
		{synth.Mark{Kind: "patch", Value: "WNNW", X: 20, Y: 120, Size: 120}, scan.Code{Format: scan.FormatPatch, Value: "PATCH2"}},
	}
	// Straight; skewed, blurred and speckled at 200 DPI; a heavier speckle at 300 DPI, read
	// as the prepare stage hands pages over (background flattened, reduced to 200 DPI, specks
	// removed).
	scans := []synth.Options{
		{},
		{Skew: 1.2, Blur: 0.8, Noise: 0.002, Seed: 3},
		{Skew: -0.7, Blur: 1.1, Noise: 0.004, Seed: 4, DPI: 300},
	}
	prepared := func(g *image.Gray, dpi int) (*image.Gray, int) {
		if dpi == 200 {
			return g, dpi
		}
		g = scan.Shrink(scan.FlattenBackground(g, dpi), 200/float64(dpi))
		g, _ = scan.RemoveSpecks(g, 200)
		return g, 200
	}
	for _, m := range marks {
		for i, o := range scans {
			t.Run(fmt.Sprintf("%s-%s-%d", m.mark.Kind, m.want.Value[:min(8, len(m.want.Value))], i), func(t *testing.T) {
				g := markedPage(t, []synth.Mark{m.mark}, o)
				dpi := o.DPI
				if dpi == 0 {
					dpi = 200
				}
				got := scan.ReadCodes(prepared(g, dpi))
				found := false
				for _, c := range got {
					found = found || c == m.want
				}
				if !found {
					t.Errorf("read %v, want %v among them", got, m.want)
				}
			})
		}
	}
	// A separator sheet turned a quarter: read when the orientation is uncertain.
	sep := markedPage(t, []synth.Mark{{Kind: "code39", Value: "PATCHT", X: 60, Y: 130}}, synth.Options{Turn: 90, Skew: -0.9, Blur: 0.8, Noise: 0.002, Seed: 6})
	if got := scan.ReadCodesAnyTurn(sep, 200); !slices.Contains(got, scan.Code{Format: scan.FormatCode39, Value: "PATCHT"}) {
		t.Errorf("a separator sheet a quarter turn off: read %v", got)
	}
	if got := scan.ReadCodes(markedPage(t, nil, synth.Options{Skew: 1, Blur: 0.8, Noise: 0.003, Seed: 5}), 200); len(got) != 0 {
		t.Errorf("a page of text alone: read %v", got)
	}
	// Hostile input: nothing, a sliver, a page all black.
	black := image.NewGray(image.Rect(0, 0, 800, 800))
	for _, g := range []*image.Gray{nil, image.NewGray(image.Rect(0, 0, 3, 1000)), black} {
		if got := scan.ReadCodes(g, 200); len(got) != 0 {
			t.Errorf("read %v on a page with no code", got)
		}
	}
}

// BenchmarkReadCodes is the cost splitting adds to a page: a 200-DPI A4 page with and without
// a code (compare with a page's OCR time, docs/benchmarks.md).
func BenchmarkReadCodes(b *testing.B) {
	for _, c := range []struct {
		name  string
		marks []synth.Mark
	}{
		{"text-only", nil},
		{"qr", []synth.Mark{{Kind: "qr", Value: dossierCode, X: 160, Y: 12}}},
		{"code128", []synth.Mark{{Kind: "code128", Value: dossierCode, X: 20, Y: 262}}},
	} {
		g := markedPage(b, c.marks, synth.Options{Skew: 0.5, Blur: 0.7, Noise: 0.002, Seed: 9})
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				scan.ReadCodes(g, 200)
			}
		})
	}
}
