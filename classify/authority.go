package classify

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// issuerWords open the name of an issuing body (folded).
var issuerWords = []string{"uy ban nhan dan", "ubnd", "cong an", "so ", "bo ", "phong ", "benh vien", "cuc ", "chi cuc", "chi nhanh ",
	"van phong", "tram y te", "trung tam", "bo phan", "toa an", "vien kiem sat"}

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
		line, fl := beforeMotto(lines[i], flines[i])
		if fl == "" {
			if len(block) > 0 && strings.TrimSpace(flines[i]) == "" && i+1 < len(lines) && i+1 < 8 {
				// A blank OCR put between the body's lines ("UBND HUYỆN X" / "" / "UBND XÃ Y"),
				// the motto's column beside them or not ("SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc").
				if nl, nf := beforeMotto(lines[i+1], flines[i+1]); !strings.Contains(flines[i+1], "cong hoa") && issuerStart(trimMarks(nf)) && mostlyUpper(nl) {
					continue
				}
			}
			if len(block) > 0 || strings.Contains(flines[i], "cong hoa") {
				break
			}
			continue
		}
		if numberLine(fl) {
			// The number under the block, not a body ("Số 125/QĐ-UBND", "Sở Y tế"): the block
			// ends there (the title may follow at once).
			if len(block) > 0 {
				break
			}
			continue
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
			if fl == "" || strings.Contains(fl, "cong hoa") || strings.Contains(fl, "doc lap") || numberLine(fl) {
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
	for _, label := range []string{"noi dang ky khai sinh:", "noi dang ky ket hon:", "noi dang ky:", "dang ky ket hon tai", "dang ky tai"} {
		if i := strings.Index(flat, label); i >= 0 {
			rest := strings.TrimLeft(flat[i+len(label):], " ") // left only: off counts from the end
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

// numberLine: the folded line gives the document's number ("Số: 125/QĐ-UBND", "Số 125/QĐ-UBND").
func numberLine(fl string) bool {
	return numberColonRE.MatchString(fl) || numberSlashRE.MatchString(fl)
}

// beforeMotto is a line of the issuer block cut where the motto's column begins, when OCR put
// both on one line, and its folded text, trimmed.
func beforeMotto(line, fl string) (string, string) {
	for _, motto := range []string{"cong hoa xa hoi", "doc lap - tu do", "doc lap"} {
		if k := strings.Index(fl, motto); k >= 0 {
			line, fl = cut(line, fl, 0, k), fl[:k]
		}
	}
	return line, strings.TrimSpace(fl)
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

// glued is a full stop OCR put for the space between two words ("ĐA.KHOA").
var glued = regexp.MustCompile(`(\pL\pL)\.(\pL\pL)`)

// cleanWords drops what OCR made of specks and seal edges ("„„.J,") from a line of a name.
func cleanWords(line string) string {
	var out []string
	for _, w := range strings.Fields(glued.ReplaceAllString(line, "$1 $2")) {
		letters := letterCount(w)
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
		name, next := cleanWords(cut(lines[i], flines[i], k, k+len(rest))), i+1
		if !hasPlace(Fold(name)) && next < len(lines) && placeStart(strings.TrimSpace(flines[next])) && mostlyUpper(lines[next]) {
			name += " " + cleanWords(lines[next])
			next++
		}
		if hasPlace(Fold(name)) {
			return expandUBND(name + placeTail(lines, flines, next)) // the line after the place's, once
		}
	}
	return ""
}

// capacityStart opens a signer's capacity (folded), which no place's name does: "CHỦ TỊCH",
// "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG PHÒNG", even misread ("CHỦ TLCH").
var capacityStart = []string{"chu ", "pho ", "giam ", "truong ", "thu truong", "can bo", "cong chuc", "nguoi ", "chanh "}

// placeTail is the rest of a place's name wrapped onto line k ("TM. ỦY BAN NHÂN DÂN QUẬN BÌNH"
// / "THẠNH"): one or two words in capitals that open no capacity, with a space before them;
// "" when line k is anything else.
func placeTail(lines, flines []string, k int) string {
	if k >= len(lines) || k >= len(flines) {
		return ""
	}
	fl := strings.TrimSpace(flines[k])
	w := strings.Fields(fl)
	if len(w) == 0 || len(w) > 2 || !mostlyUpper(lines[k]) || signedForRE.MatchString(fl) || signerCaption.MatchString(fl) {
		return ""
	}
	for _, c := range capacityStart {
		if strings.HasPrefix(fl+" ", c) {
			return ""
		}
	}
	for _, x := range w {
		if letterCount(x) != utf8.RuneCountInString(x) {
			return ""
		}
	}
	return " " + strings.TrimSpace(lines[k])
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
