// Package classify tells what an administrative document is from its OCR text: its type from
// the catalogue, whether it is an input of a dossier or the result issued, how sure, and why;
// it reads the document's key fields, and tells which components a dossier still lacks.
//
// Two layers vote. Rules match the catalogue's titles (fuzzily, so OCR slips still match) and
// keywords on diacritic-folded text. A multinomial naive Bayes model over word unigrams and
// bigrams, trained from confirmed labels, covers what the rules cannot see (a page without
// its title, a form whose title was misread). Below ReviewThreshold a document needs review:
// it is never silently guessed.
package classify

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sohoa/sohoa/internal/editdist"
	"github.com/sohoa/sohoa/pipeline"
	"golang.org/x/text/unicode/norm"
)

//go:embed catalogue.json
var catalogueJSON []byte

// Unknown is the type of anything the catalogue does not recognise, foreign pages included.
const Unknown = "unknown"

// ReviewThreshold: below this confidence a document is flagged for review.
const ReviewThreshold = 0.7

// Type is one document type of the catalogue.
type Type struct {
	Code       string   `json:"code"`
	Name       string   `json:"name"`
	Role       string   `json:"role"` // input or result
	Procedures []string `json:"procedures"`
	// Fields this type carries beyond the common ones (number, date, authority, IDs, names):
	// "parcel", "map_sheet", "enterprise_code", "book", and "serial" (its number is the serial
	// of its register: "Số vào sổ cấp GCN: CS 04512").
	Fields   []string `json:"fields,omitempty"`
	Titles   []string `json:"titles"`   // folded (no diacritics, lower case)
	Keywords []string `json:"keywords"` // folded
}

// Procedure is an administrative procedure and the components its dossier needs.
type Procedure struct {
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	Required []string `json:"required"`
	Result   string   `json:"result"`
}

// Catalogue is a versioned set of types and procedures.
type Catalogue struct {
	Version    int         `json:"version"`
	Types      []Type      `json:"types"`
	Procedures []Procedure `json:"procedures"`
}

// Builtin is the catalogue embedded in the binary.
func Builtin() Catalogue {
	var c Catalogue
	if err := json.Unmarshal(catalogueJSON, &c); err != nil {
		panic(fmt.Sprintf("classify: built-in catalogue: %v", err))
	}
	return c
}

// WithOverrides returns the catalogue with types replaced or added by overrides (from
// PostgreSQL), keyed by code.
func (c Catalogue) WithOverrides(over []Type) Catalogue {
	out := c
	folded := make([]Type, len(over))
	for i, o := range over {
		o.Titles, o.Keywords = foldAll(o.Titles), foldAll(o.Keywords)
		folded[i] = o
	}
	out.Types = replaceByCode(c.Types, folded, func(t Type) string { return t.Code })
	return out
}

// WithProcedures is c with procedures replaced or added by code.
func (c Catalogue) WithProcedures(over []Procedure) Catalogue {
	out := c
	out.Procedures = replaceByCode(c.Procedures, over, func(p Procedure) string { return p.Code })
	return out
}

// replaceByCode is base with each entry of over replacing the one of the same code, or added.
func replaceByCode[T any](base, over []T, code func(T) string) []T {
	out := append([]T(nil), base...)
	for _, o := range over {
		replaced := false
		for i := range out {
			if code(out[i]) == code(o) {
				out[i], replaced = o, true
			}
		}
		if !replaced {
			out = append(out, o)
		}
	}
	return out
}

// Change is one edit of the catalogue, as its history keeps it.
type Change struct {
	Kind       string          `json:"kind"` // type or procedure
	Code       string          `json:"code"`
	Definition json.RawMessage `json:"definition"`
	Previous   json.RawMessage `json:"previous,omitempty"` // the override it replaced; none: the built-in entry, or a new one
	By         string          `json:"changed_by"`
	At         time.Time       `json:"changed_at"`
}

