package evalset

import (
	"fmt"
	"strings"
)

// Land (modelled on the registration forms and the certificate of the 2024 Land Law's
// implementing decree 101/2024/NĐ-CP and circular 10/2024/TT-BTNMT, and the 2014-era forms
// still in every dossier), business registration (circular 01/2021/TT-BKHĐT), contracts and
// powers of attorney.

type parcel struct {
	o        office
	owner    person
	spouse   person
	num      string // thửa đất số
	sheet    string // tờ bản đồ số
	area     string // "86,5"
	purpose  string
	term     string
	serial   string // "CS 04512"
	issued   date
	printed  string // the blank's series: "AA 01234567"
	landAddr string
}

func (g *gen) parcel() parcel {
	o := g.office()
	p := parcel{o: o}
	p.owner = g.person(g.chance(0.6), o, 1955, 1995)
	p.spouse = g.person(!p.owner.male, o, 1958, 1997)
	p.num = fmt.Sprint(g.between(3, 980))
	p.sheet = fmt.Sprint(g.between(1, 64))
	p.area = fmt.Sprintf("%d,%d", g.between(40, 600), g.between(0, 9))
	p.purpose = g.pick("Đất ở tại đô thị", "Đất ở tại nông thôn", "Đất trồng cây lâu năm", "Đất trồng lúa")
	p.term = "Lâu dài"
	if strings.Contains(p.purpose, "trồng") {
		p.term = fmt.Sprintf("Đến ngày %s", date{15, 10, 2043 + g.between(0, 20)}.slash())
	}
	p.serial = g.pick("CS", "CH", "VP", "DS") + " " + g.digits(5)
	p.issued = g.date(2015, 2025)
	p.printed = g.pick("AA", "AB", "BĐ", "CB", "DA") + " " + g.digits(8)
	p.landAddr = o.d.streets[g.rng.IntN(len(o.d.streets))] + ", " + o.wardFull() + ", " + o.districtFull() + ", " + o.p.full
	return p
}

func init() {
	add("don_dang_ky_dat_dai", "a", dkddA)
	add("don_dang_ky_dat_dai", "b", dkddB)
	add("don_dang_ky_dat_dai", "c", dkddC)
	add("giay_chung_nhan_qsdd", "a", gcnA)
	add("giay_chung_nhan_qsdd", "b", gcnB)
	add("giay_chung_nhan_qsdd", "c", gcnC)
	add("giay_de_nghi_dkdn", "a", dndnA)
	add("giay_de_nghi_dkdn", "b", dndnB)
	add("giay_de_nghi_dkdn", "c", dndnC)
	add("giay_chung_nhan_dkdn", "a", gcndnA)
	add("giay_chung_nhan_dkdn", "b", gcndnB)
	add("giay_chung_nhan_dkdn", "c", gcndnC)
	add("hop_dong", "a", hdA)
	add("hop_dong", "b", hdB)
	add("hop_dong", "c", hdC)
	add("giay_uy_quyen", "a", uqA)
	add("giay_uy_quyen", "b", uqB)
	add("giay_uy_quyen", "c", uqC)
}

