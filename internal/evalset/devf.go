package evalset

import (
	"fmt"
	"strings"
)

// Development family ("f"): a second set of layouts for developing the field rules on, after
// e, with what e does not hold: people with the rarer family names (Quách, Phùng, Triệu, Lò
// ...), a couple named in a sentence with "anh" and "chị", "Ông:" with a colon, household
// members after their relation ("Con: ..."), dates written as numbers after the place
// ("Hà Nội, ngày 05/3/2024") or on a line of their own, a police header of four lines, a
// committee's header split over two lines with the year in the decision's number, the
// provincial public-service centre, a land certificate signed by a department merged in 2025,
// a registration certificate dated by its latest change, a health centre over a commune's
// clinic. Never measured for the floors, like e.

func addDevF(typ string, make func(*gen) (Doc, Fields)) {
	devFamilies = append(devFamilies, formFamily{typ, "f", func(g *gen) (Doc, Fields) {
		g.wide()
		return make(g)
	}})
}

func init() {
	addDevF("to_khai_ket_hon", tkkhF)
	addDevF("xac_nhan_cu_tru", xnF)
	addDevF("quyet_dinh", qdF)
	addDevF("giay_khai_sinh", gksF)
	addDevF("bien_nhan", bnF)
	addDevF("hop_dong", hdF)
	addDevF("don_dang_ky_dat_dai", dkddF)
	addDevF("giay_chung_nhan_qsdd", gcnF)
	addDevF("giay_chung_nhan_dkdn", gcndnF)
	addDevF("giay_chung_sinh", gcsF)
	addDevF("giay_uy_quyen", uqF)
}

// tkkhF: a marriage request written as a letter: the couple named in one sentence with "anh"
// and "chị", dated after the place in numbers, the two signatures under "Người yêu cầu".
func tkkhF(g *gen) (Doc, Fields) {
	mr := g.marriage()
	w, h := mr.wife, mr.hus
	d := Doc{Font: "times", Items: []any{
		motto(0, 165, 12, "-"),
		Block{X: 80, W: 85, Lines: []Text{ctr(sz(ti(mr.o.datePlace()+", ngày "+fmt.Sprintf("%02d/%d/%d", mr.reg.d, mr.reg.m, mr.reg.y)), 12))}},
		Gap(5),
		titleLines(15, "TỜ KHAI ĐĂNG KÝ KẾT HÔN"),
		Block{X: 20, Lines: []Text{t("Kính gửi: " + mr.authority())}},
		Gap(2),
		block(sizeAll(12, []Text{
			{S: "Chúng tôi là anh " + h.name + ", sinh ngày " + h.born.slash() + ", số định danh cá nhân " + h.id + ", nơi cư trú: " + h.address + ";", Indent: 8},
			{S: "và chị " + w.name + ", sinh ngày " + w.born.slash() + ", số định danh cá nhân " + w.id + ", nơi cư trú: " + w.address + ".", Indent: 8},
			{S: "Đề nghị " + mr.authority() + " đăng ký kết hôn cho chúng tôi. Chúng tôi cam đoan việc kết hôn là tự nguyện và những lời khai trên là đúng sự thật.", Indent: 8},
		})...),
		Gap(4),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"NGƯỜI YÊU CẦU", "(Bên nam)"}, "", h.name, ""),
			signer(85, 80, []string{"NGƯỜI YÊU CẦU", "(Bên nữ)"}, "", w.name, ""),
		}},
	}}
	return d, Fields{IssuedOn: mr.reg.iso(), CitizenIDs: []string{h.id, w.id}, Names: []string{h.name, w.name}}
}

