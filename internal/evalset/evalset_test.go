package evalset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPagesRender lays out one round of every family and scans one page of each scanner
// profile (TestEvalSet in pipeline scans them all); with $SOHOA_EVALSET_OUT set it scans every
// page and writes them there, with their references, to look at.
func TestPagesRender(t *testing.T) {
	pages, err := Pages(1, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 40 {
		t.Fatalf("%d pages, want at least 40", len(pages))
	}
	out := os.Getenv("SOHOA_EVALSET_OUT")
	types := map[string]int{}
	scanned := map[string]bool{}
	for _, p := range pages {
		types[p.Type]++
		refs, err := p.References()
		if err != nil || len(refs) == 0 || len(strings.TrimSpace(refs[0])) < 40 {
			t.Fatalf("%s: references %d, %v", p.Name, len(refs), err)
		}
		if out == "" && scanned[p.Scanner.Source] {
			continue
		}
		scanned[p.Scanner.Source] = true
		file, twin, err := p.Files()
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		if len(file) == 0 || len(twin) == 0 {
			t.Fatalf("%s: empty file", p.Name)
		}
		if out != "" {
			_ = os.WriteFile(filepath.Join(out, p.Name), file, 0o644)
			_ = os.WriteFile(filepath.Join(out, "twin-"+p.Name), twin, 0o644)
			_ = os.WriteFile(filepath.Join(out, p.Name+".txt"), []byte(strings.Join(refs, "\n=====\n")), 0o644)
		}
	}
	if len(types) < 15 {
		t.Errorf("%d types, want every catalogue type: %v", len(types), types)
	}
}
