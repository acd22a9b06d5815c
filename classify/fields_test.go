package classify_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sohoa/sohoa/classify"
)

func TestExtract(t *testing.T) {
	text := `QUẬN BA ĐÌNH
ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN
Số: 125/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
GIẤY CHỨNG NHẬN KẾT HÔN
Họ, chữ đệm, tên chồng: Nguyễn Văn An
Ngày, tháng, năm sinh: 12/03/1990
Số định danh cá nhân: 001090012345
Họ, chữ đệm, tên vợ: Lê Thị Hoa
Giấy CMND cũ số 012345678, Mã hồ sơ: 000.00.25.H26-241028-0001
Hà Nội, ngày 28 tháng 10 năm 2024`
	got := classify.Extract(text)
	want := classify.Fields{
		Number: "125/QĐ-UBND", IssuedOn: "2024-10-28", Authority: "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN",
		CitizenIDs: []string{"001090012345"}, OldIDs: []string{"012345678"},
		Names: []string{"Nguyễn Văn An", "Lê Thị Hoa"}, DossierCode: "000.00.25.H26-241028-0001",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	masked := got.Masked()
	if masked.CitizenIDs[0] != "001******345" || masked.Names[0] != "Nguyễn V. A." || masked.OldIDs[0] != "012***678" {
		t.Errorf("masked: %+v", masked)
	}
	if got.CitizenIDs[0] != "001090012345" {
		t.Error("Masked changed the original")
	}
}

// Completeness: a birth registration lacking the parent's ID card, with the procedure inferred
// from the types present.
func TestMissing(t *testing.T) {
	cat := classify.Builtin()
	proc, missing := cat.Missing("", []string{"to_khai_khai_sinh", "giay_chung_sinh", "giay_khai_sinh"})
	if proc != "dang_ky_khai_sinh" || !cmp.Equal(missing, []string{"can_cuoc"}) {
		t.Errorf("got %s missing %v", proc, missing)
	}
	if _, missing := cat.Missing("dang_ky_ket_hon", nil); !cmp.Equal(missing, []string{"can_cuoc", "to_khai_ket_hon"}) {
		t.Errorf("empty marriage dossier misses %v", missing)
	}
}

// The issuer named in the sentence it speaks, with no issuer block above the title and no
// "TM." signature: the body up to its first comma.
func TestAuthoritySpeaking(t *testing.T) {
	text := `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ
Số: 2638/XN
Công an phường Phú Hội, thành phố Huế, tỉnh Thừa Thiên Huế xác nhận:
Họ và tên: Nguyễn Ngọc Thảo
Số 2, ngõ 56 phố Lê Lợi, phường Phú Hội, xác nhận lần hai`
	if got := classify.Extract(text).Authority; got != "Công an phường Phú Hội" {
		t.Errorf("authority %q, want the police of the ward", got)
	}
}

// TestNamesWhereOCRPutsThem: names where OCR's reading order leaves them, not only after a
// label on the same line: a bilingual card's value a blank line below, a table of household
// members, "Ông" at a line's end, a name cut by the line's end, a contract's parties, signers
// under their captions; and "HỒ SƠ" after a caption is not the family name Hồ.
func TestNamesWhereOCRPutsThem(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"card", "Họ và tên / Full name:\n\nLƯU ĐỨC VIỆT\nNgày sinh / Date of birth: 14/02/1962", []string{"LƯU ĐỨC VIỆT"}},
		{"table", "Các thành viên trong hộ:\nTT |Họ, chữ đệm và tên Ngày sinh |Giới Số định danh cá Quan hệ với chủ\ntính nhân hộ\n" +
			"1 Phan Tiến Kiên 27/10/2007 |Nam 079207551793 Vợ\n2 Đỉnh Minh Hùng __ |26/03/1980 Nam 079080498480 Con\n\nNơi nhận:",
			[]string{"Phan Tiến Kiên", "Đỉnh Minh Hùng"}},
		{"title at line end", "Điều 1. Công nhận việc cải chính năm sinh trong Giấy khai sinh của Ông\nVũ Minh Tuấn, sinh ngày 11/03/1981.",
			[]string{"Vũ Minh Tuấn"}},
		{"cut by the line's end", "Nội dung biến động Chuyển nhượng toàn bộ thửa đất cho Bà Đặng Thanh\nNhung, CCCD số 001168309667",
			[]string{"Đặng Thanh Nhung"}},
		{"party", "Bên B (Người lao động): Nguyễn Ngọc Hương\nSinh ngày: 02/10/1975", []string{"Nguyễn Ngọc Hương"}},
		{"captions", "Người nộp Người nhận hồ sơ\nÑ „it: 4 ..\nTrương Quốc Thắng Phan Kim Thư\n", []string{"Trương Quốc Thắng", "Phan Kim Thư"}},
		{"not a dossier", "NGƯỜI NỘP HỒ SƠ NGƯỜI TIẾP NHẬN HỒ SƠ\n(Ký và ghi rõ họ tên) (Ký và ghi rõ họ tên)\n", nil},
		{"a place under a caption", "NGƯỜI ĐI KHAI SINH\nHà Nội\n", nil},
		{"scribble glued to the name", "CHỦ TỊCH\n\n- Lưu: Sổ hộ tịch. : ị _\n\n`\\/)Đinh Thánh Phúc\n", []string{"Đinh Thánh Phúc"}},
		{"scribble between two names", "Người đi khai sinh NGƯỜI KÝ GIẤY KHAI SINH\n(Ký. ghỉ rõ họ tên) 3. (Ñý, đắng dấu)\n“để để lớo\nPhạm Thị Trang be - Hồ Thanh Hải\n",
			[]string{"Phạm Thị Trang", "Hồ Thanh Hải"}},
		{"scribble read as a letter", "“2 TRƯỞNG TRẠM\nN Huỳnh Quốc Hiếu\n", []string{"Huỳnh Quốc Hiếu"}},
		{"under the body signing", "Hạ Long, ngày 12 tháng 10 năm 2025\nỦY BAN NHÂN DÂN TỈNH QUẢNG NINH\n\n® v\\ nn\n\nHồ Tiến Khánh\n", []string{"Hồ Tiến Khánh"}},
		{"below a long scribble", "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\nL/N\n\nN/ x bJn.\n\nVõ Gia Lợi\n", []string{"Võ Gia Lợi"}},
		{"label to its colon", "Họ và tên mẹ / người nuôi dưỡng: Đặng Minh Thảo\nNgười nộp hồ sơ: Huỳnh Phương Uyên; số định danh cá nhân: 022189782512\n",
			[]string{"Đặng Minh Thảo", "Huỳnh Phương Uyên"}},
		{"label without và", "Họ tên người được ủy quyền: LÝ THANH THẢO\n", []string{"LÝ THANH THẢO"}},
		{"a title before the name", "Người đỡ đẻ: Hộ sinh Đặng Minh Thư\nHà Nội, ngày 1 tháng 9 năm 2024\n- “TRƯỞNG CÔNG AN\nF : Ký, ghi rõ họ tê, đóng dấu)\n\n“Thiếu tá Đặng Thanh Tuấn\n",
			[]string{"Đặng Minh Thư", "Đặng Thanh Tuấn"}},
		{"ông and bà in a sentence", "Xét đề nghị của bà Ngô Diệu Anh (số định danh cá nhân 022196860775),\n", []string{"Ngô Diệu Anh"}},
		{"row one read as a letter", "STT | Họ và tên Ngày sinh Số định danh cá nhân | Quan hệ\nl Định Vẫn Khánh 05/11/2022 040222396164 Chồng\n", []string{"Định Vẫn Khánh"}},
		{"a full stop ends the name", "Mẹ Cha\nHọ, chữ đệm, tên Bùi Phương Lan Trần Đức Nam.\n", []string{"Bùi Phương Lan", "Trần Đức Nam"}},
		{"an instruction is no label", "Người đỡ đẻ Huế, ngày 28 tháng 12 năm 2025\n(Ký, ghỉ rõ họ tên) ,- TRƯỞNG TRẠM\nTP ĐỀ ae\nLưu Hồng Ngân `: Lý Đức Nam\n",
			[]string{"Lưu Hồng Ngân", "Lý Đức Nam"}},
		{"a role before its colon", "Chủ hộ: Nguyễn Văn An\nQuan hệ với chủ hộ Vợ\nNgười làm chứng: Trần Thị Bình, sinh năm 1970\n", []string{"Nguyễn Văn An", "Trần Thị Bình"}},
		{"running text under a caption", "CHỦ TỊCH\nHọ và tên: TRƯƠNG ĐỨC KHÁNH Giới tính: Nam\n", []string{"TRƯƠNG ĐỨC KHÁNH"}},
	} {
		if got := classify.Extract(c.text).Names; !cmp.Equal(got, c.want) {
			t.Errorf("%s: names %q, want %q", c.name, got, c.want)
		}
	}
}

