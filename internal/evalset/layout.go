// Package evalset makes the realistic evaluation pages that OCR and classification are
// measured on: Vietnamese administrative documents laid out as the official forms are (the
// issuing body and the national motto side by side, titles over several lines, tables, the
// signature, seal and list of recipients at the foot), in several fonts and layout families
// per document type, and scanned the way desks scan (flatbed, feeder, phone photo, fax) with
// what those scanners do to a page: skew, quarter turns, blur, noise, dust, uneven light,
// bleed-through, seals over the text, JPEG artefacts, 150 to 600 DPI.
//
// It shares nothing with internal/synth, whose single-column templates the classifier is
// trained on: other wording, other fonts, other layouts. Each page comes with its reference
// text in every reading order a person could take, and its fields.
package evalset

import (
	"fmt"
	"image"
	"math"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// Align places a line inside its block.
type Align int

const (
	Left Align = iota
	Center
	Right
)

// Text is one line as written; it wraps inside its block.
type Text struct {
	S       string
	Size    float64 // points; 0 is 13
	Bold    bool
	Italic  bool
	Align   Align
	Spacing float64 // extra space after each letter, in ems (letter-spaced titles)
	Indent  float64 // mm, first line
}

// Block is a column of lines at a horizontal position of the text area.
type Block struct {
	X, W  float64 // mm from the left margin; W 0 means to the right margin
	Lines []Text
	// Rule draws a short centred rule under line Rule-1 (the line under the national motto
	// or the issuing body); 0 for none.
	Rule int
	// Sign leaves room for a hand signature after line Sign-1, drawn in ink, with the seal
	// over it when Seal is set; 0 for none.
	Sign int
	Seal string // the seal's ring text
	// Box draws a frame around the block (form fields in a box, ID cards).
	Box bool
}

// Row is blocks side by side, starting at the same height; the next item starts below the
// tallest.
type Row struct {
	Blocks []Block
	// Either: a person may read these blocks in either order (the issuing body or the
	// motto first; the recipients or the signer first), so both are references.
	Either bool
}

// Table is a ruled grid read row by row; cells wrap.
type Table struct {
	X       float64   // mm from the left margin
	Widths  []float64 // mm per column
	Cells   [][]string
	Size    float64 // points; 0 is 12
	Header  int     // leading rows set in bold
	NoRules bool    // an unruled grid (aligned columns, as on forms with dotted leaders)
}

// Gap is vertical space in mm.
type Gap float64

// Overlay is a seal or a rubber stamp pressed over the text (not part of the reference).
type Overlay struct {
	X, Y  float64 // centre, mm from the page's top left
	Kind  string  // "seal" (round, red, ring text), "box" (rectangular, red, one line)
	Text  string
	Angle float64 // degrees, counter-clockwise
}

// Doc is one page before scanning.
type Doc struct {
	Font     string // a key of fontFamilies
	Items    []any  // Row, Block, Table, Gap
	Left     float64
	Right    float64 // margins, mm
	Top      float64
	Overlays []Overlay
}

const (
	pageW = 210.0
	pageH = 297.0
)

// laid is a document laid out at a resolution: what to draw, and the reference texts.
type laid struct {
	w, h   int
	glyphs []placedText
	rules  []image.Rectangle // filled rectangles in ink
	signs  []image.Rectangle // where signatures go
	seals  []Overlay         // in pixels
	refs   [][]string        // per item, its alternative texts
}

type placedText struct {
	s       string
	face    font.Face
	x, y    fixed.Int26_6 // baseline origin
	spacing fixed.Int26_6
}

// layout places d at dpi.
func layout(d Doc, dpi int) (*laid, error) {
	fam, err := family(d.Font)
	if err != nil {
		return nil, err
	}
	mm := float64(dpi) / 25.4
	left, right, top := d.Left, d.Right, d.Top
	if left == 0 {
		left = 30
	}
	if right == 0 {
		right = 15
	}
	if top == 0 {
		top = 20
	}
	areaW := pageW - left - right
	px := func(v float64) int { return int(math.Round(v * mm)) }
	out := &laid{w: px(pageW), h: px(pageH)}
	y := top
	// block lays b out from y (mm) and returns its height (mm) and its text.
	block := func(b Block, y float64, draw bool) (float64, string, error) {
		x0, w := left+b.X, b.W
		if w == 0 {
			w = areaW - b.X
		}
		var lines []string
		h := 0.0
		if b.Box {
			h += 2
		}
		for i, t := range b.Lines {
			size := t.Size
			if size == 0 {
				size = 13
			}
			fc, err := fam.face(t.Bold, t.Italic, size, dpi)
			if err != nil {
				return 0, "", err
			}
			lineH := size * 1.32 * 25.4 / 72
			sp := fixed.Int26_6(t.Spacing * size * float64(dpi) / 72 * 64)
			for j, s := range wrap(norm.NFC.String(t.S), fc, sp, px(w-t.Indent)) {
				h += lineH
				if s == "" {
					continue
				}
				lines = append(lines, s)
				if !draw {
					continue
				}
				tw := measure(fc, s, sp)
				x := px(x0)
				if j == 0 {
					x += px(t.Indent)
				}
				switch t.Align {
				case Center:
					x = px(x0) + (px(w)-tw)/2
				case Right:
					x = px(x0+w) - tw
				}
				base := px(y + h - lineH*0.25)
				out.glyphs = append(out.glyphs, placedText{s: s, face: fc, x: fixed.I(x), y: fixed.I(base), spacing: sp})
			}
			if b.Rule == i+1 && draw {
				rw := math.Min(w*0.45, 40)
				out.rules = append(out.rules, image.Rect(px(x0+(w-rw)/2), px(y+h+0.6), px(x0+(w+rw)/2), px(y+h+0.6)+max(1, px(0.25))))
			}
			if b.Rule == i+1 {
				h += 2.5
			}
			if b.Sign == i+1 {
				if draw {
					out.signs = append(out.signs, image.Rect(px(x0+w*0.2), px(y+h+1), px(x0+w*0.8), px(y+h+17)))
					if b.Seal != "" {
						out.seals = append(out.seals, Overlay{X: x0 + w*0.35, Y: y + h + 7, Kind: "seal", Text: b.Seal, Angle: 8})
					}
				}
				h += 20
			}
		}
		if b.Box {
			h += 2
			if draw {
				t := max(1, px(0.3))
				r := image.Rect(px(x0-1.5), px(y), px(x0+w+1.5), px(y+h))
				out.rules = append(out.rules, frame(r, t)...)
			}
		}
		return h, strings.Join(lines, "\n"), nil
	}
	for _, it := range d.Items {
		switch v := it.(type) {
		case Gap:
			y += float64(v)
		case Block:
			h, text, err := block(v, y, true)
			if err != nil {
				return nil, err
			}
			y += h
			out.add(text)
		case Row:
			tallest := 0.0
			var texts []string
			for _, b := range v.Blocks {
				h, text, err := block(b, y, true)
				if err != nil {
					return nil, err
				}
				tallest = math.Max(tallest, h)
				if text != "" {
					texts = append(texts, text)
				}
			}
			y += tallest
			alts := []string{strings.Join(texts, "\n\n")}
			if v.Either && len(texts) > 1 {
				rev := make([]string, len(texts))
				for i := range texts {
					rev[i] = texts[len(texts)-1-i]
				}
				alts = append(alts, strings.Join(rev, "\n\n"))
			}
			out.refs = append(out.refs, alts)
		case Table:
			h, text, err := out.table(v, fam, left, y, dpi)
			if err != nil {
				return nil, err
			}
			y += h
			out.add(text)
		default:
			return nil, fmt.Errorf("evalset: unknown item %T", it)
		}
		if y > pageH-12 {
			return nil, fmt.Errorf("evalset: the page's content runs past its foot (%.0f mm)", y)
		}
	}
	out.seals = append(out.seals, d.Overlays...)
	return out, nil
}

func (l *laid) add(text string) {
	if text != "" {
		l.refs = append(l.refs, []string{text})
	}
}

// table lays t out at y (mm) and returns its height and its text, row by row.
func (l *laid) table(t Table, fam *fontFamily, left, y float64, dpi int) (float64, string, error) {
	mm := float64(dpi) / 25.4
	px := func(v float64) int { return int(math.Round(v * mm)) }
	size := t.Size
	if size == 0 {
		size = 12
	}
	lineH := size * 1.3 * 25.4 / 72
	pad := 1.2
	var rows []string
	y0 := y
	thick := max(1, px(0.25))
	x0 := left + t.X
	total := 0.0
	for _, w := range t.Widths {
		total += w
	}
	for ri, row := range t.Cells {
		fc, err := fam.face(ri < t.Header, false, size, dpi)
		if err != nil {
			return 0, "", err
		}
		var cells []string
		n := 1
		wrapped := make([][]string, len(row))
		for ci, c := range row {
			if ci >= len(t.Widths) {
				return 0, "", fmt.Errorf("evalset: row %d has more cells than columns", ri)
			}
			wrapped[ci] = wrap(norm.NFC.String(c), fc, 0, px(t.Widths[ci]-2*pad))
			n = max(n, len(wrapped[ci]))
			if c != "" {
				cells = append(cells, strings.Join(wrapped[ci], " "))
			}
		}
		h := float64(n)*lineH + 2*pad
		x := x0
		for ci := range row {
			for li, s := range wrapped[ci] {
				if s == "" {
					continue
				}
				base := px(y + pad + float64(li+1)*lineH - lineH*0.25)
				l.glyphs = append(l.glyphs, placedText{s: s, face: fc, x: fixed.I(px(x + pad)), y: fixed.I(base)})
			}
			x += t.Widths[ci]
		}
		if !t.NoRules {
			l.rules = append(l.rules, image.Rect(px(x0), px(y), px(x0+total), px(y)+thick))
		}
		y += h
		if len(cells) > 0 {
			rows = append(rows, strings.Join(cells, " "))
		}
	}
	if !t.NoRules {
		l.rules = append(l.rules, image.Rect(px(x0), px(y), px(x0+total), px(y)+thick))
		x := x0
		for i := 0; i <= len(t.Widths); i++ {
			l.rules = append(l.rules, image.Rect(px(x), px(y0), px(x)+thick, px(y)))
			if i < len(t.Widths) {
				x += t.Widths[i]
			}
		}
	}
	return y - y0 + 1, strings.Join(rows, "\n"), nil
}

func frame(r image.Rectangle, t int) []image.Rectangle {
	return []image.Rectangle{
		image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+t), image.Rect(r.Min.X, r.Max.Y-t, r.Max.X, r.Max.Y),
		image.Rect(r.Min.X, r.Min.Y, r.Min.X+t, r.Max.Y), image.Rect(r.Max.X-t, r.Min.Y, r.Max.X, r.Max.Y),
	}
}

// References are the page's reference texts: every combination of the alternative orders of
// its rows, the first being the order the page is written in (at most 16).
func (l *laid) References() []string {
	out := []string{""}
	for _, alts := range l.refs {
		var next []string
		for _, prefix := range out {
			for _, a := range alts {
				if prefix == "" {
					next = append(next, a)
				} else {
					next = append(next, prefix+"\n\n"+a)
				}
				if len(next) >= 16 {
					break
				}
			}
		}
		out = next
	}
	return out
}

func measure(fc font.Face, s string, spacing fixed.Int26_6) int {
	w := font.MeasureString(fc, s)
	if spacing != 0 {
		w += spacing * fixed.Int26_6(len([]rune(s)))
	}
	return w.Ceil()
}

func wrap(s string, fc font.Face, spacing fixed.Int26_6, width int) []string {
	if s == "" {
		return []string{""}
	}
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur != "" && measure(fc, try, spacing) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = try
	}
	return append(lines, cur)
}
