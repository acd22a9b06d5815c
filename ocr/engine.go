//go:build cgo

package ocr

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/otiai10/gosseract/v2"
	"github.com/sohoa/sohoa/scan"
	"golang.org/x/text/unicode/norm"
)

// Engine recognises pages. Safe for concurrent use; at most Slots pages run at once.
type Engine struct {
	cfg   Config
	slots chan *slot
	all   []*slot
}

// slot is what one OCR slot owns: one Tesseract instance per language set it has been asked
// for (loaded on first use, kept for the next pages, at most MaxLanguageSets of them, the
// least recently used freed first; the configured set is never freed), and one orientation
// handle.
type slot struct {
	langs map[string]*tess
	used  []string // language sets, least recently used first
	osd   *osd
}

// CanonicalLanguages is langs as the engine loads it: each language once, in the order given
// ("vie+vie+eng" is "vie+eng"), not "osd" (orientation data, not a language), at most
// MaxLanguages, each installed. Two spellings of one set share one instance.
func CanonicalLanguages(langs string) (string, error) {
	var out []string
	for _, l := range strings.Split(langs, "+") {
		if l = strings.TrimSpace(l); l == "" || l == "osd" || slices.Contains(out, l) {
			continue
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return "", fmt.Errorf("%w: %q names no language", ErrLanguage, langs)
	}
	if len(out) > MaxLanguages {
		return "", fmt.Errorf("%w: %q names %d languages, at most %d are read together", ErrLanguage, langs, len(out), MaxLanguages)
	}
	c := strings.Join(out, "+")
	return c, CheckLanguages(c)
}

// initMu serialises Tesseract initialisation: loading models concurrently gains nothing and
// gosseract's own init (used to list languages) plays with the process's stderr.
var initMu sync.Mutex

// New loads Tesseract into every slot, one at a time.
func New(cfg Config) (*Engine, error) {
	if len(cfg.Languages) == 0 {
		cfg.Languages = []string{"vie"}
	}
	if cfg.Slots <= 0 {
		cfg.Slots = runtime.NumCPU()
	}
	if cfg.MinOrientationConfidence == 0 {
		cfg.MinOrientationConfidence = DefaultMinOrientationConfidence
	}
	if cfg.PageDeadline == 0 {
		cfg.PageDeadline = 3 * time.Minute
	}
	if cfg.PSM == 0 {
		cfg.PSM = PSMAuto
	}
	if err := CheckPSM(cfg.PSM); err != nil {
		return nil, err
	}
	langs, err := CanonicalLanguages(strings.Join(cfg.Languages, "+"))
	if err != nil {
		return nil, err
	}
	cfg.Languages = strings.Split(langs, "+")
	e := &Engine{cfg: cfg, slots: make(chan *slot, cfg.Slots)}
	for i := 0; i < cfg.Slots; i++ {
		s := &slot{langs: map[string]*tess{}}
		e.all = append(e.all, s)
		if _, err := e.tessFor(s, e.Languages()); err != nil {
			e.free() // nothing in flight yet; some slots are not in the pool
			return nil, err
		}
		initMu.Lock()
		o, err := newOSD(cfg.TessdataPrefix)
		initMu.Unlock()
		if err != nil {
			e.free() // nothing in flight yet; some slots are not in the pool
			return nil, err
		}
		s.osd = o
		e.slots <- s
	}
	return e, nil
}

// tessFor returns the slot's instance for langs (already canonical), loading it when new and
// freeing the least recently used other set beyond MaxLanguageSets.
func (e *Engine) tessFor(s *slot, langs string) (*tess, error) {
	use := func() {
		s.used = append(slices.DeleteFunc(s.used, func(l string) bool { return l == langs }), langs)
	}
	if t, ok := s.langs[langs]; ok {
		use()
		return t, nil
	}
	if err := CheckLanguages(langs); err != nil {
		return nil, err
	}
	for len(s.langs) >= MaxLanguageSets {
		i := slices.IndexFunc(s.used, func(l string) bool { return l != e.Languages() })
		if i < 0 {
			break
		}
		old := s.used[i]
		s.langs[old].close() // the slot is held: nothing runs on it
		delete(s.langs, old)
		s.used = slices.Delete(s.used, i, i+1)
	}
	initMu.Lock()
	defer initMu.Unlock()
	t, err := newTess(e.cfg.TessdataPrefix, langs, e.cfg.PSM)
	if err != nil {
		return nil, err
	}
	s.langs[langs] = t
	use()
	return t, nil
}

// CheckLanguages reports, with ErrLanguage, a language of "vie+eng" whose data is not installed.
func CheckLanguages(langs string) error {
	have, err := availableLanguages()
	if err != nil {
		return fmt.Errorf("%w: cannot list installed languages: %v", ErrLanguage, err)
	}
	for _, l := range strings.Split(langs, "+") {
		if l == "" || !slices.Contains(have, l) {
			return fmt.Errorf("%w: %q is not installed (have %s; on Debian: apt-get install tesseract-ocr-%s)", ErrLanguage, l, strings.Join(have, ", "), l)
		}
	}
	return nil
}

// installed is the list of installed language data, read once: gosseract lists it through a
// Tesseract instance of its own, which crashed (SIGSEGV in GetDataPath) when it ran beside
// recognitions, as it did once a page.
var installed struct {
	once  sync.Once
	langs []string
	err   error
}

func availableLanguages() ([]string, error) {
	installed.once.Do(func() {
		initMu.Lock()
		defer initMu.Unlock()
		installed.langs, installed.err = gosseract.GetAvailableLanguages()
	})
	return installed.langs, installed.err
}

// Languages returns the configured language string, as Tesseract takes it ("vie").
func (e *Engine) Languages() string { return strings.Join(e.cfg.Languages, "+") }

// Close waits for the pages in flight, then frees every slot. Waiting matters: a worker that
// stops (SIGTERM) returns before a cut-off recognition does, since a cgo call cannot be
// interrupted, and freeing its Tesseract under it would crash the process. PageDeadline bounds
// the wait.
func (e *Engine) Close() {
	for range e.all {
		<-e.slots
	}
	e.free()
}

func (e *Engine) free() {
	for _, s := range e.all {
		for _, t := range s.langs {
			t.close()
		}
		if s.osd != nil {
			s.osd.close()
		}
	}
	e.all = nil
}

func (e *Engine) acquire(ctx context.Context) (*slot, error) {
	if m, ok := ctx.Value(waitKey{}).(*WaitMeter); ok {
		defer func(start time.Time) { m.ns.Add(int64(time.Since(start))) }(time.Now())
	}
	select {
	case s := <-e.slots:
		return s, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (e *Engine) release(s *slot) { e.slots <- s }

// Orientation detects the page's quarter-turn orientation with Tesseract's OSD.
func (e *Engine) Orientation(ctx context.Context, g *image.Gray, dpi int) (Orientation, error) {
	s, err := e.acquire(ctx)
	if err != nil {
		return Orientation{}, err
	}
	defer e.release(s)
	if dpi <= 0 {
		dpi = 300
	}
	// OSD reads character shapes, not fine print: a page above ~150 DPI is halved first, which
	// makes it several times faster without changing its answer on A4 scans.
	for dpi >= 200 && g.Rect.Dx() > 1000 {
		g, dpi = half(g), dpi/2
	}
	// OSD's cost is classifying up to 250 character blobs in four orientations, whatever the
	// page size. A window of the page where ink is densest holds fewer blobs and usually
	// answers with confidence; when it does not, the whole page is asked.
	if w := inkiestWindow(g, 0.25); w != nil {
		if o, ok := e.orient(s, w, dpi); ok && o.Trusted {
			return o, nil
		}
	}
	o, _ := e.orient(s, g, dpi)
	return o, nil
}

func (e *Engine) orient(s *slot, g *image.Gray, dpi int) (Orientation, bool) {
	deg, conf, _, script, ok := s.osd.detect(g, dpi)
	if !ok {
		return Orientation{}, false
	}
	o := Orientation{Rotate: (360 - deg) % 360, Confidence: conf, Script: script}
	o.Trusted = conf >= e.cfg.MinOrientationConfidence
	return o, true
}

// inkiestWindow returns the square-ish window of frac of g's width and height with the most
// dark pixels, found on a coarse grid; nil when g is too small to be worth cropping.
func inkiestWindow(g *image.Gray, frac float64) *image.Gray {
	const cell = 16
	cw, ch := g.Rect.Dx()/cell, g.Rect.Dy()/cell
	if cw < 20 || ch < 20 {
		return nil
	}
	// Dark pixels per cell, sampled every other pixel, then summed-area for window sums.
	sum := make([]int, (cw+1)*(ch+1))
	for cy := 0; cy < ch; cy++ {
		for cx := 0; cx < cw; cx++ {
			n := 0
			for y := cy * cell; y < (cy+1)*cell; y += 2 {
				row := g.Pix[y*g.Stride+cx*cell : y*g.Stride+(cx+1)*cell]
				for x := 0; x < cell; x += 2 {
					if row[x] < 128 {
						n++
					}
				}
			}
			sum[(cy+1)*(cw+1)+cx+1] = n + sum[cy*(cw+1)+cx+1] + sum[(cy+1)*(cw+1)+cx] - sum[cy*(cw+1)+cx]
		}
	}
	ww, wh := int(float64(cw)*frac), int(float64(ch)*frac)
	best, bx, by := -1, 0, 0
	for y := 0; y+wh <= ch; y++ {
		for x := 0; x+ww <= cw; x++ {
			v := sum[(y+wh)*(cw+1)+x+ww] - sum[y*(cw+1)+x+ww] - sum[(y+wh)*(cw+1)+x] + sum[y*(cw+1)+x]
			if v > best {
				best, bx, by = v, x, y
			}
		}
	}
	r := image.Rect(bx*cell, by*cell, (bx+ww)*cell, (by+wh)*cell).Add(g.Rect.Min)
	out := image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
	for y := 0; y < r.Dy(); y++ {
		copy(out.Pix[y*out.Stride:(y+1)*out.Stride], g.Pix[(r.Min.Y-g.Rect.Min.Y+y)*g.Stride+r.Min.X-g.Rect.Min.X:])
	}
	return out
}

// Recognize reads one prepared page, once: text, word boxes and confidences come from the hOCR
// of that recognition, and so does the searchable PDF. The PDF's image is the page recognised,
// lossless: a PNG's compressed rows as they are (Leptonica's Flate passthrough), as OCRmyPDF
// keeps images lossless, rather than Tesseract's JPEG at quality 85, which also costs about 25
// ms a page to encode against under 10 for the PNG.
func (e *Engine) Recognize(ctx context.Context, g *image.Gray, dpi int, o Options) (*Result, error) {
	langs := o.Languages
	if langs == "" {
		langs = e.Languages()
	}
	langs, err := CanonicalLanguages(langs)
	if err != nil {
		return nil, err
	}
	s, err := e.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer e.release(s)
	t, err := e.tessFor(s, langs)
	if err != nil {
		return nil, err
	}
	if dpi <= 0 {
		dpi = 300
	}
	if !o.AsIs {
		g, dpi = readingImage(g, dpi)
	} else if dpi <= 0 {
		dpi = 300
	}
	pdfBase, pngPath := "", ""
	if o.PDF {
		dir, err := os.MkdirTemp("", "sohoa-ocr-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		pdfBase = filepath.Join(dir, "page")
		png := o.PNG
		if !grayPNGOf(png, g) { // not given, or not of these pixels (the page was reduced above)
			var buf bytes.Buffer
			if err := scan.EncodePNG(&buf, g, dpi); err != nil {
				return nil, fmt.Errorf("ocr: page image: %w", err)
			}
			png = buf.Bytes()
		}
		pngPath = filepath.Join(dir, "page.png")
		if err := os.WriteFile(pngPath, png, 0o600); err != nil {
			return nil, err
		}
	}
	h, _, err := t.recognize(g, dpi, e.cfg.PageDeadline, pdfBase, pngPath)
	if err != nil {
		return nil, fmt.Errorf("ocr: %w", err)
	}
	r, err := parseHOCR(h)
	if err != nil {
		return nil, fmt.Errorf("ocr: read hOCR: %w", err)
	}
	r.HOCR = h
	r.Text = norm.NFC.String(r.Text)
	r.EngineText = norm.NFC.String(r.EngineText)
	r.Languages = langs
	if o.PDF {
		if r.PDF, err = os.ReadFile(pdfBase + ".pdf"); err != nil {
			return nil, fmt.Errorf("ocr: searchable PDF: %w", err)
		}
	}
	return r, nil
}

// readingImage is the image Recognize hands Tesseract for a page g at dpi. Tesseract reads A4
// text better and faster near 200 DPI than at 300 (measured: BenchmarkRecognizeScale and the
// evaluation set): a page finer than 250 DPI is reduced to ReadDPI, the 200 DPI that
// digitized copies must keep (the page PDF is made from this image).
func readingImage(g *image.Gray, dpi int) (*image.Gray, int) {
	if dpi <= 0 {
		dpi = 300
	}
	if dpi > ReadDPI*5/4 {
		return scan.Shrink(g, float64(ReadDPI)/float64(dpi)), ReadDPI
	}
	return g, dpi
}

// grayPNGOf reports whether b is a non-interlaced 8-bit gray PNG with g's size, the only kind
// whose rows the page PDF may embed in place of g. It reads the header only: that the pixels
// are g's is the caller's word (the pipeline's PNG is the stored encoding of g).
func grayPNGOf(b []byte, g *image.Gray) bool {
	const sig = "\x89PNG\r\n\x1a\n"
	if len(b) < 33 || string(b[:8]) != sig || string(b[12:16]) != "IHDR" {
		return false
	}
	w, h := binary.BigEndian.Uint32(b[16:20]), binary.BigEndian.Uint32(b[20:24])
	depth, color, interlace := b[24], b[25], b[28]
	return int(w) == g.Rect.Dx() && int(h) == g.Rect.Dy() && depth == 8 && color == 0 && interlace == 0
}

// half shrinks g by two in each direction, averaging 2x2 blocks.
func half(g *image.Gray) *image.Gray {
	w, h := g.Rect.Dx()/2, g.Rect.Dy()/2
	out := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		r0 := g.Pix[(2*y)*g.Stride:]
		r1 := g.Pix[(2*y+1)*g.Stride:]
		dst := out.Pix[y*out.Stride:]
		for x := 0; x < w; x++ {
			dst[x] = uint8((int(r0[2*x]) + int(r0[2*x+1]) + int(r1[2*x]) + int(r1[2*x+1]) + 2) / 4)
		}
	}
	return out
}

// Version names the engine for the records: "tesseract 5.3.0".
func (e *Engine) Version() string { return "tesseract " + Version() }