// TestNumberNotARegisterEntry: a receipt register's entry and a dossier code's "hồ sơ:" are
// not the document's number; a receipt titled "BIÊN NHẬN HỒ SƠ" still has its own.
func TestNumberNotARegisterEntry(t *testing.T) {
	for text, want := range map[string]string{
		"ĐƠN ĐĂNG KÝ\nVào sổ tiếp nhận hồ sơ số: 451 Quyển: 5\n": "",
		"BIÊN NHẬN\nMã hồ sơ: 000.08.37.H44-230210-0819\n":       "",
		"BIÊN NHẬN HỒ SƠ\nSố: 5857/TNHS\nMã hồ sơ: 000.08.37\n":  "5857/TNHS",
	} {
		if got := classify.Extract(text).Number; got != want {
			t.Errorf("%q: number %q, want %q", text, got, want)
		}
	}
}

// TestAuthorityAfterMotto: the issuer block's last line, read after the motto's two lines.
func TestAuthorityAfterMotto(t *testing.T) {
	text := "SỞ KẾ HOẠCH VÀ ĐẦU TƯ\nTHÀNH PHỐ ĐÀ NẴNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n" +
		"PHÒNG ĐĂNG KÝ KINH DOANH\n\nGIẤY CHỨNG NHẬN\nĐĂNG KÝ DOANH NGHIỆP"
	if got := classify.Extract(text).Authority; got != "PHÒNG ĐĂNG KÝ KINH DOANH" {
		t.Errorf("authority %q", got)
	}
}

