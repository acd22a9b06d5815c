package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// CheckPDF proves a searchable PDF with the tools a desk would use: pdftotext must return the
// phrase from the text layer, pdftoppm must render every page.
func CheckPDF(t *testing.T, b []byte, phrase string, pages int) {
	t.Helper()
	dir := t.TempDir()
	f := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// Words in order, white space as layout: with automatic layout analysis Tesseract may set a
	// wide title's words as blocks of their own, which pdftotext prints on lines apart.
	if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), phrase) {
		t.Errorf("pdftotext lacks %q:\n%.500s", phrase, text)
	}
	if out, err := exec.Command("pdftoppm", "-r", "20", "-png", f, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	if rendered, _ := filepath.Glob(filepath.Join(dir, "p*.png")); len(rendered) != pages {
		t.Errorf("pdftoppm rendered %d pages, want %d", len(rendered), pages)
	}
}
