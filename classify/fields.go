package classify

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fields are the key fields read from a document, normalised. They are personal data: never
// logged, masked in list APIs (Masked).
type Fields struct {
	Number      string   `json:"number,omitempty"`      // "125/QĐ-UBND", a certificate's serial in its register ("CS 04512")
	IssuedOn    string   `json:"issued_on,omitempty"`   // ISO date, "2024-10-28"
	Authority   string   `json:"authority,omitempty"`   // the issuing body, as printed
	CitizenIDs  []string `json:"citizen_ids,omitempty"` // 12 digits
	OldIDs      []string `json:"old_ids,omitempty"`     // 9 digits, after their label (CMND)
	Names       []string `json:"names,omitempty"`       // people named after their labels, and signers
	DossierCode string   `json:"dossier_code,omitempty"`
	// What a desk looks for on some types.
	Parcel         string `json:"parcel,omitempty"`          // thửa đất số, on land documents
	MapSheet       string `json:"map_sheet,omitempty"`       // tờ bản đồ số
	EnterpriseCode string `json:"enterprise_code,omitempty"` // mã số doanh nghiệp
	Book           string `json:"book,omitempty"`            // quyển số of a civil-status register
}

// The patterns run on folded text (Fold: lower case, no diacritics, one rune for one rune), so
// OCR's slips in marks do not matter; values are cut from the original at the same runes.
var (
	// "Số: 125/QĐ-UBND", "Số 125/QĐ-UBND" (no colon: then the "/" must be there), "$ố: 19/GKS".
	numberColonRE = regexp.MustCompile(`(?m)(?:^|[\s_.,;|])[s$]o\s*[:.]\s*([0-9]{1,7}(?:[ .]{0,3}/[0-9\pL][0-9\pL/\-]*)?)(?:[^0-9]|$)`)
	numberSlashRE = regexp.MustCompile(`(?m)(?:^|[\s_.,;|])[s$]o\s+([0-9]{1,7}[ .]{0,3}/[0-9\pL][0-9\pL/\-]*)`)
	// A civil-status entry's number before its book: "số 35, quyển số 02/2021".
	numberBookRE = regexp.MustCompile(`(?:^|[\s_.,;|])[s$]o\s*[:.]?\s*([0-9]{1,6})\s*(?:[,;]|\n)\s*quyen\s*so`)
	// The serial of a land certificate in the register: "Số vào sổ cấp GCN: CS 04512".
	serialRE = regexp.MustCompile(`so vao so cap[^:\n]{0,30}[:.]\s*([a-z§$]{1,3}\s?[0-9]{3,7})`) // "D§ 71179": OCR's S
	// Dates.
	// "ngày", "tháng" and "năm" with one letter misread ("ngòy", "thóng"), a space lost before
	// "tháng" with its "t" ("16háng"), a mark before the day or the year ("tháng 08.năm"), as
	// OCR reads them off a phone photo or a noisy scan.
	longDate  = regexp.MustCompile(`ng[a-z]y\s*['‘’"` + "`" + `]?\s*(\d{1,2})\s*t?h[a-z]ng\s+(\d{1,2})\s*[,.]?\s*n[a-z]m\s+(\d{4})`)
	shortDate = regexp.MustCompile(`(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})`)
	dmyDate   = regexp.MustCompile(`(\d{1,2})\s*t?h[a-z]ng\s+(\d{1,2})\s*[,.]?\s*n[a-z]m\s+(\d{4})`) // after a label that ends in "ngày"
	// Where a date is the document's: after a place ("Hà Nội, ngày ..."), after the labels of
	// registration, issue or receipt, or "Hôm nay, ngày" of a contract.
	dateLabelRE = regexp.MustCompile(`(ngay, thang, nam dang ky|ngay dang ky|dang ky ngay|dang ky (?:ket hon|khai sinh|khai tu) ngay|ngay nhan ho so|dang ky lan dau|ngay cap|cap ngay|ngay tiep nhan|ngay nhan|hom nay|thoi gian nhan ho so|dang ky tai [^,\n]{3,80})\s*[:,]?\s*`)
	timeOfDay   = regexp.MustCompile(`^\d{1,2}\s*(?:gio|h)\s*\d{0,2}\s*(?:phut)?\s*[,;]?\s*`)
	changedRE   = regexp.MustCompile(`dang ky thay doi lan thu[^:\n]{0,6}:?\s*`)
	digitsRE    = regexp.MustCompile(`\d+`) // an ID is a run of exactly 12 digits; runs, so two IDs a space apart are both found
	id9RE       = regexp.MustCompile(`(?:cmnd|cmtnd|chung minh nhan dan)[^\d\n]{0,20}(\d{9})(?:[^\d]|$)`)
	dossierRE   = regexp.MustCompile(`ma\s+ho\s+so\s*[:.]?\s*([0-9a-z][0-9a-z.\-]{5,})`)
	parcelRE    = regexp.MustCompile(`thua\s*dat\s*so\s*[:.]?\s*(\d{1,5})`)
	sheetRE     = regexp.MustCompile(`to\s*ban\s*do\s*so\s*[:.]?\s*(\d{1,4})`)
	// In a table whose header has both, the values stand on a later line, in that order.
	parcelTableRE  = regexp.MustCompile(`thua\s*dat\s*so\s*\|?\s*to\s*ban\s*do\s*so[^\n]*\n(?:[^\n]*\n)?\s*(\d{1,5})\s+['‘’"|]?(\d{1,4})\s`) // a mark OCR made of a ruling before the sheet ("725 '58")
	enterpriseRE   = regexp.MustCompile(`ma\s*so\s*doanh\s*nghiep\s*[:.]?\s*(\d{10}(?:-\d{3})?)`)
	bookRE         = regexp.MustCompile(`quyen\s*so\s*[:.]?\s*(\d{1,4}(?:/\d{4})?)`)
	phoneContextRE = regexp.MustCompile(`(dien thoai|sdt|dt|phone|tel|fax|ma so thue|mst|ma so doanh nghiep)\s*[:.]?\s*$`)
)

