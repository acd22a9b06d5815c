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
