package scan

// Scanned PDFs are read with poppler's command-line tools (Debian's poppler-utils): they decode
// every image codec scanners put in PDFs (JBIG2, CCITT, DCT, Flate) and apply /Rotate. They run
// as separate processes under a time limit and an address-space limit, so a hostile PDF can at
// worst kill its own process; page sizes are checked before any page is rendered.

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

type pdfPage struct {
	wPt, hPt float64 // after /Rotate
	ppi      int     // resolution of the page's largest image, 0 for none
}

// renderDPI is the resolution a page is rendered at: its scan's own, within bounds and within
// the pixel limit.
func (p pdfPage) renderDPI(lim Limits) int {
	dpi := p.ppi
	if dpi <= 0 {
		dpi = 300
	}
	dpi = max(72, min(dpi, 1200)) // low-resolution scans are enlarged later, by text size
	for dpi > 72 && int64(p.wPt*float64(dpi)/72)*int64(p.hPt*float64(dpi)/72) > lim.MaxPixels {
		dpi = dpi * 9 / 10
	}
	return dpi
}

// withPDF gives poppler a file of the PDF: the one it was opened from (OpenFile), or data
// written to a private temporary file; and a private directory for what poppler writes.
func withPDF(data []byte, path string, fn func(path, dir string) error) error {
	dir, err := os.MkdirTemp("", "sohoa-pdf-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if path == "" {
		path = filepath.Join(dir, "in.pdf")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			return err
		}
	}
	return fn(path, dir)
}

// poppler runs one poppler tool under the page time limit and an address-space cap.
func poppler(ctx context.Context, lim Limits, tool string, args ...string) ([]byte, error) {
	return popplerExit(ctx, lim, nil, tool, args...)
}

// popplerExit is poppler, with exit codes that are answers rather than failures: for those,
// stdout is returned and err is nil.
func popplerExit(ctx context.Context, lim Limits, answers []int, tool string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, lim.PageTimeout)
	defer cancel()
	name, full := tool, args
	if p, err := exec.LookPath("prlimit"); err == nil {
		name, full = p, append([]string{fmt.Sprintf("--as=%d", lim.ToolMemory), "--", tool}, args...)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, name, full...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		return nil, refuse(TooLarge, nil, "%s took longer than %s", tool, lim.PageTimeout)
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) && slices.Contains(answers, ee.ExitCode()) {
		return stdout.Bytes(), nil
	}
	if errors.As(err, &ee) {
		msg := strings.TrimSpace(strings.SplitN(stderr.String(), "\n", 2)[0])
		if strings.Contains(msg, "Incorrect password") {
			return nil, refuse(Encrypted, nil, "the PDF is locked with a password: upload it unlocked")
		}
		return nil, refuse(Corrupt, nil, "%s: %s", tool, msg)
	}
	if err != nil {
		return nil, fmt.Errorf("run %s (install poppler-utils): %w", tool, err)
	}
	return stdout.Bytes(), nil
}

var (
	pdfPagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)
	pdfSizeRE  = regexp.MustCompile(`(?m)^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`)
	pdfRotRE   = regexp.MustCompile(`(?m)^Page\s+(\d+) rot:\s+(\d+)`)
)

