package classify

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
	numberColonRE = regexp.MustCompile(`(?m)(?:^|[\s_.,;|])[s$]o\s*[:.]\s*([0-9]{1,7}(?:/[0-9\pL][0-9\pL/\-]*)?)(?:[^0-9]|$)`)
	numberSlashRE = regexp.MustCompile(`(?m)(?:^|[\s_.,;|])[s$]o\s+([0-9]{1,7}/[0-9\pL][0-9\pL/\-]*)`)
	// A civil-status entry's number before its book: "số 35, quyển số 02/2021".
	numberBookRE = regexp.MustCompile(`(?:^|[\s_.,;|])[s$]o\s*[:.]?\s*([0-9]{1,6})\s*[,;]\s*quyen\s*so`)
	// The serial of a land certificate in the register: "Số vào sổ cấp GCN: CS 04512".
	serialRE = regexp.MustCompile(`so vao so cap[^:\n]{0,30}[:.]\s*([a-z]{1,3}\s?[0-9]{3,7})`)
	// Dates.
	longDate  = regexp.MustCompile(`ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s*nam\s+(\d{4})`)
	shortDate = regexp.MustCompile(`(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})`)
	dmyDate   = regexp.MustCompile(`(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s*nam\s+(\d{4})`) // after a label that ends in "ngày"
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

// issuerWords open the name of an issuing body (folded).
var issuerWords = []string{"uy ban nhan dan", "ubnd", "cong an", "so ", "bo ", "phong ", "benh vien", "cuc ", "chi cuc", "chi nhanh ",
	"van phong", "tram y te", "trung tam", "bo phan", "toa an", "vien kiem sat"}

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
	text = strings.ReplaceAll(text, "\r", "")
	folded := Fold(text)
	at := func(m []int, i int) string { return cut(text, folded, m[2*i], m[2*i+1]) }
	head := firstLines(folded, 14)
	if m := serialRE.FindStringSubmatchIndex(folded); m != nil && serial {
		f.Number = strings.ToUpper(at(m, 1))
	} else if m := firstNumber(numberColonRE, folded[:head]); m != nil {
		f.Number = at(m, 1)
	} else if m := firstNumber(numberSlashRE, folded); m != nil {
		f.Number = at(m, 1)
	} else if m := numberBookRE.FindStringSubmatchIndex(folded); m != nil {
		f.Number = at(m, 1)
	}
	f.Number = strings.TrimRight(f.Number, "-/.")
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
			registerEntry(before) || bookNumber(before) {
			continue
		}
		return m
	}
	return nil
}

