package ocr

import (
	"slices"
	"strings"
)

// Reading order. Tesseract's layout analysis (PSM 3) finds text columns as blocks of their
// own and orders them, but on Vietnamese forms it often takes the two-column header (the
// issuing body left, the national motto right) or the signature row (recipients left, signer
// right) as one block whose lines run across both sides, so a line reads "ỦY BAN NHÂN DÂN
// CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM". readingOrder cuts such lines at gaps no word spacing
// makes, and reads the sides as a person does: side by side blocks one after the other, a
// table (aligned cells over several rows) row by row.

// gapFactor: a gap wider than this many times the line's height separates two sides of the
// page, not two words (justified text stretches word spaces to about one height).
const gapFactor = 2.5

type segment struct {
	words          []Word
	x0, y0, x1, y1 int
}

func (s segment) text() string {
	t := make([]string, len(s.words))
	for i, w := range s.words {
		t[i] = w.Text
	}
	return strings.Join(t, " ")
}

type textLine struct {
	block int
	segs  []segment
}

// lines groups words (in Tesseract's order) into lines, each cut into segments at wide gaps.
func lines(words []Word) []textLine {
	var out []textLine
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && words[j].Line == words[i].Line {
			j++
		}
		ws := words[i:j]
		h := lineHeight(ws)
		l := textLine{block: ws[0].Block}
		start := 0
		for k := 1; k <= len(ws); k++ {
			if k == len(ws) || ws[k].Box[0]-ws[k-1].Box[2] > int(gapFactor*float64(h)) {
				l.segs = append(l.segs, newSegment(ws[start:k]))
				start = k
			}
		}
		out = append(out, l)
		i = j
	}
	return out
}

func lineHeight(ws []Word) int {
	hs := make([]int, len(ws))
	for i, w := range ws {
		hs[i] = w.Box[3] - w.Box[1]
	}
	slices.Sort(hs)
	return max(1, hs[len(hs)/2])
}

func newSegment(ws []Word) segment {
	s := segment{words: ws, x0: ws[0].Box[0], y0: ws[0].Box[1], x1: ws[0].Box[2], y1: ws[0].Box[3]}
	for _, w := range ws[1:] {
		s.x0, s.y0 = min(s.x0, w.Box[0]), min(s.y0, w.Box[1])
		s.x1, s.y1 = max(s.x1, w.Box[2]), max(s.y1, w.Box[3])
	}
	return s
}

// readingOrder is the page's text as a person reads it: blocks in Tesseract's order, a blank
// line between blocks, sides of a block read one after the other, tables row by row.
func readingOrder(words []Word) string {
	ls := lines(words)
	var blocks []string
	for i := 0; i < len(ls); {
		j := i
		for j < len(ls) && ls[j].block == ls[i].block {
			j++
		}
		blocks = append(blocks, orderBlock(ls[i:j])...)
		i = j
	}
	return strings.Join(blocks, "\n\n")
}

// orderBlock reads one Tesseract block: runs of lines with a single segment as they are, a
// run where lines are cut into sides as its sides, one after the other, unless it is a table.
func orderBlock(ls []textLine) []string {
	var out []string
	var plain []string
	flush := func() {
		if len(plain) > 0 {
			out = append(out, strings.Join(plain, "\n"))
			plain = nil
		}
	}
	for i := 0; i < len(ls); {
		if len(ls[i].segs) == 1 {
			plain = append(plain, ls[i].segs[0].text())
			i++
			continue
		}
		// A side-by-side run: this line and the following ones whose segments each fall in
		// one of the run's columns.
		cols := columnsOf(ls[i].segs)
		j := i + 1
		for j < len(ls) && fits(ls[j].segs, cols) {
			for _, s := range ls[j].segs {
				widen(cols, s)
			}
			j++
		}
		// Lines of the left side alone at the run's end are as likely the body going on under
		// it (a short last line of a paragraph): leave them out of the sides.
		for j-1 > i && len(ls[j-1].segs) == 1 && columnOf(cols, ls[j-1].segs[0]) == 0 {
			j--
		}
		// A single side-by-side line followed by nothing that fits is a line with a wide gap
		// (a label and its value, dotted leaders): read across.
		if j-i == 1 || isTable(ls[i:j], cols) {
			for _, l := range ls[i:j] {
				t := make([]string, len(l.segs))
				for k, s := range l.segs {
					t[k] = s.text()
				}
				plain = append(plain, strings.Join(t, " "))
			}
			i = j
			continue
		}
		flush()
		sides := make([][]string, len(cols))
		for _, l := range ls[i:j] {
			for _, s := range l.segs {
				c := columnOf(cols, s)
				sides[c] = append(sides[c], s.text())
			}
		}
		for _, s := range sides {
			if len(s) > 0 {
				out = append(out, strings.Join(s, "\n"))
			}
		}
		i = j
	}
	flush()
	return out
}

type span struct{ x0, x1 int }

func columnsOf(segs []segment) []span {
	cols := make([]span, len(segs))
	for i, s := range segs {
		cols[i] = span{s.x0, s.x1}
	}
	return cols
}

// columnOf is the column s overlaps most, -1 for none or when it straddles two.
func columnOf(cols []span, s segment) int {
	best, hit := -1, 0
	for i, c := range cols {
		ov := min(c.x1, s.x1) - max(c.x0, s.x0)
		if ov <= 0 {
			continue
		}
		hit++
		if best < 0 || ov > min(cols[best].x1, s.x1)-max(cols[best].x0, s.x0) {
			best = i
		}
	}
	if hit != 1 {
		return -1
	}
	return best
}

func fits(segs []segment, cols []span) bool {
	if len(segs) > len(cols) {
		return false
	}
	for _, s := range segs {
		if columnOf(cols, s) < 0 {
			return false
		}
	}
	return true
}

func widen(cols []span, s segment) {
	c := &cols[columnOf(cols, s)]
	c.x0, c.x1 = min(c.x0, s.x0), max(c.x1, s.x1)
}

// isTable: a run is a table when it has three columns or more, or when at least three of its
// lines fill every column and each column's cells start at the same place (left-aligned
// cells), where the two sides of a form's header and signature are centred lines of differing
// starts.
func isTable(ls []textLine, cols []span) bool {
	if len(cols) >= 3 {
		return true
	}
	full := 0
	starts := make([][]int, len(cols))
	h := 0
	for _, l := range ls {
		if len(l.segs) == len(cols) {
			full++
		}
		for _, s := range l.segs {
			c := columnOf(cols, s)
			starts[c] = append(starts[c], s.x0)
			h = max(h, s.y1-s.y0)
		}
	}
	if full < 3 {
		return false
	}
	for _, st := range starts {
		if slices.Max(st)-slices.Min(st) > h {
			return false
		}
	}
	return true
}
