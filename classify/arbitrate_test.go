package classify_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/classify"
)

// Titles as a person reads them: over two lines, letter-spaced, with a slip in a mark; and
// titles outrank the keywords of another type (a certificate quotes its application's words).
func TestTitles(t *testing.T) {
	c := classify.Default()
	header := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
	for _, tc := range []struct{ name, text, want string }{
		{"two lines", header + "GIẤY CHỨNG NHẬN\nQUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT\n" +
			"Thửa đất số: 215, tờ bản đồ số: 18\nSố vào sổ cấp GCN: CS 74805", "giay_chung_nhan_qsdd"},
		{"three lines", header + "GIẤY CHỨNG NHẬN\nQUYỀN SỬ DỤNG ĐẤT\nQUYỀN SỞ HỮU NHÀ Ở VÀ TÀI SẢN KHÁC\nThửa đất số: 5", "giay_chung_nhan_qsdd"},
		{"letter-spaced", header + "G I Ấ Y  K H A I  S I N H\nHọ, chữ đệm, tên: NGUYỄN VĂN AN", "giay_khai_sinh"},
		{"a slip", header + "GIẤY CHỨNG NHẠN KẾT HÔN\nHọ, chữ đệm, tên chồng: Lê Văn Bình", "giay_chung_nhan_ket_hon"},
		{"a contract of authorisation", header + "HỢP ĐỒNG ỦY QUYỀN\nHôm nay, ngày 05/03/2024, chúng tôi gồm:\nBÊN ỦY QUYỀN (Bên A):\nÔng: TRIỆU VĂN AN\nBÊN ĐƯỢC ỦY QUYỀN (Bên B):\nBà: LÃ THỊ HOA", "giay_uy_quyen"},
		{"an extract", "UBND PHƯỜNG YÊN HÒA\nSố: 338/TLKS-BS\n" + header + "TRÍCH LỤC KHAI SINH\n\nHọ, chữ đệm, tên: HUỲNH NGỌC HÀ\nNơi đăng ký khai sinh: Ủy ban nhân dân phường Yên Hòa", "giay_khai_sinh"},
	} {
		got := c.Classify(tc.text)
		if got.Type != tc.want {
			t.Errorf("%s: %s (%s), want %s", tc.name, got.Type, got.Reason, tc.want)
		}
	}
	// A short title must match closely: an invoice is not a contract.
	if got := c.Classify("HÓA ĐƠN GIÁ TRỊ GIA TĂNG\nĐơn vị bán hàng: CÔNG TY TNHH AN PHÁT"); got.Type == "hop_dong" {
		t.Errorf("an invoice typed hop_dong: %s", got.Reason)
	}
}

// The arbitration: a page the model alone recognises goes to review; one it does not know well
// enough is unknown; the reason says which signal decided.
func TestArbitration(t *testing.T) {
	c := classify.Default()
	got := c.Classify("Kính gửi: Các phòng, ban, ngành\nThực hiện chương trình công tác năm, tổ chức hội nghị tổng kết.")
	if got.Type != classify.Unknown || !got.NeedsReview {
		t.Errorf("a letter outside the catalogue: %s %.2f (%s)", got.Type, got.Confidence, got.Reason)
	}
	// Keywords of the land register without a title: never above the review threshold.
	got = c.Classify("Thửa đất số: 12; tờ bản đồ số: 3; diện tích 100 m2")
	if !got.NeedsReview {
		t.Errorf("keywords alone decided %s at %.2f without review (%s)", got.Type, got.Confidence, got.Reason)
	}
	if got.Reason == "" || !strings.Contains(got.Reason, "no title") {
		t.Errorf("reason %q does not say no title was read", got.Reason)
	}
}

// Fields the templates did not teach: a number without its colon, a numeric date, a
// certificate's serial, a phone number of twelve digits, an authority above the signature.
func TestExtractOtherLayouts(t *testing.T) {
	c := classify.Default()
	text := `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
GIẤY CHỨNG NHẬN
QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT
Ông NGUYỄN VĂN HÙNG, năm sinh 1975, số định danh cá nhân 040075123456
Điện thoại: 084912345678
Thửa đất số: 215, tờ bản đồ số: 18
Số vào sổ cấp GCN: CS 04512
Nghệ An, ngày 18 tháng 08 năm 2020
TM. ỦY BAN NHÂN DÂN HUYỆN DIỄN CHÂU
CHỦ TỊCH`
	got := c.Classify(text)
	var f classify.Fields
	_ = json.Unmarshal(got.Fields, &f)
	if got.Type != "giay_chung_nhan_qsdd" || f.Number != "CS 04512" || f.IssuedOn != "2020-08-18" ||
		f.Authority != "ỦY BAN NHÂN DÂN HUYỆN DIỄN CHÂU" || len(f.CitizenIDs) != 1 || f.CitizenIDs[0] != "040075123456" ||
		f.Parcel != "215" || f.MapSheet != "18" || len(f.Names) != 1 || f.Names[0] != "NGUYỄN VĂN HÙNG" {
		t.Errorf("%s: %+v", got.Type, f)
	}
	// A receipt's time before its date.
	if r := classify.Extract("Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 01 tháng 11 năm 2024\nThời gian trả kết quả: ngày 04/11/2024"); r.IssuedOn != "2024-11-01" {
		t.Errorf("receipt issued on %q, want 2024-11-01", r.IssuedOn)
	}
	d := classify.Extract("UBND THÀNH PHỐ VINH\nUBND PHƯỜNG HƯNG BÌNH\nSố 125/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNgày đăng ký: 28/10/2024\nMẫu số 04/HT")
	if d.Number != "125/QĐ-UBND" || d.IssuedOn != "2024-10-28" || d.Authority != "ỦY BAN NHÂN DÂN PHƯỜNG HƯNG BÌNH" {
		t.Errorf("%+v", d)
	}
}

// TestLabelValueIsNotATitle: a receipt names the procedure it received ("Hồ sơ: Đăng ký khai
// sinh"), 80 % alike to the birth declaration's longer title; a label and its value is not a
// title, and the receipt's own title decides (seen on a phone photo of the evaluation set).
func TestLabelValueIsNotATitle(t *testing.T) {
	text := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nBIÊN NHẬN HỒ SƠ\nSố: 4948/TNHS\n\n" +
		"Mã hồ sơ: 000.12.14.H02-231017-0125\nĐã nhận của ông (bà): Đinh Đức Kiên\nHồ sơ: Đăng ký khai sinh\n" +
		"Ngày nhận: ngày 17 tháng 10 năm 2023\nHẹn trả kết quả: ngày 20 tháng 10 năm 2023\n"
	if got := classify.Default().Classify(text); got.Type != "bien_nhan" {
		t.Errorf("typed %s (%.2f): %s", got.Type, got.Confidence, got.Reason)
	}
}