// bookNumber: the number follows "quyển" ("quyển số 02/2021", "quyển số 01/2023-SCT/CK"): a
// register book's, not the document's.
func bookNumber(before string) bool {
	w := strings.Fields(before[:len(before)-1])
	return len(w) > 0 && strings.TrimRight(w[len(w)-1], ",.:") == "quyen"
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

// issueDate is the document's date: the first after a place name ("Hà Nội, ngày 28 tháng 10
// năm 2024", not a time's "10 phút, ngày ...") or after a label of registration, issue or
// receipt, long or numeric; else none (a birth date is not an issue date).
func issueDate(folded string) string {
	flat := strings.ReplaceAll(folded, "\n", " ")
	for _, m := range longDate.FindAllStringSubmatchIndex(flat, -1) {
		before := strings.TrimRight(flat[:m[0]], " ")
		if !strings.HasSuffix(before, ",") {
			continue
		}
		words := strings.Fields(strings.TrimSuffix(before, ","))
		if len(words) == 0 || isTimeWord(words[len(words)-1]) || strings.HasSuffix(before, "hom nay,") {
			continue
		}
		if d := isoDate(flat[m[2]:m[3]], flat[m[4]:m[5]], flat[m[6]:m[7]]); d != "" {
			return d
		}
	}
	// The latest change of a registration dates the certificate issued for it.
	if m := changedRE.FindStringIndex(flat); m != nil {
		if d := longDate.FindStringSubmatchIndex(flat[m[1]:min(len(flat), m[1]+40)]); d != nil {
			rest := flat[m[1]:]
			if iso := isoDate(rest[d[2]:d[3]], rest[d[4]:d[5]], rest[d[6]:d[7]]); iso != "" {
				return iso
			}
		}
	}
	// Labels may overlap ("Đăng ký kết hôn" / "Ngày tiếp nhận 07/10/2024"): each is tried from
	// one rune past the last one's start.
	for pos := 0; pos < len(flat); {
		m := dateLabelRE.FindStringIndex(flat[pos:])
		if m == nil {
			break
		}
		m[0], m[1] = m[0]+pos, m[1]+pos
		pos = m[0] + 1
		rest := flat[m[1]:min(len(flat), m[1]+60)]
		// A receipt's time before its date: "08 giờ 30 phút, ngày 01 tháng 11 năm 2024".
		if t := timeOfDay.FindStringIndex(rest); t != nil && t[0] == 0 {
			rest = rest[t[1]:]
		}
		for _, re := range []*regexp.Regexp{longDate, dmyDate, shortDate} {
			if d := re.FindStringSubmatchIndex(rest); d != nil && d[0] <= 6 {
				if iso := isoDate(rest[d[2]:d[3]], rest[d[4]:d[5]], rest[d[6]:d[7]]); iso != "" {
					return iso
				}
			}
		}
	}
	// Nothing else dates it: the day it takes effect ("Thời hạn ủy quyền: 06 tháng kể từ ngày
	// 22 tháng 07 năm 2023"), a power of attorney's or a contract's without a date line.
	if m := effectiveRE.FindStringSubmatch(flat); m != nil {
		return isoDate(m[1], m[2], m[3])
	}
	return ""
}

var effectiveRE = regexp.MustCompile(`ke tu ` + longDate.String())

func isTimeWord(w string) bool {
	switch strings.Trim(w, ".:;") {
	case "phut", "gio", "luc", "sinh":
		return true
	}
	return false
}

func isoDate(d, m, y string) string {
	// Atoi, not Sscan: Sscan reads "08" and "09" as octal and fails on them.
	dd, _ := strconv.Atoi(d)
	mm, _ := strconv.Atoi(m)
	yy, _ := strconv.Atoi(y)
	if dd < 1 || dd > 31 || mm < 1 || mm > 12 || yy < 1900 || yy > 2100 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd)
}

