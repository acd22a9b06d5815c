package scan

import (
	"context"
	"crypto/sha256"
	"fmt"
	"image"
	"io"
	"os"
	"runtime"
	"sync"
)

// Source is a scan file opened once: its format, its page count and, for a TIFF or a PDF, its
// page table (sizes, resolutions, refusals; poppler's for a PDF). Decoding several pages of one
// Source reads that table once instead of once a page.
type Source struct {
	data    []byte
	path    string // a PDF opened with OpenFile: poppler reads the file, data is nil
	size    int64
	format  Format
	pages   int
	tiff    []tiffPage
	pdf     []pdfPage
	pdfErrs []error
	// fonts is the PDF's font list (pdffonts), read once: a scanned PDF has none, and its
	// pages then need no text-layer check (TextLayer).
	fonts struct {
		mu    sync.Mutex
		known bool // once a pdffonts run succeeded: a failed run is tried again
		list  string
	}
}

// Open checks data's size and format and reads its page table.
func Open(ctx context.Context, data []byte, lim Limits) (*Source, error) {
	if int64(len(data)) > lim.MaxBytes {
		return nil, refuse(TooLarge, nil, "file is %d bytes, over the limit of %d", len(data), lim.MaxBytes)
	}
	f, err := Sniff(data)
	if err != nil {
		return nil, err
	}
	s := &Source{data: data, size: int64(len(data)), format: f}
	return s, s.table(ctx, lim)
}

// OpenFile opens the scan in the file at path. A PDF is read from the file by poppler and not
// held in memory (a day's stack through a feeder is a 100 MB PDF, and each page is rendered
// from it); the Source then owns the file and removes it once it is no longer used. A file
// of any other format is read into memory, as Open does, and left where it is.
func OpenFile(ctx context.Context, path string, lim Limits) (*Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > lim.MaxBytes {
		return nil, refuse(TooLarge, nil, "file is %d bytes, over the limit of %d", st.Size(), lim.MaxBytes)
	}
	head := make([]byte, min(st.Size(), 4096))
	if _, err := io.ReadFull(f, head); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if format, err := Sniff(head); err != nil || format != PDF {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return Open(ctx, data, lim)
	}
	s := &Source{path: path, size: st.Size(), format: PDF}
	// Removed when the last task holding the Source has let it go, not when a cache drops it:
	// a page may be rendering from it at that moment.
	runtime.AddCleanup(s, func(p string) { _ = os.Remove(p) }, path)
	return s, s.table(ctx, lim)
}

// table reads the page table of a TIFF or a PDF.
func (s *Source) table(ctx context.Context, lim Limits) (err error) {
	data := s.data
	switch s.format {
	case PNG, JPEG:
		s.pages = 1
	case TIFF:
		if s.tiff, err = tiffPages(data, lim); err != nil {
			return err
		}
		s.pages = len(s.tiff)
	case PDF:
		// Pages too large to be documents are counted: each becomes a failed page row.
		if s.pdf, s.pdfErrs, err = pdfPages(ctx, data, s.path, lim); err != nil {
			return err
		}
		s.pages = len(s.pdf)
	}
	return nil
}

// Format of the file.
func (s *Source) Format() Format { return s.format }

// Pages in the file.
func (s *Source) Pages() int { return s.pages }

// Size of the file in bytes.
func (s *Source) Size() int64 { return s.size }

// OnDisk tells a PDF read from its file (OpenFile), whose file the Source owns.
func (s *Source) OnDisk() bool { return s.path != "" }

// Resident is the memory the Source holds: the file's bytes, or nothing for a PDF left on disk.
func (s *Source) Resident() int64 { return int64(len(s.data)) }

// SHA256 of the file's bytes.
func (s *Source) SHA256() ([32]byte, error) {
	if s.path == "" {
		return sha256.Sum256(s.data), nil
	}
	f, err := os.Open(s.path)
	if err != nil {
		return [32]byte{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return [32]byte{}, err
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum, nil
}

// Decode returns page index as Decode does.
func (s *Source) Decode(ctx context.Context, index int, lim Limits) (*image.Gray, Meta, error) {
	defer runtime.KeepAlive(s) // its file stays while poppler reads it
	var (
		g   *image.Gray
		m   Meta
		err error
	)
	switch s.format {
	case PDF:
		g, m, err = renderPDF(ctx, s.data, s.path, s.pdf, s.pdfErrs, index, lim)
	case TIFF:
		g, m, err = decodeTIFF(s.data, s.tiff, index, lim)
	default:
		// PNG and JPEG: decodeImage lightens seals itself, by their red where the page is in
		// colour (it holds the colour image), else by their tone.
		return decodeImage(s.format, s.data, index, lim)
	}
	if err == nil {
		clearGraySeals(g) // TIFF and PDF pages arrive gray or black and white
	}
	return g, m, err
}
