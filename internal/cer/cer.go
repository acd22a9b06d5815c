// Package cer is the character error rate, defined once for every test, gate and benchmark:
// both texts NFC, runs of white space made one space (line breaks are layout, not text),
// typographic quotes and dashes folded to their ASCII forms, then the Levenshtein distance over
// code points divided by the reference's length.
package cer

import (
	"strings"
	"unicode"

	"github.com/sohoa/sohoa/internal/editdist"
	"golang.org/x/text/unicode/norm"
)

// folds are the typographic forms a reference and a reading may spell differently without
// either being wrong: a page printed with curly quotes is read with straight ones as often.
var folds = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`,
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2015", "-", "\u2212", "-",
	"\u00a0", " ", "\ufb01", "fi", "\ufb02", "fl",
)

// Normalize is the form both texts are compared in.
func Normalize(s string) string {
	s = folds.Replace(norm.NFC.String(s))
	return strings.Join(strings.Fields(s), " ")
}

// Distance is the edit distance between the normalised texts, and the reference's length.
func Distance(got, want string) (edits, length int) {
	a, b := []rune(Normalize(got)), []rune(Normalize(want))
	return editdist.Runes(a, b), len(b)
}

// Rate is the character error rate of got against want (0 when want is empty and got is too).
func Rate(got, want string) float64 {
	e, n := Distance(got, want)
	if n == 0 {
		if e == 0 {
			return 0
		}
		return 1
	}
	return float64(e) / float64(n)
}

// Best is Rate against the closest of several references: a page whose blocks a person may
// read in more than one order (the issuing body or the national motto first) has one
// reference for each. It returns the index of that reference.
func Best(got string, wants []string) (rate float64, index int) {
	rate = -1
	for i, w := range wants {
		if r := Rate(got, w); rate < 0 || r < rate {
			rate, index = r, i
		}
	}
	return max(rate, 0), index
}

// Counts adds up errors over many pages, so that a set's figure is the micro average (every
// character weighs the same) beside the per-page median.
type Counts struct {
	Edits, Length int
	// MarkEdits and Marked are the diacritic figure (see Marks).
	MarkEdits, Marked int
}

// Add counts one page: got against want.
func (c *Counts) Add(got, want string) {
	e, n := Distance(got, want)
	c.Edits += e
	c.Length += n
	me, m := Marks(got, want)
	c.MarkEdits += me
	c.Marked += m
}

// Rate is the micro-averaged character error rate.
func (c Counts) Rate() float64 {
	if c.Length == 0 {
		return 0
	}
	return float64(c.Edits) / float64(c.Length)
}

// MarkRate is the share of the reference's marked letters read with wrong marks.
func (c Counts) MarkRate() float64 {
	if c.Marked == 0 {
		return 0
	}
	return float64(c.MarkEdits) / float64(c.Marked)
}

// Marks is the diacritic figure of Vietnamese text: a lost or wrong tone mark, or ư/ơ/ă/â/ê/ô/đ
// read as its bare letter, changes the word while costing one character like any other error.
// edits is how many of the errors disappear once every mark is stripped from both texts (the
// letters were right, the marks wrong); marked is how many letters of the reference carry a
// mark. edits/marked is the mark error rate.
func Marks(got, want string) (edits, marked int) {
	a, b := []rune(Normalize(got)), []rune(Normalize(want))
	for _, r := range b {
		if Strip(r) != r {
			marked++
		}
	}
	if marked == 0 {
		return 0, 0
	}
	all := editdist.Runes(a, b)
	bare := editdist.Runes(stripAll(a), stripAll(b))
	return max(0, all-bare), marked
}

// Strip is r without its diacritics: ế → e, ư → u, đ → d. Safe for concurrent use (a shared
// transform.Chain is not: the evaluation, two pages at a time, crashed in one).
func Strip(r rune) rune {
	switch r {
	case 'đ':
		return 'd'
	case 'Đ':
		return 'D'
	}
	var base []rune
	for _, c := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, c) {
			base = append(base, c)
		}
	}
	if len(base) != 1 {
		return r
	}
	return base[0]
}

func stripAll(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = Strip(r)
	}
	return out
}

// Merge adds another count to c.
func (c *Counts) Merge(o Counts) {
	c.Edits += o.Edits
	c.Length += o.Length
	c.MarkEdits += o.MarkEdits
	c.Marked += o.Marked
}
