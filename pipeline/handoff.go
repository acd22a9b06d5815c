package pipeline

import (
	"image"

	"github.com/sohoa/sohoa/scan"
)

// The handoff keeps the last few prepared page images in memory, so that the OCR stage, when it
// runs in the process that has just prepared the page (the usual case, see Priorities), skips
// reading the PNG back from S3 and decoding it. Entries are keyed by the image's
// content-addressed key, so a hit is always the very pixels that were stored; a miss (another
// worker, a restart, an eviction) reads S3 as before. At most handoffSize pages (an A4 page at
// 300 DPI is about 8.7 MB of gray pixels, its PNG under 1 MB).
const handoffSize = 6

// cleanPage is a prepared page as stored: its pixels and their PNG encoding, which the page PDF
// embeds as it is, and the text layer the prepare stage read (a born-digital page) so that the
// OCR stage need not ask poppler again.
type cleanPage struct {
	image *image.Gray
	png   []byte
	layer *scan.TextLayer
}

func newHandoff() *memo[cleanPage] {
	return &memo[cleanPage]{max: handoffSize, cost: func(cleanPage) int { return 1 }}
}

// The sources keep recently opened originals, multi-page ones (PDF, TIFF) with their page
// tables, so that the prepare tasks of a file's pages, which this worker runs one after the
// other (pages go depth-first), read it from S3 and ask poppler for its page table once rather
// than once a page. A TIFF is kept in memory; a PDF stays in its spooled file and counts an eighth of its
// size (disk, not memory: a 100 MB stack costs 12.5 MB of the budget). Keyed by S3 key and
// version: an entry is always the recorded bytes.
const sourcesBytes = 128 << 20

func sourceCost(src *scan.Source) int {
	if src.OnDisk() {
		return int(src.Size() / 8)
	}
	return int(src.Resident())
}

func newSources() *memo[*scan.Source] {
	return &memo[*scan.Source]{max: sourcesBytes, cost: sourceCost}
}

// keepSource keeps src when it is small enough to share the budget: a file of one page too,
// since its prepare task follows its ingest in this worker (read once, not twice).
func (s *Stages) keepSource(key string, src *scan.Source) {
	if sourceCost(src) <= sourcesBytes/2 {
		s.caches().sources.put(key, src)
	}
}
