package scan_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/sohoa/sohoa/scan"
)

// EncodePNG writes a PNG that image/png, sohoa's own decoder (with its DPI) and Leptonica
// (through the tesseract CLI) read back pixel for pixel, also from a sub-image.
func TestEncodePNG(t *testing.T) {
	big := image.NewGray(image.Rect(0, 0, 301, 203))
	for i := range big.Pix {
		big.Pix[i] = uint8(i * 7 % 251)
	}
	// Noise does not compress: over 1 MiB of image data, so more than one IDAT chunk.
	noise := image.NewGray(image.Rect(0, 0, 1300, 1000))
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range noise.Pix {
		noise.Pix[i] = uint8(rng.IntN(256))
	}
	for _, g := range []*image.Gray{big, big.SubImage(image.Rect(13, 9, 250, 200)).(*image.Gray), noise} {
		var buf bytes.Buffer
		if err := scan.EncodePNG(&buf, g, 220); err != nil {
			t.Fatal(err)
		}
		m, err := png.Decode(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("image/png: %v", err)
		}
		d, meta, err := scan.Decode(context.Background(), buf.Bytes(), 0, scan.DefaultLimits)
		if err != nil {
			t.Fatalf("scan.Decode: %v", err)
		}
		if meta.DPI != 220 {
			t.Errorf("DPI %d, want 220", meta.DPI)
		}
		for y := 0; y < g.Rect.Dy(); y++ {
			for x := 0; x < g.Rect.Dx(); x++ {
				want := g.GrayAt(g.Rect.Min.X+x, g.Rect.Min.Y+y).Y
				if got := m.(*image.Gray).GrayAt(x, y).Y; got != want {
					t.Fatalf("image/png pixel (%d,%d) = %d, want %d", x, y, got, want)
				}
				if got := d.GrayAt(x, y).Y; got != want {
					t.Fatalf("scan.Decode pixel (%d,%d) = %d, want %d", x, y, got, want)
				}
			}
		}
		// Leptonica, which OCRmyPDF, Tesseract and most tools read PNGs with, takes it too.
		// (Not on the noise: Tesseract would spend seconds reading it.)
		if _, err := exec.LookPath("tesseract"); err == nil && g != noise {
			f := filepath.Join(t.TempDir(), "p.png")
			if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command("tesseract", f, "-", "--psm", "6", "-l", "eng").CombinedOutput(); err != nil ||
				bytes.Contains(out, []byte("Error")) {
				t.Errorf("tesseract could not read the PNG: %v %s", err, out)
			}
		}
	}
}