// TestAuthorityAsOCRReadsIt: the issuer where OCR puts it: a unit word joined to the body by
// a hyphen, a desk printed in small letters under its commune, the whole block after the motto
// (a phone photo), the body's name under the place and date without "TM.".
func TestAuthorityAsOCRReadsIt(t *testing.T) {
	for text, want := range map[string]string{
		"ỦY BAN NHÂN DÂN-HUYỆN DIỄN\nCHÂU\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nQUYẾT ĐỊNH\n":                                                                                                                          "ỦY BAN NHÂN DÂN HUYỆN DIỄN CHÂU",
		"UBND XÃ BÁT TRÀNG\nBộ phận Một cửa\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nPHIẾU TIẾP NHẬN HỒ SƠ\n":                                                                                                             "Bộ phận Một cửa",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nBỘ CÔNG AN\nCÔNG AN PHƯỜNG LÊ LỢI\nGIẤY XÁC NHẬN\n":                                                                                           "CÔNG AN PHƯỜNG LÊ LỢI",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nGIẤY CHỨNG NHẬN\nThửa đất số: 125\n\nSố vào sổ cấp Giấy chứng nhận: CS 79717 Vinh, ngày 12 tháng 10 năm 2025\nỦY BAN NHÂN DÂN TÍNH NGHỆ AN\n": "ỦY BAN NHÂN DÂN TÍNH NGHỆ AN",
		"VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI\nCHI NHÁNH QUẬN HẢI CHÂU\nSố: 5947/TNHS\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n":                                                                                                       "CHI NHÁNH QUẬN HẢI CHÂU",
		"UBND HUYỆN DIỄN CHÂU\n\nUBND XÃ DIỄN HỒNG\nSố: 12/QĐ-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n":                                                                                                               "ỦY BAN NHÂN DÂN XÃ DIỄN HỒNG",
		"„ỦY BAN NHÂN DÂN QUẬN HẢI CHÂU\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n":                                                                                                                                          "ỦY BAN NHÂN DÂN QUẬN HẢI CHÂU",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nQUYẾT ĐỊNH\nĐiều 1. Cấp phép.\n\nTM.ỦY BAN NHÂN DÂN\nHUYỆN DIỄN CHÂU\nCHỦ TỊCH\n":                                                             "ỦY BAN NHÂN DÂN HUYỆN DIỄN CHÂU",
		// The title after the motto is no body.
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nHỢP ĐỒNG CHUYỂN NHƯỢNG\nSố: 12/2024/HĐCN\n": "",
	} {
		if got := classify.Extract(text).Authority; got != want {
			t.Errorf("%q: authority %q, want %q", text, got, want)
		}
	}
}