// dkddA: form 04a/ĐK (2014): the long title that names the certificate it asks for, the
// applicant's declaration in numbered sections.
func dkddA(g *gen) (Doc, Fields) {
	p := g.parcel()
	on := g.date(2019, 2024)
	d := Doc{Font: "times", Items: []any{
		Row{Blocks: []Block{
			{X: 0, W: 100, Lines: []Text{sz(t("PHẦN GHI CỦA NGƯỜI NHẬN HỒ SƠ"), 10), sz(t("Vào sổ tiếp nhận hồ sơ số: "+fmt.Sprint(g.between(10, 999))+" Quyển: "+fmt.Sprint(g.between(1, 5))), 10)}, Box: true},
			{X: 120, W: 45, Lines: []Text{rgt(sz(tb("Mẫu số 04a/ĐK"), 11))}},
		}},
		Gap(3),
		motto(0, 165, 12, "-"),
		Gap(4),
		titleLines(13, "ĐƠN ĐĂNG KÝ, CẤP GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT,", "QUYỀN SỞ HỮU NHÀ Ở VÀ TÀI SẢN KHÁC GẮN LIỀN VỚI ĐẤT"),
		Gap(2),
		Block{X: 20, Lines: []Text{t("Kính gửi: Ủy ban nhân dân " + p.o.districtFull() + ", " + p.o.p.full)}},
		Gap(2),
		block(tb("I. PHẦN KÊ KHAI CỦA NGƯỜI ĐĂNG KÝ")),
		block(sizeAll(12, []Text{
			t("1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất:"),
			t("1.1. Tên (viết chữ in hoa): " + p.owner.title() + " " + upper(p.owner.name) + ", sinh năm " + fmt.Sprint(p.owner.born.y)),
			t("1.2. Giấy tờ nhân thân: CCCD số " + p.owner.id + " cấp ngày " + p.owner.idIssued.slash()),
			t("1.3. Địa chỉ thường trú: " + p.owner.address),
			t("2. Đề nghị: Đăng ký quyền sử dụng đất [x]  Cấp Giấy chứng nhận đối với đất [x]"),
			t("3. Thửa đất đăng ký: 3.1. Thửa đất số: " + p.num + "; 3.2. Tờ bản đồ số: " + p.sheet + ";"),
			t("3.3. Địa chỉ tại: " + p.landAddr + ";"),
			t("3.4. Diện tích: " + p.area + " m²; sử dụng chung: 0 m²; sử dụng riêng: " + p.area + " m²;"),
			t("3.5. Sử dụng vào mục đích: " + p.purpose + ", từ thời điểm: năm " + fmt.Sprint(g.between(1980, 2010)) + ";"),
			t("3.6. Thời hạn đề nghị được sử dụng đất: " + p.term + ";"),
			t("3.7. Nguồn gốc sử dụng: Nhận chuyển nhượng của hộ gia đình, cá nhân;"),
			t("4. Tài sản gắn liền với đất: Nhà ở riêng lẻ, diện tích xây dựng " + fmt.Sprint(g.between(40, 150)) + " m², số tầng: " + fmt.Sprint(g.between(1, 4))),
		})...),
		Gap(2),
		block(sz(Text{S: "Tôi xin cam đoan nội dung kê khai trên đơn là đúng sự thật, nếu sai tôi hoàn toàn chịu trách nhiệm trước pháp luật.", Indent: 8}, 12)),
		Gap(2),
		Row{Blocks: []Block{signer(80, 85, []string{p.o.datePlace() + ", " + on.long(true), "Người viết đơn"}, "(Ký, ghi rõ họ tên và đóng dấu nếu có)", p.owner.name, "")}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{p.owner.id}, Names: []string{p.owner.name}, Parcel: p.num, MapSheet: p.sheet}
}

// dkddB: form 09/ĐK, a change registration (transfer), fields in a ruled table.
func dkddB(g *gen) (Doc, Fields) {
	p := g.parcel()
	buyer := g.person(g.chance(0.5), p.o, 1965, 2000)
	on := g.date(2020, 2025)
	d := Doc{Font: "arial", Items: []any{
		Block{Lines: []Text{rgt(sz(tb("Mẫu số 09/ĐK"), 10.5))}},
		motto(0, 165, 11.5, "–"),
		Gap(5),
		titleLines(13.5, "ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI,", "TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
		Gap(2),
		block(sz(t("Kính gửi: Văn phòng đăng ký đất đai "+p.o.p.full+" - Chi nhánh "+p.o.districtFull()), 11.5)),
		Gap(2),
		Table{Widths: []float64{62, 103}, Size: 11, Cells: [][]string{
			{"Người sử dụng đất", p.owner.title() + " " + p.owner.name},
			{"Căn cước công dân số", p.owner.id},
			{"Địa chỉ", p.owner.address},
			{"Thửa đất số", p.num},
			{"Tờ bản đồ số", p.sheet},
			{"Diện tích", p.area + " m²"},
			{"Giấy chứng nhận đã cấp", "Số phát hành " + p.printed + "; số vào sổ cấp GCN: " + p.serial},
			{"Nội dung biến động", "Chuyển nhượng toàn bộ thửa đất cho " + buyer.title() + " " + buyer.name + ", CCCD số " + buyer.id},
			{"Lý do biến động", "Nhận chuyển nhượng quyền sử dụng đất theo hợp đồng công chứng"},
			{"Giấy tờ kèm theo", "Hợp đồng chuyển nhượng; Giấy chứng nhận đã cấp; tờ khai thuế"},
		}},
		Gap(3),
		block(sz(Text{S: "Tôi cam đoan nội dung kê khai trên đơn là đúng sự thật.", Italic: true, Indent: 8}, 11.5)),
		Gap(2),
		Row{Blocks: []Block{signer(80, 85, []string{p.o.datePlace() + ", " + on.long(true), "NGƯỜI VIẾT ĐƠN"}, "(Ký và ghi rõ họ tên)", p.owner.name, "")}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{p.owner.id, buyer.id}, Names: []string{p.owner.name, buyer.name}, Parcel: p.num, MapSheet: p.sheet}
}

// dkddC: the 2024 form 04/ĐK of decree 101/2024: shorter title, the parcel in a grid.
func dkddC(g *gen) (Doc, Fields) {
	p := g.parcel()
	on := g.date(2024, 2025)
	d := Doc{Font: "noto-serif", Items: []any{
		Row{Blocks: []Block{{X: 110, W: 55, Lines: []Text{rgt(sz(tb("Mẫu số 04/ĐK"), 10))}}}},
		motto(0, 165, 11, "-"),
		Gap(5),
		titleLines(13, "ĐƠN ĐĂNG KÝ ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
		Gap(2),
		block(sz(t("Kính gửi: Văn phòng đăng ký đất đai "+p.o.p.full), 11.5)),
		Gap(2),
		block(sz(tb("1. Thông tin người đăng ký"), 11.5)),
		block(sizeAll(11, kvLines(
			pair("Họ và tên", p.owner.name),
			pair("Số định danh cá nhân", p.owner.id),
			pair("Địa chỉ liên hệ", p.owner.address),
			pair("Số điện thoại", p.owner.phone),
		))...),
		block(sz(tb("2. Thông tin thửa đất"), 11.5)),
		Table{Widths: []float64{30, 30, 35, 70}, Size: 10.5, Header: 1, Cells: [][]string{
			{"Thửa đất số", "Tờ bản đồ số", "Diện tích (m²)", "Mục đích sử dụng"},
			{p.num, p.sheet, p.area, p.purpose},
		}},
		block(sz(t("Địa chỉ thửa đất: "+p.landAddr), 11)),
		block(sz(tb("3. Nội dung đăng ký"), 11.5)),
		block(sz(t("Đăng ký đất đai lần đầu và đề nghị cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất."), 11)),
		Gap(2),
		block(sz(Text{S: "Tôi cam đoan thông tin kê khai là đúng và chịu trách nhiệm trước pháp luật.", Indent: 8}, 11)),
		Gap(2),
		Row{Blocks: []Block{signer(80, 85, []string{p.o.datePlace() + ", " + on.long(true), "NGƯỜI ĐĂNG KÝ"}, "(Ký, ghi rõ họ tên)", p.owner.name, "")}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{p.owner.id}, Names: []string{p.owner.name}, Parcel: p.num, MapSheet: p.sheet}
}

func (p parcel) gcnTruth(authority, signer string) Fields {
	return Fields{Number: p.serial, IssuedOn: p.issued.iso(), Authority: authority, CitizenIDs: []string{p.owner.id},
		Names: []string{p.owner.name, signer}, Parcel: p.num, MapSheet: p.sheet}
}

// gcnA: the 2014 certificate, its title over three lines, the register serial at the foot.
func gcnA(g *gen) (Doc, Fields) {
	p := g.parcel()
	officer := officerName(g)
	auth := "Ủy ban nhân dân " + p.o.districtFull()
	d := Doc{Font: "times", Items: []any{
		motto(0, 165, 13, "-"),
		Gap(6),
		titleLines(17, "GIẤY CHỨNG NHẬN", "QUYỀN SỬ DỤNG ĐẤT"),
		titleLines(13, "QUYỀN SỞ HỮU NHÀ Ở VÀ TÀI SẢN KHÁC GẮN LIỀN VỚI ĐẤT"),
		Gap(3),
		block(tb("I. Người sử dụng đất, chủ sở hữu nhà ở và tài sản khác gắn liền với đất")),
		block(t(p.owner.title()+" "+upper(p.owner.name)+", sinh năm "+fmt.Sprint(p.owner.born.y)+", CCCD số "+p.owner.id), t("Địa chỉ thường trú: "+p.owner.address)),
		Gap(2),
		block(tb("II. Thửa đất, nhà ở và tài sản khác gắn liền với đất")),
		block(t("1. Thửa đất:"),
			t("a) Thửa đất số: "+p.num+"; tờ bản đồ số: "+p.sheet+";"),
			t("b) Địa chỉ: "+p.landAddr+";"),
			t("c) Diện tích: "+p.area+" m² (bằng chữ: "+areaWords(p.area)+" mét vuông);"),
			t("d) Hình thức sử dụng: Sử dụng riêng;"),
			t("đ) Mục đích sử dụng: "+p.purpose+";"),
			t("e) Thời hạn sử dụng: "+p.term+";"),
			t("g) Nguồn gốc sử dụng: Công nhận quyền sử dụng đất như giao đất có thu tiền sử dụng đất.")),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{sz(t("Số vào sổ cấp GCN: "+p.serial), 12), sz(t(p.printed), 11)}},
			signer(75, 90, []string{p.o.datePlace() + ", " + p.issued.long(true), "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, "", officer, sealOf(auth)),
		}},
	}}
	return d, p.gcnTruth(auth, officer)
}

// gcnB: the 2024 certificate: the title over two lines ("GIẤY CHỨNG NHẬN" / "QUYỀN SỬ DỤNG ĐẤT,
// QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT"), the holder and the parcel in lettered items, the
// provincial land office signing.
func gcnB(g *gen) (Doc, Fields) {
	p := g.parcel()
	p.issued = g.date(2024, 2025)
	officer := officerName(g)
	auth := g.pick("Sở Tài nguyên và Môi trường "+p.o.p.full, "Ủy ban nhân dân "+p.o.p.full)
	d := Doc{Font: "times", Items: []any{
		motto(0, 165, 12.5, "-"),
		Gap(5),
		titleLines(16, "GIẤY CHỨNG NHẬN", "QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
		Block{Lines: []Text{ctr(sz(t(p.printed), 12))}},
		Gap(3),
		block(sizeAll(12, []Text{
			tb("1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất:"),
			t(p.owner.title() + " " + upper(p.owner.name) + ", năm sinh: " + fmt.Sprint(p.owner.born.y) + ", số định danh cá nhân: " + p.owner.id + ";"),
			t(p.spouse.title() + " " + upper(p.spouse.name) + ", năm sinh: " + fmt.Sprint(p.spouse.born.y) + ", số định danh cá nhân: " + p.spouse.id + ";"),
			t("Địa chỉ: " + p.owner.address),
			tb("2. Thông tin thửa đất:"),
			t("a) Thửa đất số: " + p.num + ", tờ bản đồ số: " + p.sheet + ";"),
			t("b) Diện tích: " + p.area + " m²;"),
			t("c) Loại đất: " + p.purpose + ";"),
			t("d) Hình thức sử dụng đất: Sử dụng chung;"),
			t("đ) Thời hạn sử dụng: " + p.term + ";"),
			t("e) Địa chỉ: " + p.landAddr + ";"),
			t("g) Nguồn gốc sử dụng: Nhận chuyển nhượng đất được Nhà nước giao đất có thu tiền sử dụng đất;"),
			tb("3. Thông tin tài sản gắn liền với đất: -/-"),
			tb("4. Ghi chú: -/-"),
		})...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 72, Lines: []Text{sz(t("Số vào sổ cấp Giấy chứng nhận: "+p.serial), 11.5)}},
			signer(75, 90, []string{p.o.datePlace() + ", " + p.issued.long(true), upper(auth)}, "", officer, sealOf(auth)),
		}},
	}}
	// Both holders are named on this form, with their numbers.
	f := p.gcnTruth(auth, officer)
	f.Names = append(f.Names, p.spouse.name)
	f.CitizenIDs = append(f.CitizenIDs, p.spouse.id)
	return d, f
}

// gcnC: the older red-book layout: the issuing committee heads the page beside the motto, the
// title on one line, the parcel in a ruled table.
func gcnC(g *gen) (Doc, Fields) {
	p := g.parcel()
	officer := officerName(g)
	auth := "Ủy ban nhân dân " + p.o.districtFull()
	d := Doc{Font: "noto-serif", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 66, Lines: []Text{ctr(sz(tb(upper(auth)), 11)), ctr(sz(t(upper(p.o.p.full)), 10.5))}, Rule: 2},
			motto(66, 99, 11, "-"),
		}},
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT"), 15))}},
		Gap(3),
		block(sz(t("Chứng nhận "+p.owner.title()+" "+p.owner.name+", số định danh cá nhân "+p.owner.id+", địa chỉ: "+p.owner.address+" được quyền sử dụng thửa đất sau:"), 11.5)),
		Gap(2),
		Table{Widths: []float64{28, 28, 30, 45, 34}, Size: 10.5, Header: 1, Cells: [][]string{
			{"Thửa đất số", "Tờ bản đồ số", "Diện tích (m²)", "Mục đích sử dụng", "Thời hạn"},
			{p.num, p.sheet, p.area, p.purpose, p.term},
		}},
		block(sz(t("Địa chỉ thửa đất: "+p.landAddr), 11.5)),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{sz(t("Số vào sổ cấp GCN: "+p.serial), 11)}},
			signer(75, 90, []string{p.o.datePlace() + ", " + p.issued.long(false), "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, "", officer, sealOf(auth)),
		}},
	}}
	return d, p.gcnTruth(auth, officer)
}

func areaWords(a string) string {
	parts := strings.Split(a, ",")
	var n, f int
	fmt.Sscan(parts[0], &n)
	if len(parts) > 1 {
		fmt.Sscan(parts[1], &f)
	}
	s := hundreds(n)
	if f > 0 {
		s += " phẩy " + number(f)
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func hundreds(n int) string {
	units := []string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}
	if n < 100 {
		return number(n)
	}
	s := units[n/100] + " trăm"
	switch r := n % 100; {
	case r == 0:
	case r < 10:
		s += " linh " + units[r]
	default:
		s += " " + number(r)
	}
	return s
}

// company is a business being registered.
type company struct {
	o       office
	name    string
	kind    string
	code    string
	rep     person
	addr    string
	first   date
	change  date
	capital string
}

func (g *gen) company() company {
	o := g.office()
	kind := g.pick("CÔNG TY TNHH", "CÔNG TY CỔ PHẦN", "CÔNG TY TNHH MỘT THÀNH VIÊN")
	c := company{o: o, kind: kind}
	c.name = kind + " " + g.pick("THƯƠNG MẠI", "DỊCH VỤ", "XÂY DỰNG", "CÔNG NGHỆ", "SẢN XUẤT") + " " + g.pick("HOÀNG MINH", "AN PHÁT", "SÔNG HỒNG", "PHÚ THÀNH", "MINH KHANG", "VIỆT TIẾN")
	c.code = "0" + g.pick("1", "3", "2", "4") + g.digits(8)
	c.rep = g.person(g.chance(0.6), o, 1965, 2000)
	c.addr = g.address(o)
	c.first = g.date(2015, 2024)
	c.change = date{c.first.d, c.first.m, min(2025, c.first.y+g.between(1, 3))}
	c.capital = fmt.Sprintf("%d.000.000.000", g.between(1, 20))
	return c
}

// dndnA: the business registration request, appendix I-2 of circular 01/2021: the circular's
// note on top, the request to the registration office, numbered items, a table of trades.
func dndnA(g *gen) (Doc, Fields) {
	c := g.company()
	on := g.date(2022, 2025)
	d := Doc{Font: "times", Items: []any{
		Block{X: 95, W: 70, Lines: []Text{ctr(sz(tb("Phụ lục I-2"), 10.5)), ctr(sz(ti("(Ban hành kèm theo Thông tư số 01/2021/TT-BKHĐT ngày 16 tháng 3 năm 2021)"), 9.5))}},
		Gap(2),
		motto(0, 165, 12, "-"),
		Block{X: 70, W: 95, Lines: []Text{ctr(ti(c.o.datePlace() + ", " + on.long(true)))}},
		Gap(4),
		titleLines(14, "GIẤY ĐỀ NGHỊ", "ĐĂNG KÝ CÔNG TY TRÁCH NHIỆM HỮU HẠN MỘT THÀNH VIÊN"),
		Gap(2),
		Block{X: 20, Lines: []Text{t("Kính gửi: Phòng Đăng ký kinh doanh tỉnh, thành phố " + c.o.p.name)}},
		Gap(2),
		block(sizeAll(12, []Text{
			t("Tôi là (ghi họ tên bằng chữ in hoa): " + upper(c.rep.name)),
			t("Đăng ký công ty trách nhiệm hữu hạn một thành viên do tôi là người đại diện theo pháp luật với các nội dung sau:"),
			t("1. Tình trạng thành lập (đánh dấu X vào ô thích hợp): Thành lập mới [X]"),
			t("2. Tên công ty: Tên công ty viết bằng tiếng Việt (ghi bằng chữ in hoa): " + c.name),
			t("3. Địa chỉ trụ sở chính: " + c.addr),
			t("Điện thoại: " + c.rep.phone + "    Email: lienhe@" + strings.ToLower(strings.ReplaceAll(foldASCII(c.name[len(c.kind)+1:]), " ", "")) + ".vn"),
			t("4. Ngành, nghề kinh doanh:"),
		})...),
		Table{Widths: []float64{12, 118, 35}, Size: 11, Header: 1, Cells: [][]string{
			{"STT", "Tên ngành", "Mã ngành"},
			{"1", "Bán buôn máy móc, thiết bị và phụ tùng máy khác", "4659"},
			{"2", "Xây dựng nhà để ở", "4101"},
			{"3", "Hoạt động dịch vụ hỗ trợ kinh doanh khác còn lại chưa được phân vào đâu", "8299"},
		}},
		block(sizeAll(12, []Text{t("5. Vốn điều lệ: " + c.capital + " đồng"), t("6. Người đại diện theo pháp luật: " + c.rep.name + ", CCCD số " + c.rep.id)})...),
		Gap(2),
		Row{Blocks: []Block{signer(75, 90, []string{"NGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT", "CỦA CÔNG TY"}, "(Ký và ghi họ tên)", c.rep.name, "")}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{c.rep.id}, Names: []string{c.rep.name}}
}

// dndnB: the joint-stock variant as software prints it: the title in one line, items in a
// ruled table.
func dndnB(g *gen) (Doc, Fields) {
	c := g.company()
	on := g.date(2022, 2025)
	d := Doc{Font: "arial", Items: []any{
		motto(0, 165, 11.5, "–"),
		Gap(5),
		Block{Lines: []Text{ctr(sz(tb("GIẤY ĐỀ NGHỊ ĐĂNG KÝ DOANH NGHIỆP"), 14)), ctr(sz(tb("CÔNG TY CỔ PHẦN"), 13))}},
		Gap(2),
		block(sz(t("Kính gửi: Phòng Đăng ký kinh doanh - Sở Kế hoạch và Đầu tư "+c.o.p.full), 11.5)),
		Gap(2),
		Table{Widths: []float64{60, 105}, Size: 11, Cells: [][]string{
			{"Tình trạng thành lập", "Thành lập mới"},
			{"Tên công ty bằng tiếng Việt", c.name},
			{"Địa chỉ trụ sở chính", c.addr},
			{"Điện thoại", c.rep.phone},
			{"Vốn điều lệ", c.capital + " đồng"},
			{"Người đại diện theo pháp luật", c.rep.name + " - Chức danh: Tổng giám đốc"},
			{"Căn cước công dân số", c.rep.id},
			{"Ngành, nghề kinh doanh chính", "Bán lẻ lương thực, thực phẩm trong cửa hàng chuyên doanh (4722)"},
		}},
		Gap(3),
		block(sz(Text{S: "Tôi cam kết là người đại diện theo pháp luật có quyền và nghĩa vụ thực hiện thủ tục đăng ký doanh nghiệp theo quy định của pháp luật và chịu trách nhiệm về tính hợp pháp, chính xác của hồ sơ.", Indent: 8}, 11)),
		Gap(2),
		Row{Blocks: []Block{signer(75, 90, []string{c.o.datePlace() + ", " + on.long(true), "NGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT"}, "(Ký và ghi họ tên)", c.rep.name, "")}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{c.rep.id}, Names: []string{c.rep.name}}
}

// dndnC: a household business's request (giấy đề nghị đăng ký hộ kinh doanh is another
// procedure; this one registers a private enterprise, its owner first).
func dndnC(g *gen) (Doc, Fields) {
	c := g.company()
	c.name = "DOANH NGHIỆP TƯ NHÂN " + strings.TrimPrefix(c.name, c.kind+" ")
	on := g.date(2022, 2025)
	d := Doc{Font: "noto-sans", Items: []any{
		Row{Blocks: []Block{{X: 115, W: 50, Lines: []Text{rgt(sz(ti("Phụ lục I-1"), 10))}}}},
		motto(0, 165, 10.5, "-"),
		Gap(4),
		Block{Lines: []Text{ctr(sz(tb("GIẤY ĐỀ NGHỊ ĐĂNG KÝ DOANH NGHIỆP TƯ NHÂN"), 13))}},
		Gap(2),
		block(sz(t("Kính gửi: Phòng Đăng ký kinh doanh "+c.o.p.full), 11)),
		block(sizeAll(11, kvLines(
			pair("Tôi là (ghi họ tên bằng chữ in hoa)", upper(c.rep.name)),
			pair("Ngày sinh", c.rep.born.slash()),
			pair("Số định danh cá nhân", c.rep.id),
			pair("Địa chỉ liên lạc", c.rep.address),
		))...),
		block(sz(t("Là chủ doanh nghiệp tư nhân, đăng ký doanh nghiệp với các nội dung sau:"), 11)),
		block(sizeAll(11, kvLines(
			pair("Tên doanh nghiệp viết bằng tiếng Việt", c.name),
			pair("Địa chỉ trụ sở chính", c.addr),
			pair("Vốn đầu tư", c.capital+" đồng"),
		))...),
		Gap(3),
		Row{Blocks: []Block{signer(80, 85, []string{"CHỦ DOANH NGHIỆP"}, c.o.datePlace()+", "+on.long(true), c.rep.name, "")}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{c.rep.id}, Names: []string{c.rep.name}}
}

func (c company) certTruth(auth, signer string) Fields {
	issued := c.first
	if c.change.y > c.first.y {
		issued = c.change
	}
	return Fields{Number: c.code, EnterpriseCode: c.code, IssuedOn: issued.iso(), Authority: auth, CitizenIDs: []string{c.rep.id}, Names: []string{c.rep.name, signer}}
}

// gcndnA: the business registration certificate: the registration office beside the motto,
// the enterprise code under the title, numbered items.
func gcndnA(g *gen) (Doc, Fields) {
	c := g.company()
	officer := officerName(g)
	auth := "Phòng Đăng ký kinh doanh"
	d := Doc{Font: "times", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(t("SỞ KẾ HOẠCH VÀ ĐẦU TƯ"), 12)), ctr(sz(t(upper(c.o.p.full)), 11.5)), ctr(sz(tb("PHÒNG ĐĂNG KÝ KINH DOANH"), 12))}, Rule: 3},
			motto(70, 95, 12, "-"),
		}},
		Gap(6),
		titleLines(15, "GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP", strings.TrimSuffix(strings.Replace(c.kind, "CÔNG TY TNHH", "CÔNG TY TRÁCH NHIỆM HỮU HẠN", 1), "")),
		Block{Lines: []Text{ctr(tb("Mã số doanh nghiệp: " + c.code)), ctr(t("Đăng ký lần đầu: " + c.first.long(true))), ctr(t("Đăng ký thay đổi lần thứ: 1, " + c.change.long(true)))}},
		Gap(3),
		block(sizeAll(12.5, []Text{
			tb("1. Tên công ty"),
			t("Tên công ty viết bằng tiếng Việt: " + c.name),
			t("Tên công ty viết tắt: " + strings.ReplaceAll(foldASCII(c.name[len(c.kind)+1:]), " ", "") + " CO., LTD"),
			tb("2. Địa chỉ trụ sở chính"),
			t(c.addr),
			t("Điện thoại: " + c.rep.phone),
			tb("3. Vốn điều lệ: " + c.capital + " đồng"),
			tb("4. Người đại diện theo pháp luật của công ty"),
			t("Họ và tên: " + upper(c.rep.name) + "    Giới tính: " + c.rep.sex()),
			t("Chức danh: Giám đốc    Sinh ngày: " + c.rep.born.slash() + "    Dân tộc: " + c.rep.ethnicity + "    Quốc tịch: Việt Nam"),
			t("Loại giấy tờ pháp lý của cá nhân: Căn cước công dân"),
			t("Số giấy tờ pháp lý của cá nhân: " + c.rep.id),
			t("Địa chỉ thường trú: " + c.rep.address),
		})...),
		Gap(3),
		Row{Blocks: []Block{signer(80, 85, []string{"TRƯỞNG PHÒNG"}, "", officer, sealOf("phòng đăng ký kinh doanh sở kế hoạch và đầu tư"))}},
	}}
	return d, c.certTruth(auth, officer)
}

// gcndnB: the certificate after the 2025 merger of departments: "Sở Tài chính" heading, items
// in a table.
func gcndnB(g *gen) (Doc, Fields) {
	c := g.company()
	officer := officerName(g)
	auth := "Sở Tài chính " + c.o.p.full
	d := Doc{Font: "arial", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 68, Lines: []Text{ctr(sz(tb("SỞ TÀI CHÍNH"), 11)), ctr(sz(tb(upper(c.o.p.full)), 11))}, Rule: 2},
			motto(68, 97, 11, "–"),
		}},
		Gap(6),
		titleLines(14, "GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP"),
		Block{Lines: []Text{ctr(sz(t(c.kind), 12)), ctr(sz(tb("Mã số doanh nghiệp: "+c.code), 12)), ctr(sz(t("Đăng ký lần đầu: "+c.first.long(true)), 11)), ctr(sz(t("Đăng ký thay đổi lần thứ 2: "+c.change.long(true)), 11))}},
		Gap(3),
		Table{Widths: []float64{55, 110}, Size: 11, Cells: [][]string{
			{"Tên doanh nghiệp", c.name},
			{"Địa chỉ trụ sở chính", c.addr},
			{"Vốn điều lệ", c.capital + " đồng"},
			{"Người đại diện theo pháp luật", c.rep.name + ", sinh ngày " + c.rep.born.slash()},
			{"Số định danh cá nhân", c.rep.id},
			{"Chức danh", "Tổng giám đốc"},
		}},
		Gap(4),
		Row{Blocks: []Block{signer(80, 85, []string{"KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"}, "", officer, sealOf(auth))}},
	}}
	return d, c.certTruth(auth, officer)
}

