package evalset

import (
	"fmt"
	"strings"
)

// Development family ("g"): a third set of layouts for the field rules, written around how
// real offices print who issued a paper and under what number: a provincial department under
// its committee with the number filled in by hand ("Số:  125 /QĐ-STP"), a body's name wrapped
// over two lines ("PHÒNG ĐĂNG KÝ KINH DOANH VÀ" / "TÀI CHÍNH DOANH NGHIỆP", "BỆNH VIỆN ĐA
// KHOA" / "KHU VỰC ..."), a provincial committee deciding itself, a central hospital or the
// police under their ministry's line, a commune's public-service centre of the 2025 reform,
// the 2014 land certificate whose only issuer is the committee it is signed for, a marriage
// certificate with no header at all, a contract certified by the commune beside its own
// number, and the dates a desk must not take for the issue date (an ID card's, a first
// registration's). Never measured for the floors, like e and f; kept in a list of its own so
// that adding it left the pages of e and f as they were.
var devG []formFamily

func addDevG(typ string, make func(*gen) (Doc, Fields)) {
	devG = append(devG, formFamily{typ, "g", make})
}

func init() {
	addDevG("quyet_dinh", qdG)
	addDevG("giay_chung_nhan_qsdd", gcnG)
	addDevG("giay_chung_nhan_dkdn", gcndnG)
	addDevG("giay_chung_sinh", gcsG)
	addDevG("bien_nhan", bnG)
	addDevG("giay_khai_sinh", gksG)
	addDevG("hop_dong", hdG)
	addDevG("giay_chung_nhan_ket_hon", gcnkhG)
	addDevG("xac_nhan_cu_tru", xnG)
}

// handNumber is a number as offices print it when the clerk fills it in by hand: spaces
// around the part written in ("Số:  125 /QĐ-STP").
func handNumber(g *gen, n int, suffix string) (printed, read string) {
	return fmt.Sprintf("%d%s/%s", n, strings.Repeat(" ", g.between(1, 3)), suffix), fmt.Sprintf("%d/%s", n, suffix)
}

// qdG: a decision of the provincial justice department under its committee, the number
// filled in by hand, the director's title as the acting body, signed by a deputy.
func qdG(g *gen) (Doc, Fields) {
	q := g.decision()
	printed, num := handNumber(g, g.between(10, 999), "QĐ-STP")
	name := g.name(!q.p.male)
	// The department under its committee, or (one page in three) the provincial committee
	// deciding itself, its name over two lines.
	header := []Text{ctr(sz(t("UBND "+upper(q.o.p.full)), 12)), ctr(sz(tb("SỞ TƯ PHÁP"), 12)), Text{}, ctr(sz(t("Số:  "+printed), 12))}
	auth, acting, cap, seal := "Sở Tư pháp", "GIÁM ĐỐC SỞ TƯ PHÁP", []string{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}, "Sở Tư pháp "+q.o.p.full
	if g.chance(1.0 / 3) {
		printed, num = handNumber(g, g.between(10, 9999), "QĐ-UBND")
		header = []Text{ctr(sz(tb("ỦY BAN NHÂN DÂN"), 12)), ctr(sz(tb(upper(q.o.p.full)), 12)), Text{}, ctr(sz(t("Số:  "+printed), 12))}
		auth, acting, cap, seal = "Ủy ban nhân dân "+q.o.p.full, "ỦY BAN NHÂN DÂN "+upper(q.o.p.full), []string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, "Ủy ban nhân dân "+q.o.p.full
	}
	d := Doc{Font: g.pick("times", "noto-serif"), Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: header, Rule: 2},
			{X: 72, W: 93, Lines: []Text{ctr(sz(tb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 11.5)), ctr(sz(tb("Độc lập - Tự do - Hạnh phúc"), 12.5)), Text{}, ctr(sz(ti(q.o.p.name+", "+q.on.long(false)), 12))}, Rule: 2},
		}},
		Gap(6),
		titleLines(14, "QUYẾT ĐỊNH"),
		Block{Lines: []Text{ctr(sz(tb("Về việc cho phép thay đổi họ, chữ đệm, tên"), 12.5))}},
		Gap(2),
		titleLines(12.5, acting),
		block(sizeAll(12.5, []Text{
			{S: "Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;", Indent: 8},
			{S: "Xét đề nghị của " + strings.ToLower(q.p.title()) + " " + q.p.name + ", sinh ngày " + q.p.born.slash() + ", số định danh cá nhân " + q.p.id + ",", Indent: 8},
		})...),
		titleLines(12.5, "QUYẾT ĐỊNH:"),
		block(sizeAll(12.5, []Text{
			{S: "Điều 1. Cho phép " + strings.ToLower(q.p.title()) + " " + q.p.name + " được thay đổi tên thành " + name + ".", Indent: 8},
			{S: "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Trưởng phòng Hành chính tư pháp và người có tên tại Điều 1 chịu trách nhiệm thi hành.", Indent: 8},
		})...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			recipients(0, 70, "Như Điều 2;", "Lưu: VT, HCTP."),
			signer(80, 85, cap, "", q.chair, sealOf(seal)),
		}},
	}}
	return d, Fields{Number: num, IssuedOn: q.on.iso(), Authority: auth, CitizenIDs: []string{q.p.id}, Names: []string{q.p.name, q.chair}}
}

