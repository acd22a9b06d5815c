package pipeline

import (
	"sync"

	"github.com/sohoa/sohoa/scan"
)

// sources keeps recently opened multi-page originals (PDF, TIFF) in memory with their page
// tables, so that the prepare tasks of a file's pages, which this worker runs one after the
// other (pages go depth-first), read it from S3 and ask poppler for its page table once rather
// than once a page. Keyed by S3 key and version: an entry is always the recorded bytes.
type sources struct {
	mu    sync.Mutex
	order []string
	srcs  map[string]*scan.Source
	bytes int
}

// sourcesBytes bounds the memory held.
const sourcesBytes = 128 << 20

func (c *sources) get(key string) *scan.Source {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.srcs[key]
}

func (c *sources) put(key string, s *scan.Source) {
	if s.Pages() < 2 || s.Size() > sourcesBytes/2 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.srcs == nil {
		c.srcs = make(map[string]*scan.Source)
	}
	if _, ok := c.srcs[key]; ok {
		return
	}
	for len(c.order) > 0 && c.bytes+s.Size() > sourcesBytes {
		old := c.order[0]
		c.bytes -= c.srcs[old].Size()
		delete(c.srcs, old)
		c.order = c.order[1:]
	}
	c.order = append(c.order, key)
	c.srcs[key] = s
	c.bytes += s.Size()
}