// xnF: a residence confirmation under four police lines (ministry to commune), the head of the
// household after "Ông:" or "Bà:", the members each after their relation, signed by the deputy
// chief with his rank.
func xnF(g *gen) (Doc, Fields) {
	r := g.residence()
	rank := g.pick("Đại úy", "Thượng úy", "Trung tá")
	title := "Ông"
	if !r.p.male {
		title = "Bà"
	}
	lines := []Text{
		{S: "Công an " + r.o.wardFull() + " xác nhận:", Indent: 8},
		t(title + ": " + upper(r.p.name) + "    Sinh ngày: " + r.p.born.slash()),
		t("Số định danh cá nhân: " + r.p.id),
		t("Nơi thường trú: " + r.p.address),
		t("Các thành viên trong hộ:"),
	}
	for _, m := range r.members {
		lines = append(lines, Text{S: "- " + g.pick("Con", "Vợ", "Chồng", "Cháu") + ": " + m.name + ", sinh ngày " + m.born.slash() + ", số định danh cá nhân " + m.id, Indent: 6})
	}
	d := Doc{Font: "arial", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 72, Lines: []Text{ctr(sz(t("BỘ CÔNG AN"), 10.5)), ctr(sz(t("CÔNG AN "+upper(r.o.p.full)), 10.5)), ctr(sz(t("CÔNG AN "+upper(r.o.districtFull())), 10.5)), ctr(sz(tb(upper(r.authority())), 10.5))}, Rule: 2},
			{X: 74, W: 91, Lines: []Text{ctr(sz(tb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 10.5)), ctr(sz(tb("Độc lập - Tự do - Hạnh phúc"), 11.5)), Text{}, ctr(sz(ti(r.o.datePlace()+", "+r.on.long(true)), 10.5))}, Rule: 2},
		}},
		Block{X: 0, W: 72, Lines: []Text{ctr(sz(t("Số: "+r.num), 10.5))}},
		Gap(5),
		titleLines(14, "GIẤY XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ"),
		Gap(2),
		block(sizeAll(12, lines)...),
		Gap(3),
		Row{Blocks: []Block{signer(80, 85, []string{"KT. TRƯỞNG CÔNG AN", "PHÓ TRƯỞNG CÔNG AN"}, "", rank+" "+r.chief, sealOf(r.authority()))}},
	}}
	return d, r.truth()
}

// qdF: a district committee's decision with its name over two lines ("ỦY BAN NHÂN DÂN" /
// "HUYỆN ..."), the year inside the number, the person in the articles with "anh" or "chị",
// signed "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" without the place.
func qdF(g *gen) (Doc, Fields) {
	q := g.decision()
	num := fmt.Sprintf("%d/%d/QĐ-UBND", g.between(1, 3999), q.on.y)
	who := "anh"
	if !q.p.male {
		who = "chị"
	}
	d := Doc{Font: "times", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 68, Lines: []Text{ctr(sz(tb("ỦY BAN NHÂN DÂN"), 12)), ctr(sz(tb(upper(q.o.districtFull())), 12)), Text{}, ctr(sz(t("Số: "+num), 12))}, Rule: 1},
			{X: 70, W: 95, Lines: []Text{ctr(sz(tb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 11.5)), ctr(sz(tb("Độc lập - Tự do - Hạnh phúc"), 12.5)), Text{}, ctr(sz(ti(q.o.datePlace()+", "+q.on.long(false)), 12))}, Rule: 2},
		}},
		Gap(6),
		titleLines(14, "QUYẾT ĐỊNH"),
		Block{Lines: []Text{ctr(sz(tb("Về việc cấp Giấy chứng nhận đăng ký hộ kinh doanh"), 12.5))}},
		Gap(2),
		titleLines(12.5, "ỦY BAN NHÂN DÂN "+upper(q.o.districtFull())),
		block(sizeAll(12.5, []Text{
			{S: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", Indent: 8},
			{S: "Xét hồ sơ đề nghị của " + who + " " + q.p.name + ", số định danh cá nhân " + q.p.id + ",", Indent: 8},
		})...),
		titleLines(12.5, "QUYẾT ĐỊNH:"),
		block(sizeAll(12.5, []Text{
			{S: "Điều 1. Cấp Giấy chứng nhận đăng ký hộ kinh doanh cho hộ kinh doanh do " + who + " " + q.p.name + " làm chủ hộ.", Indent: 8},
			{S: "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.", Indent: 8},
		})...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			recipients(0, 70, "Như Điều 2;", "Lưu: VT, TCKH."),
			signer(80, 85, []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, "", q.chair, sealOf(q.authority())),
		}},
	}}
	return d, Fields{Number: num, IssuedOn: q.on.iso(), Authority: q.authority(), CitizenIDs: []string{q.p.id}, Names: []string{q.p.name, q.chair}}
}