// Check reports what makes p unusable: a procedure needs a code, a name and at least one
// required component, each a type of cat.
func (p Procedure) Check(cat Catalogue) error {
	if p.Code == "" || p.Name == "" || len(p.Required) == 0 {
		return fmt.Errorf("a procedure needs a code, a name and at least one required component")
	}
	known := map[string]bool{}
	for _, t := range cat.Types {
		known[t.Code] = true
	}
	for _, r := range append(append([]string{}, p.Required...), p.Result) {
		if r != "" && !known[r] {
			return fmt.Errorf("component %q is not a type of the catalogue", r)
		}
	}
	return nil
}

func foldAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = Fold(s)
	}
	return out
}

// Type returns the type of code.
func (c Catalogue) Type(code string) (Type, bool) {
	for _, t := range c.Types {
		if t.Code == code {
			return t, true
		}
	}
	return Type{}, false
}

// Classifier combines the rules of a catalogue with a trained model (which may be nil).
type Classifier struct {
	cat   Catalogue
	model *Model
}

// New builds a classifier.
func New(cat Catalogue, model *Model) *Classifier { return &Classifier{cat: cat, model: model} }

// Default is the built-in catalogue with a model trained on the built-in seed labels.
func Default() *Classifier {
	m, _ := Train(SeedLabels(), 0) // nil without seed labels: rules alone
	return New(Builtin(), m)
}

// Catalogue returns the classifier's catalogue.
func (c *Classifier) Catalogue() Catalogue { return c.cat }

// Model returns the classifier's model, or nil.
func (c *Classifier) Model() *Model { return c.model }

// titleLines is how far from the top a document's title may stand (issuer block, national
// header, the title itself).
const titleLines = 14

type ruleMatch struct {
	code    string
	title   string
	sim     float64
	keyword []string
}

// titleCandidates are the head's lines and, for titles printed over two or three lines
// ("GIẤY CHỨNG NHẬN" / "QUYỀN SỬ DỤNG ĐẤT, ..."), each line joined with the lines after it.
func titleCandidates(head []string) []string {
	var out []string
	for i := range head {
		joined := head[i]
		out = append(out, joined)
		for j := i + 1; j < len(head) && j <= i+2; j++ {
			joined += " " + head[j]
			out = append(out, joined)
		}
	}
	return out
}

// rules finds the best title match (similarity >= 0.8, longest title first on ties) and the
// keywords found for each type.
func (c *Classifier) rules(lines []string, body string) (best ruleMatch) {
	var head []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			head = append(head, l)
		}
		if len(head) == titleLines {
			break
		}
	}
	cands := titleCandidates(head)
	bestScore := 0.0
	for _, t := range c.cat.Types {
		m := ruleMatch{code: t.Code}
		for _, title := range t.Titles {
			for _, l := range cands {
				if strings.Contains(l, ": ") {
					continue // a label and its value ("Hồ sơ: Đăng ký khai sinh"), not a title
				}
				if s := titleSimilarity(l, title); s >= titleThreshold(title) && (s > m.sim || (s == m.sim && len(title) > len(m.title))) {
					m.sim, m.title = s, title
				}
			}
		}
		for _, k := range t.Keywords {
			if strings.Contains(body, k) {
				m.keyword = append(m.keyword, k)
			}
		}
		// A longer title that matches is more specific: "giay chung nhan ket hon" over a
		// "quyet dinh" line.
		score := 0.0
		if m.sim > 0 {
			score = 10 + m.sim*float64(len(m.title))/10
		}
		score += float64(min(len(m.keyword), 3))
		if score > bestScore {
			bestScore, best = score, m
		}
	}
	if best.sim == 0 && len(best.keyword) < 2 {
		return ruleMatch{} // one keyword alone is no evidence
	}
	return best
}

// titleThreshold is how alike a line must be to a title: 80 %, but a short title must match
// within one slip in ten ("hoa don", an invoice, is two slips from "hop dong").
func titleThreshold(title string) float64 {
	if utf8.RuneCountInString(title) < 12 {
		return 0.9
	}
	return 0.8
}

