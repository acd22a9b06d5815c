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
	// merged: made by mergeSideBlocks from two blocks Tesseract found apart, the line's
	// segments paired by height or alone, not one of Tesseract's lines.
	merged bool
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

// ReadingOrder is readingOrder for words that did not come from Tesseract (a PDF's text layer,
// its blocks and lines numbered as Tesseract numbers them).
func ReadingOrder(words []Word) string { return readingOrder(words) }

// readingOrder is the page's text as a person reads it: blocks in Tesseract's order, a blank
// line between blocks, sides read one after the other, tables row by row. A side-by-side run
// may cross Tesseract's blocks (it often makes the header's first line a block of its own).
func readingOrder(words []Word) string {
	ls := mergeSideBlocks(lines(words))
	var out []string
	var plain []string
	flush := func() {
		if len(plain) > 0 {
			out = append(out, strings.Join(plain, "\n"))
			plain = nil
		}
	}
	for i := 0; i < len(ls); {
		if i > 0 && ls[i].block != ls[i-1].block {
			flush()
		}
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
		// Lines of the left side alone at the run's end that start at its left edge are as
		// likely the body going on under it (a short last line of a paragraph): leave them out
		// of the sides. A side's own lines are centred, and start further in.
		for j-1 > i && !ls[j-1].merged && len(ls[j-1].segs) == 1 && columnOf(cols, ls[j-1].segs[0]) == 0 &&
			ls[j-1].segs[0].x0 <= cols[0].x0+(ls[j-1].segs[0].y1-ls[j-1].segs[0].y0) {
			j--
		}
		// A table ends with its last full row: lines after it that fit its columns (a signature
		// block centred under the values) are read after it, not taken for cells.
		if j-i > 1 && !isTable(ls[i:j], cols) {
			if k := lastFull(ls[i:j], cols); k > 0 && i+k+1 < j && isTable(ls[i:i+k+1], cols) {
				j = i + k + 1
			}
		}
		// A single side-by-side line followed by nothing that fits is a line with a wide gap
		// (a label and its value, dotted leaders): read across.
		if (j-i == 1 && !ls[i].merged) || isTable(ls[i:j], cols) {
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
	return strings.Join(out, "\n\n")
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

// fits: every segment lies in one column, starting no further left than that column (a
// centred title below the header overlaps the right side but starts left of it) and ending
// before the next column begins.
func fits(segs []segment, cols []span) bool {
	if len(segs) > len(cols) {
		return false
	}
	for _, s := range segs {
		c := columnOf(cols, s)
		if c < 0 {
			return false
		}
		tol := s.y1 - s.y0
		if c > 0 && s.x0 < cols[c].x0-tol {
			return false
		}
		if c+1 < len(cols) && s.x1 >= cols[c+1].x0 {
			return false
		}
	}
	return true
}

func widen(cols []span, s segment) {
	c := &cols[columnOf(cols, s)]
	c.x0, c.x1 = min(c.x0, s.x0), max(c.x1, s.x1)
}

// lastFull is the index of the last line of ls that is a full row, -1 for none.
func lastFull(ls []textLine, cols []span) int {
	for k := len(ls) - 1; k >= 0; k-- {
		if fullRow(ls[k], cols) {
			return k
		}
	}
	return -1
}

// fullRow: l has a cell in every column (a scribble's mark beside a line in one column is no
// cell of another).
func fullRow(l textLine, cols []span) bool {
	in := make([]bool, len(cols))
	n := 0
	for _, s := range l.segs {
		if c := columnOf(cols, s); c >= 0 && !in[c] {
			in[c] = true
			n++
		}
	}
	return n == len(cols)
}

// isTable: a run is a table when it has three columns or more, or when at least three of its
// lines fill every column and four in five of each column's cells start at the same place
// (left-aligned cells), where the two sides of a form's header and signature are centred
// lines of differing starts.
func isTable(ls []textLine, cols []span) bool {
	if len(cols) >= 3 {
		return true
	}
	full := 0
	starts := make([][]int, len(cols))
	var hs []int
	for _, l := range ls {
		if fullRow(l, cols) {
			full++
		}
		for _, s := range l.segs {
			c := columnOf(cols, s)
			starts[c] = append(starts[c], s.x0)
			hs = append(hs, s.y1-s.y0)
		}
	}
	if full < 3 {
		return false
	}
	// The tolerance is a line's height: the median segment's, not the tallest, which is what
	// OCR made of a signature's strokes (95 px against 32) and let two centred signature
	// blocks pass for a table, read row by row.
	slices.Sort(hs)
	h := hs[len(hs)/2]
	// Most cells of each column start where the column's median cell does (a wrapped value
	// or a date line under the table may not).
	for _, st := range starts {
		slices.Sort(st)
		m, near := st[len(st)/2], 0
		for _, x := range st {
			if x-m <= h && m-x <= h {
				near++
			}
		}
		if near*5 < len(st)*4 {
			return false
		}
	}
	return true
}

// mergeSideBlocks joins two consecutive Tesseract blocks that stand side by side, apart by a
// gap no word spacing makes (a form's labels and their values, the two sides of a header that
// it found as blocks), into one block whose lines pair up by height: the run logic then reads
// a table row by row and sides one after the other. Two columns of running text (lines filling
// their column) are left as Tesseract found them.
func mergeSideBlocks(ls []textLine) []textLine {
	type blk struct {
		lo, hi         int // line indexes
		x0, y0, x1, y1 int
		h              int
	}
	var bs []blk
	for i := 0; i < len(ls); {
		j := i
		b := blk{lo: i, x0: 1 << 30, y0: 1 << 30}
		for j < len(ls) && ls[j].block == ls[i].block {
			for _, sg := range ls[j].segs {
				b.x0, b.y0, b.x1, b.y1 = min(b.x0, sg.x0), min(b.y0, sg.y0), max(b.x1, sg.x1), max(b.y1, sg.y1)
				b.h = max(b.h, sg.y1-sg.y0)
			}
			j++
		}
		b.hi = j
		bs = append(bs, b)
		i = j
	}
	single := func(b blk) bool {
		for _, l := range ls[b.lo:b.hi] {
			if len(l.segs) != 1 {
				return false
			}
		}
		return true
	}
	// prose: most lines fill the block and hold several words (running text, justified).
	prose := func(b blk) bool {
		if b.hi-b.lo < 4 {
			return false
		}
		full := 0
		for _, l := range ls[b.lo:b.hi] {
			if sg := l.segs[0]; (sg.x1-sg.x0)*10 >= (b.x1-b.x0)*9 && len(sg.words) >= 5 {
				full++
			}
		}
		return full*10 >= (b.hi-b.lo)*6
	}
	var out []textLine
	for k := 0; k < len(bs); k++ {
		a := bs[k]
		if k+1 < len(bs) {
			b := bs[k+1]
			l, r := a, b
			if b.x1 < a.x0 {
				l, r = b, a
			}
			h := max(a.h, b.h)
			overlap := min(a.y1, b.y1) - max(a.y0, b.y0)
			if single(a) && single(b) && r.x0-l.x1 > int(gapFactor*float64(h)) &&
				overlap*2 > min(a.y1-a.y0, b.y1-b.y0) && !prose(a) && !prose(b) {
				out = append(out, pairLines(ls[l.lo:l.hi], ls[r.lo:r.hi], a.lo)...)
				k++
				continue
			}
		}
		out = append(out, ls[a.lo:a.hi]...)
	}
	return out
}

// pairLines merges the lines of a left and a right block by height: lines whose middles are
// within half a line of each other become one line of two segments; the others stay alone.
func pairLines(left, right []textLine, block int) []textLine {
	mid := func(l textLine) int { return (l.segs[0].y0 + l.segs[0].y1) / 2 }
	var out []textLine
	i, j := 0, 0
	for i < len(left) || j < len(right) {
		switch {
		case j == len(right) || (i < len(left) && mid(left[i]) < mid(right[j]) && !near(left[i], right[j])):
			out = append(out, textLine{block: block, segs: left[i].segs, merged: true})
			i++
		case i == len(left) || (mid(right[j]) < mid(left[i]) && !near(left[i], right[j])):
			out = append(out, textLine{block: block, segs: right[j].segs, merged: true})
			j++
		default:
			out = append(out, textLine{block: block, segs: []segment{left[i].segs[0], right[j].segs[0]}, merged: true})
			i++
			j++
		}
	}
	return out
}

func near(a, b textLine) bool {
	sa, sb := a.segs[0], b.segs[0]
	h := max(sa.y1-sa.y0, sb.y1-sb.y0)
	d := (sa.y0 + sa.y1 - sb.y0 - sb.y1) / 2
	return d*2 <= h && -d*2 <= h
}
