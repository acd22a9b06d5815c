package classify

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameLabel matches the labels before a person's name (folded): "Họ, chữ đệm, tên người mẹ:",
// "Họ và tên:", "Ông/Bà:", "Dự định đặt tên con là:", "Người nộp", and a signature's "(Ký, ghi
// rõ họ tên)" line, after which the signer's name stands.
var nameLabel = regexp.MustCompile(`(ho[,;]?\s*(?:chu dem[,;]?\s*(?:va\s*)?|va\s*)?ten(?:\s+(?:nguoi\s+)?(?:me|cha|chong|vo|nguoi yeu cau|nguoi di khai sinh|chu ho|bo, me hoac nguoi nuoi duong))?|ong/ba|ong \(ba\)|du dinh dat ten con la|nguoi nop|nguoi do de|chu doanh nghiep|theo de nghi cua cong dan|tiep nhan ho so cua|nguoi dai dien theo phap luat|dai dien|toi la \(ghi ho ten bang chu in hoa\)|toi la|ben uy quyen|ben nhan uy quyen|ben (?:a|b|cho thue|thue|ban|mua|chuyen nhuong|nhan chuyen nhuong|tang cho|duoc tang cho)(?:\s*\([^)\n]{1,40}\))?\s*:|full name)\s*[:.]?\s*`)

// relationEnd is the relation a name label ends with ("tên mẹ", "tên chồng"), folded; the
// words it stands for, with their marks (relationWords).
var (
	relationEnd   = regexp.MustCompile(`ten\s+(me|cha|chong|vo)\s*[:.]?\s*$`)
	relationWords = map[string]bool{"mẹ": true, "cha": true, "chồng": true, "vợ": true}
)

// colonLabel names a person's role before a colon ("Chủ hộ: Nguyễn Văn An", "Người làm chứng:
// …"), a title ("Bà: LÒ MINH THƯ") or a relation in a household's list ("- Con: Mạc Đức
// Quân"); without its colon such words are a table's header ("Quan hệ với chủ hộ").
var colonLabel = regexp.MustCompile(`(?:^|[^\pL])(?:chu ho|nguoi (?:giam ho|lam chung|khai|di khai sinh|di dang ky|nhan|lap|duoc cap|yeu cau|ky))\s*:\s*`)

// relationLabel is a title or a relation before a colon, matched on the line in lower case with
// its marks: folded, "chị:" would be "Địa chỉ:" too.
var relationLabel = regexp.MustCompile(`(?:^|[^\pL])(?:ông|bà|con|vợ|chồng|cháu|cha|mẹ|anh|chị|em)\s*:\s*`)

// signatureLine is a signature's instruction, "(Ký, ghi rõ họ tên)"; a long one may wrap, its
// closing parenthesis on a line OCR lost ("(Ký, ghi rõ họ, chữ đệm, tên, chức vụ, đóng").
var signatureLine = regexp.MustCompile(`^\(ky[ ,][^)]*(?:\)|$)`)