// gcnG: the land certificate of circular 23/2014 with an owner who still holds the old
// 9-digit identity card: no issuer header, the committee named only in the signature block
// ("TM. ỦY BAN NHÂN DÂN HUYỆN ..."), the register number at the foot on the left, the blank's
// printed series at the top.
func gcnG(g *gen) (Doc, Fields) {
	p := g.parcel()
	officer := officerName(g)
	auth := "Ủy ban nhân dân " + p.o.districtFull()
	d := Doc{Font: "times", Items: []any{
		Block{X: 115, W: 50, Lines: []Text{rgt(sz(t(p.printed), 11))}},
		motto(0, 165, 12, "-"),
		Gap(5),
		titleLines(15, "GIẤY CHỨNG NHẬN", "QUYỀN SỬ DỤNG ĐẤT", "QUYỀN SỞ HỮU NHÀ Ở VÀ TÀI SẢN KHÁC GẮN LIỀN VỚI ĐẤT"),
		Gap(3),
		block(sizeAll(12, []Text{
			tb("I. Người sử dụng đất, chủ sở hữu nhà ở và tài sản khác gắn liền với đất"),
			t(p.owner.title() + ": " + upper(p.owner.name) + ", sinh năm: " + fmt.Sprint(p.owner.born.y) + ", CMND số: " + p.owner.oldID),
			t("Địa chỉ thường trú: " + p.owner.address),
			tb("II. Thửa đất, nhà ở và tài sản khác gắn liền với đất"),
			t("1. Thửa đất:"),
			t("a) Thửa đất số: " + p.num + ",      tờ bản đồ số: " + p.sheet + ";"),
			t("b) Địa chỉ: " + p.landAddr + ";"),
			t("c) Diện tích: " + p.area + " m² (Bằng chữ: ...);"),
			t("d) Hình thức sử dụng: riêng;"),
			t("đ) Mục đích sử dụng: " + p.purpose + ";"),
			t("e) Thời hạn sử dụng: " + p.term + ";"),
		})...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 72, Lines: []Text{Text{}, Text{}, Text{}, Text{}, sz(t("Số vào sổ cấp GCN: "+p.serial), 11.5)}},
			signer(75, 90, []string{p.o.datePlace() + ", " + p.issued.long(true), "TM. ỦY BAN NHÂN DÂN " + upper(p.o.districtFull()), "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, "", officer, sealOf(auth)),
		}},
	}}
	tr := p.gcnTruth(auth, officer)
	tr.CitizenIDs, tr.OldIDs = nil, []string{p.owner.oldID}
	return d, tr
}

