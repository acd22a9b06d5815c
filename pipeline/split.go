package pipeline

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// How a stack's document was told apart.
const (
	SplitByFile     = "file"     // the uploaded file, whole or up to the first split
	SplitByBarcode  = "barcode"  // a code matching the desk's dossier-code pattern began a dossier
	SplitByPatch    = "patch"    // a separator sheet (patch T, or the separator barcode) ended a document
	SplitByTitle    = "title"    // a page whose title block starts a catalogue document
	SplitByOperator = "operator" // a person moved pages
)

// DefaultSplit is the rules a desk has until it says otherwise: the explicit marks a clerk puts
// in a stack. Splitting by title, a guess from the text, is opted into.
const DefaultSplit = "barcode,patch"

// DefaultSeparator is the separator sheet's code: a patch T, or a barcode reading PATCHT
// (what Paperless-ngx separator sheets carry).
const DefaultSeparator = "PATCHT"

// DefaultDossierPattern finds a dossier code of the national public-service portal in a code's
// text ("000.00.12.H29-241015-0001": the receiving agency, the day received, a sequence), also
// inside a URL.
const DefaultDossierPattern = `[0-9A-Z]{2,4}(?:\.[0-9A-Z]{2,4}){2,4}-[0-9]{6}-[0-9]{4,6}`

// SplitRules say how a stack is told apart into dossiers and documents.
type SplitRules struct {
	Barcode, Patch, Title bool
	Pattern               *regexp.Regexp // a dossier code inside a code's value
	Separator             string         // the value of a separator code
}

// ParseSplit reads rules: "barcode,patch,title" in any order and subset, or "off". Pattern and
// separator are the desk's ("" for the defaults).
func ParseSplit(rules, pattern, separator string) (SplitRules, error) {
	r, err := parseRules(rules)
	if err != nil {
		return SplitRules{}, err
	}
	if pattern == "" {
		pattern = DefaultDossierPattern
	}
	if r.Pattern, err = regexp.Compile(pattern); err != nil {
		return SplitRules{}, fmt.Errorf("dossier-code pattern: %w", err)
	}
	if r.Separator = strings.TrimSpace(separator); r.Separator == "" {
		r.Separator = DefaultSeparator
	}
	return r, nil
}

// parseRules reads which rules are on, without the pattern: what the prepare stage asks of
// every page.
func parseRules(rules string) (SplitRules, error) {
	var r SplitRules
	if rules = strings.TrimSpace(rules); rules == "" {
		rules = DefaultSplit
	}
	if rules == "off" {
		return r, nil
	}
	for _, s := range strings.Split(rules, ",") {
		switch strings.TrimSpace(s) {
		case SplitByBarcode:
			r.Barcode = true
		case SplitByPatch:
			r.Patch = true
		case SplitByTitle:
			r.Title = true
		default:
			return SplitRules{}, fmt.Errorf("split rule %q: want barcode, patch, title (joined by commas) or off", s)
		}
	}
	return r, nil
}

// ValidSplit checks rules as a desk or an upload gives them.
func ValidSplit(rules string) error {
	_, err := ParseSplit(rules, "", "")
	return err
}

// ReadsCodes tells whether pages need their codes read.
func (r SplitRules) ReadsCodes() bool { return r.Barcode || r.Patch }

// String is the rules as stored.
func (r SplitRules) String() string {
	var s []string
	for _, on := range []struct {
		on   bool
		name string
	}{{r.Barcode, SplitByBarcode}, {r.Patch, SplitByPatch}, {r.Title, SplitByTitle}} {
		if on.on {
			s = append(s, on.name)
		}
	}
	if len(s) == 0 {
		return "off"
	}
	return strings.Join(s, ",")
}

// StackPage is what splitting knows of a page of an uploaded file.
type StackPage struct {
	Index int
	Codes []string // codes read on the page (scan.ReadCodes)
	Text  string
	Blank bool
}

// Segment is one document of a stack: its pages (in the file's numbering), the separator
// sheets dropped before it, the dossier code it belongs to ("" for the upload's dossier) and
// the rule that began it.
type Segment struct {
	Pages      []int
	Separators []int
	Dossier    string
	By         string
}

// Separator tells a separator sheet by its codes.
func (r SplitRules) separator(codes []string) bool {
	return slices.ContainsFunc(codes, func(c string) bool { return strings.EqualFold(strings.TrimSpace(c), r.Separator) })
}

// DossierCode is the first dossier code among a page's codes, or "".
func (r SplitRules) DossierCode(codes []string) string {
	for _, c := range codes {
		if m := r.Pattern.FindString(c); m != "" {
			return m
		}
	}
	return ""
}

// Split tells a stack's pages apart, in order:
//
//   - a separator sheet (patch rule) ends the document before it and is dropped;
//   - a page with a dossier code other than the current one (barcode rule) begins a new
//     dossier with that code, and is its first page (the receipt on top of each dossier);
//   - a page whose head is a catalogue title (title rule, title(text) != "") begins a new
//     document in the same dossier.
//
// Pages before the first split belong to the upload's dossier (Dossier ""). Blank pages stay
// with the document they are in. A stack with no mark is one segment, by file.
func Split(pages []StackPage, r SplitRules, title func(text string) string) []Segment {
	segs := []Segment{{By: SplitByFile}}
	code := ""
	var seps []int
	begin := func(by string) {
		last := &segs[len(segs)-1]
		if len(last.Pages) == 0 { // nothing yet in this one: it takes the new start
			last.Dossier, last.By = code, by
			return
		}
		segs = append(segs, Segment{Dossier: code, By: by})
	}
	ended := false
	for _, p := range pages {
		if r.Patch && r.separator(p.Codes) {
			seps, ended = append(seps, p.Index), true
			continue
		}
		cur := &segs[len(segs)-1]
		switch c := r.DossierCode(p.Codes); {
		case r.Barcode && c != "" && c != code:
			code = c
			begin(SplitByBarcode)
		case ended:
			begin(SplitByPatch)
		case r.Title && !p.Blank && len(cur.Pages) > 0 && title != nil && title(p.Text) != "":
			begin(SplitByTitle)
		}
		ended = false
		cur = &segs[len(segs)-1]
		cur.Pages = append(cur.Pages, p.Index)
		cur.Separators, seps = append(cur.Separators, seps...), nil
	}
	last := &segs[len(segs)-1]
	last.Separators = append(last.Separators, seps...)
	return segs
}

// Splits tells whether segments change anything: more than one document, or the one going
// to another dossier.
func Splits(segs []Segment) bool {
	return len(segs) > 1 || (len(segs) == 1 && segs[0].Dossier != "")
}

// PageRanges writes page indexes as a person counts pages: [0 1 2 4] is "1-3,5".
func PageRanges(idx []int) string {
	var parts []string
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && idx[j+1] == idx[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, strconv.Itoa(idx[i]+1))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", idx[i]+1, idx[j]+1))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}