// names reads the people a document names: after their labels, after "Ông"/"Bà", and the
// signer under a signature line. Two names side by side (two columns read as one line) are
// told apart by a family name starting the second.
func names(text, folded string) []string {
	// Names' words OCR glued with a full stop or a hyphen are parted once for every rule below
	// (a rune for a rune: folded keeps its offsets).
	if u := unglueName(text); u != text {
		text, folded = u, Fold(u)
	}
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
		if allFamily([]string{n}) {
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
			if r := relationEnd.FindStringSubmatchIndex(fl[m[0]:m[1]]); r != nil && !relationWords[strings.ToLower(cut(lines[i], fl, m[0]+r[2], m[0]+r[3]))] {
				m[1] = m[0] + r[2] // "tên VÕ NGỌC GIANG": a name, not the label "tên vợ" (folded alike)
			}
			n := nameAt(cut(lines[i], fl, m[1], len(fl)))
			if c := strings.IndexByte(fl[m[1]:], ':'); n == "" && c > 0 && c <= 40 && !strings.ContainsAny(fl[m[1]:m[1]+c], "0123456789") {
				// The label goes on to its colon ("Họ và tên mẹ / người nuôi dưỡng:", "Người nộp hồ
				// sơ:", "Họ tên người được ủy quyền:").
				n = nameAt(cut(lines[i], fl, m[1]+c+1, len(fl)))
			}
			if n == "" && m[1] == len(strings.TrimRight(fl, " ")) {
				// The label ends its line: the name is below, unless that is a caption or a body
				// (the subject "Về việc cho phép thay đổi họ, chữ đệm, tên" over "GIÁM ĐỐC SỞ TƯ PHÁP").
				if k := next(i); k > 0 && !signerCaption.MatchString(flines[k]) && !issuerStart(trimMarks(strings.TrimSpace(flines[k]))) {
					n = nameAt(lines[k])
				}
				if n == "" {
					n = stackedValue(lines, flines, i)
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
		if low := strings.ToLower(lines[i]); len(low) == len(lines[i]) {
			for _, m := range relationLabel.FindAllStringIndex(low, -1) {
				add(family(nameAt(lines[i][m[1]:])))
			}
		}
		if tableHeader(fl) {
			for _, n := range tableNames(lines[i+1:]) {
				add(family(n))
			}
		}
		for _, w := range []string{"Ông", "Bà", "ông", "bà", "Anh", "Chị", "anh", "chị"} { // "Xét đề nghị của bà Ngô Diệu Anh", "là anh Tạ Xuân Trọng"
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
				prev, _ := utf8.DecodeLastRuneInString(rest[:j])
				whole := j == 0 || !unicode.IsLetter(prev) // "anh", not the end of "Thanh"
				rest = rest[j+len(w)+1:]
				if !whole {
					continue
				}
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
		// "TM. ỦY BAN NHÂN DÂN" opens a signature too: its title below may be what OCR made of
		// it ("CHỦ TLCH"), in capitals, which no signer's name under it is printed in.
		capacity := signedForRE.MatchString(strings.TrimSpace(fl))
		if signatureLine.MatchString(strings.TrimSpace(fl)) || signerCaption.MatchString(fl) || bodyCaption || capacity {
			for k, seen := i+1, 0; k < len(lines) && k <= i+10 && seen < 5; k++ {
				if letterCount(lines[k]) < 3 {
					continue // blank, or a scribble's marks ("`", "¬#\ 2¬")
				}
				seen++
				if k < len(flines) && signerCaption.MatchString(flines[k]) {
					continue // another caption ("CHỦ TỊCH": Chu is also a family name)
				}
				if capacity && allUpper(lines[k]) {
					continue
				}
				for _, n := range signerNames(lines[k]) {
					add(n)
				}
			}
		}
	}
	// The page's last line, a name alone, is its signer's, where OCR lost the caption above it
	// ("CHỦ V4" / "__ Lê Diệu Vy").
	for k := len(lines) - 1; k >= 0; k-- {
		if strings.TrimSpace(lines[k]) != "" {
			if l := strings.TrimSpace(trimMarks(lines[k])); nameAt(l) == l && !allUpper(l) { // in capitals, a caption
				for _, n := range signerNames(l) {
					add(n)
				}
			}
			break
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
		// A scribble read as a short capital word before the name ("ZA Phạm Văn Phúc").
		if len(group) >= 3 && utf8.RuneCountInString(group[0]) == 2 && !familyNames[Fold(group[0])] && familyNames[Fold(group[1])] {
			group = group[1:]
		}
		if len(group) > 0 {
			if all := splitNames(strings.Join(group, " ")); len(all) > 0 && allFamily(all) && oneCase(group) {
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
		case len(r) > 2 && r[len(r)-1] == '.' && unicode.IsUpper(r[0]) && allLetters(r[:len(r)-1]):
			group = append(group, string(r[:len(r)-1])) // "Phan Ngọc Loan.": the name ends there
			flush()
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
	"xã": true, "của": true, "xác": true, "ông": true, "bà": true} // a title is no name's word ("Hồ Ông": a scribble before it)

// signerCaption is the caption over a signature (folded): the person's role in the document
// ("Người nộp", "Người nhận hồ sơ", "NGƯỜI ĐI KHAI SINH", "CHỦ TỊCH", "GIÁM ĐỐC", "BÊN A").
var signerCaption = regexp.MustCompile(`(?:^|[^\pL\d])(nguoi nop|nguoi nhan|nguoi khai|nguoi di|nguoi ky|nguoi lap|nguoi yeu cau|nguoi lam chung|nguoi dai dien|nguoi do de|chu ?tich|giam doc|thu truong|truong tram|truong cong an|truong phong|can bo|cong chuc|ben a|ben b|ben cho thue|ben thue|ben ban|ben mua|ben uy quyen|ben nhan uy quyen)(?:\s|$|[,.:(])`)

// tableHeader: a table's header row with a name column and others beside it ("TT | Họ, chữ đệm
// và tên | Ngày sinh | Giới tính | ..."): the names are in the rows below.
func tableHeader(fl string) bool {
	m := nameLabel.FindStringIndex(fl)
	if m == nil || !strings.HasPrefix(fl[m[0]:], "ho") || strings.Contains(fl[m[0]:m[1]], ":") {
		return false // a label with its colon is followed by its value ("Họ và tên chủ hộ: ... Quan hệ với chủ hộ: ...")
	}
	rest := fl[m[1]:]
	return strings.Contains(rest, "ngay sinh") || strings.Contains(rest, "nam sinh") || strings.Contains(rest, "gioi tinh") ||
		strings.Contains(rest, "quan he") || strings.Contains(rest, "so dinh danh")
}

// rowStart is a table row's number ("1 ", "2. ", "| 3 |").
// The number may be read as a letter or two or a mark ("l", "I", "z", "sj", "¡") or glued to a
// ruling ("1 |Hoàng").
var rowStart = regexp.MustCompile(`^[|\s_]*(?:\d{1,2}\s*[.)|]?\s*|\S{1,2}\s*[.)|]?\s+)`)

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
	"ha long": true, "ha dong": true, "ha tien": true, "lai chau": true, "chau doc": true, "la gi": true}

// labelWords begin the label that follows a name on the same line ("Võ Diệu Hương Họ và tên:
// ...", "Đặng Ngọc Giang Giới tính: Nữ"): a name stops before them.
var labelWords = map[string]bool{"họ": true, "giới": true, "quan": true, "năm": true, "sinh": true, "dân": true,
	"nơi": true, "ngày": true, "số": true, "địa": true, "chức": true, "điện": true, "mã": true,
	"của": true, "bên": true, "người": true, "hồ sơ": true}

// nameAt takes the name at the start of s: two to six capitalised words of letters, up to a
// comma, a semicolon or a parenthesis.
func nameAt(s string) string {
	s = dropTitle(trimMarks(s)) // OCR's ".|" after a label, a rank or a profession
	if w, rest, ok := strings.Cut(s, " "); ok && (w == "l" || w == "I" || w == "i") {
		s = trimMarks(rest) // a table's ruling read as a letter ("Người nộp l Dương Xuân Hiếu")
	}
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
	// A table's gender column after the name ("Lưu Hữu Sơn Nam"); not the given name of a
	// second name of three ("Đinh Bảo Mai Mai Tiến Nam").
	if k := len(words); k >= 4 && !closed && (words[k-1] == "Nam" || words[k-1] == "Nữ") && !(k == 6 && familyNames[Fold(words[3])]) {
		words = words[:k-1]
	}
	if len(words) < 2 || len(words) > 8 {
		return ""
	}
	return strings.Join(words, " ")
}

// gluedWords is a full stop or a hyphen OCR read for the space before a name's next word
// ("BÙI DIỆU.NHUNG", "Lưu Thanh-Nga"): no Vietnamese name holds either between its words.
var gluedWords = regexp.MustCompile(`(\pL)[.\-](\p{Lu})`)

func unglueName(s string) string { return gluedWords.ReplaceAllString(s, "$1 $2") }

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
	"ha": true, "trinh": true, "ta": true, "chu": true, "luong": true, "to": true, "thai": true, "kieu": true,
	// The rarer ones: a desk's people are not only the twenty most common.
	"quach": true, "phung": true, "trieu": true, "lai": true, "dam": true, "nong": true, "hua": true, "tang": true,
	"khong": true, "lo": true, "than": true, "la": true, "cu": true, "giap": true, "au": true, "vuong": true,
	"diep": true, "mac": true, "tong": true, "nghiem": true, "khuc": true, "luc": true, "chau": true, "bach": true,
	"ton": true, "tieu": true, "thach": true, "danh": true, "han": true, "hau": true, "phi": true, "khuat": true,
	"lieu": true, "tiet": true, "ninh": true, "ung": true}

// splitNames cuts "Bùi Minh Thắng Huỳnh Hữu Sơn" into two names at the second family name.
func splitNames(n string) []string {
	words := strings.Fields(n)
	if len(words) <= 4 {
		if len(words) >= 2 {
			return []string{n}
		}
		return nil
	}
	// Three words a name is the most common, so the cut after the third is tried first:
	// "Đinh Bảo Mai Mai Tiến Nam" (Mai is a given name and a family name).
	for _, k := range []int{3, 4, 2, 5, 6} {
		if k <= len(words)-2 && familyNames[Fold(words[k])] {
			return append(splitNames(strings.Join(words[:k], " ")), splitNames(strings.Join(words[k:], " "))...)
		}
	}
	if len(words) > 6 {
		return nil
	}
	return []string{n}
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// oneCase: a name's words are all in capitals or none is ("ÂU To" is a scribble's).
func oneCase(words []string) bool {
	caps := 0
	for _, w := range words {
		if allUpper(w) {
			caps++
		}
	}
	return caps == 0 || caps == len(words)
}

// stackedValue is the name for the label that ends line i when OCR read a form's column of
// labels, then its column of values ("Họ và tên mẹ" / "Năm sinh của mẹ" / "Đỗ Ngọc Mai" /
// "1998"): the value at the label's place in its run of labels when that is a name alone on
// its line, else the name alone that is as many names down the values as the label is name
// labels down its run (a value may wrap onto two lines).
func stackedValue(lines, flines []string, i int) string {
	var idx []int // the lines that are not blank
	at := -1
	for k := range lines {
		if k < len(flines) && strings.TrimSpace(lines[k]) != "" {
			if k == i {
				at = len(idx)
			}
			idx = append(idx, k)
		}
	}
	if at < 0 {
		return ""
	}
	first, end := at, at+1
	for first > 0 && formLabel(flines[idx[first-1]]) {
		first--
	}
	for end < len(idx) && formLabel(flines[idx[end]]) {
		end++
	}
	if end-first < 2 || end == len(idx) {
		return ""
	}
	alone := func(k int) string {
		line := strings.Trim(lines[k], " _|.,;'`\"")
		if n := nameAt(line); n == line && allFamily([]string{n}) {
			return n
		}
		return ""
	}
	if p := end + (at - first); p < len(idx) {
		if n := alone(idx[p]); n != "" {
			return n
		}
	}
	rank := 0 // name labels above this one in the run
	for k := first; k < at; k++ {
		if m := nameLabel.FindStringIndex(flines[idx[k]]); m != nil && m[1] == len(strings.TrimRight(flines[idx[k]], " ")) {
			rank++
		}
	}
	for k := end; k < len(idx) && k < end+(end-first)+4; k++ {
		if n := alone(idx[k]); n != "" {
			if rank == 0 {
				return n
			}
			rank--
		}
	}
	return ""
}

// formLabel: a line that is a form's label alone, without its value (folded): it opens with a
// label's word and holds no digit.
func formLabel(fl string) bool {
	fl = strings.Trim(fl, " _|.,;'`\"")
	if fl == "" || strings.ContainsAny(fl, "0123456789:") || len(strings.Fields(fl)) > 8 {
		return false
	}
	for _, w := range formLabelWords {
		if strings.HasPrefix(fl+" ", w) {
			return true
		}
	}
	return false
}

// formLabelWords open a form's labels (folded).
var formLabelWords = []string{"ho ", "ho,", "ten ", "nam sinh ", "ngay ", "ngay,", "noi ", "gioi tinh ", "dan toc ", "quoc tich ",
	"so ", "can cuoc ", "can nang ", "du dinh ", "que quan ", "dia chi ", "dien thoai ", "nghe nghiep ", "quan he ", "ma so ",
	"chuc vu ", "chuc danh ", "giay to ", "thu tuc ", "nguoi ", "trinh do ", "cmnd ", "cccd "}
