package evalset

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
)

// formFamily is one layout family of a document type: its own wording order, title breaks,
// header blocks, font and field placement.
type formFamily struct {
	typ, name string
	make      func(*gen) (Doc, Fields)
}

var formFamilies []formFamily

func add(typ, name string, make func(*gen) (Doc, Fields)) {
	formFamilies = append(formFamilies, formFamily{typ, name, make})
}

// Family names a layout family: "giay_khai_sinh/b"; pages outside the catalogue are
// "unknown/letter".
func (f formFamily) id() string {
	typ := f.typ
	if typ == "" {
		typ = "unknown"
	}
	return typ + "/" + f.name
}

// Families lists every layout family, sorted.
func Families() []string {
	var out []string
	for _, f := range formFamilies {
		out = append(out, f.id())
	}
	sort.Strings(out)
	return out
}

// Page is one evaluation page: its truth, and how it is scanned.
type Page struct {
	Name    string // file name, with the extension its format has
	Type    string // catalogue type; "" for a page outside the catalogue
	Family  string // layout family, "giay_khai_sinh/b"
	Scanner Scanner
	Fields  Fields
	doc     Doc
	back    *Doc
}

// Pages of a set, n rounds over every family, each page scanned by the next profile of the
// desk scanners (seeded: the same seed gives the same pages). The families of only selects
// some ("" for all); so can a trainer take some families and a test the others.
func Pages(seed uint64, rounds int, only func(family string) bool) ([]Page, error) {
	return pagesOf(formFamilies, seed, rounds, only, 0x5e7, 1_000_003), nil
}

// pagesOf makes the pages of fams for a seed; stream and mul keep one list's pages apart from
// another's for the same seed.
func pagesOf(fams []formFamily, seed uint64, rounds int, only func(family string) bool, stream, mul uint64) []Page {
	rng := rand.New(rand.NewPCG(seed, stream))
	var out []Page
	k := 0
	for r := 0; r < rounds; r++ {
		for i, f := range fams {
			k++
			if only != nil && !only(f.id()) {
				continue
			}
			s := seed*mul + uint64(r*1000+i)
			doc, fields := f.make(newGen(s))
			back, _ := fams[(i+7)%len(fams)].make(newGen(s + 1))
			sc := profile(k, rng, s)
			ext := "png"
			if sc.Format == "jpeg" {
				ext = "jpg"
			}
			p := Page{Name: fmt.Sprintf("%s-%s-%02d.%s", strings.ReplaceAll(f.id(), "/", "-"), sc.Source, r, ext),
				Type: f.typ, Family: f.id(), Scanner: sc, Fields: fields, doc: doc}
			if sc.Bleed > 0 {
				p.back = &back
			}
			out = append(out, p)
		}
	}
	return out
}

// profile is the k-th desk scanner, with its page's placement and wear drawn from rng: a
// flatbed in gray, a colour flatbed writing JPEG, a document feeder in black and white, a
// phone photo, a high-resolution archive scan, a fax.
func profile(k int, rng *rand.Rand, seed uint64) Scanner {
	u := func(a, b float64) float64 { return a + rng.Float64()*(b-a) }
	s := Scanner{Seed: seed, Skew: float64(int(u(-6, 6)*100)) / 100, Dust: 100 + rng.IntN(301)}
	// Every fifth page lies turned on the glass.
	if k%5 == 2 {
		s.Turn = []int{90, 180, 270}[(k/5)%3]
	}
	switch k % 6 {
	case 0: // flatbed, gray PNG
		s.Source, s.DPI, s.Format = "flatbed", []int{300, 300, 200, 400}[rng.IntN(4)], "png"
		s.Blur, s.Noise, s.Light, s.Bleed = u(0.3, 0.9), u(3, 9), u(0, 0.12), u(0, 0.12)
	case 1: // colour flatbed, JPEG: seals stay red
		s.Source, s.DPI, s.Format, s.Colour, s.Quality = "colour", 300, "jpeg", true, 70+rng.IntN(20)
		s.Blur, s.Noise, s.Light, s.Bleed = u(0.4, 1.0), u(3, 8), u(0, 0.15), u(0.05, 0.2)
		s.Paper = [3]uint8{uint8(238 + rng.IntN(14)), uint8(232 + rng.IntN(14)), uint8(212 + rng.IntN(20))}
	case 2: // document feeder, black and white at 300 DPI (what desks' ADFs write)
		s.Source, s.DPI, s.Format, s.Bilevel = "feeder", 300, "png", true
		s.Blur, s.Noise, s.Light, s.Bleed = u(0.5, 1.1), u(6, 14), u(0.05, 0.2), u(0.05, 0.22)
	case 3: // phone photo: colour JPEG, about 150-180 DPI over the page, no resolution, shadow
		s.Source, s.DPI, s.Format, s.Colour, s.NoDPI, s.Quality = "phone", 150+rng.IntN(31), "jpeg", true, true, 60+rng.IntN(21)
		s.Blur, s.Noise, s.Light, s.Bleed = u(0.6, 1.3), u(4, 10), u(0.25, 0.45), 0
		s.Paper = [3]uint8{uint8(230 + rng.IntN(20)), uint8(225 + rng.IntN(20)), uint8(205 + rng.IntN(25))}
		s.Dust = 100 + rng.IntN(101)
	case 4: // archive scan at 600 DPI, gray
		s.Source, s.DPI, s.Format = "archive", 600, "png"
		s.Blur, s.Noise, s.Light, s.Bleed = u(0.6, 1.6), u(2, 6), u(0, 0.1), u(0, 0.1)
	case 5: // feeder in gray, JPEG at 200 DPI, worn
		s.Source, s.DPI, s.Format, s.Quality = "gray-jpeg", 200, "jpeg", 55+rng.IntN(25)
		s.Blur, s.Noise, s.Light, s.Bleed = u(0.4, 0.9), u(5, 12), u(0.05, 0.25), u(0.05, 0.2)
	}
	return s
}

