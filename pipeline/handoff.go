package pipeline

import (
	"image"
	"sync"
)

// handoff keeps the last few prepared page images in memory, so that the OCR stage, when it
// runs in the process that has just prepared the page (the usual case, see Priorities), skips
// reading the PNG back from S3 and decoding it. Entries are keyed by the image's
// content-addressed key, so a hit is always the very pixels that were stored; a miss (another
// worker, a restart, an eviction) reads S3 as before.
type handoff struct {
	mu    sync.Mutex
	order []string
	imgs  map[string]*image.Gray
}

// handoffSize bounds the memory held: an A4 page at 300 DPI is about 8.7 MB of gray pixels.
const handoffSize = 6

func (h *handoff) put(key string, g *image.Gray) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.imgs == nil {
		h.imgs = make(map[string]*image.Gray)
	}
	if _, ok := h.imgs[key]; ok {
		return
	}
	if len(h.order) == handoffSize {
		delete(h.imgs, h.order[0])
		h.order = h.order[1:]
	}
	h.order = append(h.order, key)
	h.imgs[key] = g
}

// take returns and forgets the image stored under key, or nil.
func (h *handoff) take(key string) *image.Gray {
	h.mu.Lock()
	defer h.mu.Unlock()
	g, ok := h.imgs[key]
	if !ok {
		return nil
	}
	delete(h.imgs, key)
	for i, k := range h.order {
		if k == key {
			h.order = append(h.order[:i], h.order[i+1:]...)
			break
		}
	}
	return g
}
