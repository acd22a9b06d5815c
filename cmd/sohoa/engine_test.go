package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/internal/evalset"
	"github.com/sohoa/sohoa/internal/testenv"
)

// enginePrefix is where deploy/engine/build.sh (make engine) installs the optimised library.
func enginePrefix() string {
	return cmp.Or(os.Getenv("SOHOA_ENGINE_PREFIX"), "/opt/sohoa/tesseract")
}

// buildSohoa builds this command into path, linked against the optimised engine when prefix is
// not empty (what deploy/engine/env.sh sets up).
func buildSohoa(t testing.TB, path, prefix string) {
	t.Helper()
	cmd := exec.Command("go", "build", "-o", path, ".")
	cmd.Env = os.Environ()
	if prefix != "" {
		cmd.Env = append(cmd.Env, "PKG_CONFIG_PATH="+prefix+"/lib/pkgconfig", "CGO_LDFLAGS=-Wl,-rpath,"+prefix+"/lib")
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command("ldd", path).Output()
	if err != nil {
		t.Fatalf("ldd %s: %v", path, err)
	}
	fromPrefix := prefix != "" && strings.Contains(string(out), prefix+"/lib/libtesseract")
	if (prefix != "") != fromPrefix {
		t.Fatalf("%s does not load the libtesseract it was built for (prefix %q):\n%s", path, prefix, out)
	}
}

// TestOptimisedEngineIdentical: sohoa linked against the optimised libtesseract of `make
// engine` reads every page of the evaluation set (48 pages, six scanner profiles, skewed and
// turned) to the same text, hOCR and word boxes as sohoa linked against Debian's library. The
// build only changes how Tesseract keeps line images in memory; this is what proves it.
func TestOptimisedEngineIdentical(t *testing.T) {
	testenv.Short(t, "OCR of the evaluation set twice")
	prefix := enginePrefix()
	if _, err := os.Stat(filepath.Join(prefix, "lib", "pkgconfig", "tesseract.pc")); err != nil {
		testenv.Unavailable(t, "the optimised engine (make engine)", err)
	}
	dir := t.TempDir()
	stock, pix := filepath.Join(dir, "sohoa-stock"), filepath.Join(dir, "sohoa-pix")
	buildSohoa(t, stock, "")
	buildSohoa(t, pix, prefix)

	pages, err := evalset.Pages(1, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, p := range pages {
		data, _, err := p.Files()
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, p.Name)
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	read := func(bin string) ([]inspectFile, error) {
		cmd := exec.Command(bin, append([]string{"inspect", "--json", "--hocr"}, files...)...)
		cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
		var out bytes.Buffer
		cmd.Stdout = &out
		_ = cmd.Run() // a refused file is reported in its line; the comparison covers it
		var res []inspectFile
		sc := bufio.NewScanner(&out)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var r inspectFile
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				return nil, fmt.Errorf("%s: %w", bin, err)
			}
			res = append(res, r)
		}
		if len(res) != len(files) {
			return nil, fmt.Errorf("%s printed %d results for %d files", bin, len(res), len(files))
		}
		return res, nil
	}
	// Both at once, one core each.
	var a, b []inspectFile
	var errA, errB error
	done := make(chan struct{})
	go func() { defer close(done); a, errA = read(stock) }()
	b, errB = read(pix)
	<-done
	if err := errors.Join(errA, errB); err != nil {
		t.Fatal(err)
	}
	words := 0
	for i := range a {
		name := filepath.Base(a[i].File)
		if len(a[i].Pages) != len(b[i].Pages) {
			t.Errorf("%s: %d pages stock, %d optimised", name, len(a[i].Pages), len(b[i].Pages))
			continue
		}
		for j, pa := range a[i].Pages {
			pb := b[i].Pages[j]
			switch {
			case pa.Text != pb.Text:
				t.Errorf("%s page %d: text differs:\nstock:     %.200q\noptimised: %.200q", name, j, pa.Text, pb.Text)
			case pa.HOCR != pb.HOCR:
				t.Errorf("%s page %d: hOCR differs", name, j)
			case !slices.Equal(pa.Words, pb.Words):
				t.Errorf("%s page %d: word boxes differ", name, j)
			case pa.HOCR == "":
				t.Errorf("%s page %d: no hOCR", name, j)
			}
			words += len(pa.Words)
		}
	}
	t.Logf("%d pages, %d words: identical text, hOCR and word boxes", len(a), words)
}
