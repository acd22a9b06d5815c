package ocr

import (
	"strings"
	"testing"
)

// words lays out lines of segments: each segment is (x, text), words 20 px apart, 30 px high.
func wordsOf(block int, lines ...[]any) []Word {
	var out []Word
	for i, segs := range lines {
		y := 100 + i*40
		for k := 0; k < len(segs); k += 2 {
			x := segs[k].(int)
			for _, w := range splitWords(segs[k+1].(string)) {
				out = append(out, Word{Text: w, Box: [4]int{x, y, x + 15*len([]rune(w)), y + 30}, Line: i, Block: block})
				x += 15*len([]rune(w)) + 12
			}
		}
	}
	return out
}

func splitWords(s string) []string {
	var out []string
	cur := ""
	for _, r := range s {
		if r == ' ' {
			if cur != "" {
				out = append(out, cur)
			}
			cur = ""
			continue
		}
		cur += string(r)
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

func TestReadingOrder(t *testing.T) {
	cases := []struct {
		name  string
		words []Word
		want  string
	}{
		{"header sides read one after the other",
			wordsOf(0,
				[]any{60, "ỦY BAN NHÂN DÂN", 900, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
				[]any{110, "XÃ AN BÌNH", 950, "Độc lập - Tự do - Hạnh phúc"},
				[]any{80, "Số: 12/QĐ-UBND", 1000, "An Bình, ngày 2 tháng 3 năm 2025"}),
			"ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 12/QĐ-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nAn Bình, ngày 2 tháng 3 năm 2025"},
		{"signature row: recipients, then signer, lines of one side only",
			wordsOf(0,
				[]any{60, "Nơi nhận:", 1000, "TM. ỦY BAN NHÂN DÂN"},
				[]any{60, "- Như Điều 3;", 1080, "CHỦ TỊCH"},
				[]any{60, "- Lưu: VT."},
				[]any{1020, "Võ Công Tuấn"}),
			"Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nVõ Công Tuấn"},
		{"table of three columns row by row",
			wordsOf(0,
				[]any{60, "TT", 300, "Tên giấy tờ", 1000, "Hình thức"},
				[]any{60, "1", 300, "Tờ khai", 1000, "Bản chính"},
				[]any{60, "2", 300, "Căn cước", 1000, "Bản sao"}),
			"TT Tên giấy tờ Hình thức\n1 Tờ khai Bản chính\n2 Căn cước Bản sao"},
		{"left-aligned two-column table row by row",
			wordsOf(0,
				[]any{60, "Họ và tên:", 600, "Nguyễn Văn An"},
				[]any{60, "Ngày sinh:", 600, "02/03/1990"},
				[]any{60, "Nơi sinh:", 600, "Hà Nội"}),
			"Họ và tên: Nguyễn Văn An\nNgày sinh: 02/03/1990\nNơi sinh: Hà Nội"},
		{"a table, then a signature block centred under its values",
			wordsOf(0,
				[]any{60, "Họ và tên mẹ", 600, "Hoàng Phương Nhung"},
				[]any{60, "Năm sinh của mẹ", 600, "1989"},
				[]any{60, "Nơi sinh", 600, "Bệnh viện Tâm Anh"},
				[]any{60, "Giới tính", 600, "Nữ"},
				[]any{700, "Hạ Long, ngày 15 tháng 09 năm 2019"},
				[]any{820, "GIÁM ĐỐC"},
				[]any{650, "~", 780, "(Ký tên, đóng dấu)"},
				[]any{840, "Nguyễn Bảo Nga"}),
			"Họ và tên mẹ Hoàng Phương Nhung\nNăm sinh của mẹ 1989\nNơi sinh Bệnh viện Tâm Anh\nGiới tính Nữ\nHạ Long, ngày 15 tháng 09 năm 2019\nGIÁM ĐỐC\n\n~\n\n(Ký tên, đóng dấu)\nNguyễn Bảo Nga"}, // a scribble's mark, read apart
		{"one line with a wide gap is read across",
			wordsOf(0,
				[]any{60, "Điều 1. Giao đất"},
				[]any{60, "Số vào sổ: CS 01857", 900, "Hà Nội, ngày 2 tháng 3"},
				[]any{60, "Điều 2. Thi hành"}),
			"Điều 1. Giao đất\nSố vào sổ: CS 01857 Hà Nội, ngày 2 tháng 3\nĐiều 2. Thi hành"},
		{"Tesseract's blocks keep their order, a blank line apart",
			append(wordsOf(0, []any{60, "Cột một dòng một"}, []any{60, "Cột một dòng hai"}),
				shiftLines(wordsOf(1, []any{900, "Cột hai dòng một"}), 2)...),
			"Cột một dòng một\nCột một dòng hai\n\nCột hai dòng một"},
	}
	for _, c := range cases {
		if got := readingOrder(c.words); got != c.want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", c.name, got, c.want)
		}
	}
}

func shiftLines(ws []Word, by int) []Word {
	for i := range ws {
		ws[i].Line += by
	}
	return ws
}

func TestReadingOrderTitleUnderHeader(t *testing.T) {
	// The centred title under the header overlaps the motto's side but starts left of it: it
	// ends the header, and the label/value table under it is read row by row.
	ws := wordsOf(0,
		[]any{60, "BỆNH VIỆN ĐA KHOA", 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		[]any{120, "Khoa Phụ sản", 880, "Độc lập - Tự do - Hạnh phúc"},
		[]any{600, "GIẤY CHỨNG SINH"},
		[]any{60, "Họ và tên mẹ:", 700, "Lê Phương Uyên"},
		[]any{60, "Năm sinh:", 700, "1988"},
		[]any{60, "Nơi cư trú:", 700, "Xóm 3, xã An Bình"})
	want := "BỆNH VIỆN ĐA KHOA\nKhoa Phụ sản\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n" +
		"GIẤY CHỨNG SINH\nHọ và tên mẹ: Lê Phương Uyên\nNăm sinh: 1988\nNơi cư trú: Xóm 3, xã An Bình"
	if got := readingOrder(ws); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestReadingOrderSideBlocks(t *testing.T) {
	// Tesseract found the labels and the values as two blocks: rows again.
	labels := wordsOf(0, []any{60, "Họ và tên:"}, []any{60, "Ngày sinh:"}, []any{60, "Nơi sinh:"}, []any{60, "Giới tính:"})
	values := shiftLines(wordsOf(1, []any{700, "Nguyễn Văn An"}, []any{700, "02/03/1990"}, []any{700, "Hà Nội"}, []any{700, "Nam"}), 4)
	want := "Họ và tên: Nguyễn Văn An\nNgày sinh: 02/03/1990\nNơi sinh: Hà Nội\nGiới tính: Nam"
	if got := readingOrder(append(labels, values...)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// Two columns of running text stay column by column.
	long := "một dòng văn bản dài lấp đầy cột của nó"
	left := wordsOf(0, []any{60, long}, []any{60, long}, []any{60, long}, []any{60, long}, []any{60, "hết."})
	right := shiftLines(wordsOf(1, []any{900, long}, []any{900, long}, []any{900, long}, []any{900, long}, []any{900, "xong."}), 5)
	want = strings.Repeat(long+"\n", 4) + "hết.\n\n" + strings.Repeat(long+"\n", 4) + "xong."
	if got := readingOrder(append(left, right...)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestReadingOrderSignaturesNotATable: two centred signature blocks whose rows fill both
// sides three times are still two blocks when a signature's strokes, read as one tall "word"
// beside the midwife's name, make the tallest segment three lines high (seen once the seal over
// the right block was lightened on a colour scan).
func TestReadingOrderSignaturesNotATable(t *testing.T) {
	ws := wordsOf(5,
		[]any{408, "NGƯỜI ĐỠ ĐẺ", 893, "THỦ TRƯỞNG CƠ SỞ KHÁM BỆNH,"},
		[]any{347, "(Ký, ghi rõ họ tên, chức danh)", 1092, "CHỮA BỆNH"},
		[]any{1023, "(Ký, ghi rõ họ tên, đóng dấu)"},
		[]any{427, "Lý Hồng Thư", 1015, "V`x#Ø"},
		[]any{1096, "Lý Hữu Tuấn"},
	)
	for i := range ws {
		if ws[i].Text == "V`x#Ø" {
			ws[i].Box[1] -= 60 // the scribble's box, three lines high
		}
	}
	got := readingOrder(ws)
	want := "NGƯỜI ĐỠ ĐẺ\n(Ký, ghi rõ họ tên, chức danh)\nLý Hồng Thư\n\nTHỦ TRƯỞNG CƠ SỞ KHÁM BỆNH,\nCHỮA BỆNH\n(Ký, ghi rõ họ tên, đóng dấu)\nV`x#Ø\nLý Hữu Tuấn"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