// TestCivilStatusEntry: a civil-status entry's number before its book, not the book's; dates
// after registration and receipt labels, also where one label runs into another.
func TestCivilStatusEntry(t *testing.T) {
	f := classify.Extract("Đăng ký kết hôn ngày 18/03/2021 tại Ủy ban nhân dân phường An Hòa; số 35, quyển\nSố 02/2021.\n")
	if f.Number != "35" || f.IssuedOn != "2021-03-18" {
		t.Errorf("number %q, issued on %q", f.Number, f.IssuedOn)
	}
	if f := classify.Extract("Số chứng thực: 210, quyến số 01/2023-SCT/CK.\n"); f.Number != "" {
		t.Errorf("a certification book's number taken: %q", f.Number)
	}
	for text, want := range map[string]string{
		"4. Ngày nhận hồ sơ: 06/10/2024\n5. Ngày hẹn trả kết quả: 08/10/2024\n":                    "2024-10-06",
		"Thủ tục hành chính Đăng ký kết hôn\nNgày tiếp nhận 07/10/2024\nNgày hẹn trả 15/10/2024\n": "2024-10-07",
	} {
		if got := classify.Extract(text).IssuedOn; got != want {
			t.Errorf("%q: issued on %q, want %q", text, got, want)
		}
	}
}

// TestIssuedOnEffective: without a date line, the day a power of attorney takes effect dates
// it; a document dated after its place keeps that date.
func TestIssuedOnEffective(t *testing.T) {
	for text, want := range map[string]string{
		"GIẤY ỦY QUYỀN\nThời hạn ủy quyền: 06 tháng kế từ ngày 22 tháng 07 năm 2023.\n":                  "2023-07-22",
		"Huế, ngày 05 tháng 01 năm 2024\nThời hạn ủy quyền: 06 tháng kể từ ngày 22 tháng 07 năm 2023.\n": "2024-01-05",
	} {
		if got := classify.Extract(text).IssuedOn; got != want {
			t.Errorf("%q: issued on %q, want %q", text, got, want)
		}
	}
}

// TestTwoIDsOnALine: two citizen IDs a space apart (two columns read as one line) are both read.
func TestTwoIDsOnALine(t *testing.T) {
	got := classify.Extract("Số định danh cá nhân 046096346021 046190898402\nSố điện thoại 0817016478 0392546032\n").CitizenIDs
	if len(got) != 2 || got[0] != "046096346021" || got[1] != "046190898402" {
		t.Errorf("citizen IDs %v", got)
	}
}

// TestParcelTableAsOCRReadsIt: the land table's values under their header, as OCR gives them:
// the header on one line and the values on the next (a map sheet garbled), or a cell a line.
func TestParcelTableAsOCRReadsIt(t *testing.T) {
	for _, c := range []struct{ text, parcel, sheet string }{
		{"2. Thông tin thửa đất\nThửa đấtsố |Tờ bản đồsố |Diện tích (m?) Mục đích sử dụng\n\n725 '58 455,7 Đất trồng cây lâu năm\n", "725", "58"},
		{"quyền sử dụng thửa đất sau:\n\nThửa đấtsố |Tờ bản đồ số | Điện tích (m?) | Mục đích sử dụng Thời hạn\n\n384 VI 219,7 Đất trồng lúa Đến ngày\n15/10/2063\n", "384", ""},
		{"dụng thửa đất sau:\n\nThửa đất số\n\nTờ bản đồ số\n\nDiện tích (m?)\n\nMục đích sử dụng\n\nThời hạn\n\n144\n\n13\n\n459,2\n\nĐất ở tại nông thôn\n\nLâu dài\n", "144", "13"},
		{"Thửa đất số\nTờ bản đồ số\n\nĐịa chỉ: Số 5 phố Huế\n", "", ""},
	} {
		f := classify.Extract(c.text)
		if f.Parcel != c.parcel || f.MapSheet != c.sheet {
			t.Errorf("parcel %q, map sheet %q; want %q, %q in\n%s", f.Parcel, f.MapSheet, c.parcel, c.sheet, c.text)
		}
	}
}