// authority reads the issuer block, the upper-case lines at the top before the national
// motto: the last line that opens a body's name, with the lines its name wraps onto
// ("ỦY BAN NHÂN DÂN" / "PHƯỜNG VĨNH NINH"; "UBND THÀNH PHỐ VINH" / "UBND PHƯỜNG HƯNG BÌNH" is
// the ward's). Without such a block, the body named where the document was registered.
func authority(text, folded string) string {
	lines, flines := strings.Split(text, "\n"), strings.Split(folded, "\n")
	// The block's lines, each cut where the motto's column begins when OCR put both on one.
	var block, fblock []string
	i := 0
	for ; i < len(lines) && i < 8; i++ {
		line, fl := lines[i], flines[i]
		for _, motto := range []string{"cong hoa xa hoi", "doc lap - tu do", "doc lap"} {
			if k := strings.Index(fl, motto); k >= 0 {
				line, fl = cut(line, fl, 0, k), fl[:k]
			}
		}
		fl = strings.TrimSpace(fl)
		if fl == "" {
			if len(block) > 0 && strings.TrimSpace(flines[i]) == "" && i+1 < len(lines) && i+1 < 8 {
				// A blank OCR put between the body's lines ("UBND HUYỆN X" / "" / "UBND XÃ Y").
				if nf := strings.TrimSpace(flines[i+1]); !strings.Contains(nf, "cong hoa") && issuerStart(trimMarks(nf)) && mostlyUpper(lines[i+1]) {
					continue
				}
			}
			if len(block) > 0 || strings.Contains(flines[i], "cong hoa") {
				break
			}
			continue
		}
		if numberColonRE.MatchString(fl) || numberSlashRE.MatchString(fl) {
			continue // the number under the block, not a body ("Số 125/QĐ-UBND", "Sở Y tế")
		}
		if !mostlyUpper(line) && !(len(block) > 0 && issuerStart(fl) && len(strings.Fields(fl)) <= 8) {
			// A body's unit may be printed in small letters under it ("UBND XÃ BÁT TRÀNG" /
			// "Bộ phận Một cửa"); any other small line ends the block.
			if len(block) > 0 {
				break
			}
			continue
		}
		line = unglue(line)
		block, fblock = append(block, line), append(fblock, strings.TrimSpace(Fold(line)))
	}
	// The whole block read after the motto, when Tesseract took the motto's column first (a
	// phone photo): the body's lines, up to the title.
	afterMotto := false
	if len(block) == 0 {
		block, fblock = blockAfterMotto(lines, flines)
		afterMotto = len(block) > 0
	}
	// The block's last line read after the motto (the left column's tail, when Tesseract took
	// the motto's lines first): "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" / motto / "PHÒNG ĐĂNG KÝ KINH DOANH".
	if len(block) > 0 && !afterMotto {
		for k := i; k < len(lines) && k < i+6; k++ {
			fl := strings.TrimSpace(flines[k])
			if fl == "" || strings.Contains(fl, "cong hoa") || strings.Contains(fl, "doc lap") {
				continue
			}
			if issuerStart(fl) && mostlyUpper(lines[k]) {
				block, fblock = append(block, lines[k]), append(fblock, fl)
			}
			break
		}
	}
	start := -1
	for k, fl := range fblock {
		if issuerStart(trimMarks(fl)) {
			start = k
		}
	}
	if start >= 0 {
		var parts []string
		for k := start; k < len(block); k++ {
			if len(parts) > 0 && placeStart(fblock[k]) && hasPlace(Fold(strings.Join(parts, " "))) {
				break // the place of a body already named ("... QUẬN HẢI CHÂU" / "THÀNH PHỐ ĐÀ NẴNG")
			}
			parts = append(parts, cleanWords(block[k]))
		}
		return expandUBND(trimMarks(strings.Join(parts, " ")))
	}
	if a := signedFor(lines, flines); a != "" {
		return a
	}
	if a := speaker(lines, flines); a != "" {
		return a
	}
	flat := strings.ReplaceAll(folded, "\n", " ")
	for _, label := range []string{"noi dang ky khai sinh:", "noi dang ky:", "dang ky ket hon tai", "dang ky tai"} {
		if i := strings.Index(flat, label); i >= 0 {
			rest := strings.TrimSpace(flat[i+len(label):])
			if strings.HasPrefix(rest, "uy ban nhan dan ") || strings.HasPrefix(rest, "cong an ") {
				j := strings.IndexAny(rest, ",;")
				if j < 0 {
					j = min(len(rest), 60)
				}
				off := len(flat) - len(rest)
				return cut(strings.ReplaceAll(text, "\n", " "), flat, off, off+j)
			}
		}
	}
	return ""
}

// blockAfterMotto is an issuer block that follows the motto at the top of the text: upper-case
// lines that name bodies or their places ("BỘ CÔNG AN" / "CÔNG AN PHƯỜNG LÊ LỢI"), ended by
// anything else (the title).
func blockAfterMotto(lines, flines []string) (block, fblock []string) {
	k := 0
	for k < len(flines) && k < 3 && !strings.Contains(flines[k], "cong hoa") {
		k++
	}
	if k == len(flines) || k == 3 {
		return nil, nil
	}
	for k++; k < len(flines) && k < 8; k++ {
		fl := strings.TrimSpace(flines[k])
		if fl == "" || strings.Contains(fl, "doc lap") || strings.Contains(fl, "tu do") {
			if len(block) > 0 {
				break
			}
			continue
		}
		if !mostlyUpper(lines[k]) || !(issuerStart(fl) || (len(block) > 0 && placeStart(fl))) {
			break
		}
		block, fblock = append(block, unglue(lines[k])), append(fblock, strings.TrimSpace(Fold(unglue(lines[k]))))
	}
	return block, fblock
}

// unglue parts two words OCR joined with a hyphen where a place's unit word begins ("ỦY BAN
// NHÂN DÂN-HUYỆN DIỄN CHÂU"); hyphens between names ("Bà Rịa-Vũng Tàu") stay.
func unglue(line string) string {
	words := strings.Fields(line)
	for i, w := range words {
		a, b, ok := strings.Cut(w, "-")
		if !ok || a == "" || b == "" {
			continue
		}
		fb := Fold(b)
		for _, u := range []string{"phuong", "xa", "thi", "quan", "huyen", "thanh", "tinh"} {
			if fb == u {
				words[i] = a + " " + b
				break
			}
		}
	}
	return strings.Join(words, " ")
}