// gcndnG: the registration certificate of a department renamed in 2025, its name over two
// lines, the representative's ID with its own issue date and issuer (not the certificate's).
func gcndnG(g *gen) (Doc, Fields) {
	c := g.company()
	officer := officerName(g)
	auth := "Phòng Đăng ký kinh doanh và Tài chính doanh nghiệp"
	d := Doc{Font: g.pick("times", "arial"), Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 78, Lines: []Text{ctr(sz(t("SỞ TÀI CHÍNH "+upper(c.o.p.full)), 10.5)), ctr(sz(tb("PHÒNG ĐĂNG KÝ KINH DOANH VÀ"), 10.5)), ctr(sz(tb("TÀI CHÍNH DOANH NGHIỆP"), 10.5))}, Rule: 3},
			motto(80, 85, 10.5, "-"),
		}},
		Gap(6),
		titleLines(14, "GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP", upper(c.kind)),
		block(sizeAll(11.5, []Text{
			ctr(t("Mã số doanh nghiệp: " + c.code)),
			ctr(t("Đăng ký lần đầu: " + c.first.long(true))),
		})...),
		block(sizeAll(11.5, []Text{
			t("1. Tên công ty"),
			t("Tên công ty viết bằng tiếng Việt: " + c.name),
			t("2. Địa chỉ trụ sở chính: " + c.addr),
			t("3. Vốn điều lệ: " + c.capital + " đồng"),
			t("4. Người đại diện theo pháp luật của công ty"),
			t("Họ và tên: " + upper(c.rep.name) + "      Giới tính: " + c.rep.sex()),
			t("Chức danh: Chủ tịch Hội đồng quản trị"),
			t("Sinh ngày: " + c.rep.born.slash() + "      Dân tộc: Kinh      Quốc tịch: Việt Nam"),
			t("Loại giấy tờ pháp lý của cá nhân: Thẻ Căn cước công dân"),
			t("Số giấy tờ pháp lý của cá nhân: " + c.rep.id),
			t("Ngày cấp: " + c.rep.idIssued.slash() + "      Nơi cấp: Cục Cảnh sát quản lý hành chính về trật tự xã hội"),
			t("Địa chỉ thường trú: " + c.rep.address),
		})...),
		Gap(3),
		Row{Blocks: []Block{signer(85, 80, []string{"TRƯỞNG PHÒNG"}, "", officer, sealOf(auth+" "+c.o.p.full))}},
	}}
	tr := c.certTruth(auth, officer)
	tr.IssuedOn = c.first.iso()
	return d, tr
}

// gcsG: a district hospital's birth certificate, the hospital's name over two lines under the
// provincial health department, the number and book side by side, the mother's ID card dated.
func gcsG(g *gen) (Doc, Fields) {
	b := g.birth()
	hosp := "Bệnh viện Đa khoa khu vực " + b.o.d.name
	header := []Text{ctr(sz(t("SỞ Y TẾ "+upper(b.o.p.full)), 10.5)), ctr(sz(tb("BỆNH VIỆN ĐA KHOA"), 10.5)), ctr(sz(tb("KHU VỰC "+upper(b.o.d.name)), 10.5))}
	if g.chance(1.0 / 3) { // a central hospital under the ministry
		hosp = g.pick("Bệnh viện Phụ sản Trung ương", "Bệnh viện Trung ương Huế", "Bệnh viện Chợ Rẫy")
		header = []Text{ctr(sz(t("BỘ Y TẾ"), 10.5)), ctr(sz(tb(upper(hosp)), 10.5))}
	}
	head, mw := officerName(g), g.name(false)
	num := fmt.Sprintf("%d/GCS", g.between(100, 4999))
	issued := b.child.born
	d := Doc{Font: "arial", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 75, Lines: header, Rule: len(header)},
			motto(77, 88, 10.5, "-"),
		}},
		Block{X: 0, W: 75, Lines: []Text{ctr(sz(t("Số: "+num+"      Quyển số: "+fmt.Sprint(g.between(1, 30))), 10.5))}},
		Gap(5),
		titleLines(15, "GIẤY CHỨNG SINH"),
		Gap(2),
		block(sizeAll(11.5, kvLines(
			pair("Họ và tên bố/mẹ hoặc người nuôi dưỡng", b.mother.name),
			pair("Năm sinh", fmt.Sprint(b.mother.born.y)),
			pair("Số CCCD", b.mother.id+"      Ngày cấp: "+b.mother.idIssued.slash()),
			pair("Nơi đăng ký thường trú", b.mother.address),
			pair("Đã sinh con vào lúc", fmt.Sprintf("%02d giờ %02d phút, ngày %02d tháng %02d năm %d", g.between(0, 23), g.between(0, 59), issued.d, issued.m, issued.y)),
			pair("Tại", hosp),
			pair("Số con trong lần sinh này", "01      Giới tính: "+b.child.sex()),
			pair("Cân nặng", fmt.Sprintf("%d.%d00 gram", g.between(2, 4), g.between(0, 9))),
			pair("Dự định đặt tên con là", b.child.name),
		))...),
		block(sz(t("Người đỡ đẻ: Hộ sinh "+mw), 11.5)),
		Gap(3),
		Block{X: 80, W: 85, Lines: []Text{ctr(ti(b.o.datePlace() + ", ngày " + fmt.Sprintf("%02d tháng %02d năm %d", issued.d, issued.m, issued.y)))}},
		Row{Blocks: []Block{signer(80, 85, []string{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}, "(Ký, ghi rõ họ tên, đóng dấu)", head, sealOf(hosp))}},
	}}
	return d, Fields{Number: num, IssuedOn: issued.iso(), Authority: hosp, CitizenIDs: []string{b.mother.id}, Names: []string{b.mother.name, b.child.name, mw, head}}
}