// TestNamesOfRarerFamilies: people whose family names are not among the twenty most common
// (Quách, Lò, Châu, Tạ ...), after "Ông:" or "Bà:" with a colon, after their relation in a
// household's list, with "anh" and "chị", and under a signature instruction OCR cut short.
func TestNamesOfRarerFamilies(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"title with a colon", "Bà: LÒ MINH THƯ Sinh ngày: 08/10/1982\n", []string{"LÒ MINH THƯ"}},
		{"relations", "Các thành viên trong hộ:\n- Cháu: Mạc Đức Quân, sinh ngày 09/12/2021\n- Chồng: Tạ Văn Nam, sinh ngày 11/05/2005\n",
			[]string{"Mạc Đức Quân", "Tạ Văn Nam"}},
		{"anh and chị", "Chúng tôi là anh Tạ Xuân Trọng, sinh ngày 22/12/1991;\nvà chị Quách Kim Nga, sinh ngày 13/01/1995.\n",
			[]string{"Tạ Xuân Trọng", "Quách Kim Nga"}},
		{"a household", "1.1. Tên: Hộ gia đình ông CHÂU QUỐC TRỌNG và bà NGHIÊM HỒNG VY\n", []string{"CHÂU QUỐC TRỌNG", "NGHIÊM HỒNG VY"}},
		{"a label without its colon", "Người nộp Lã Quốc Quân\nSố định danh cá nhân 022096936172\n", []string{"Lã Quốc Quân"}},
		{"two signers side by side", "(Ký, ghi rõ họ tên) (Ký, ghi rõ họ tên)\nChâu Minh Kiên Tống Thanh Nam\n", []string{"Châu Minh Kiên", "Tống Thanh Nam"}},
		{"who went to register", "Người đi khai sinh: Phùng Thị Nga Quan hệ với người được khai sinh: Mẹ\n", []string{"Phùng Thị Nga"}},
		{"an instruction cut short", "NGƯỜI KÝ GIẤY KHAI SINH\n(Ký, ghị đ họ, chữ đệm, tên, chức vụ, đóng\n\nẢ\n'\n\nY S4\n\n`. Châu Quốc Đạt\nPhó Chủ tịch\n",
			[]string{"Châu Quốc Đạt"}},
		{"anh inside a word", "Địa chỉ: phường\nTrường Sơn, thành phố Sầm Sơn, tỉnh Thanh Trường Sơn, thành phố Sầm Sơn\n", nil},
		{"under TM. with its title garbled", "Nơi nhận:\n- Như Điều 2;\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TLCH\n\n- Lưu: VT, TCKH. 20) f\n`\nhà qiấ AC\nư Nji\n\nLã Tiến Đạt\n", []string{"Lã Tiến Đạt"}},
		{"a place under a label", "CHỦ DOANH NGHIỆP\nHạ Long, ngày 01 tháng 07 năm 2024\nSN lờ”\nVũ Tiến Việt\n", []string{"Vũ Tiến Việt"}},
		{"a full stop after a signer", "(Ký, đóng dấu)\n(XSvh\nPhan Ngọc Loan.\n", []string{"Phan Ngọc Loan"}},
		{"a name that folds like a relation", "Họ, chữ đệm và tên VÕ NGỌC GIANG\nHọ, chữ đệm, tên vợ: Lê Thị Hoa\n", []string{"VÕ NGỌC GIANG", "Lê Thị Hoa"}},
		{"a given name that is a family name", "Mẹ Cha\nHọ, chữ đệm, tên Đinh Bảo Mai Mai Tiến Nam\n", []string{"Đinh Bảo Mai", "Mai Tiến Nam"}},
		{"rows numbered by marks", "STT | Họ và tên Ngày sinh Số định danh cá nhân | Quan hệ\n1 |Hoàng Minh Hùng 01/09/1963 048063706478 - Côn\nz Đinh Gia Thắng 20/01/1963 048063188927 Vợ\n",
			[]string{"Hoàng Minh Hùng", "Đinh Gia Thắng"}},
		{"labels, then values", "GIẤY CHỨNG SINH\nSố: 679446\nHọ và tên mẹ\nNăm sinh của mẹ\nĐỗ Ngọc Mai\n1998\nCăn cước công dân số\nNơi cư trú\nNgày sinh của con\nNơi sinh\nGiới tính\n" +
			"Cân nặng khi sinh\nDự định đặt tên con là\n__ |092198888357\nSố 11 phố Mậu Thân, phường Xuân Khánh, quận\nNinh Kiều, thành phố Cần Thơ\n24/11/2025\nBệnh viện Đa khoa tư nhân Hạnh Phúc\nNam\n4.900 gam\nNguyễn Đức Sơn\n",
			[]string{"Đỗ Ngọc Mai", "Nguyễn Đức Sơn"}},
		{"the last line alone", "Nơi nhận:\n- Hai bên kết hôn;\n- Lưu: Số hộ tịch.\nHuế, ngày 25 tháng 4 năm 2023\nCHỦ V4\n__ Lê Diệu Vy\n", []string{"Lê Diệu Vy"}},
		{"a ruling read as a letter", "Người nộp l Dương Xuân Hiếu\nSố định danh cá nhân 048068780257\n", []string{"Dương Xuân Hiếu"}},
		{"a row number read as two letters", "TT | Họ, chữ đệm và tên Ngày sinh Giới tính | Số định danh cá nhân\n1 Lê Đức Đạt 16/10/1953 Nam 048053522923 Vợ\nsj Phạm Minh Linh 02/05/1975 Nữ 048175006792 Con\n",
			[]string{"Lê Đức Đạt", "Phạm Minh Linh"}},
		{"a scribble in two cases", "BÊN A BÊN B\n(Ký, ghi rõ họ tên) (Ký, ghi rõ họ tên\n\nÂU To 0C\n\n`. `\nĐặng Bảo Anh\n", []string{"Đặng Bảo Anh"}},
		{"a scribble before a title", "NGƯỜI YÊU CẦU\n(Bên nam)\nĐ Ho Ông `\nTạ Xuân Trọng\n", []string{"Tạ Xuân Trọng"}},
	} {
		if got := classify.Extract(c.text).Names; !cmp.Equal(got, c.want) {
			t.Errorf("%s: names %q, want %q", c.name, got, c.want)
		}
	}
}