// gcndnC: an extract printed from the national registration portal: the code first, plain
// sans-serif lines.
func gcndnC(g *gen) (Doc, Fields) {
	c := g.company()
	officer := officerName(g)
	// As printed, as on gcndnA: the office's line names no place ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ
	// QUẢNG NINH" above it).
	auth, seal := "Phòng Đăng ký kinh doanh", "Phòng Đăng ký kinh doanh "+c.o.p.full
	d := Doc{Font: "noto-sans", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(t("SỞ KẾ HOẠCH VÀ ĐẦU TƯ "+upper(c.o.p.name)), 10)), ctr(sz(tb("PHÒNG ĐĂNG KÝ KINH DOANH"), 10))}, Rule: 2},
			motto(70, 95, 10, "-"),
		}},
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("GIẤY CHỨNG NHẬN"), 14)), ctr(sz(tb("ĐĂNG KÝ DOANH NGHIỆP"), 14)), ctr(sz(t("DOANH NGHIỆP TƯ NHÂN"), 12))}},
		Gap(2),
		block(sizeAll(11, kvLines(
			pair("Mã số doanh nghiệp", c.code),
			pair("Đăng ký lần đầu", c.first.long(true)),
			pair("Tên doanh nghiệp", "DOANH NGHIỆP TƯ NHÂN "+strings.TrimPrefix(c.name, c.kind+" ")),
			pair("Địa chỉ trụ sở chính", c.addr),
			pair("Vốn đầu tư", c.capital+" đồng"),
			pair("Chủ doanh nghiệp", upper(c.rep.name)),
			pair("Số định danh cá nhân", c.rep.id),
			pair("Địa chỉ liên lạc", c.rep.address),
		))...),
		Gap(4),
		Row{Blocks: []Block{signer(80, 85, []string{"TRƯỞNG PHÒNG"}, "", officer, sealOf(seal))}},
	}}
	tr := c.certTruth(auth, officer)
	tr.IssuedOn = c.first.iso()
	return d, tr
}

func foldASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) rune {
	for base, variants := range map[rune]string{
		'A': "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'E': "ÈÉẺẼẸÊỀẾỂỄỆ", 'I': "ÌÍỈĨỊ", 'O': "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ",
		'U': "ÙÚỦŨỤƯỪỨỬỮỰ", 'Y': "ỲÝỶỸỴ", 'D': "Đ",
	} {
		if strings.ContainsRune(variants, r) {
			return base
		}
	}
	return r
}

// contract parties.
func (g *gen) parties(o office) (a, b person) {
	return g.person(g.chance(0.5), o, 1955, 1995), g.person(g.chance(0.5), o, 1960, 2000)
}

// hdA: a land transfer contract: number, the parties as A and B, articles, two signatures.
func hdA(g *gen) (Doc, Fields) {
	p := g.parcel()
	a, b := p.owner, g.person(g.chance(0.5), p.o, 1965, 2000)
	on := g.date(2020, 2025)
	num := fmt.Sprintf("%d/%d/HĐCN", g.between(1, 300), on.y)
	price := fmt.Sprintf("%d.%03d.000.000", g.between(1, 9), g.between(0, 999))
	d := Doc{Font: "times", Items: []any{
		motto(0, 165, 12.5, "-"),
		Gap(6),
		titleLines(15, "HỢP ĐỒNG CHUYỂN NHƯỢNG QUYỀN SỬ DỤNG ĐẤT"),
		Block{Lines: []Text{ctr(t("Số: " + num))}},
		Gap(2),
		block(Text{S: "Hôm nay, " + on.long(true) + ", tại " + p.o.datePlace() + ", chúng tôi gồm có:", Indent: 8}),
		block(tb("BÊN CHUYỂN NHƯỢNG (BÊN A):"), t(a.title()+" "+a.name+", sinh năm "+fmt.Sprint(a.born.y)+", CCCD số "+a.id), t("Địa chỉ thường trú: "+a.address)),
		block(tb("BÊN NHẬN CHUYỂN NHƯỢNG (BÊN B):"), t(b.title()+" "+b.name+", sinh năm "+fmt.Sprint(b.born.y)+", CCCD số "+b.id), t("Địa chỉ thường trú: "+b.address)),
		block(t("Hai bên đồng ý thực hiện việc chuyển nhượng quyền sử dụng đất với các thỏa thuận sau đây:")),
		block(tb("Điều 1. Quyền sử dụng đất chuyển nhượng"), t("Thửa đất số: "+p.num+"; tờ bản đồ số: "+p.sheet+"; diện tích: "+p.area+" m²; địa chỉ: "+p.landAddr+".")),
		block(tb("Điều 2. Giá chuyển nhượng và phương thức thanh toán"), t("Giá chuyển nhượng là "+price+" đồng, Bên B thanh toán cho Bên A bằng tiền mặt một lần.")),
		block(tb("Điều 3. Cam đoan của các bên"), t("Bên A cam đoan thửa đất không có tranh chấp, không bị kê biên; Bên B đã xem xét kỹ hiện trạng thửa đất.")),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"BÊN A"}, "(Ký, ghi rõ họ tên)", a.name, ""),
			signer(85, 80, []string{"BÊN B"}, "(Ký, ghi rõ họ tên)", b.name, ""),
		}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), CitizenIDs: []string{a.id, b.id}, Names: []string{a.name, b.name}, Parcel: p.num, MapSheet: p.sheet}
}

