package classify

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// issueDate is the document's date: the first after its place (placeDate), else after a label
// of registration, issue or receipt, long or numeric, else a time's day or the day it takes
// effect; else none (a birth date is not an issue date).
func issueDate(folded string) string {
	flat := strings.ReplaceAll(folded, "\n", " ") // the same offsets as folded
	if d := placeDate(folded, flat); d != "" {
		return d
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
		if otherPaper(folded, m[0]) {
			continue
		}
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
	// A time and its day ("08 giờ 03 phút, ngày 21/09/2024"), when a table's label stands
	// apart from it: a receipt's, a birth's.
	for _, m := range timedDate.FindAllStringSubmatchIndex(flat, -1) {
		before := folded[strings.LastIndexByte(folded[:m[0]], '\n')+1 : m[0]] // its line's
		if w := " " + strings.Join(strings.Fields(before), " ") + " "; strings.Contains(w, " hen ") || strings.Contains(w, " han ") || strings.Contains(w, "tra ket qua") {
			continue // the day a result is due, or a term's end
		}
		if d := isoDate(flat[m[2]:m[3]], flat[m[4]:m[5]], flat[m[6]:m[7]]); d != "" {
			return d
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

var timedDate = regexp.MustCompile(`\d{1,2}\s*gio\s*\d{1,2}\s*(?:phut)?\s*,?\s*ngay\s+(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})`)

// otherPaper: the issue label at i dates another paper named before it on its line: an ID
// card ("CCCD số … cấp ngày 11/09/2022") or a certificate issued earlier ("Giấy chứng nhận đã
// cấp: Số vào sổ cấp GCN: VP 45204; ngày cấp 02/10/2016").
func otherPaper(folded string, i int) bool {
	if !strings.HasPrefix(folded[i:], "ngay cap") && !strings.HasPrefix(folded[i:], "cap ngay") {
		return false
	}
	line := folded[strings.LastIndexByte(folded[:i], '\n')+1 : i]
	for _, w := range []string{"cccd", "cmnd", "can cuoc", "chung minh", "ho chieu", "dinh danh", "gcn", "da cap", "so vao so"} {
		if strings.Contains(line, w) {
			return true
		}
	}
	return false
}

// placeShortDate is a date in numbers after the place: "Cần Thơ, ngày 01/7/2023".
var placeShortDate = regexp.MustCompile(`,\s*ng[a-z]y\s*['‘’"` + "`" + `]?\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})`)

// placeDate is the date a document gives itself after its place: the first long date after a
// place ("Hà Nội, ngày 28 tháng 10 năm 2024"; not a time's "10 phút, ngày ..." nor "Hôm nay,
// ngày ..."); else the first date in numbers after a place alone at the start of its line
// ("Cần Thơ, ngày 01/7/2023").
func placeDate(folded, flat string) string {
	afterPlace := func(at int) bool {
		before := strings.TrimRight(flat[:at], " ")
		if strings.HasSuffix(before, ";") {
			// OCR's semicolon for the comma ("Sầm Sơn; ngày 9 tháng 6 năm 2016"), after a place
			// alone on its line only: in a list, a semicolon goes before another paper's date.
			line := strings.TrimSuffix(folded[strings.LastIndexByte(folded[:at], '\n')+1:at], " ")
			place := strings.TrimSuffix(line, ";")
			if n := len(strings.Fields(place)); n == 0 || n > 5 || strings.ContainsAny(place, ":;,0123456789") {
				return false
			}
			before = strings.TrimSuffix(before, ";") + ","
		}
		if !strings.HasSuffix(before, ",") {
			return false
		}
		words := strings.Fields(strings.TrimSuffix(before, ","))
		return len(words) > 0 && !isTimeWord(words[len(words)-1]) && !strings.HasSuffix(before, "hom nay,")
	}
	for _, m := range longDate.FindAllStringSubmatchIndex(flat, -1) {
		if afterPlace(m[0]) {
			if d := isoDate(flat[m[2]:m[3]], flat[m[4]:m[5]], flat[m[6]:m[7]]); d != "" {
				return d
			}
		}
	}
	for _, m := range placeShortDate.FindAllStringSubmatchIndex(folded, -1) {
		// The place alone before it on its line: a few words, no label, no number.
		place := folded[strings.LastIndexByte(folded[:m[0]], '\n')+1 : m[0]]
		if n := len(strings.Fields(place)); n == 0 || n > 5 || strings.ContainsAny(place, ":0123456789") {
			continue
		}
		if d := isoDate(folded[m[2]:m[3]], folded[m[4]:m[5]], folded[m[6]:m[7]]); d != "" {
			return d
		}
	}
	return ""
}

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