// TestIssuedOnAsPrinted: a date in numbers after the place, a time and its day in a table read
// column by column; not a birth date under its label, an earlier certificate's or an ID
// card's "ngày cấp", nor a date alone on a line.
func TestIssuedOnAsPrinted(t *testing.T) {
	for text, want := range map[string]string{
		"TỜ KHAI ĐĂNG KÝ KẾT HÔN\nCần Thơ, ngày 01/7/2023\nKính gửi: Ủy ban nhân dân phường Xuân Khánh\n":                                                                      "2023-07-01",
		"2. Giấy chứng nhận đã cấp: Số vào sổ cấp GCN: VP 45204; ngày cấp 02/10/2016\n5. Lý do biến động: Nhu cầu xây dựng nhà ở\nngày 15 tháng 11 năm 2021\nNGƯỜI VIẾT ĐƠN\n": "", // a date alone over a signature is not taken: on certified copies it was the certification\'s
		"Tại: Trạm Y tế xã Diễn Thành\n\nNgày 03 tháng 04 năm 2020\n/ ý, ghi rõ họ têh, đóng dấu)\n":                                                                           "",
		"Thủ tục\nNgày tiếp nhận\nNgày hẹn trả kết quả\n\nĐăng ký thành lập doanh nghiệp\n08 giờ 03 phút, ngày 21/09/2024\n28/09/2024\n":                                       "2024-09-21",
		"Đã sinh con lúc: 23 giờ 25 phút, ngày 03/04/2020\nHà Nội, ngày 05 tháng 04 năm 2020\n":                                                                                "2020-04-05",
		"Ngày, tháng, năm sinh:\nngày 01 tháng 02 năm 1990\n":                                                                                                                  "",
		"Ngày, tháng, năm sinh\nngày 01 tháng 02 năm 1990\n":                                                                                                                   "",
		"Ngày sinh: ngày 01 tháng 02 năm 1990\nHà Nội, ngày 05 tháng 3 năm 2024\n":                                                                                             "2024-03-05",
		"Hẹn trả kết quả: 14 giờ 00, ngày 20/03/2024\nNgày nhận: 08 giờ 30 phút, ngày 12/03/2024\n":                                                                            "2024-03-12",
		"Nơi cấp: Cục Cảnh sát QLHC về TTXH, ngày 12/05/2021\n":                                                                                                                "",
		"HỢP ĐỒNG\nBên A: Ông Lê Văn An, CCCD số 001090012345 cấp ngày 11/09/2022\n":                                                                                           "",
		"GIẤY CHỨNG NHẬN\nNgày cấp: 12/05/2021\n":                                                                                                                              "2021-05-12",
	} {
		if got := classify.Extract(text).IssuedOn; got != want {
			t.Errorf("%q: issued on %q, want %q", text, got, want)
		}
	}
}

