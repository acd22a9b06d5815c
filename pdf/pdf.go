// Package pdf assembles a document's searchable PDF from its pages' searchable PDFs (each the
// clean page image with Tesseract's invisible text layer), with poppler's pdfunite.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// JoinFiles concatenates the single-page PDFs at paths, in order, into the file out: a
// 200-page document is joined on disk, never held in memory.
func JoinFiles(ctx context.Context, paths []string, out string) error {
	if len(paths) == 0 {
		return errors.New("pdf: no pages to join")
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	msg, err := exec.CommandContext(ctx, "pdfunite", append(append([]string{}, paths...), out)...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pdf: pdfunite (poppler-utils): %w: %s", err, strings.TrimSpace(string(msg)))
	}
	return nil
}