// hdB: a labour contract, the employer's header beside the motto, the terms in a table.
func hdB(g *gen) (Doc, Fields) {
	c := g.company()
	emp := g.person(g.chance(0.5), c.o, 1975, 2004)
	on := g.date(2021, 2025)
	num := fmt.Sprintf("%03d/%d/HĐLĐ", g.between(1, 300), on.y)
	d := Doc{Font: "arial", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(tb(c.name), 10.5)), ctr(sz(t("Số: "+num), 10.5))}, Rule: 1},
			motto(70, 95, 10.5, "–"),
		}},
		Gap(6),
		titleLines(15, "HỢP ĐỒNG LAO ĐỘNG"),
		Gap(2),
		block(sz(t("Căn cứ Bộ luật Lao động số 45/2019/QH14 ngày 20 tháng 11 năm 2019;"), 11)),
		block(sz(t("Hôm nay, "+on.long(true)+", tại trụ sở công ty, chúng tôi gồm:"), 11)),
		block(sz(tb("Bên A (Người sử dụng lao động): "+c.name), 11), sz(t("Đại diện: "+c.rep.name+" - Chức vụ: Giám đốc"), 11), sz(t("Địa chỉ: "+c.addr), 11)),
		block(sz(tb("Bên B (Người lao động): "+emp.name), 11), sz(t("Sinh ngày: "+emp.born.slash()+"; CCCD số: "+emp.id), 11), sz(t("Địa chỉ thường trú: "+emp.address), 11)),
		Table{Widths: []float64{55, 110}, Size: 10.5, Cells: [][]string{
			{"Loại hợp đồng", "Hợp đồng lao động xác định thời hạn 24 tháng"},
			{"Thời hạn", "Từ " + on.slash() + " đến " + date{on.d, on.m, on.y + 2}.slash()},
			{"Công việc phải làm", g.pick("Nhân viên kế toán", "Nhân viên kinh doanh", "Kỹ sư phần mềm", "Công nhân vận hành máy")},
			{"Mức lương chính", fmt.Sprintf("%d.000.000 đồng/tháng", g.between(6, 30))},
			{"Thời giờ làm việc", "08 giờ/ngày, 05 ngày/tuần"},
		}},
		block(sz(t("Hợp đồng này được lập thành 02 bản có giá trị pháp lý như nhau, mỗi bên giữ 01 bản."), 11)),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"NGƯỜI LAO ĐỘNG"}, "(Ký, ghi rõ họ tên)", emp.name, ""),
			signer(85, 80, []string{"NGƯỜI SỬ DỤNG LAO ĐỘNG"}, "(Ký, đóng dấu)", c.rep.name, sealOf(c.name)),
		}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), CitizenIDs: []string{emp.id}, Names: []string{c.rep.name, emp.name}}
}