// gksF: the birth certificate (the original, circular 04/2020): the commune over its place on
// two lines, the facts as label and value, the registration date numeric on its own line, the
// signer with the capacity printed under the name.
func gksF(g *gen) (Doc, Fields) {
	b := g.birth()
	officer := officerName(g)
	who := g.pick("Cha", "Mẹ")
	req := b.father
	if who == "Mẹ" {
		req = b.mother
	}
	d := Doc{Font: "noto-serif", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(tb("ỦY BAN NHÂN DÂN"), 11)), ctr(sz(tb(upper(b.o.wardFull())), 11)), ctr(sz(t(upper(b.o.districtFull()+", "+b.o.p.full)), 10)), ctr(sz(t("Số: "+b.num), 11))}, Rule: 2},
			motto(72, 93, 11, "-"),
		}},
		Gap(6),
		titleLines(16, "GIẤY KHAI SINH"),
		Gap(3),
		block(sizeAll(12, kvLines(
			pair("Họ, chữ đệm, tên", upper(b.child.name)),
			pair("Ngày, tháng, năm sinh", b.child.born.slash()),
			pair("Giới tính", b.child.sex()+"      Dân tộc: "+b.child.ethnicity+"      Quốc tịch: Việt Nam"),
			pair("Nơi sinh", b.hospital),
			pair("Số định danh cá nhân", b.child.id),
			pair("Họ, chữ đệm, tên người mẹ", b.mother.name),
			pair("Năm sinh", fmt.Sprint(b.mother.born.y)+"      Dân tộc: "+b.mother.ethnicity),
			pair("Họ, chữ đệm, tên người cha", b.father.name),
			pair("Năm sinh", fmt.Sprint(b.father.born.y)+"      Dân tộc: "+b.father.ethnicity),
			pair("Người đi khai sinh", req.name+"      Quan hệ với người được khai sinh: "+who),
			pair("Nơi đăng ký khai sinh", b.authority()),
		))...),
		block(sz(t("Ngày, tháng, năm đăng ký: "+b.reg.slash()), 12)),
		Gap(3),
		Row{Blocks: []Block{signer(85, 80, []string{"NGƯỜI KÝ GIẤY KHAI SINH"}, "(Ký, ghi rõ họ, chữ đệm, tên, chức vụ, đóng dấu)", officer, sealOf(b.authority()))}},
		Block{X: 85, W: 80, Lines: []Text{ctr(sz(t("Phó Chủ tịch"), 11))}},
	}}
	tr := b.truth()
	tr.Book = ""
	tr.Names = []string{b.child.name, b.mother.name, b.father.name, officer}
	return d, tr
}

// bnF: the receipt of a province's public-service centre: the committee over the centre, the
// facts in a ruled table of label and value without colons, the clerk who received it.
func bnF(g *gen) (Doc, Fields) {
	o, p, on, back, proc, code, num := receiptFacts(g)
	clerk := g.name(g.chance(0.5))
	centre := "Trung tâm Phục vụ hành chính công" // as printed, under the committee of its province
	d := Doc{Font: "arial", Items: []any{
		Block{X: 120, W: 45, Lines: []Text{rgt(sz(ti("Mẫu số 01"), 10))}},
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 78, Lines: []Text{ctr(sz(t("UBND "+upper(o.p.full)), 10.5)), ctr(sz(tb("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"), 10.5)), ctr(sz(t("Số: "+num), 10.5))}, Rule: 2},
			motto(80, 85, 10.5, "-"),
		}},
		Gap(5),
		titleLines(14, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
		Block{Lines: []Text{ctr(sz(t("Mã hồ sơ: "+code), 11))}},
		Gap(2),
		Table{Widths: []float64{55, 110}, Size: 11, Cells: [][]string{
			{"Người nộp", p.name},
			{"Số định danh cá nhân", p.id},
			{"Số điện thoại", p.phone},
			{"Thủ tục", proc},
			{"Ngày tiếp nhận", fmt.Sprintf("%02d giờ %02d phút, ngày %s", g.between(7, 16), g.between(0, 59), on.slash())},
			{"Ngày hẹn trả kết quả", back.slash()},
		}},
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"NGƯỜI NỘP HỒ SƠ"}, "(Ký, ghi rõ họ tên)", p.name, ""),
			signer(85, 80, []string{"CÁN BỘ TIẾP NHẬN"}, "(Ký, ghi rõ họ tên)", clerk, ""),
		}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), Authority: centre, CitizenIDs: []string{p.id}, Names: []string{p.name, clerk}, DossierCode: code}
}