// bnG: the receipt of a commune's public-service centre (2025), the centre's name over two
// lines under the commune, the facts as numbered lines, the day it was received and the day
// to come back, the clerk's name only.
func bnG(g *gen) (Doc, Fields) {
	o, p, on, back, proc, code, _ := receiptFacts(g)
	printed, num := handNumber(g, g.between(10, 9999), "TN-TTPVHCC")
	clerk := g.name(g.chance(0.5))
	d := Doc{Font: g.pick("times", "noto-sans"), Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 76, Lines: []Text{ctr(sz(t("UBND "+upper(o.wardFull())), 11)), ctr(sz(tb("TRUNG TÂM PHỤC VỤ"), 11)), ctr(sz(tb("HÀNH CHÍNH CÔNG"), 11)), ctr(sz(t("Số: "+printed), 11))}, Rule: 3},
			motto(78, 87, 11, "-"),
		}},
		Block{X: 78, W: 87, Lines: []Text{ctr(sz(ti(o.datePlace()+", "+on.long(true)), 11.5))}},
		Gap(4),
		titleLines(14, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
		Block{Lines: []Text{ctr(sz(t("Mã hồ sơ: "+code), 11.5))}},
		Gap(2),
		block(sizeAll(11.5, []Text{
			t("Trung tâm Phục vụ hành chính công " + o.wardFull() + " tiếp nhận hồ sơ của:"),
			t("1. Ông/Bà: " + upper(p.name)),
			t("2. Số định danh cá nhân: " + p.id + "      Điện thoại: " + p.phone),
			t("3. Địa chỉ: " + p.address),
			t("4. Nội dung yêu cầu giải quyết: " + proc),
			t("5. Thời gian nhận hồ sơ: " + fmt.Sprintf("%02d giờ %02d phút", g.between(7, 16), g.between(0, 59)) + ", " + on.long(false)),
			t("6. Thời gian trả kết quả giải quyết hồ sơ: " + back.long(false)),
		})...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"NGƯỜI NỘP HỒ SƠ"}, "(Ký và ghi rõ họ tên)", p.name, ""),
			signer(85, 80, []string{"NGƯỜI TIẾP NHẬN HỒ SƠ"}, "(Ký và ghi rõ họ tên)", clerk, ""),
		}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), Authority: "Trung tâm Phục vụ hành chính công", CitizenIDs: []string{p.id}, Names: []string{p.name, clerk}, DossierCode: code}
}

// gksG: a birth certificate of the two-tier local government (2025): the commune's committee
// over its province, no district, the number and book on one line, the registration date
// written out after its label, signed for the committee by a deputy chair.
func gksG(g *gen) (Doc, Fields) {
	b := g.birth()
	officer := officerName(g)
	book := fmt.Sprintf("%02d/%d", g.between(1, 9), b.reg.y)
	d := Doc{Font: "times", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(tb("ỦY BAN NHÂN DÂN"), 12)), ctr(sz(tb(upper(b.o.wardFull())), 12)), ctr(sz(t(upper(b.o.p.full)), 11))}, Rule: 3},
			motto(72, 93, 12, "-"),
		}},
		Block{X: 0, W: 70, Lines: []Text{ctr(sz(t("Số: "+b.num+"   Quyển số: "+book), 11.5))}},
		Gap(5),
		titleLines(16, "GIẤY KHAI SINH"),
		Gap(3),
		block(sizeAll(12.5, kvLines(
			pair("Họ, chữ đệm, tên", upper(b.child.name)),
			pair("Ngày, tháng, năm sinh", b.child.born.slash()+" (Bằng chữ: ...)"),
			pair("Giới tính", b.child.sex()+"      Dân tộc: "+b.child.ethnicity),
			pair("Nơi sinh", b.hospital),
			pair("Số định danh cá nhân", b.child.id),
			pair("Họ, chữ đệm, tên người mẹ", upper(b.mother.name)),
			pair("Họ, chữ đệm, tên người cha", upper(b.father.name)),
			pair("Nơi đăng ký khai sinh", b.authority()+", "+b.o.p.full),
			pair("Ngày, tháng, năm đăng ký", b.reg.long(true)),
		))...),
		Gap(3),
		Row{Blocks: []Block{signer(80, 85, []string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, "", officer, sealOf(b.authority()))}},
	}}
	tr := b.truth()
	tr.Book = book
	tr.Names = []string{b.child.name, b.mother.name, b.father.name, officer}
	return d, tr
}

