// Package classify tells what an administrative document is from its OCR text: its type from
// the catalogue, whether it is an input of a dossier or the result issued, how sure, and why.
package classify

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/sohoa/sohoa/pipeline"
	"golang.org/x/text/unicode/norm"
)

//go:embed catalogue.json
var catalogueJSON []byte

// Unknown is the type of anything the catalogue does not recognise.
const Unknown = "unknown"

// Type is one document type of the catalogue.
type Type struct {
	Code       string   `json:"code"`
	Name       string   `json:"name"`
	Role       string   `json:"role"`
	Procedures []string `json:"procedures"`
	Titles     []string `json:"titles"`   // folded (no diacritics, lower case)
	Keywords   []string `json:"keywords"` // folded
}

// Catalogue is a versioned set of types.
type Catalogue struct {
	Version int    `json:"version"`
	Types   []Type `json:"types"`
}

// Rules classifies by title and keyword matches on diacritic-folded text.
type Rules struct {
	cat Catalogue
}

// Default returns the rules of the catalogue built into the binary.
func Default() *Rules {
	var c Catalogue
	if err := json.Unmarshal(catalogueJSON, &c); err != nil {
		panic(fmt.Sprintf("classify: built-in catalogue: %v", err))
	}
	return &Rules{cat: c}
}

// Catalogue returns the types the rules know.
func (r *Rules) Catalogue() Catalogue { return r.cat }

// titleLines is how far from the top a document's title may stand (issuer block, national
// header and the title itself).
const titleLines = 14

// Classify returns the most likely type. A title match decides; keywords break ties and give
// weak evidence when no title was read.
func (r *Rules) Classify(text string) pipeline.Classification {
	lines := strings.Split(Fold(text), "\n")
	var head []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			head = append(head, l)
		}
		if len(head) == titleLines {
			break
		}
	}
	body := strings.Join(lines, " ")
	best := pipeline.Classification{Type: Unknown, Reason: "no title or keyword of the catalogue found"}
	bestScore := 0.0
	for _, t := range r.cat.Types {
		score, why := 0.0, []string{}
		// The longest title that is a whole line (or starts one) wins, so "giay chung nhan ket
		// hon" beats "quyet dinh" in a sentence and "to khai ... khai sinh" beats "giay khai sinh".
		for _, title := range t.Titles {
			for _, l := range head {
				if l == title || strings.HasPrefix(l, title) {
					if s := 10 + float64(len(title))/10; s > score {
						score, why = s, []string{fmt.Sprintf("title %q", title)}
					}
				}
			}
		}
		for _, k := range t.Keywords {
			if strings.Contains(body, k) {
				score++
				why = append(why, fmt.Sprintf("keyword %q", k))
			}
		}
		if score > bestScore {
			bestScore = score
			best = pipeline.Classification{Type: t.Code, Role: t.Role, Reason: strings.Join(why, ", ")}
		}
	}
	switch {
	case bestScore >= 10:
		best.Confidence = min(0.99, 0.85+0.03*(bestScore-10))
	case bestScore > 0:
		best.Confidence = 0.2 * bestScore
	}
	return best
}

// Fold lowers case and removes Vietnamese diacritics ("Đăng ký" -> "dang ky"), so rules match
// whatever marks OCR got wrong.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Join(strings.FieldsFunc(b.String(), func(r rune) bool { return r == ' ' || r == '\t' }), " ")
}