// unitWords open the name of a place of the administrative tree (folded).
var unitWords = []string{"phuong ", "xa ", "thi tran ", "quan ", "huyen ", "thi xa ", "thanh pho ", "tinh "}

func placeStart(fl string) bool {
	for _, p := range unitWords {
		if strings.HasPrefix(fl, p) {
			return true
		}
	}
	return false
}

// hasPlace: the name holds a place ("phường Vĩnh Ninh"), a unit word and a word after it.
func hasPlace(folded string) bool {
	for _, p := range unitWords {
		if i := strings.Index(" "+folded, " "+p); i >= 0 && len(strings.TrimSpace(folded[i+len(p)-1:])) > 0 {
			return true
		}
	}
	return false
}

// cleanWords drops what OCR made of specks and seal edges ("„„.J,") from a line of a name.
func cleanWords(line string) string {
	var out []string
	for _, w := range strings.Fields(line) {
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		core := strings.TrimRight(w, ".,;")
		switch {
		case letters >= 2 || (letters > 0 && letters == utf8.RuneCountInString(core)): // words, "Y" of "Y tế"
			out = append(out, w)
		case len(out) > 0 && letters == 0 && strings.Trim(core, "0123456789") == "" && core != "":
			out = append(out, w) // "HẢI CHÂU 1"
		}
	}
	return strings.Trim(strings.Join(out, " "), ".,_-'\" ")
}

// signedForRE opens a signature's capacity for a body: "TM.", "KT.", "Q.", "TL.", "TUQ."
// ("TM.ỦY BAN" too, as OCR may join them), or "TM", "T/M", "KT" before a space.
var signedForRE = regexp.MustCompile(`^(?:(?:t/m|tm|kt|tuq|tl|q)\s*\.\s*|(?:t/m|tm|kt)\s+)`)

// signedFor is the body a document is signed for ("TM. ỦY BAN NHÂN DÂN" / "THÀNH PHỐ SẦM SƠN"),
// with the line of its place when the name goes on below.
func signedFor(lines, flines []string) string {
	for i, fl := range flines {
		fl = strings.TrimSpace(fl)
		var rest string
		if m := signedForRE.FindStringIndex(fl); m != nil {
			rest = strings.TrimSpace(fl[m[1]:])
		}
		if rest == "" && i > 0 && longDate.MatchString(flines[i-1]) && issuerStart(fl) && i < len(lines) && mostlyUpper(lines[i]) {
			rest = fl // the body's name under the place and date, without "TM." ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")
		}
		if rest == "" || !issuerStart(rest) || i >= len(lines) {
			continue
		}
		k := strings.Index(flines[i], rest)
		name := cleanWords(cut(lines[i], flines[i], k, k+len(rest)))
		if !hasPlace(Fold(name)) && i+1 < len(lines) && placeStart(strings.TrimSpace(flines[i+1])) && mostlyUpper(lines[i+1]) {
			name += " " + cleanWords(lines[i+1])
		}
		if hasPlace(Fold(name)) {
			return expandUBND(name)
		}
	}
	return ""
}

// speaker is the body that speaks in a line of its own making ("Công an phường Phú Hội, thành
// phố Huế, tỉnh Thừa Thiên Huế xác nhận:"): the name up to its first comma, with a place in it.
func speaker(lines, flines []string) string {
	for i, fl := range flines {
		f := strings.TrimSpace(fl)
		if i >= len(lines) || !issuerStart(f) || !(strings.Contains(f, " xac nhan") || strings.Contains(f, " chung nhan")) {
			continue
		}
		j := strings.IndexAny(f, ",;:")
		if j < 0 {
			continue
		}
		k := strings.Index(fl, f)
		name := cleanWords(cut(lines[i], fl, k, k+j))
		if hasPlace(Fold(name)) {
			return expandUBND(name)
		}
	}
	return ""
}

// trimMarks cuts what is not a letter from the start of s: OCR's marks before a line ("„ỦY BAN").
func trimMarks(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
}

func issuerStart(fl string) bool {
	for _, p := range issuerWords {
		if strings.HasPrefix(fl, p) {
			return true
		}
	}
	return false
}