// ExtractFor reads the common fields and those of type t (its Fields).
func ExtractFor(t Type, text string) Fields {
	f := extract(text, slices.Contains(t.Fields, "serial"))
	has := func(k string) bool { return slices.Contains(t.Fields, k) }
	if !has("parcel") {
		f.Parcel = ""
	}
	if !has("map_sheet") {
		f.MapSheet = ""
	}
	if !has("enterprise_code") {
		f.EnterpriseCode = ""
	}
	if !has("book") {
		f.Book = ""
	}
	return f
}

// Extract reads the key fields of a document's text, of whatever type: the common ones and
// every per-type field found.
func Extract(text string) Fields { return extract(text, true) }

func extract(text string, serial bool) Fields {
	var f Fields
	text = spaced(text)
	folded := Fold(text)
	at := func(m []int, i int) string { return cut(text, folded, m[2*i], m[2*i+1]) }
	head := firstLines(folded, 14)
	if m := serialRE.FindStringSubmatchIndex(folded); m != nil && serial {
		f.Number = strings.NewReplacer("§", "S", "$", "S").Replace(strings.ToUpper(at(m, 1)))
	} else if m := firstNumber(numberColonRE, folded[:head]); m != nil {
		f.Number = at(m, 1)
	} else if m := firstNumber(numberSlashRE, folded); m != nil {
		f.Number = at(m, 1)
	} else if m := numberBookRE.FindStringSubmatchIndex(folded); m != nil {
		f.Number = at(m, 1)
	}
	// A number filled in by hand is printed with spaces before its slash ("Số:  125 /QĐ-STP"),
	// which OCR may read as a full stop ("718./QĐ-STP").
	f.Number = strings.TrimRight(f.Number, "-/.")
	if i := strings.IndexByte(f.Number, '/'); i > 0 {
		f.Number = strings.TrimRight(f.Number[:i], " .") + f.Number[i:]
	}
	if m := enterpriseRE.FindStringSubmatch(folded); m != nil {
		f.EnterpriseCode = m[1]
		if f.Number == "" { // an enterprise's certificate is numbered by its code
			f.Number = m[1]
		}
	}
	f.IssuedOn = issueDate(folded)
	f.Authority = authority(text, folded)
	seen := map[string]bool{}
	for _, m := range digitsRE.FindAllStringIndex(folded, -1) {
		id := folded[m[0]:m[1]]
		if len(id) != 12 || seen[id] || phoneContextRE.MatchString(folded[max(0, m[0]-24):m[0]]) {
			continue
		}
		seen[id] = true
		f.CitizenIDs = append(f.CitizenIDs, id)
	}
	for _, m := range id9RE.FindAllStringSubmatch(folded, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			f.OldIDs = append(f.OldIDs, m[1])
		}
	}
	f.Names = names(text, folded)
	if m := dossierRE.FindStringSubmatchIndex(folded); m != nil {
		f.DossierCode = strings.ToUpper(strings.TrimRight(at(m, 1), ".-"))
	}
	if m := parcelRE.FindStringSubmatch(folded); m != nil {
		f.Parcel = m[1]
	}
	if m := sheetRE.FindStringSubmatch(folded); m != nil {
		f.MapSheet = m[1]
	}
	if f.Parcel == "" || f.MapSheet == "" {
		if m := parcelTableRE.FindStringSubmatch(folded); m != nil {
			f.Parcel, f.MapSheet = m[1], m[2]
		} else if p, sh := parcelColumns(folded); p != "" {
			f.Parcel = p
			if f.MapSheet == "" {
				f.MapSheet = sh
			}
		}
	}
	if m := bookRE.FindStringSubmatch(folded); m != nil {
		f.Book = m[1]
	}
	return f
}