// hdF: a land transfer contract made at a notary's: each party's people after "Ông:" and
// "Bà:" with their year of birth on the same line, a wife joining her husband ("Cùng vợ là
// bà:"), the parcel in a sentence, the parties signing under "BÊN A" and "BÊN B".
func hdF(g *gen) (Doc, Fields) {
	p := g.parcel()
	a, b := p.owner, g.person(g.chance(0.5), p.o, 1965, 2000)
	on := g.date(2021, 2025)
	num := fmt.Sprintf("%d/%d/HĐCN", g.between(1, 900), on.y)
	who := func(x person) string {
		if x.male {
			return "Ông"
		}
		return "Bà"
	}
	with := "Cùng vợ là bà"
	if !a.male {
		with = "Cùng chồng là ông"
	}
	party := func(x person) []Text {
		return []Text{
			t(who(x) + ": " + x.name + "      Sinh năm: " + fmt.Sprint(x.born.y)),
			t("CCCD số: " + x.id + " do Cục Cảnh sát QLHC về TTXH cấp ngày " + x.idIssued.slash()),
		}
	}
	body := []Text{tb("BÊN CHUYỂN NHƯỢNG (sau đây gọi là Bên A):")}
	body = append(body, party(a)...)
	body = append(body, t(with+": "+p.spouse.name+"      Sinh năm: "+fmt.Sprint(p.spouse.born.y)), t("CCCD số: "+p.spouse.id), t("Cùng thường trú tại: "+a.address))
	body = append(body, tb("BÊN NHẬN CHUYỂN NHƯỢNG (sau đây gọi là Bên B):"))
	body = append(body, party(b)...)
	body = append(body,
		Text{S: "Hai bên đồng ý thực hiện việc chuyển nhượng quyền sử dụng thửa đất số " + p.num + ", tờ bản đồ số " + p.sheet + ", diện tích " + p.area + " m², tại " + p.landAddr + ".", Indent: 8},
		Text{S: fmt.Sprintf("Giá chuyển nhượng: %d.000.000 đồng.", g.between(300, 9000)), Indent: 8})
	d := Doc{Font: "times", Items: []any{
		motto(0, 165, 12, "-"),
		Gap(5),
		titleLines(14, "HỢP ĐỒNG CHUYỂN NHƯỢNG QUYỀN SỬ DỤNG ĐẤT"),
		Block{Lines: []Text{ctr(sz(t("Số: "+num), 11.5))}},
		Gap(2),
		block(Text{S: "Hôm nay, " + on.long(true) + ", tại Văn phòng công chứng " + p.o.d.name + ", chúng tôi gồm có:", Size: 12}),
		block(sizeAll(12, body)...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"BÊN A"}, "(Ký, ghi rõ họ tên)", a.name, ""),
			signer(85, 80, []string{"BÊN B"}, "(Ký, ghi rõ họ tên)", b.name, ""),
		}},
		Block{X: 0, W: 75, Lines: []Text{ctr(tb(p.spouse.name))}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), CitizenIDs: []string{a.id, p.spouse.id, b.id}, Names: []string{a.name, p.spouse.name, b.name}, Parcel: p.num, MapSheet: p.sheet}
}