func expandUBND(s string) string {
	if rest, ok := strings.CutPrefix(s, "UBND "); ok {
		return "ỦY BAN NHÂN DÂN " + rest
	}
	return s
}

// mostlyUpper: most of the line's letters are capitals (an issuer block, a title).
func mostlyUpper(s string) bool {
	up, low := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
	}
	return up >= 3 && up > 3*low
}

// nameLabel matches the labels before a person's name (folded): "Họ, chữ đệm, tên người mẹ:",
// "Họ và tên:", "Ông/Bà:", "Dự định đặt tên con là:", "Người nộp", and a signature's "(Ký, ghi
// rõ họ tên)" line, after which the signer's name stands.
var nameLabel = regexp.MustCompile(`(ho[,;]?\s*(?:chu dem[,;]?\s*(?:va\s*)?|va\s*)?ten(?:\s+(?:nguoi\s+)?(?:me|cha|chong|vo|nguoi yeu cau|nguoi di khai sinh|chu ho|bo, me hoac nguoi nuoi duong))?|ong/ba|ong \(ba\)|du dinh dat ten con la|nguoi nop|nguoi do de|chu doanh nghiep|theo de nghi cua cong dan|tiep nhan ho so cua|nguoi dai dien theo phap luat|dai dien|toi la \(ghi ho ten bang chu in hoa\)|toi la|ben uy quyen|ben nhan uy quyen|ben (?:a|b|cho thue|thue|ban|mua|chuyen nhuong|nhan chuyen nhuong|tang cho|duoc tang cho)(?:\s*\([^)\n]{1,40}\))?\s*:|full name)\s*[:.]?\s*`)

// colonLabel names a person's role before a colon ("Chủ hộ: Nguyễn Văn An", "Người làm chứng:
// …"); without its colon such words are a table's header ("Quan hệ với chủ hộ").
var colonLabel = regexp.MustCompile(`(?:^|[^\pL])(?:chu ho|nguoi (?:giam ho|lam chung|khai|nhan|lap|duoc cap|yeu cau|ky))\s*:\s*`)

var signatureLine = regexp.MustCompile(`^\(ky[ ,][^)]*\)`)