// hdG: a gift of land between relatives, certified by the commune: the contract's own number
// at the top, the certification's number and book in the commune's statement at the foot.
func hdG(g *gen) (Doc, Fields) {
	p := g.parcel()
	a, b := p.owner, g.person(g.chance(0.5), p.o, 1975, 2003)
	on := g.date(2021, 2025)
	num := fmt.Sprintf("%02d/%d/HĐTC", g.between(1, 99), on.y)
	officer := officerName(g)
	party := func(x person) []Text {
		return []Text{
			t("Họ và tên: " + upper(x.name) + "      Năm sinh: " + fmt.Sprint(x.born.y)),
			t("Số định danh cá nhân: " + x.id),
			t("Nơi cư trú: " + x.address),
		}
	}
	body := []Text{tb("BÊN TẶNG CHO (Bên A):")}
	body = append(body, party(a)...)
	body = append(body, tb("BÊN ĐƯỢC TẶNG CHO (Bên B):"))
	body = append(body, party(b)...)
	body = append(body, Text{S: "Bên A đồng ý tặng cho Bên B quyền sử dụng thửa đất số " + p.num + ", tờ bản đồ số " + p.sheet + ", diện tích " + p.area + " m², tại " + p.landAddr + ".", Indent: 8})
	d := Doc{Font: "noto-serif", Items: []any{
		motto(0, 165, 11.5, "-"),
		Gap(4),
		titleLines(14, "HỢP ĐỒNG TẶNG CHO QUYỀN SỬ DỤNG ĐẤT"),
		Block{Lines: []Text{ctr(sz(t("Số: "+num), 11.5))}},
		Gap(2),
		block(Text{S: "Hôm nay, " + on.long(false) + ", tại trụ sở Ủy ban nhân dân " + p.o.wardFull() + ", chúng tôi gồm:", Size: 11.5}),
		block(sizeAll(11.5, body)...),
		Gap(2),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"BÊN A"}, "(Ký, ghi rõ họ tên)", a.name, ""),
			signer(85, 80, []string{"BÊN B"}, "(Ký, ghi rõ họ tên)", b.name, ""),
		}},
		Gap(2),
		titleLines(12, "LỜI CHỨNG CỦA PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN "+upper(p.o.wardFull())),
		block(sizeAll(11, []Text{
			{S: "Ngày " + on.slash() + ", tại trụ sở Ủy ban nhân dân " + p.o.wardFull() + ", tôi chứng thực hợp đồng này được giao kết giữa các bên có tên trên.", Indent: 8},
			t(fmt.Sprintf("Số chứng thực %d, quyển số %02d/%d-SCT/HĐGD", g.between(10, 900), g.between(1, 9), on.y)),
		})...),
		Row{Blocks: []Block{signer(85, 80, []string{"PHÓ CHỦ TỊCH"}, "", officer, sealOf("Ủy ban nhân dân "+p.o.wardFull()))}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), CitizenIDs: []string{a.id, b.id}, Names: []string{a.name, b.name, officer}, Parcel: p.num, MapSheet: p.sheet}
}

