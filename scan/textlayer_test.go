package scan

import (
	"context"
	"os"
	"strings"
	"testing"
)

// The text-layer rule on real PDFs: a born-digital page is read from its layer; a scan without
// one, an invisible OCR layer and an 8-bit font's mojibake go to OCR, each for its reason.
func TestTextLayer(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		file   string
		page   int
		usable bool
		why    string
		has    []string
	}{
		{"digital.pdf", 0, true, "", []string{"CỘNG", "Nguyễn", "001085012345", "TM."}},
		{"mixed.pdf", 0, true, "", []string{"XÁC", "Hoàng"}},
		{"mixed.pdf", 1, false, "no text layer", nil},
		{"scan-flate.pdf", 0, false, "no text layer", nil},
		{"ocrlayer.pdf", 0, false, "GlyphLessFont", nil},
		{"tcvn3.pdf", 0, false, "wrong encoding", nil},
		{"p0.png", 0, false, "not a PDF", nil},
	} {
		data, err := os.ReadFile("../testdata/formats/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		src, err := Open(ctx, data, DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		tl, err := src.TextLayer(ctx, c.page, DefaultLimits)
		if err != nil {
			t.Fatalf("%s page %d: %v", c.file, c.page, err)
		}
		if tl.Usable != c.usable || !strings.Contains(tl.Why, c.why) {
			t.Errorf("%s page %d: usable %v (%q), want %v (%q)", c.file, c.page, tl.Usable, tl.Why, c.usable, c.why)
		}
		var text []string
		for _, w := range tl.Words {
			text = append(text, w.Text)
			if w.Box[2] <= w.Box[0] || w.Box[3] <= w.Box[1] || w.Box[2] > tl.WidthPt || w.Box[3] > tl.HeightPt {
				t.Errorf("%s: word %q box %v outside %vx%v pt", c.file, w.Text, w.Box, tl.WidthPt, tl.HeightPt)
				break
			}
		}
		for _, h := range c.has {
			if !strings.Contains(strings.Join(text, " "), h) {
				t.Errorf("%s page %d: %q not in the layer", c.file, c.page, h)
			}
		}
	}
}

// Digital signatures, read offline: a signed result is valid and names its signer; the same
// file with one byte changed is not; an unsigned PDF has none.
func TestSignatures(t *testing.T) {
	ctx := context.Background()
	signed, err := os.ReadFile("../testdata/formats/signed.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tampered := append([]byte{}, signed...)
	tampered[len(tampered)/3] ^= 0x20
	unsigned, _ := os.ReadFile("../testdata/formats/digital.pdf")
	for _, c := range []struct {
		name  string
		data  []byte
		n     int
		valid bool
	}{{"signed", signed, 1, true}, {"tampered", tampered, 1, false}, {"unsigned", unsigned, 0, false}} {
		src, err := Open(ctx, c.data, DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		sigs, err := src.Signatures(ctx, DefaultLimits)
		if err != nil || len(sigs) != c.n {
			t.Fatalf("%s: %+v %v, want %d signatures", c.name, sigs, err, c.n)
		}
		if c.n == 0 {
			continue
		}
		s := sigs[0]
		if s.Valid != c.valid || s.Signer != "UBND Phuong Dien Bien" || !strings.HasPrefix(s.SignedAt, "2026-") || c.valid && s.Certificate == "" {
			t.Errorf("%s: %+v", c.name, s)
		}
	}
}