// names reads the people a document names: after their labels, after "Ông"/"Bà", and the
// signer under a signature line. Two names side by side (two columns read as one line) are
// told apart by a family name starting the second.
func names(text, folded string) []string {
	lines, flines := strings.Split(text, "\n"), strings.Split(folded, "\n")
	var out []string
	seen := map[string]bool{}
	add := func(n string) {
		for _, n := range splitNames(n) {
			if k := Fold(n); !seen[k] {
				seen[k] = true
				out = append(out, n)
			}
		}
	}
	// A name not after a "họ … tên" label must begin with a family name: a signature's line
	// may as well be a place ("Thanh Hóa, ngày ...").
	family := func(n string) string {
		if w := strings.Fields(n); len(w) > 0 && familyNames[Fold(w[0])] {
			return n
		}
		return ""
	}
	// next is the first line after i that is not blank (a label's value may stand one blank
	// line below it, as OCR puts a bilingual card's lines).
	next := func(i int) int {
		for k := i + 1; k < len(lines) && k <= i+2; k++ {
			if strings.TrimSpace(lines[k]) != "" {
				return k
			}
		}
		return -1
	}
	for i, fl := range flines {
		if i >= len(lines) {
			break
		}
		for _, m := range nameLabel.FindAllStringIndex(fl, -1) {
			if strings.HasSuffix(strings.TrimSpace(fl[:m[0]]), "ghi ro") {
				continue // a signature's instruction "(Ký, ghi rõ họ tên)": the signer's rule reads below it
			}
			n := nameAt(cut(lines[i], fl, m[1], len(fl)))
			if c := strings.IndexByte(fl[m[1]:], ':'); n == "" && c > 0 && c <= 40 && !strings.ContainsAny(fl[m[1]:m[1]+c], "0123456789") {
				// The label goes on to its colon ("Họ và tên mẹ / người nuôi dưỡng:", "Người nộp hồ
				// sơ:", "Họ tên người được ủy quyền:").
				n = nameAt(cut(lines[i], fl, m[1]+c+1, len(fl)))
			}
			if n == "" && m[1] == len(strings.TrimRight(fl, " ")) {
				if k := next(i); k > 0 {
					n = nameAt(lines[k]) // the label ends its line: the name is below
				}
			}
			if !strings.HasPrefix(fl[m[0]:], "ho") {
				n = family(n)
			}
			add(n)
		}
		for _, m := range colonLabel.FindAllStringIndex(fl, -1) {
			add(family(nameAt(cut(lines[i], fl, m[1], len(fl)))))
		}
		if tableHeader(fl) {
			for _, n := range tableNames(lines[i+1:]) {
				add(family(n))
			}
		}
		for _, w := range []string{"Ông", "Bà", "ông", "bà"} { // "Xét đề nghị của bà Ngô Diệu Anh"
			for rest := lines[i]; ; {
				j := strings.Index(rest, w+" ")
				if j < 0 {
					// "… của Ông" / "Huỳnh Xuân Khánh, sinh ngày …": the name on the next line.
					if t := strings.TrimRight(rest, " "); strings.HasSuffix(t, " "+w) && i+1 < len(lines) {
						if n := family(nameAt(lines[i+1])); n != "" && allCapsWords(n) {
							add(n)
						}
					}
					break
				}
				rest = rest[j+len(w)+1:]
				n := family(nameAt(rest))
				if n == "" || !allCapsWords(n) {
					continue
				}
				// "… cho Bà Đặng Thanh" / "Nhung, CCCD số …": a name cut by the line's end.
				if strings.TrimSpace(rest) == n && i+1 < len(lines) && len(strings.Fields(n)) < 4 {
					if tail := nameHead(lines[i+1]); tail != "" && len(strings.Fields(n+" "+tail)) <= 5 {
						n += " " + tail
					}
				}
				add(n)
			}
		}
		// Signers under a signature's instruction ("(Ký, ghi rõ họ tên)", "(Ký, đóng dấu)") or
		// under their captions ("Người nộp      Người nhận hồ sơ"): lines of names alone, two
		// side by side, or one per line when the two signature blocks were read row by row.
		// The body signing under the place and date is a caption too ("ỦY BAN NHÂN DÂN TỈNH
		// NGHỆ AN"). The name may stand below a scribble read as lines of marks: four lines
		// that are not blank are looked at.
		bodyCaption := i > 0 && longDate.MatchString(flines[i-1]) && issuerStart(strings.TrimSpace(fl)) && mostlyUpper(lines[i])
		if signatureLine.MatchString(strings.TrimSpace(fl)) || signerCaption.MatchString(fl) || bodyCaption {
			for k, seen := i+1, 0; k < len(lines) && k <= i+8 && seen < 4; k++ {
				if strings.TrimSpace(lines[k]) == "" {
					continue
				}
				seen++
				if k < len(flines) && signerCaption.MatchString(flines[k]) {
					continue // another caption ("CHỦ TỊCH": Chu is also a family name)
				}
				for _, n := range signerNames(lines[k]) {
					add(n)
				}
			}
		}
	}
	return out
}

// signerNames are the names on a line of names alone: capitalised words of letters, in groups
// apart by what OCR made of a signature's strokes ("Lưu Hồng Ngân `: Lý Đức Nam", "Trần Thu
// Thư 1)."), each opening with a family name. A line with a word of running text (lower
// case) is not such a line.
func signerNames(line string) []string {
	var out, group []string
	flush := func() {
		if len(group) > 0 {
			if all := splitNames(strings.Join(group, " ")); len(all) > 0 && allFamily(all) {
				out = append(out, all...)
			}
			group = nil
		}
	}
	words := strings.Fields(dropTitle(trimMarks(line)))
	for k, w := range words {
		if notInNames[strings.ToLower(w)] {
			return nil // a heading ("XÁC NHẬN CỦA ỦY BAN NHÂN DÂN PHƯỜNG TRƯỜNG SƠN")
		}
		// A signature's scribble read as marks glued to the name ("`\/)Đinh Thanh Phúc").
		w = strings.TrimLeftFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		if w == "" {
			flush()
			continue
		}
		r := []rune(w)
		switch {
		case len(r) == 1:
			flush() // a scribble read as a letter ("N Huỳnh Quốc Hiếu"): no name has a word of one
		case unicode.IsUpper(r[0]) && allLetters(r):
			group = append(group, w)
		case unicode.IsLower(r[0]) && allLetters(r) && len(r) <= 2 && k+1 < len(words) && !strings.ContainsFunc(words[k+1], unicode.IsLetter):
			flush() // a scribble's, before marks ("Phạm Thị Trang be - Hồ Thanh Hải")
		case len(r) >= 2 && unicode.IsLower(r[0]) && allLetters(r):
			return nil // running text
		default:
			flush()
		}
	}
	flush()
	return out
}

