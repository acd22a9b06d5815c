package evalset

import "strings"

// Fields are what a page holds that a desk looks for, as a person would read them off it.
type Fields struct {
	Number     string   `json:"number,omitempty"`    // the document's number ("125/QĐ-UBND") or serial ("CS 04512")
	IssuedOn   string   `json:"issued_on,omitempty"` // ISO date
	Authority  string   `json:"authority,omitempty"` // the issuing body
	CitizenIDs []string `json:"citizen_ids,omitempty"`
	OldIDs     []string `json:"old_ids,omitempty"`
	Names      []string `json:"names,omitempty"`
	// Per type.
	Parcel         string `json:"parcel,omitempty"`          // thửa đất số
	MapSheet       string `json:"map_sheet,omitempty"`       // tờ bản đồ số
	EnterpriseCode string `json:"enterprise_code,omitempty"` // mã số doanh nghiệp
	Book           string `json:"book,omitempty"`            // quyển số of a civil-status register
	DossierCode    string `json:"dossier_code,omitempty"`
}

// Small builders for the forms, so a form reads like the paper it models.

func t(s string) Text              { return Text{S: s} }
func tb(s string) Text             { return Text{S: s, Bold: true} }
func ti(s string) Text             { return Text{S: s, Italic: true} }
func sz(x Text, size float64) Text { x.Size = size; return x }
func ctr(x Text) Text              { x.Align = Center; return x }
func rgt(x Text) Text              { x.Align = Right; return x }
func kv(label, value string) Text  { return Text{S: label + ": " + value} }

// block is a full-width block of lines.
func block(lines ...Text) Block { return Block{Lines: lines} }

// centred is a block of centred lines at x, w.
func centred(x, w float64, lines ...Text) Block {
	for i := range lines {
		lines[i].Align = Center
	}
	return Block{X: x, W: w, Lines: lines}
}

// motto is the national motto as it heads every administrative page: bold, the second line
// underlined by a short rule.
func motto(x, w, size float64, dash string) Block {
	b := centred(x, w, sz(tb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), size), sz(tb("Độc lập "+dash+" Tự do "+dash+" Hạnh phúc"), size+1))
	b.Rule = 2
	return b
}

// titleLines sets a title, one Text a printed line.
func titleLines(size float64, lines ...string) Block {
	out := make([]Text, len(lines))
	for i, l := range lines {
		out[i] = ctr(sz(tb(l), size))
	}
	return Block{Lines: out}
}

// spaced letter-spaces a title line, as some certificates print it.
func spaced(x Text, ems float64) Text { x.Spacing = ems; return x }

// recipients is the "Nơi nhận" list at the foot of an official letter or decision.
func recipients(x, w float64, items ...string) Block {
	lines := []Text{sz(Text{S: "Nơi nhận:", Bold: true, Italic: true}, 11)}
	for _, it := range items {
		lines = append(lines, sz(t("- "+it), 10.5))
	}
	return Block{X: x, W: w, Lines: lines}
}

// signer is a signature block: the capacity, a note in italics, room for the hand signature
// (and the seal when it is an office's), the name.
func signer(x, w float64, capacity []string, note string, name string, seal string) Block {
	var lines []Text
	for _, c := range capacity {
		lines = append(lines, ctr(tb(c)))
	}
	if note != "" {
		lines = append(lines, ctr(sz(ti(note), 11)))
	}
	b := Block{X: x, W: w, Lines: lines, Sign: len(lines), Seal: seal}
	b.Lines = append(b.Lines, ctr(tb(name)))
	return b
}

// kvLines are label: value lines.
func kvLines(pairs ...[2]string) []Text {
	out := make([]Text, len(pairs))
	for i, p := range pairs {
		out[i] = kv(p[0], p[1])
	}
	return out
}

func pair(label, value string) [2]string { return [2]string{label, value} }

// sealOf is an office's seal text.
func sealOf(body string) string { return strings.ToUpper(body) }
