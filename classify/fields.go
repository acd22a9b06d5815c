package classify

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// Fields are the key fields read from a document, normalised. They are personal data: never
// logged, masked in list APIs (Masked).
type Fields struct {
	Number      string   `json:"number,omitempty"`      // "125/QĐ-UBND"
	IssuedOn    string   `json:"issued_on,omitempty"`   // ISO date, "2024-10-28"
	Authority   string   `json:"authority,omitempty"`   // the issuing body, as printed
	CitizenIDs  []string `json:"citizen_ids,omitempty"` // 12 digits
	OldIDs      []string `json:"old_ids,omitempty"`     // 9 digits
	Names       []string `json:"names,omitempty"`       // people named after their labels
	DossierCode string   `json:"dossier_code,omitempty"`
}

var (
	numberRE  = regexp.MustCompile(`(?m)(?:^|\s)S[ốôoóồ]\s*[:.]\s*([0-9]{1,6}/[0-9A-ZĐ][0-9A-ZĐ/\-]*)`)
	longDate  = regexp.MustCompile(`ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})`)
	placeDate = regexp.MustCompile(`,\s*ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})`)
	id12RE    = regexp.MustCompile(`(?:^|[^\d])(\d{12})(?:[^\d]|$)`)
	id9RE     = regexp.MustCompile(`(?:^|[^\d/])(\d{9})(?:[^\d/]|$)`)
	dossierRE = regexp.MustCompile(`(?i)M[ãa]\s+h[ồô]\s+s[ơo]\s*[:.]?\s*([A-Z0-9][A-Z0-9.\-]{5,})`)
)

// authorityPrefixes open the issuer block of a document (folded).
var authorityPrefixes = []string{"uy ban nhan dan", "ubnd", "cong an", "so ", "bo ", "phong ", "benh vien", "cuc ", "chi cuc", "van phong"}

// nameLabels come before a person's name (folded), in the forms the templates use.
var nameLabels = []string{"ho va ten", "ho, chu dem, ten", "ho, chu dem va ten", "ho, chu dem, ten nguoi yeu cau",
	"ho, chu dem, ten chong", "ho, chu dem, ten vo", "ho, chu dem, ten nguoi cha", "ho, chu dem, ten nguoi me",
	"ho va ten me", "full name", "ben b (nguoi lao dong)", "nguoi su dung dat", "toi la", "tiep nhan ho so cua",
	"nguoi dai dien theo phap luat", "ben uy quyen", "ben nhan uy quyen", "thong tin ben nam", "thong tin ben nu"}

// Extract reads the key fields of a document's text.
func Extract(text string) Fields {
	var f Fields
	if m := numberRE.FindStringSubmatch(text); m != nil {
		f.Number = strings.TrimRight(m[1], "-/")
	}
	folded := Fold(text)
	flat := strings.ReplaceAll(folded, "\n", " ")
	if m := placeDate.FindStringSubmatch(flat); m != nil {
		f.IssuedOn = isoDate(m[1], m[2], m[3])
	} else if m := longDate.FindStringSubmatch(flat); m != nil {
		f.IssuedOn = isoDate(m[1], m[2], m[3])
	}
	lines := strings.Split(text, "\n")
	flines := strings.Split(folded, "\n")
	for i := 0; i < len(lines) && i < 4; i++ {
		for _, p := range authorityPrefixes {
			if strings.HasPrefix(strings.TrimSpace(flines[i]), p) && f.Authority == "" {
				f.Authority = strings.TrimSpace(lines[i])
			}
		}
	}
	seen := map[string]bool{}
	for _, m := range id12RE.FindAllStringSubmatch(text, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			f.CitizenIDs = append(f.CitizenIDs, m[1])
		}
	}
	for _, m := range id9RE.FindAllStringSubmatch(text, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			f.OldIDs = append(f.OldIDs, m[1])
		}
	}
	for i, fl := range flines {
		for _, label := range nameLabels {
			if !strings.HasPrefix(strings.TrimSpace(fl), label) {
				continue
			}
			if n := nameAfterLabel(lines[i]); n != "" && !seen[n] {
				seen[n] = true
				f.Names = append(f.Names, n)
			}
			break
		}
	}
	if m := dossierRE.FindStringSubmatch(text); m != nil {
		f.DossierCode = strings.TrimRight(m[1], ".-")
	}
	return f
}

func isoDate(d, m, y string) string {
	var dd, mm, yy int
	fmt.Sscan(d, &dd)
	fmt.Sscan(m, &mm)
	fmt.Sscan(y, &yy)
	if dd < 1 || dd > 31 || mm < 1 || mm > 12 || yy < 1900 || yy > 2100 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd)
}

// nameAfterLabel takes the value after the label's colon, up to the next comma or full stop,
// when it looks like a Vietnamese name: two to six capitalised words.
func nameAfterLabel(line string) string {
	_, v, ok := strings.Cut(line, ":")
	if !ok {
		return ""
	}
	v = strings.TrimSpace(v)
	if i := strings.IndexAny(v, ",.;("); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	words := strings.Fields(v)
	if len(words) < 2 || len(words) > 6 {
		return ""
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return ""
		}
		for _, c := range r {
			if !unicode.IsLetter(c) {
				return ""
			}
		}
	}
	return strings.Join(words, " ")
}

// Masked hides personal data for lists: IDs keep three digits each end, names keep the family
// name and initials.
func (f Fields) Masked() Fields {
	m := f
	mask := func(ids []string) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = id[:3] + strings.Repeat("*", len(id)-6) + id[len(id)-3:]
		}
		return out
	}
	m.CitizenIDs, m.OldIDs = mask(f.CitizenIDs), mask(f.OldIDs)
	m.Names = make([]string, len(f.Names))
	for i, n := range f.Names {
		w := strings.Fields(n)
		for j := 1; j < len(w); j++ {
			w[j] = string([]rune(w[j])[0]) + "."
		}
		m.Names[i] = strings.Join(w, " ")
	}
	return m
}