// parcelColumns reads a land table whose header opens with "Thửa đất số" and whose values
// stand below it, as OCR gives such a table: the header on one line and the values on the next
// ("Thửa đất số | Tờ bản đồ số | Diện tích" / "384 VI 219,7": a map sheet OCR garbled), or every
// cell on a line of its own, the header's cells first and the values after them in the same
// order. The parcel is the first value and the map sheet the one under "Tờ bản đồ số", each
// only when it is a number.
func parcelColumns(folded string) (parcel, sheet string) {
	var lines []string
	for _, l := range strings.Split(folded, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	number := func(s string, n int) string {
		if m := leadingNumber.FindStringSubmatch(s); m != nil && len(m[1]) <= n {
			return m[1]
		}
		return ""
	}
	for i, l := range lines {
		head := compact(l)
		if !strings.HasPrefix(head, "thuadatso") || i+1 >= len(lines) {
			continue
		}
		if head != "thuadatso" {
			// One header line: the values on the next.
			vals := strings.Fields(lines[i+1])
			if len(vals) == 0 {
				return "", ""
			}
			parcel = number(vals[0], 5)
			if len(vals) > 1 && parcel != "" && strings.Contains(head, "thuadatsotobandoso") {
				sheet = number(vals[1], 4)
			}
			return parcel, sheet
		}
		// A cell a line: the header's cells up to the first value, then as many values.
		k := i
		for k < len(lines) && number(lines[k], 12) == "" && k-i < 8 {
			k++
		}
		n := k - i
		if n < 2 || k+n > len(lines) {
			return "", ""
		}
		parcel = number(lines[k], 5)
		for j := 1; j < n && parcel != ""; j++ {
			if strings.HasPrefix(compact(lines[i+j]), "tobandoso") {
				sheet = number(lines[k+j], 4)
			}
		}
		return parcel, sheet
	}
	return "", ""
}

// compact is a folded header cell without its spaces and rulings ("thửa đất số |" → "thuadatso").
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '|' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// leadingNumber is a value cell that is a number, alone or before text ("144", "13 ").
var leadingNumber = regexp.MustCompile(`^(\d+)(?:\s|$)`)

// firstNumber is re's first match that is a document's number, not a form's ("Mẫu số 04/HT"),
// a law's ("Thông tư số 01/2021/TT-BKHĐT", "Luật ... số 45/2019/QH14") or a register entry's.
func firstNumber(re *regexp.Regexp, folded string) []int {
	for _, m := range re.FindAllStringSubmatchIndex(folded, -1) {
		before := folded[max(0, m[0]-24) : m[0]+1]
		if strings.Contains(before, "mau") || strings.Contains(before, "thong tu") || strings.Contains(before, "luat") ||
			strings.Contains(before, "nghi dinh") || strings.Contains(before, "cccd") || strings.Contains(before, "cmnd") ||
			registerEntry(before) || otherNumber(before) || streetAfter(folded[m[3]:]) {
			continue
		}
		return m
	}
	return nil
}

// otherNumber: the "số" follows what it numbers, not the document: a register book ("quyển số
// 02/2021", "quyển số 01/2023-SCT/CK"), a parcel or a map sheet ("Thửa đất số: 895", "Tờ bản
// đồ số: 42"), a house or a floor.
func otherNumber(before string) bool {
	// A register book's, even when "quyển" ends the line before ("số 35, quyển" / "Số 02/2021").
	if w := strings.Fields(before[:len(before)-1]); len(w) > 0 && strings.TrimRight(w[len(w)-1], ",.:") == "quyen" {
		return true
	}
	// The others on the same line only ("HỢP ĐỒNG THUÊ NHÀ" / "Số: 49/2024/HĐTN" is the
	// contract's); before ends with the character that precedes "số".
	w := strings.Fields(before[strings.LastIndexByte(before, '\n')+1:])
	if len(w) == 0 {
		return false
	}
	last, prev := strings.TrimRight(w[len(w)-1], ",.:"), ""
	if len(w) > 1 {
		prev = w[len(w)-2]
	}
	return last == "nha" || last == "tang" || last == "lo" || (last == "dat" && prev == "thua") || (last == "do" && prev == "ban")
}

// streetAfter: what follows a number is a street's name ("Số.168 đường Lê Lợi"): a house's
// number in an address, not a document's.
func streetAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " ,")
	for _, w := range []string{"duong ", "pho ", "ngo ", "ngach ", "hem ", "kiet ", "thon ", "xom ", "to dan pho "} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// registerEntry: the number after before is a register's entry ("Vào sổ tiếp nhận hồ sơ số:
// 451") or the "sơ" of "hồ sơ" (a dossier code, "Mã hồ sơ: 000.08.37…"), not a document's.
func registerEntry(before string) bool {
	line := before[strings.LastIndexByte(before, '\n')+1:]
	w := strings.Fields(line)
	return strings.Contains(line, "tiep nhan ho so") || (len(w) > 0 && w[len(w)-1] == "ho")
}

// cut returns the original text at the byte offsets [i, j) of folded, which has the same runes.
func cut(text, folded string, i, j int) string {
	ri, rj := utf8.RuneCountInString(folded[:i]), utf8.RuneCountInString(folded[:j])
	r := []rune(text)
	if rj > len(r) {
		return folded[i:j]
	}
	return string(r[ri:rj])
}

// spaced is text as Fold spaces it (NFC, spaceLines), so that a rune of the folded text is
// the rune of text at the same place: a text layer or a form filled in by software may hold
// runs of spaces ("Số:  125 /QĐ-STP").
func spaced(text string) string { return spaceLines(norm.NFC.String(text)) }

// firstLines is the byte length of s's first n lines.
func firstLines(s string, n int) int {
	i := 0
	for k := 0; k < n; k++ {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return len(s)
		}
		i += j + 1
	}
	return i
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