// dkddF: a change registration (form 09/ĐK) by a household: "Hộ gia đình ông ... và bà ...",
// the certificate already issued named with its register number (not this form's), the
// parcel on labelled lines, dated at the foot on a line of its own.
func dkddF(g *gen) (Doc, Fields) {
	p := g.parcel()
	on := g.date(2021, 2025)
	husband, wife := p.owner, p.spouse
	if !husband.male {
		husband, wife = wife, husband
	}
	d := Doc{Font: "noto-sans", Items: []any{
		Block{X: 120, W: 45, Lines: []Text{rgt(sz(tb("Mẫu số 09/ĐK"), 10.5))}},
		motto(0, 165, 11.5, "-"),
		Gap(4),
		titleLines(13.5, "ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI,", "TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
		Block{X: 20, Lines: []Text{t("Kính gửi: Chi nhánh Văn phòng đăng ký đất đai " + p.o.districtFull())}},
		Gap(2),
		block(sizeAll(11.5, []Text{
			t("1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất"),
			t("1.1. Tên: Hộ gia đình ông " + upper(husband.name) + " và bà " + upper(wife.name)),
			t("1.2. Giấy tờ nhân thân: CCCD số " + husband.id + "; CCCD số " + wife.id),
			t("1.3. Địa chỉ: " + husband.address),
			t("2. Giấy chứng nhận đã cấp: Số vào sổ cấp GCN: " + p.serial + "; ngày cấp " + p.issued.slash()),
			t("3. Thửa đất số: " + p.num + "; Tờ bản đồ số: " + p.sheet + "; Diện tích: " + p.area + " m²"),
			t("4. Nội dung biến động: Chuyển mục đích sử dụng đất từ đất trồng cây lâu năm sang đất ở"),
			t("5. Lý do biến động: Nhu cầu xây dựng nhà ở của gia đình"),
		})...),
		Gap(3),
		Block{X: 85, W: 80, Lines: []Text{ctr(sz(ti(on.long(true)), 11.5))}},
		Row{Blocks: []Block{signer(85, 80, []string{"NGƯỜI VIẾT ĐƠN"}, "(Ký, ghi rõ họ tên)", husband.name, "")}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{husband.id, wife.id}, Names: []string{husband.name, wife.name}, Parcel: p.num, MapSheet: p.sheet}
}

// gcnF: a land certificate of the 2024 form: the owner on numbered lines, the register number
// spelt out ("Số vào sổ cấp Giấy chứng nhận"), signed for the provincial department of
// agriculture and environment (merged in 2025) under the place and date.
func gcnF(g *gen) (Doc, Fields) {
	p := g.parcel()
	officer := officerName(g)
	auth := "Sở Nông nghiệp và Môi trường " + p.o.p.full
	d := Doc{Font: "times", Items: []any{
		motto(0, 165, 12, "-"),
		Gap(5),
		titleLines(15, "GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT,", "QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
		Gap(3),
		block(sizeAll(12, []Text{
			t("1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất:"),
			t(p.owner.title() + " " + p.owner.name + ", năm sinh " + fmt.Sprint(p.owner.born.y) + ", CCCD số: " + p.owner.id),
			t("Địa chỉ: " + p.owner.address),
			t("2. Thông tin thửa đất: Thửa đất số: " + p.num + "; Tờ bản đồ số: " + p.sheet),
			t("Diện tích: " + p.area + " m²; Hình thức sử dụng: Sử dụng riêng"),
			t("Mục đích sử dụng: " + p.purpose + "; Thời hạn sử dụng: " + p.term),
			t("3. Địa chỉ thửa đất: " + p.landAddr),
		})...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 72, Lines: []Text{sz(t("Số vào sổ cấp Giấy chứng nhận: "+p.serial), 11)}},
			signer(75, 90, []string{p.o.datePlace() + ", " + p.issued.long(true), upper(auth), "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}, "", officer, sealOf(auth)),
		}},
	}}
	return d, p.gcnTruth(auth, officer)
}

// gcndnF: a registration certificate after changes, dated by the latest ("Đăng ký thay đổi
// lần thứ 2: ngày ..."), the representative's name and sex on one line, the ID under "Số giấy
// tờ pháp lý của cá nhân".
func gcndnF(g *gen) (Doc, Fields) {
	c := g.company()
	officer := officerName(g)
	d := Doc{Font: "arial", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 72, Lines: []Text{ctr(sz(t("SỞ TÀI CHÍNH "+upper(c.o.p.full)), 10.5)), ctr(sz(tb("PHÒNG ĐĂNG KÝ KINH DOANH"), 10.5))}, Rule: 2},
			motto(74, 91, 10.5, "-"),
		}},
		Gap(6),
		titleLines(14, "GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP", upper(c.kind)),
		block(sizeAll(11.5, []Text{
			ctr(t("Mã số doanh nghiệp: " + c.code)),
			ctr(t("Đăng ký lần đầu: " + c.first.long(true))),
			ctr(t("Đăng ký thay đổi lần thứ 2: " + c.change.long(true))),
		})...),
		block(sizeAll(11.5, []Text{
			t("1. Tên công ty viết bằng tiếng Việt: " + c.name),
			t("2. Địa chỉ trụ sở chính: " + c.addr),
			t("3. Vốn điều lệ: " + c.capital + " đồng"),
			t("4. Người đại diện theo pháp luật của công ty"),
			t("* Họ và tên: " + upper(c.rep.name) + "      Giới tính: " + c.rep.sex()),
			t("Chức danh: Giám đốc      Sinh ngày: " + c.rep.born.slash()),
			t("Số giấy tờ pháp lý của cá nhân: " + c.rep.id),
		})...),
		Gap(3),
		Row{Blocks: []Block{signer(85, 80, []string{"TRƯỞNG PHÒNG"}, "", officer, sealOf("Phòng Đăng ký kinh doanh "+c.o.p.full))}},
	}}
	tr := c.certTruth("Phòng Đăng ký kinh doanh", officer)
	tr.IssuedOn = c.change.iso()
	return d, tr
}