// notInNames are words of an office's or a place's name that no person's name holds.
var notInNames = map[string]bool{"ủy": true, "uỷ": true, "phường": true, "huyện": true, "tỉnh": true, "quận": true,
	"xã": true, "của": true, "xác": true}

// signerCaption is the caption over a signature (folded): the person's role in the document
// ("Người nộp", "Người nhận hồ sơ", "NGƯỜI ĐI KHAI SINH", "CHỦ TỊCH", "GIÁM ĐỐC", "BÊN A").
var signerCaption = regexp.MustCompile(`(?:^|[^\pL\d])(nguoi nop|nguoi nhan|nguoi khai|nguoi di|nguoi ky|nguoi lap|nguoi yeu cau|nguoi lam chung|nguoi dai dien|nguoi do de|chu ?tich|giam doc|thu truong|truong tram|truong cong an|truong phong|can bo|cong chuc|ben a|ben b|ben cho thue|ben thue|ben ban|ben mua|ben uy quyen|ben nhan uy quyen)(?:\s|$|[,.:(])`)

// tableHeader: a table's header row with a name column and others beside it ("TT | Họ, chữ đệm
// và tên | Ngày sinh | Giới tính | ..."): the names are in the rows below.
func tableHeader(fl string) bool {
	m := nameLabel.FindStringIndex(fl)
	if m == nil || !strings.HasPrefix(fl[m[0]:], "ho") {
		return false
	}
	rest := fl[m[1]:]
	return strings.Contains(rest, "ngay sinh") || strings.Contains(rest, "nam sinh") || strings.Contains(rest, "gioi tinh") ||
		strings.Contains(rest, "quan he") || strings.Contains(rest, "so dinh danh")
}

// rowStart is a table row's number ("1 ", "2. ", "| 3 |").
var rowStart = regexp.MustCompile(`^[|\s]*(?:\d{1,2}|[lI])\s*[.)|]?\s+`) // "1" read "l" or "I" too