// Fax is a page as a fax gateway delivers it: black and white at 200×100 DPI.
func Fax(p Page) Page {
	p.Scanner.Source, p.Scanner.DPI, p.Scanner.DPIY, p.Scanner.Bilevel, p.Scanner.Colour = "fax", 200, 100, true, false
	p.Scanner.Format, p.Scanner.NoDPI, p.Scanner.Blur = "png", false, 0.5
	p.Name = strings.TrimSuffix(strings.TrimSuffix(p.Name, ".jpg"), ".png") + "-fax.png"
	return p
}

// faceMu serialises what uses font faces (laying out, drawing): an opentype.Face keeps a
// glyph buffer and is not safe for concurrent use, and faces are shared between pages.
var faceMu sync.Mutex

// render draws the page's paper once.
func (p Page) render() (*laid, *layers, *layers, error) {
	faceMu.Lock()
	defer faceMu.Unlock()
	dpi := p.Scanner.DPI
	l, err := layout(p.doc, dpi)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %w", p.Name, err)
	}
	rng := rand.New(rand.NewPCG(p.Scanner.Seed, 0xd2a))
	front, err := l.draw(rng, dpi)
	if err != nil {
		return nil, nil, nil, err
	}
	var back *layers
	if p.back != nil {
		bl, err := layout(*p.back, dpi)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s back: %w", p.Name, err)
		}
		if back, err = bl.draw(rng, dpi); err != nil {
			return nil, nil, nil, err
		}
	}
	return l, front, back, nil
}

// References are the page's reference texts, one per reading order a person may take (the
// first is the order it is written in).
func (p Page) References() ([]string, error) {
	faceMu.Lock()
	defer faceMu.Unlock()
	l, err := layout(p.doc, 100)
	if err != nil {
		return nil, err
	}
	return l.References(), nil
}

// Files scans the page as its scanner does, and its straight twin: the same page, the same
// wear, laid straight and upright on the glass.
func (p Page) Files() (file, twin []byte, err error) {
	_, front, back, err := p.render()
	if err != nil {
		return nil, nil, err
	}
	scan := func(s Scanner) ([]byte, error) {
		pl, err := s.scan(front, back)
		if err != nil {
			return nil, err
		}
		return s.encode(pl)
	}
	if file, err = scan(p.Scanner); err != nil {
		return nil, nil, err
	}
	if p.Scanner.Skew == 0 && p.Scanner.Turn == 0 {
		return file, file, nil
	}
	twin, err = scan(p.Scanner.Straight())
	return file, twin, err
}

// PageOf is a page of one's own: a document d scanned by s (tests of odd pages: a table
// alone, a blank sheet).
func PageOf(name string, d Doc, s Scanner) Page {
	return Page{Name: name, Family: "custom", Scanner: s, doc: d}
}

// Phone is the phone-photo scanner profile at dpi over the page: colour JPEG, no declared
// resolution, a shadow, blur.
func Phone(dpi int, seed uint64) Scanner {
	return Scanner{Source: "phone", DPI: dpi, Format: "jpeg", Colour: true, NoDPI: true, Quality: 70,
		Skew: 2.5, Blur: 1.0, Noise: 6, Dust: 150, Light: 0.35, Paper: [3]uint8{240, 232, 214}, Seed: seed}
}