// pdfPages lists a PDF's pages with their sizes and scan resolutions, refusing pages that are
// not documents (over MaxPageInches) before anything is rendered.
func pdfPages(ctx context.Context, data []byte, file string, lim Limits) ([]pdfPage, []error, error) {
	var pages []pdfPage
	var pageErrs []error
	err := withPDF(data, file, func(path, _ string) error {
		out, err := poppler(ctx, lim, "pdfinfo", path)
		if err != nil {
			return err
		}
		m := pdfPagesRE.FindSubmatch(out)
		if m == nil {
			return refuse(Corrupt, nil, "PDF has no page count")
		}
		n, _ := strconv.Atoi(string(m[1]))
		if n == 0 {
			return refuse(Empty, nil, "PDF has no pages")
		}
		if n > lim.MaxPages {
			return refuse(TooLarge, nil, "PDF has %d pages, over the limit of %d", n, lim.MaxPages)
		}
		if out, err = poppler(ctx, lim, "pdfinfo", "-f", "1", "-l", strconv.Itoa(n), path); err != nil {
			return err
		}
		pages = make([]pdfPage, n)
		pageErrs = make([]error, n)
		rot := map[int]int{}
		for _, r := range pdfRotRE.FindAllSubmatch(out, -1) {
			i, _ := strconv.Atoi(string(r[1]))
			rot[i], _ = strconv.Atoi(string(r[2]))
		}
		for _, s := range pdfSizeRE.FindAllSubmatch(out, -1) {
			i, _ := strconv.Atoi(string(s[1]))
			if i < 1 || i > n {
				continue
			}
			w, _ := strconv.ParseFloat(string(s[2]), 64)
			h, _ := strconv.ParseFloat(string(s[3]), 64)
			if rot[i]%180 == 90 {
				w, h = h, w
			}
			pages[i-1].wPt, pages[i-1].hPt = w, h
			if long := math.Max(w, h) / 72; long > lim.MaxPageInches {
				pageErrs[i-1] = refuse(TooLarge, nil, "page is %.0f x %.0f in, over the %.0f in limit for a document page", w/72, h/72, lim.MaxPageInches)
			}
		}
		if out, err = poppler(ctx, lim, "pdfimages", "-list", path); err != nil {
			return err
		}
		best := map[int]int{} // page -> largest image area
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) < 14 || f[2] != "image" {
				continue
			}
			pg, _ := strconv.Atoi(f[0])
			w, _ := strconv.Atoi(f[3])
			h, _ := strconv.Atoi(f[4])
			comp, _ := strconv.Atoi(f[6])
			bpc, _ := strconv.Atoi(f[7])
			ppi, _ := strconv.Atoi(f[12])
			if size := int64(w) * int64(h) * int64(max(comp, 1)) * int64(max(bpc, 1)) / 8; lim.MaxImageBytes > 0 && size > lim.MaxImageBytes &&
				pg >= 1 && pg <= n && pageErrs[pg-1] == nil {
				pageErrs[pg-1] = refuse(TooLarge, nil, "page holds a %d x %d image that would decode to %d MB, over the limit of %d MB",
					w, h, size>>20, lim.MaxImageBytes>>20)
			}
			if pg >= 1 && pg <= n && w*h > best[pg] {
				best[pg] = w * h
				pages[pg-1].ppi = ppi
			}
		}
		return nil
	})
	return pages, pageErrs, err
}

// renderPDF renders page index to gray at its scan's resolution, from the page table that
// pdfPages read.
func renderPDF(ctx context.Context, data []byte, file string, pages []pdfPage, pageErrs []error, index int, lim Limits) (*image.Gray, Meta, error) {
	if index < 0 || index >= len(pages) {
		return nil, Meta{}, refuse(Corrupt, nil, "page %d does not exist (file has %d)", index, len(pages))
	}
	if pageErrs[index] != nil {
		return nil, Meta{}, pageErrs[index]
	}
	p := pages[index]
	dpi := p.renderDPI(lim)
	if err := checkSize(int(p.wPt*float64(dpi)/72), int(p.hPt*float64(dpi)/72), lim); err != nil {
		return nil, Meta{}, err
	}
	var g *image.Gray
	err := withPDF(data, file, func(path, dir string) error {
		out := filepath.Join(dir, "page")
		n := strconv.Itoa(index + 1)
		if _, err := poppler(ctx, lim, "pdftoppm", "-f", n, "-l", n, "-r", strconv.Itoa(dpi), "-gray", "-singlefile", path, out); err != nil {
			return err
		}
		b, err := os.ReadFile(out + ".pgm")
		if err != nil {
			return refuse(Corrupt, err, "page %d rendered nothing", index)
		}
		g, err = decodePGM(b, lim)
		return err
	})
	if err != nil {
		return nil, Meta{}, err
	}
	return g, Meta{Format: PDF, Width: g.Rect.Dx(), Height: g.Rect.Dy(), DPI: dpi}, nil
}

// decodePGM reads the binary gray PGM (P5, maxval 255) that pdftoppm -gray writes.
func decodePGM(b []byte, lim Limits) (*image.Gray, error) {
	// Header: "P5", width, height, maxval, separated by whitespace, then one whitespace byte.
	var fields [4]string
	i := 0
	for k := range fields {
		for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t') {
			i++
		}
		start := i
		for i < len(b) && b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t' {
			i++
		}
		fields[k] = string(b[start:i])
	}
	i++ // the single whitespace after maxval
	w, err1 := strconv.Atoi(fields[1])
	h, err2 := strconv.Atoi(fields[2])
	if fields[0] != "P5" || fields[3] != "255" || err1 != nil || err2 != nil {
		return nil, refuse(Corrupt, nil, "unexpected page rendering")
	}
	if err := checkSize(w, h, lim); err != nil {
		return nil, err
	}
	if i > len(b) || len(b)-i < w*h {
		return nil, refuse(Corrupt, nil, "truncated page rendering")
	}
	g := image.NewGray(image.Rect(0, 0, w, h))
	copy(g.Pix, b[i:i+w*h])
	return g, nil
}
