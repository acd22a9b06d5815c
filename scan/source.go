package scan

import (
	"context"
	"image"
)

// Source is a scan file opened once: its format, its page count and, for a TIFF or a PDF, its
// page table (sizes, resolutions, refusals; poppler's for a PDF). Decoding several pages of one
// Source reads that table once instead of once a page.
type Source struct {
	data    []byte
	format  Format
	pages   int
	tiff    []tiffPage
	pdf     []pdfPage
	pdfErrs []error
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
	s := &Source{data: data, format: f}
	switch f {
	case PNG, JPEG:
		s.pages = 1
	case TIFF:
		if s.tiff, err = tiffPages(data, lim); err != nil {
			return s, err
		}
		s.pages = len(s.tiff)
	case PDF:
		// Pages too large to be documents are counted: each becomes a failed page row.
		if s.pdf, s.pdfErrs, err = pdfPages(ctx, data, lim); err != nil {
			return s, err
		}
		s.pages = len(s.pdf)
	}
	return s, nil
}

// Format of the file.
func (s *Source) Format() Format { return s.format }

// Pages in the file.
func (s *Source) Pages() int { return s.pages }

// Bytes of the file, as read; not to be changed.
func (s *Source) Bytes() []byte { return s.data }

// Size of the file in bytes.
func (s *Source) Size() int { return len(s.data) }

// Decode returns page index as Decode does.
func (s *Source) Decode(ctx context.Context, index int, lim Limits) (*image.Gray, Meta, error) {
	switch s.format {
	case PDF:
		return renderPDF(ctx, s.data, s.pdf, s.pdfErrs, index, lim)
	case TIFF:
		return decodeTIFF(s.data, s.tiff, index, lim)
	}
	return decodeImage(s.format, s.data, index, lim)
}
