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
	const gate, gateLines = scan.MinUprightness, scan.MinUprightLines
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
	eachRealScan(t, func(name string, g *image.Gray) {
		g, _ = scan.Deskew(g)
		check(name, g)
	})
}

// eachRealScan calls fn with each upright real scan of text from ../shared/realscans, decoded.
func eachRealScan(t *testing.T, fn func(name string, g *image.Gray)) {
	t.Helper()
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
		fn(f, g)
	}
}

// OrientByLines finds the turn of generated pages (skewed up to 12°, noisy, some already turned)
// and of real scans, each also turned 90°, 180° and 270°, or declines; it never answers a wrong
// turn, and it decides most pages, or it saves no OSD.
func TestOrientByLines(t *testing.T) {
	samples, err := synth.Corpus(24, 2)
	if err != nil {
		t.Fatal(err)
	}
	cases, decided := 0, 0
	check := func(name string, g *image.Gray, rotated int) {
		for _, extra := range []int{0, 90, 180, 270} {
			want := ((rotated-extra)%360 + 360) % 360
			o, ok := scan.OrientByLines(scan.Turn(g, extra))
			cases++
			if !ok {
				t.Logf("%s turned %d°: left to OSD (skew confidence %.2f along, %.2f across)",
					name, extra, o.Skew.Confidence, o.Skew.Across)
				continue
			}
			decided++
			if o.Turn != want {
				t.Errorf("%s turned %d°: turn %d°, want %d° (score %.2f over %d lines)", name, extra, o.Turn, want, o.Score, o.Lines)
			}
			if o.Score < scan.MinUprightness {
				t.Errorf("%s turned %d°: decided at score %.2f", name, extra, o.Score)
			}
		}
	}
	for _, s := range samples {
		g, err := s.Render()
		if err != nil {
			t.Fatal(err)
		}
		check(s.Name, scan.Shrink(g, 220.0/300), s.Rotated)
	}
	eachRealScan(t, func(name string, g *image.Gray) { check(name, g, 0) })
	t.Logf("decided %d of %d", decided, cases)
	if decided < cases*3/4 {
		t.Errorf("only %d of %d decided by text lines", decided, cases)
	}
}