// ModelAlone is the probability above which the model alone names a type when neither a title
// nor the catalogue's keywords were read; below it the page is unknown. Either way such a page
// goes to review.
const ModelAlone = 0.9

// Classify returns the document's type, role, confidence and a reason a person can read.
func (c *Classifier) Classify(text string) pipeline.Classification {
	folded := Fold(text)
	lines := strings.Split(folded, "\n")
	body := strings.Join(lines, " ")
	r := c.rules(lines, body)
	var top *Prob
	if c.model != nil {
		if probs := c.model.Predict(body); len(probs) > 0 {
			top = &probs[0]
		}
	}
	out := arbitrate(r, top, c.modelVersion())
	if t, ok := c.cat.Type(out.Type); ok {
		out.Role = t.Role
	}
	out.NeedsReview = out.Confidence < ReviewThreshold
	t, _ := c.cat.Type(out.Type)
	out.Fields, _ = json.Marshal(ExtractFor(t, text))
	return out
}

func (c *Classifier) modelVersion() int {
	if c.model == nil {
		return 0
	}
	return c.model.Version
}

// arbitrate decides between the three signals, in this order of strength: a title (read where
// titles stand), the catalogue's keywords (two or more of one type), the model. The strongest
// signal present names the type; a weaker one that agrees raises the confidence; a strong
// signal against it sends the document to review (confidence below ReviewThreshold) rather
// than letting one silently win. Every step is said in the reason.
func arbitrate(r ruleMatch, top *Prob, version int) pipeline.Classification {
	out := pipeline.Classification{Type: Unknown}
	var why []string
	review := func(format string, a ...any) {
		out.Confidence = min(out.Confidence, ReviewThreshold-0.1)
		why = append(why, fmt.Sprintf(format, a...)+": review")
	}
	modelSays := func() string { return fmt.Sprintf("model v%d says %s (%.0f%%)", version, top.Type, 100*top.P) }
	switch {
	case r.sim > 0: // a title
		out.Type = r.code
		out.Confidence = 0.75 + 0.2*(r.sim-0.8)/0.2 + 0.02*float64(min(len(r.keyword), 3))
		why = append(why, fmt.Sprintf("title %q (%.0f%% alike)", r.title, 100*r.sim))
		if len(r.keyword) > 0 {
			why = append(why, "keywords "+quoteAll(r.keyword))
		}
		switch {
		case top == nil:
		case top.Type == out.Type:
			out.Confidence = max(out.Confidence, 0.9+0.09*top.P)
			why = append(why, fmt.Sprintf("model v%d agrees (%.0f%%)", version, 100*top.P))
		case top.P >= 0.5:
			out.Confidence -= 0.3 * top.P
			review("%s", modelSays())
		default:
			out.Confidence -= 0.3 * top.P
			why = append(why, modelSays())
		}
	case r.code != "": // keywords only
		out.Type = r.code
		out.Confidence = 0.5 + 0.02*float64(min(len(r.keyword), 3))
		why = append(why, "no title read; keywords "+quoteAll(r.keyword))
		switch {
		case top == nil:
		case top.Type == out.Type:
			out.Confidence = max(out.Confidence, 0.8+0.1*top.P)
			why = append(why, fmt.Sprintf("model v%d agrees (%.0f%%)", version, 100*top.P))
		case top.P >= ModelAlone:
			// The model saw the whole page; keywords are a few phrases: its type, for review.
			out.Type = top.Type
			review("%s, over the keywords", modelSays())
		default:
			review("%s", modelSays())
		}
	case top != nil && top.P >= ModelAlone:
		out.Type = top.Type
		out.Confidence = 0.6 * top.P
		why = append(why, "no title or keyword read; "+modelSays())
		review("the model alone")
	case top != nil:
		why = append(why, fmt.Sprintf("no title or keyword read; model v%d's best, %s, only %.0f%%: unknown", version, top.Type, 100*top.P))
	default:
		why = append(why, "no title, keyword or learned pattern of the catalogue found")
	}
	out.Confidence = max(0, min(0.99, out.Confidence))
	out.Reason = strings.Join(why, "; ")
	return out
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// titleSimilarity compares a title with the start of a line, forgiving OCR slips:
// 1 - edit distance / title length, on the line's prefix of the title's length (and the whole
// line, for a title with noise around it), and the same without spaces, for letter-spaced
// titles ("G I Ấ Y  K H A I  S I N H") and words OCR split or ran together.
func titleSimilarity(line, title string) float64 {
	best := prefixSimilarity([]rune(line), []rune(title))
	if s := prefixSimilarity([]rune(strings.ReplaceAll(line, " ", "")), []rune(strings.ReplaceAll(title, " ", ""))); s > best {
		best = s
	}
	return best
}

func prefixSimilarity(l, t []rune) float64 {
	if len(l) < len(t)*8/10 {
		return 0
	}
	best := 0.0
	for _, cand := range [][]rune{l[:min(len(l), len(t))], l} {
		if len(cand) > len(t)*13/10 {
			continue
		}
		best = max(best, 1-float64(editdist.Runes(cand, t))/float64(len(t)))
	}
	return best
}

// FoldRune lowers r and drops its diacritics, one rune for one rune ("Ệ" -> "e", "đ" -> "d"),
// so positions in folded text are positions in the original (search snippets rely on it).
func FoldRune(r rune) rune {
	if r == 'đ' || r == 'Đ' {
		return 'd'
	}
	if d := []rune(norm.NFD.String(string(r))); len(d) > 0 && !unicode.Is(unicode.Mn, d[0]) {
		r = d[0]
	}
	return unicode.ToLower(r)
}

// Fold lowers case and removes Vietnamese diacritics ("Đăng ký" -> "dang ky"), keeping line
// breaks and folding other white space, so rules match whatever marks OCR got wrong.
func Fold(s string) string {
	fold := func(r rune) rune {
		if unicode.Is(unicode.Mn, r) { // a mark that composes with nothing
			return -1
		}
		return FoldRune(r)
	}
	return spaceLines(strings.Map(fold, norm.NFC.String(s)))
}

// spaceLines makes each line's runs of white space one space and trims the line.
func spaceLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

// Missing returns what a dossier of procedure lacks (see Catalogue.Missing).
func (c *Classifier) Missing(procedure string, have []string) (string, []string) {
	return c.cat.Missing(procedure, have)
}

// Missing returns the components a dossier of procedure lacks, given the types it has. When
// procedure is empty it is inferred: the procedure whose components the types cover most.
func (c Catalogue) Missing(procedure string, have []string) (proc string, missing []string) {
	present := map[string]bool{}
	for _, h := range have {
		present[h] = true
	}
	if procedure == "" {
		best := 0
		for _, p := range c.Procedures {
			n := 0
			for _, r := range p.Required {
				if present[r] {
					n++
				}
			}
			if present[p.Result] {
				n += 2 // the issued result names its procedure best
			}
			if n > best {
				best, procedure = n, p.Code
			}
		}
		if best == 0 {
			return "", nil
		}
	}
	for _, p := range c.Procedures {
		if p.Code == procedure {
			for _, r := range p.Required {
				if !present[r] {
					missing = append(missing, r)
				}
			}
		}
	}
	sort.Strings(missing)
	return procedure, missing
}

// Title returns the catalogue type whose title stands at the head of a page's text, or "": a
// title alone, without keywords or the model, is what tells that a page starts a document
// (splitting a stack by title).
func (c *Classifier) Title(text string) string {
	folded := Fold(text)
	r := c.rules(strings.Split(folded, "\n"), "")
	if r.sim == 0 {
		return ""
	}
	return r.code
}