// hdC: a house lease, the articles numbered, the parties in two columns.
func hdC(g *gen) (Doc, Fields) {
	o := g.office()
	a, b := g.parties(o)
	on := g.date(2021, 2025)
	d := Doc{Font: "noto-serif", Items: []any{
		motto(0, 165, 11, "-"),
		Gap(5),
		Block{Lines: []Text{ctr(sz(tb("HỢP ĐỒNG THUÊ NHÀ Ở"), 15))}},
		Gap(2),
		block(sz(t("Hôm nay, "+on.long(false)+", tại "+g.address(o)+", chúng tôi gồm:"), 11)),
		Row{Blocks: []Block{
			{X: 0, W: 80, Lines: append([]Text{sz(tb("BÊN CHO THUÊ (BÊN A)"), 11)}, sizeAll(10.5, kvLines(pair("Họ và tên", a.name), pair("CCCD số", a.id), pair("Địa chỉ", a.address)))...)},
			{X: 85, W: 80, Lines: append([]Text{sz(tb("BÊN THUÊ (BÊN B)"), 11)}, sizeAll(10.5, kvLines(pair("Họ và tên", b.name), pair("CCCD số", b.id), pair("Địa chỉ", b.address)))...)},
		}},
		Gap(2),
		block(sizeAll(11, []Text{
			tb("Điều 1. Nhà cho thuê"), t("Bên A cho Bên B thuê căn nhà tại " + g.address(o) + ", diện tích sử dụng " + fmt.Sprint(g.between(30, 120)) + " m²."),
			tb("Điều 2. Giá thuê và thời hạn"), t(fmt.Sprintf("Giá thuê %d.000.000 đồng mỗi tháng; thời hạn thuê 12 tháng kể từ ngày ký.", g.between(3, 25))),
			tb("Điều 3. Điều khoản chung"), t("Hai bên cam kết thực hiện đúng các điều khoản đã thỏa thuận; tranh chấp được giải quyết bằng thương lượng."),
		})...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"BÊN A"}, "(Ký, ghi rõ họ tên)", a.name, ""),
			signer(85, 80, []string{"BÊN B"}, "(Ký, ghi rõ họ tên)", b.name, ""),
		}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{a.id, b.id}, Names: []string{a.name, b.name}}
}