// gcnkhG: the marriage certificate as printed on the ministry's blank: no issuer header, the
// spouses side by side in an unruled grid, the place of registration and its date after
// their labels, the number and book on the left beside the signer.
func gcnkhG(g *gen) (Doc, Fields) {
	mr := g.marriage()
	h, w := mr.hus, mr.wife
	officer := officerName(g)
	d := Doc{Font: "times", Items: []any{
		motto(0, 165, 12, "-"),
		Gap(5),
		titleLines(17, "GIẤY CHỨNG NHẬN KẾT HÔN"),
		Gap(3),
		Table{Widths: []float64{45, 60, 60}, Size: 11.5, NoRules: true, Cells: [][]string{
			{"", "Thông tin người chồng", "Thông tin người vợ"},
			{"Họ, chữ đệm, tên", upper(h.name), upper(w.name)},
			{"Ngày, tháng, năm sinh", h.born.slash(), w.born.slash()},
			{"Dân tộc", h.ethnicity, w.ethnicity},
			{"Quốc tịch", "Việt Nam", "Việt Nam"},
			{"Nơi cư trú", h.address, w.address},
			{"Số định danh cá nhân", h.id, w.id},
		}},
		Gap(2),
		block(sizeAll(12, []Text{
			t("Nơi đăng ký kết hôn: " + mr.authority() + ", " + mr.o.districtFull() + ", " + mr.o.p.full),
			t("Ngày, tháng, năm đăng ký: " + mr.reg.slash()),
		})...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{Text{}, Text{}, sz(t("Số: "+mr.num), 11.5), sz(t("Quyển số: "+mr.book), 11.5)}},
			signer(80, 85, []string{"NGƯỜI KÝ GIẤY CHỨNG NHẬN"}, "(Ký, ghi rõ họ, chữ đệm, tên, chức vụ, đóng dấu)", officer, sealOf(mr.authority())),
		}},
		Block{X: 80, W: 85, Lines: []Text{ctr(sz(t("Chủ tịch"), 11.5))}},
	}}
	return d, Fields{Number: mr.num, Book: mr.book, IssuedOn: mr.reg.iso(), Authority: mr.authority(), CitizenIDs: []string{h.id, w.id}, Names: []string{h.name, w.name, officer}}
}

// xnG: a residence confirmation of a commune's police after the 2025 reform: the province's
// police over the commune's, the number filled in by hand, the request's date in the body
// (not the paper's), signed by the chief with rank.
func xnG(g *gen) (Doc, Fields) {
	r := g.residence()
	printed, num := handNumber(g, g.between(10, 3000), "XN-CAX")
	asked := date{max(1, r.on.d-g.between(1, 5)), r.on.m, r.on.y}
	rank := g.pick("Thiếu tá", "Đại úy", "Trung tá")
	lines := []Text{
		{S: "Căn cứ đề nghị của công dân ngày " + asked.slash() + ", Công an " + r.o.wardFull() + " xác nhận:", Indent: 8},
		t("Họ, chữ đệm và tên: " + upper(r.p.name) + "      Giới tính: " + r.p.sex()),
		t("Ngày, tháng, năm sinh: " + r.p.born.slash()),
		t("Số định danh cá nhân: " + r.p.id),
		t("Nơi thường trú: " + r.p.address),
		t("Họ, chữ đệm và tên chủ hộ: " + upper(r.p.name) + "      Quan hệ với chủ hộ: Chủ hộ"),
	}
	header := []Text{ctr(sz(t("CÔNG AN "+upper(r.o.p.full)), 10.5)), ctr(sz(tb("CÔNG AN "+upper(r.o.wardFull())), 10.5)), Text{}, ctr(sz(t("Số: "+printed), 10.5))}
	if g.chance(0.5) {
		header = append([]Text{ctr(sz(t("BỘ CÔNG AN"), 10.5))}, header...)
	}
	d := Doc{Font: "noto-sans", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 72, Lines: header, Rule: len(header) - 2},
			{X: 74, W: 91, Lines: []Text{ctr(sz(tb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 10.5)), ctr(sz(tb("Độc lập - Tự do - Hạnh phúc"), 11.5)), Text{}, ctr(sz(ti(r.o.datePlace()+", "+r.on.long(true)), 10.5))}, Rule: 2},
		}},
		Gap(5),
		titleLines(14, "XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ"),
		Gap(2),
		block(sizeAll(11.5, lines)...),
		Gap(3),
		Row{Blocks: []Block{signer(80, 85, []string{"TRƯỞNG CÔNG AN"}, "", rank+" "+r.chief, sealOf(r.authority()))}},
	}}
	tr := r.truth()
	tr.Number = num
	tr.CitizenIDs = []string{r.p.id}
	tr.Names = []string{r.p.name, r.chief}
	return d, tr
}