// tableNames are the names that open the numbered rows under a table's header (the header may
// wrap onto two lines first; the rows end at the first line that is not one).
func tableNames(lines []string) []string {
	var out []string
	for k, line := range lines {
		m := rowStart.FindStringIndex(line)
		if m == nil {
			if len(out) > 0 || k >= 2 {
				break
			}
			continue
		}
		if n := nameAt(line[m[1]:]); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// nameHead is the rest of a name cut by a line's end: the capitalised words that open line,
// up to a comma (one or two words; more is not a name's tail).
func nameHead(line string) string {
	line = strings.TrimSpace(line)
	i := strings.IndexAny(line, ",;(")
	if i < 0 {
		return ""
	}
	words := strings.Fields(line[:i])
	if len(words) == 0 || len(words) > 2 {
		return ""
	}
	for _, w := range words {
		if r := []rune(w); !unicode.IsUpper(r[0]) || !allLetters(r) {
			return ""
		}
	}
	return strings.Join(words, " ")
}

// allFamily: every name opens with a family name and is not a place that does ("Hà Nội" alone
// under a caption, where a signature's date line was lost).
func allFamily(names []string) bool {
	for _, n := range names {
		if w := strings.Fields(n); len(w) == 0 || !familyNames[Fold(w[0])] || familyPlaces[Fold(n)] {
			return false
		}
	}
	return true
}

// familyPlaces are provinces and cities whose names open with a family name (folded).
var familyPlaces = map[string]bool{"ha noi": true, "ha nam": true, "ha tinh": true, "ha giang": true, "ho chi minh": true,
	"lam dong": true, "cao bang": true, "thai binh": true, "thai nguyen": true, "dong nai": true, "dong thap": true,
	"ha long": true, "ha dong": true, "ha tien": true}

// labelWords begin the label that follows a name on the same line ("Võ Diệu Hương Họ và tên:
// ...", "Đặng Ngọc Giang Giới tính: Nữ"): a name stops before them.
var labelWords = map[string]bool{"họ": true, "giới": true, "quan": true, "năm": true, "sinh": true, "dân": true,
	"nơi": true, "ngày": true, "số": true, "địa": true, "chức": true, "điện": true, "mã": true,
	"của": true, "bên": true, "người": true, "hồ sơ": true}

// nameAt takes the name at the start of s: two to six capitalised words of letters, up to a
// comma, a semicolon or a parenthesis.
func nameAt(s string) string {
	s = dropTitle(trimMarks(s)) // OCR's ".|" after a label, a rank or a profession
	if i := strings.IndexAny(s, ",;(:"); i >= 0 {
		s = s[:i]
	}
	var words []string
	fields := strings.Fields(s)
	closed := false // the name ended with a full stop: its last word is no table's gender column
	for i, w := range fields {
		end := strings.HasSuffix(w, ".") && len(w) > 1 // the sentence's or the cell's end ("Trần Đức Nam.")
		if end {
			w = strings.TrimSuffix(w, ".")
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || !allLetters(r) || (len(words) > 0 && labelWords[strings.ToLower(w)] && !allUpper(w)) {
			break
		}
		if i+1 < len(fields) && Fold(w) == "ho" && Fold(fields[i+1]) == "so" {
			break // "NGƯỜI NỘP HỒ SƠ": a dossier, not the family name Hồ
		}
		words = append(words, w)
		if end {
			closed = true
			break
		}
	}
	// A table's gender column after the name ("Lưu Hữu Sơn Nam").
	if k := len(words); k >= 4 && !closed && (words[k-1] == "Nam" || words[k-1] == "Nữ") {
		words = words[:k-1]
	}
	if len(words) < 2 || len(words) > 8 {
		return ""
	}
	return strings.Join(words, " ")
}

// titles stand before a name: a rank, a profession ("Thiếu tá Phạm Thanh Thảo", "Hộ sinh
// Đặng Minh Thư"), folded, each with its space.
var titles = []string{"thieu ta ", "trung ta ", "thuong ta ", "dai ta ", "thieu uy ", "trung uy ", "thuong uy ", "dai uy ",
	"ho sinh ", "bac si ", "bs. ", "y si ", "dieu duong ", "ky su ", "luat su ", "thac si ", "tien si "}

// dropTitle cuts a title from the start of s.
func dropTitle(s string) string {
	f := Fold(s)
	for _, t := range titles {
		if strings.HasPrefix(f, t) {
			return cut(s, f, len(t), len(f))
		}
	}
	return s
}

func allLetters(r []rune) bool {
	for _, c := range r {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	return true
}

func allUpper(w string) bool { return strings.ToUpper(w) == w }

func allCapsWords(n string) bool {
	for _, w := range strings.Fields(n) {
		if !unicode.IsUpper([]rune(w)[0]) {
			return false
		}
	}
	return true
}

// familyNames are the most common Vietnamese family names (folded), enough to tell where a
// second name begins when two stand on one line.
var familyNames = map[string]bool{"nguyen": true, "tran": true, "le": true, "pham": true, "hoang": true, "huynh": true,
	"phan": true, "vu": true, "vo": true, "dang": true, "bui": true, "do": true, "ho": true, "ngo": true, "duong": true,
	"ly": true, "dinh": true, "mai": true, "truong": true, "luu": true, "dao": true, "doan": true, "cao": true, "lam": true,
	"ha": true, "trinh": true, "ta": true, "chu": true, "luong": true, "to": true, "thai": true, "kieu": true}

// splitNames cuts "Bùi Minh Thắng Huỳnh Hữu Sơn" into two names at the second family name.
func splitNames(n string) []string {
	words := strings.Fields(n)
	if len(words) <= 4 {
		if len(words) >= 2 {
			return []string{n}
		}
		return nil
	}
	for k := 2; k <= len(words)-2; k++ {
		if familyNames[Fold(words[k])] {
			return append(splitNames(strings.Join(words[:k], " ")), splitNames(strings.Join(words[k:], " "))...)
		}
	}
	if len(words) > 6 {
		return nil
	}
	return []string{n}
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