// uqA: a power of attorney between individuals, the parties numbered I, II.
func uqA(g *gen) (Doc, Fields) {
	o := g.office()
	a, b := g.parties(o)
	on := g.date(2020, 2025)
	d := Doc{Font: "times", Items: []any{
		motto(0, 165, 12.5, "-"),
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("GIẤY ỦY QUYỀN"), 16)), ctr(sz(ti("(Dành cho cá nhân)"), 12))}},
		Gap(2),
		block(t("- Căn cứ Bộ luật Dân sự nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2015;")),
		block(t("Hôm nay, " + on.long(true) + ", tại " + o.datePlace() + ", chúng tôi gồm có:")),
		block(tb("I. BÊN ỦY QUYỀN:")),
		block(kvLines(pair("Họ và tên", a.name), pair("Sinh ngày", a.born.slash()), pair("Số CCCD", a.id+" cấp ngày "+a.idIssued.slash()), pair("Địa chỉ thường trú", a.address))...),
		block(tb("II. BÊN NHẬN ỦY QUYỀN:")),
		block(kvLines(pair("Họ và tên", b.name), pair("Sinh ngày", b.born.slash()), pair("Số CCCD", b.id+" cấp ngày "+b.idIssued.slash()), pair("Địa chỉ thường trú", b.address))...),
		block(tb("III. NỘI DUNG ỦY QUYỀN:"), t("Bên nhận ủy quyền được thay mặt bên ủy quyền nộp hồ sơ, nhận kết quả thủ tục cấp Giấy chứng nhận quyền sử dụng đất tại Bộ phận một cửa "+o.districtFull()+".")),
		block(tb("IV. THỜI HẠN ỦY QUYỀN:"), t("Kể từ ngày ký đến khi hoàn thành công việc được ủy quyền.")),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"BÊN ỦY QUYỀN"}, "(Ký, ghi rõ họ tên)", a.name, ""),
			signer(85, 80, []string{"BÊN NHẬN ỦY QUYỀN"}, "(Ký, ghi rõ họ tên)", b.name, ""),
		}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{a.id, b.id}, Names: []string{a.name, b.name}}
}

