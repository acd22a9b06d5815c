// Package pdf assembles a document's searchable PDF from its pages' searchable PDFs (each the
// clean page image with Tesseract's invisible text layer), with poppler's pdfunite.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Join concatenates single-page PDFs in order. One page is returned as it is.
func Join(ctx context.Context, pages [][]byte) ([]byte, error) {
	switch len(pages) {
	case 0:
		return nil, errors.New("pdf: no pages to join")
	case 1:
		return pages[0], nil
	}
	dir, err := os.MkdirTemp("", "sohoa-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	args := make([]string, 0, len(pages)+1)
	for i, p := range pages {
		name := filepath.Join(dir, fmt.Sprintf("p%05d.pdf", i))
		if err := os.WriteFile(name, p, 0o600); err != nil {
			return nil, err
		}
		args = append(args, name)
	}
	out := filepath.Join(dir, "out.pdf")
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	msg, err := exec.CommandContext(ctx, "pdfunite", append(args, out)...).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("pdf: pdfunite (poppler-utils): %w: %s", err, strings.TrimSpace(string(msg)))
	}
	return os.ReadFile(out)
}