// TestNumberNotAParcels: "Thửa đất số: 895" and "Tờ bản đồ số: 42" number the parcel and the
// sheet, not the document; a serial whose S OCR read as "§" is mended.
func TestNumberNotAParcels(t *testing.T) {
	for text, want := range map[string]string{
		"ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI\n3. Thửa đất số: 895; Tờ bản đồ số: 42; Diện tích: 85,2 m2\n":    "",
		"ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI\n1.3. Địa chỉ: Số.168 đường Lê Lợi, phường Vĩnh Ninh\n":          "",
		"GIẤY CHỨNG NHẬN\nThửa đất số: 10; Tờ bản đồ số: 59\nSố vào số cấp Giấy chứng nhận: D§ 71179\n": "DS 71179",
	} {
		if got := classify.ExtractFor(classify.Type{Fields: []string{"serial"}}, text).Number; got != want {
			t.Errorf("%q: number %q, want %q", text, got, want)
		}
	}
}

// TestNumberUnderATitle: a title ending in a word that numbers other things ("NHÀ") does not
// make the number below it another's.
func TestNumberUnderATitle(t *testing.T) {
	if got := classify.Extract("HỢP ĐỒNG THUÊ NHÀ\nSố: 49/2024/HĐTN\n").Number; got != "49/2024/HĐTN" {
		t.Errorf("number %q", got)
	}
}

// TestAuthorityFullStopForASpace: a full stop OCR read between two words of the body's name.
func TestAuthorityFullStopForASpace(t *testing.T) {
	text := "SỞ Y TẾ TỈNH THANH HÓA\nBỆNH VIỆN ĐA.KHOA TỈNH THANH HÓA\nSố: 2311\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
	if got := classify.Extract(text).Authority; got != "BỆNH VIỆN ĐA KHOA TỈNH THANH HÓA" {
		t.Errorf("authority %q", got)
	}
}

// TestNumberFilledInByHand: the spaces a form leaves before the slash of a number written in
// by hand are not part of it; a number over its book on the next line is the entry's.
func TestNumberFilledInByHand(t *testing.T) {
	for text, want := range map[string]string{
		"UBND TỈNH QUẢNG NINH\nSỞ TƯ PHÁP\nSố: 471 /QĐ-STP\n":                               "471/QĐ-STP",
		"CÔNG AN PHƯỜNG TÂN AN\nSố:  1853   /XN-CAX\n":                                      "1853/XN-CAX",
		"SỞ TƯ PHÁP\nSố: 718./QĐ-STP Hồ Chí Minh, ngày 9 tháng 2 năm 2023\n":                "718/QĐ-STP",
		"GIẤY CHỨNG NHẬN KẾT HÔN\n\n\n\n\n\n\n\n\n\n\n\n\n\n\nSố: 219\nQuyển số: 02/2023\n": "219",
	} {
		if got := classify.Extract(text).Number; got != want {
			t.Errorf("%q: number %q, want %q", text, got, want)
		}
	}
}

// TestAuthorityWrappedInTheSignature: the body signed for, its place's name wrapped onto the
// next line; the capacity under it is not part of it, even misread.
func TestAuthorityWrappedInTheSignature(t *testing.T) {
	for text, want := range map[string]string{
		"GIẤY CHỨNG NHẬN\nThành phố Hồ Chí Minh, ngày 25 tháng 09\nnăm 2019\nTM. ỦY BAN NHÂN DÂN QUẬN BÌNH\nTHẠNH\n\nKT. CHỦ TỊCH\n": "ỦY BAN NHÂN DÂN QUẬN BÌNH THẠNH",
		"GIẤY CHỨNG NHẬN\nTM. ỦY BAN NHÂN DÂN\nXÃ AN\nKT. CHỦ TỊCH\n":                                                                "ỦY BAN NHÂN DÂN XÃ AN",
		"GIẤY CHỨNG NHẬN\nTM. ỦY BAN NHÂN DÂN HUYỆN DIỄN CHÂU\nCHỦ TLCH\nLê Văn An\n":                                                "ỦY BAN NHÂN DÂN HUYỆN DIỄN CHÂU",
		"GIẤY CHỨNG NHẬN KẾT HÔN\nNơi đăng ký kết hôn: Ủy ban nhân dân phường An Hòa, quận Ninh Kiều, thành phố Cần Thơ\n":           "Ủy ban nhân dân phường An Hòa",
	} {
		if got := classify.Extract(text).Authority; got != want {
			t.Errorf("%q: authority %q, want %q", text, got, want)
		}
	}
}

