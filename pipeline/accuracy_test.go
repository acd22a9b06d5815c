package pipeline_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/internal/cer"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

// The accuracy gates run on real third-party scans with reference text, copied into
// testdata/realscans with their sources and licences (see its SOURCES.md).
const gatePages = "../testdata/realscans"

// eurotextLangs are the six languages of eurotext.tif.
const eurotextLangs = "eng+deu+fra+ita+spa+por"

// tesseractCLI runs the tesseract CLI on a file with the given arguments after "-".
func tesseractCLI(t *testing.T, path string, args ...string) string {
	t.Helper()
	cmd := exec.Command("tesseract", append([]string{path, "-"}, args...)...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tesseract %s: %v: %s", path, err, stderr.String())
	}
	return string(out)
}

func readGate(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(gatePages, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestEngineMatchesCLI pins the binding to the tesseract CLI: on the very pixels sohoa
// prepared, ocr.Engine and `tesseract <pixels> - -l L --psm P` read the same text, in the
// default mode and in another. The CLI is given the one variable the engine sets for speed
// (textord_disable_pitch_test, see ocr/tess.go); any other drift of the binding turns this red.
func TestEngineMatchesCLI(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		file, lang string
		psm        int
	}{
		{"linn.png", "eng", ocr.PSMAuto},
		{"phototest.tif", "eng", ocr.PSMAuto},
		{"eurotext.tif", eurotextLangs, ocr.PSMAuto},
		{"viet.tif", "vie", ocr.PSMAuto},
		{"linn.png", "eng", ocr.PSMSingleBlock},
	}
	engines := map[int]*ocr.Engine{}
	for _, c := range cases {
		if engines[c.psm] != nil {
			continue
		}
		e, err := ocr.New(ocr.Config{Languages: []string{"eng"}, Slots: 1, PSM: c.psm})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(e.Close)
		engines[c.psm] = e
	}
	dir := t.TempDir()
	for _, c := range cases {
		e := engines[c.psm]
		pp, err := pipeline.PreparePage(ctx, e, readGate(t, c.file), 0, scan.DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		r, err := e.Recognize(ctx, pp.Image, pp.DPI, ocr.Options{Languages: c.lang, AsIs: true})
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		// The pixels Tesseract is handed: the prepared page, as it is.
		var png bytes.Buffer
		if err := scan.EncodePNG(&png, pp.Image, pp.DPI); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "prepared.png")
		if err := os.WriteFile(path, png.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		cli := tesseractCLI(t, path, "-l", c.lang, "--psm", strconv.Itoa(c.psm), "-c", "textord_disable_pitch_test=1")
		if got, want := words(r.EngineText), words(cli); got != want {
			t.Errorf("%s, %s, PSM %d: engine and CLI differ on the same pixels\nengine: %.300s\ncli:    %.300s", c.file, c.lang, c.psm, got, want)
		}
		if len(strings.Fields(cli)) == 0 {
			t.Errorf("%s: nothing read", c.file)
		}
	}
}

// sohoaRead is what sohoa reads on a file: prepared and recognised as the stages do.
func sohoaRead(t *testing.T, e *ocr.Engine, file []byte, lang string) (string, *pipeline.PreparedPage) {
	t.Helper()
	ctx := context.Background()
	pp, err := pipeline.PreparePage(ctx, e, file, 0, scan.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Recognize(ctx, pp.Image, pp.DPI, ocr.Options{Languages: lang, AsIs: true})
	if err != nil {
		t.Fatal(err)
	}
	return r.Text, pp
}

// TestAccuracyGates: sohoa's text on real scans against their reference texts, with the plain
// tesseract CLI (default settings: PSM 3, the file as it is) read in the same run.
func TestAccuracyGates(t *testing.T) {
	e, err := ocr.New(ocr.Config{Languages: []string{"eng"}, Slots: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Close)
	cases := []struct {
		file, ref, lang string
		max             float64 // absolute ceiling, besides "no worse than the CLI"
	}{
		{"linn.png", "linn.txt", "eng", 0.012},
		{"phototest.tif", "phototest.txt", "eng", 0.01},
		// eurotext in the six languages it is written in.
		{"eurotext.tif", "eurotext.txt", eurotextLangs, 0.02},
	}
	for _, c := range cases {
		ref := string(readGate(t, c.ref))
		got, _ := sohoaRead(t, e, readGate(t, c.file), c.lang)
		cli := tesseractCLI(t, filepath.Join(gatePages, c.file), "-l", c.lang)
		so, base := cer.Rate(got, ref), cer.Rate(cli, ref)
		t.Logf("%s, %s: sohoa CER %.4f, tesseract CLI %.4f", c.file, c.lang, so, base)
		if so > c.max {
			t.Errorf("%s, %s: CER %.4f, over the gate of %.4f\n%s", c.file, c.lang, so, c.max, got)
		}
		if so > base+1e-9 {
			t.Errorf("%s, %s: CER %.4f, worse than the tesseract CLI's %.4f", c.file, c.lang, so, base)
		}
	}
	// The turned copies of phototest come out upright, with the upright page's text.
	upright, _ := sohoaRead(t, e, readGate(t, "phototest.tif"), "eng")
	ref := string(readGate(t, "phototest.txt"))
	for _, c := range []struct {
		file string
		turn int
	}{{"phototest-rotated-180.png", 180}, {"phototest-rotated-L.png", 90}, {"phototest-rotated-R.png", 270}} {
		got, pp := sohoaRead(t, e, readGate(t, c.file), "eng")
		if pp.Rotated == 0 {
			t.Errorf("%s: not turned upright", c.file)
		}
		if r, u := cer.Rate(got, ref), cer.Rate(upright, ref); r > u+0.005 {
			t.Errorf("%s: turned %d°, CER %.4f against %.4f upright\n%s", c.file, pp.Rotated, r, u, got)
		}
	}
}
