package scan_test

import (
	"context"
	"image"
	"os"
	"path/filepath"
	"testing"

	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/scan"
)

// Uprightness tells upright text from upside-down text on generated Vietnamese pages of every
// kind and on real scans, and never rates a turned page (180°, 90°, 270°) as clearly upright
// (the pipeline skips OSD at 0.5 with 8 lines or more).
func TestUprightness(t *testing.T) {
	const gate, gateLines = 0.5, 8
	samples, err := synth.Corpus(24, 2)
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, upright *image.Gray) {
		up, n := scan.Uprightness(upright)
		if up <= 0 {
			t.Errorf("%s upright: %.2f over %d lines, want above 0", name, up, n)
		}
		for _, turn := range []int{90, 180, 270} {
			g := scan.Turn(upright, turn)
			g = scan.DetectSkew(g).Straighten(g)
			if s, k := scan.Uprightness(g); s >= gate && k >= gateLines {
				t.Errorf("%s turned %d°: %.2f over %d lines would pass as upright", name, turn, s, k)
			}
		}
		t.Logf("%s: %.2f over %d lines", name, up, n)
	}
	passed := 0
	for _, s := range samples {
		g, err := s.Straight()
		if err != nil {
			t.Fatal(err)
		}
		g = scan.Shrink(g, 220.0/300)
		check(s.Name, g)
		if up, n := scan.Uprightness(g); up >= gate && n >= gateLines {
			passed++
		}
	}
	// Most upright pages must pass, or the test saves nothing.
	if passed < len(samples)*3/4 {
		t.Errorf("only %d of %d upright generated pages pass the gate", passed, len(samples))
	}
	for _, f := range []string{"linn.png", "typewriter.png", "baiona.png", "crom.png"} {
		b, err := os.ReadFile(filepath.Join("../../shared/realscans", f))
		if err != nil {
			t.Logf("%s: %v (real scans not found; skipped)", f, err)
			continue
		}
		g, _, err := scan.Decode(context.Background(), b, 0, scan.DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		g, _ = scan.Deskew(g)
		check(f, g)
	}
}