// TestAuthorityBesideTheMotto: the body's lines with the motto's beside them on the same
// lines, a blank line between them.
func TestAuthorityBesideTheMotto(t *testing.T) {
	text := "UBND THÀNH PHỐ HỒ CHÍMINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc\nSố: 718./QĐ-STP Hồ Chí Minh, ngày 9 tháng 2 năm 2023\nQUYẾT ĐỊNH\n"
	if got := classify.Extract(text).Authority; got != "SỞ TƯ PHÁP" {
		t.Errorf("authority %q", got)
	}
}

// TestIssuedOnMisread: the place's date as OCR misreads it on phone photos and noisy scans: a
// letter of "ngày" or "tháng" ("ngòy", "thóng"), the space and "t" before "háng", a full stop
// before "năm", a mark before the day, a semicolon after the place; not another paper's date
// after a semicolon in a list.
func TestIssuedOnMisread(t *testing.T) {
	for text, want := range map[string]string{
		"Cần Thơ, ngày 27 thóng 12 năm 2024\nXÁC NHẬN THÔNG TIN VỀ CƯ TRÚ\n": "2024-12-27",
		"Hạ Long, ngòy 24 tháng 06 năm 2024\n":                               "2024-06-24",
		"Huế, ngày 16háng 06 năm 2024\n":                                     "2024-06-16",
		"Đà Nẵng, ngày 02 tháng 08.năm 2022\n":                               "2022-08-02",
		"Hà Nội, ngày'25/6/2022\n":                                           "2022-06-25",
		"Sầm Sơn; ngày 9 tháng 6 năm 2016\n":                                 "2016-06-09",
		"Giấy chứng nhận đã cấp: Số CS 81113; ngày 07 tháng 03 năm 2023\n":   "",
	} {
		if got := classify.Extract(text).IssuedOn; got != want {
			t.Errorf("%q: issued on %q, want %q", text, got, want)
		}
	}
}

// TestNamesNotCaptions: a name label inside a decision's subject, over the body that decides,
// and a label with its value beside another (not a table's header over rows) read no caption
// as a name.
func TestNamesNotCaptions(t *testing.T) {
	for text, want := range map[string][]string{
		"QUYẾT ĐỊNH\nVề việc cho phép thay đổi họ, chữ đệm, tên\n\nGIÁM ĐỐC SỞ TƯ PHÁP\nXét đề nghị của ông Dương Xuân Nam,\n":   {"Dương Xuân Nam"},
		"Họ, chữ đệm và tên chủ hộ: ĐINH THANH NAM Quan hệ với chủ hộ: Chủ hộ\n\n.„ TRƯỞNG CỘNG AN\n\n_ Đại úy Trương Văn Đạt\n": {"ĐINH THANH NAM", "Trương Văn Đạt"},
	} {
		if diff := cmp.Diff(want, classify.Extract(text).Names); diff != "" {
			t.Errorf("%q: names (-want +got):\n%s", text, diff)
		}
	}
}

// TestSignerAfterAScribble: a signature's scribble read as a short capital word before the
// signer's name on the page's last line.
func TestSignerAfterAScribble(t *testing.T) {
	text := "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT, TCKH. :\n\nZA Phạm Văn Phúc\n"
	if diff := cmp.Diff([]string{"Phạm Văn Phúc"}, classify.Extract(text).Names); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

// TestNamesGluedByOCR: a full stop or a hyphen OCR read for the space between a name's words
// parts them; a caption glued so ("TRƯỞNG.PHÒNG") is still a caption, not a name.
func TestNamesGluedByOCR(t *testing.T) {
	for text, want := range map[string][]string{
		"Họ và tên mẹ: Lưu Thanh-Nga\n":                                {"Lưu Thanh Nga"},
		"Họ, chữ đệm, tên HUỲNH GIA TUẤN BÙI DIỆU.NHUNG\n":             {"HUỲNH GIA TUẤN", "BÙI DIỆU NHUNG"},
		"Ngày cấp: 05/03/2024\n\n~` TRƯỞNG.PHÒNG\n\n`\nVõ Xuân Phúc\n": {"Võ Xuân Phúc"},
	} {
		if diff := cmp.Diff(want, classify.Extract(text).Names); diff != "" {
			t.Errorf("%q: names (-want +got):\n%s", text, diff)
		}
	}
}