// gcsF: a birth certificate of a commune's clinic under the district health centre, the
// midwife a "Y sĩ", the date on a line of its own without the place.
func gcsF(g *gen) (Doc, Fields) {
	b := g.birth()
	station := "Trạm Y tế " + b.o.wardFull()
	head, mw := officerName(g), g.name(false)
	num := fmt.Sprint(g.between(10, 999))
	issued := date{b.child.born.d, b.child.born.m, b.child.born.y}
	d := Doc{Font: "noto-sans", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 75, Lines: []Text{ctr(sz(t("TRUNG TÂM Y TẾ "+upper(b.o.districtFull())), 10.5)), ctr(sz(tb(upper(station)), 10.5)), ctr(sz(t("Số: "+num), 10.5))}, Rule: 2},
			motto(77, 88, 10.5, "-"),
		}},
		Gap(6),
		titleLines(15, "GIẤY CHỨNG SINH"),
		Gap(2),
		block(sizeAll(11.5, kvLines(
			pair("Họ và tên mẹ", b.mother.name),
			pair("Năm sinh", fmt.Sprint(b.mother.born.y)),
			pair("Số định danh cá nhân", b.mother.id),
			pair("Nơi cư trú", b.mother.address),
			pair("Đã sinh con lúc", fmt.Sprintf("%02d giờ %02d phút, ngày %s", g.between(0, 23), g.between(0, 59), issued.slash())),
			pair("Tại", station),
			pair("Giới tính của con", b.child.sex()),
			pair("Cân nặng", fmt.Sprintf("%d,%d kg", g.between(2, 4), g.between(0, 9))),
			pair("Dự định đặt tên con là", b.child.name),
			pair("Người đỡ đẻ", "Y sĩ "+mw),
		))...),
		Gap(3),
		Block{X: 80, W: 85, Lines: []Text{ctr(ti("Ngày " + fmt.Sprintf("%02d tháng %02d năm %d", issued.d, issued.m, issued.y)))}},
		Row{Blocks: []Block{signer(80, 85, []string{"TRƯỞNG TRẠM"}, "(Ký, ghi rõ họ tên, đóng dấu)", head, sealOf(station))}},
	}}
	return d, Fields{Number: num, IssuedOn: issued.iso(), Authority: station, CitizenIDs: []string{b.mother.id}, Names: []string{b.mother.name, b.child.name, mw, head}}
}

// uqF: a power of attorney as a contract: "BÊN ỦY QUYỀN (Bên A):" with "Ông:" or "Bà:" on the
// next line, the date in numbers after "Hôm nay", the parties signing, no certification.
func uqF(g *gen) (Doc, Fields) {
	o := g.office()
	a, b := g.parties(o)
	on := g.date(2021, 2025)
	who := func(x person) string {
		if x.male {
			return "Ông"
		}
		return "Bà"
	}
	d := Doc{Font: "noto-serif", Items: []any{
		motto(0, 165, 11.5, "-"),
		Gap(5),
		titleLines(15, "HỢP ĐỒNG ỦY QUYỀN"),
		Gap(2),
		block(Text{S: "Hôm nay, ngày " + on.slash() + ", tại trụ sở Ủy ban nhân dân " + o.wardFull() + ", chúng tôi gồm:", Size: 11.5}),
		block(sizeAll(11.5, []Text{
			tb("BÊN ỦY QUYỀN (Bên A):"),
			t(who(a) + ": " + upper(a.name) + ", sinh năm " + fmt.Sprint(a.born.y)),
			t("Số định danh cá nhân: " + a.id + "; nơi cư trú: " + a.address),
			tb("BÊN ĐƯỢC ỦY QUYỀN (Bên B):"),
			t(who(b) + ": " + upper(b.name) + ", sinh năm " + fmt.Sprint(b.born.y)),
			t("Số định danh cá nhân: " + b.id + "; nơi cư trú: " + b.address),
			{S: "Bên A ủy quyền cho Bên B thay mặt Bên A nộp hồ sơ, nhận kết quả và ký các giấy tờ về việc " + strings.ToLower(procedures[g.rng.IntN(len(procedures))]) + ".", Indent: 8},
		})...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"BÊN ỦY QUYỀN"}, "(Ký, ghi rõ họ tên)", a.name, ""),
			signer(85, 80, []string{"BÊN ĐƯỢC ỦY QUYỀN"}, "(Ký, ghi rõ họ tên)", b.name, ""),
		}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{a.id, b.id}, Names: []string{a.name, b.name}}
}