// uqB: the same with the parties side by side and the commune's certification at the foot.
func uqB(g *gen) (Doc, Fields) {
	o := g.office()
	a, b := g.parties(o)
	on := g.date(2020, 2025)
	officer := officerName(g)
	d := Doc{Font: "arial", Items: []any{
		motto(0, 165, 11, "–"),
		Gap(5),
		titleLines(15, "GIẤY ỦY QUYỀN"),
		Gap(2),
		Row{Blocks: []Block{
			{X: 0, W: 80, Lines: append([]Text{sz(tb("Bên ủy quyền"), 11)}, sizeAll(10.5, kvLines(pair("Ông/Bà", a.name), pair("CCCD", a.id), pair("Địa chỉ", a.address)))...)},
			{X: 85, W: 80, Lines: append([]Text{sz(tb("Bên nhận ủy quyền"), 11)}, sizeAll(10.5, kvLines(pair("Ông/Bà", b.name), pair("CCCD", b.id), pair("Địa chỉ", b.address)))...)},
		}},
		Gap(2),
		block(sz(t("Nội dung ủy quyền: thay mặt tôi làm thủ tục đăng ký khai sinh cho con và nhận kết quả."), 11)),
		block(sz(t("Thời hạn ủy quyền: 06 tháng kể từ "+on.long(true)+"."), 11)),
		Gap(2),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"BÊN NHẬN ỦY QUYỀN"}, "", b.name, ""),
			signer(85, 80, []string{"BÊN ỦY QUYỀN"}, "", a.name, ""),
		}},
		Gap(2),
		Block{X: 40, W: 125, Lines: []Text{ctr(sz(tb("XÁC NHẬN CỦA ỦY BAN NHÂN DÂN "+upper(o.wardFull())), 11)), ctr(sz(t("Chứng thực chữ ký của "+a.title()+" "+a.name), 10.5)), ctr(sz(tb("PHÓ CHỦ TỊCH"), 11))}, Sign: 3, Seal: sealOf("ủy ban nhân dân " + o.wardFull())},
		Block{X: 40, W: 125, Lines: []Text{ctr(sz(tb(officer), 11))}},
	}}
	// The officer who certifies the signature signs too: a name the page gives.
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{a.id, b.id}, Names: []string{a.name, b.name, officer}}
}

// uqC: a company's letter of authorisation to an employee.
func uqC(g *gen) (Doc, Fields) {
	c := g.company()
	emp := g.person(g.chance(0.5), c.o, 1980, 2002)
	on := g.date(2021, 2025)
	num := fmt.Sprintf("%02d/%d/GUQ", g.between(1, 90), on.y)
	d := Doc{Font: "noto-sans", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(tb(c.name), 10)), ctr(sz(t("Số: "+num), 10))}, Rule: 1},
			motto(70, 95, 10, "-"),
		}},
		Block{X: 70, W: 95, Lines: []Text{ctr(sz(ti(c.o.datePlace()+", "+on.long(true)), 10.5))}},
		Gap(5),
		titleLines(15, "GIẤY ỦY QUYỀN"),
		Gap(2),
		block(sizeAll(11, kvLines(pair("Bên ủy quyền", c.name), pair("Đại diện", c.rep.name+", chức vụ Giám đốc"), pair("Bên nhận ủy quyền", emp.name), pair("Số định danh cá nhân", emp.id)))...),
		block(sz(t("Nội dung: được thay mặt công ty nộp hồ sơ đăng ký thay đổi nội dung đăng ký doanh nghiệp và nhận kết quả tại Phòng Đăng ký kinh doanh."), 11)),
		Gap(3),
		Row{Blocks: []Block{signer(80, 85, []string{"GIÁM ĐỐC"}, "", c.rep.name, sealOf(c.name))}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), CitizenIDs: []string{emp.id}, Names: []string{c.rep.name, emp.name}}
}
