package evalset

import "fmt"

// The one-stop desk's receipt (form 01 of circular 01/2018/TT-VPCP), decisions (the layout of
// decree 30/2020/NĐ-CP), the residence certificate (form CT07 of circular 66/2023/TT-BCA),
// and pages outside the catalogue.

func init() {
	add("bien_nhan", "a", bnA)
	add("bien_nhan", "b", bnB)
	add("bien_nhan", "c", bnC)
	add("quyet_dinh", "a", qdA)
	add("quyet_dinh", "b", qdB)
	add("quyet_dinh", "c", qdC)
	add("xac_nhan_cu_tru", "a", xnA)
	add("xac_nhan_cu_tru", "b", xnB)
	add("xac_nhan_cu_tru", "c", xnC)
	add("", "letter", outLetter)
	add("", "invoice", outInvoice)
	add("", "english", outEnglish)
}

// dossierCode is shaped as the national public service portal's: the desk's unit code, the
// date and a sequence, e.g. 000.00.12.H29-241015-0001.
func (g *gen) dossierCode(on date) string {
	return fmt.Sprintf("000.%02d.%02d.H%02d-%02d%02d%02d-%04d", g.between(0, 40), g.between(1, 40), g.between(1, 63), on.y%100, on.m, on.d, g.between(1, 2000))
}

var procedures = []string{"Đăng ký khai sinh", "Xác nhận thông tin về cư trú", "Đăng ký kết hôn", "Đăng ký biến động quyền sử dụng đất", "Đăng ký thành lập doanh nghiệp", "Chứng thực bản sao từ bản chính"}

func receiptFacts(g *gen) (o office, p person, on, back date, proc, code, num string) {
	o = g.office()
	p = g.person(g.chance(0.5), o, 1960, 2002)
	on = g.date(2023, 2025)
	back = date{min(28, on.d+g.between(2, 10)), on.m, on.y}
	proc = procedures[g.rng.IntN(len(procedures))]
	code = g.dossierCode(on)
	num = fmt.Sprintf("%d/TNHS", g.between(10, 9999))
	return
}

// bnA: the receipt as the circular draws it: the desk beside the motto, numbered items, a
// table of the papers handed in, the two signatures.
func bnA(g *gen) (Doc, Fields) {
	o, p, on, back, proc, code, num := receiptFacts(g)
	clerk := g.name(g.chance(0.4))
	d := Doc{Font: "times", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(t("UBND "+upper(o.districtFull())), 11.5)), ctr(sz(tb("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"), 11)), ctr(sz(t("Số: "+num), 11.5))}, Rule: 2},
			motto(70, 95, 12, "-"),
		}},
		Block{X: 70, W: 95, Lines: []Text{ctr(sz(ti(o.datePlace()+", "+on.long(true)), 12))}},
		Gap(4),
		titleLines(14, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
		Block{Lines: []Text{ctr(sz(t("Mã hồ sơ: "+code), 12))}},
		Gap(2),
		block(sizeAll(12, []Text{
			t("Bộ phận tiếp nhận và trả kết quả Ủy ban nhân dân " + o.districtFull() + " tiếp nhận hồ sơ của:"),
			t("Ông/Bà: " + p.name),
			t("Số định danh cá nhân: " + p.id),
			t("Địa chỉ: " + p.address),
			t("Số điện thoại: " + p.phone),
			t("Nội dung yêu cầu giải quyết: " + proc),
			t("1. Thành phần hồ sơ nộp gồm:"),
		})...),
		Table{Widths: []float64{12, 95, 38, 20}, Size: 11, Header: 1, Cells: [][]string{
			{"TT", "Tên loại giấy tờ", "Hình thức", "Ghi chú"},
			{"1", "Tờ khai theo mẫu", "Bản chính", ""},
			{"2", "Căn cước công dân", "Bản sao", ""},
			{"3", "Giấy tờ chứng minh nơi cư trú", "Bản sao", ""},
		}},
		block(sizeAll(12, []Text{
			t("2. Số lượng hồ sơ: 01 (bộ)"),
			t(fmt.Sprintf("3. Thời gian giải quyết hồ sơ theo quy định là: %02d ngày làm việc", back.d-on.d)),
			t("4. Thời gian nhận hồ sơ: " + fmt.Sprintf("%02d giờ %02d phút, ngày %s", g.between(7, 16), g.between(0, 59), on.slash())),
			t("5. Thời gian trả kết quả giải quyết hồ sơ: " + fmt.Sprintf("%02d giờ 00 phút, ngày %s", g.between(8, 16), back.slash())),
			t("6. Đăng ký nhận kết quả tại: Bộ phận tiếp nhận và trả kết quả"),
		})...),
		Gap(2),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"NGƯỜI NỘP HỒ SƠ"}, "(Ký và ghi rõ họ tên)", p.name, ""),
			signer(85, 80, []string{"NGƯỜI TIẾP NHẬN HỒ SƠ"}, "(Ký và ghi rõ họ tên)", clerk, ""),
		}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), Authority: "Bộ phận tiếp nhận và trả kết quả", CitizenIDs: []string{p.id}, Names: []string{p.name, clerk}, DossierCode: code}
}

// bnB: a commune's printout titled "phiếu", its facts in a ruled table.
func bnB(g *gen) (Doc, Fields) {
	o, p, on, back, proc, code, _ := receiptFacts(g)
	clerk := g.name(g.chance(0.4))
	d := Doc{Font: "arial", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(tb("UBND "+upper(o.wardFull())), 11)), ctr(sz(t("Bộ phận Một cửa"), 11))}, Rule: 2},
			motto(70, 95, 11, "–"),
		}},
		Gap(6),
		titleLines(15, "PHIẾU TIẾP NHẬN HỒ SƠ"),
		Gap(2),
		Table{Widths: []float64{60, 105}, Size: 11, Cells: [][]string{
			{"Mã hồ sơ", code},
			{"Người nộp", p.name},
			{"Số định danh cá nhân", p.id},
			{"Điện thoại", p.phone},
			{"Thủ tục hành chính", proc},
			{"Ngày tiếp nhận", on.slash()},
			{"Ngày hẹn trả kết quả", back.slash()},
			{"Lệ phí", fmt.Sprintf("%d.000 đồng", g.between(0, 50))},
		}},
		Gap(2),
		block(sz(ti("Đề nghị ông/bà mang theo phiếu này khi đến nhận kết quả."), 11)),
		Gap(3),
		Row{Blocks: []Block{signer(85, 80, []string{"CÁN BỘ TIẾP NHẬN"}, "(Ký, ghi rõ họ tên)", clerk, "")}},
	}}
	// The issuer is the desk printed under the commune, as on bnA.
	return d, Fields{IssuedOn: on.iso(), Authority: "Bộ phận Một cửa", CitizenIDs: []string{p.id}, Names: []string{p.name, clerk}, DossierCode: code}
}

// bnC: a small "biên nhận" slip: the motto on top, short lines.
func bnC(g *gen) (Doc, Fields) {
	o, p, on, back, proc, code, num := receiptFacts(g)
	clerk := g.name(g.chance(0.4))
	d := Doc{Font: "noto-serif", Items: []any{
		motto(0, 165, 11, "-"),
		Gap(4),
		Block{Lines: []Text{ctr(sz(tb("BIÊN NHẬN HỒ SƠ"), 15)), ctr(sz(t("Số: "+num), 11))}},
		Gap(3),
		block(sizeAll(11.5, kvLines(
			pair("Mã hồ sơ", code),
			pair("Đã nhận của ông (bà)", p.name),
			pair("Địa chỉ", p.address),
			pair("Hồ sơ", proc),
			pair("Ngày nhận", on.long(true)),
			pair("Hẹn trả kết quả", back.long(true)),
		))...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"Người nộp"}, "", p.name, ""),
			signer(85, 80, []string{"Người nhận hồ sơ"}, "", clerk, ""),
		}},
		Gap(2),
		block(sz(ti("Bộ phận tiếp nhận và trả kết quả "+o.districtFull()+" - Điện thoại: 0"+g.digits(9)), 10)),
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), CitizenIDs: nil, Names: []string{p.name, clerk}, DossierCode: code}
}

type decision struct {
	o       office
	num     string
	on      date
	subject string
	body    []string
	p       person
	chair   string
	deputy  bool
	idShown bool // the body gives the person's ID number
}

func (g *gen) decision() decision {
	o := g.office()
	q := decision{o: o, on: g.date(2020, 2025)}
	q.num = fmt.Sprintf("%d/QĐ-UBND", g.between(10, 9999))
	q.p = g.person(g.chance(0.5), o, 1960, 2000)
	q.chair = officerName(g)
	q.deputy = g.chance(0.5)
	switch g.rng.IntN(3) {
	case 0:
		q.idShown = true
		q.subject = "Về việc cấp Giấy phép xây dựng nhà ở riêng lẻ"
		q.body = []string{
			"Điều 1. Cấp Giấy phép xây dựng cho " + q.p.title() + " " + q.p.name + ", số định danh cá nhân " + q.p.id + ", được xây dựng nhà ở riêng lẻ tại " + g.address(o) + ".",
			fmt.Sprintf("Điều 2. Diện tích xây dựng %d m²; tổng diện tích sàn %d m²; số tầng: %d.", g.between(40, 120), g.between(120, 400), g.between(2, 5)),
			"Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân, Trưởng phòng Quản lý đô thị và " + q.p.title() + " " + q.p.name + " chịu trách nhiệm thi hành Quyết định này.",
		}
	case 1:
		q.subject = "Về việc công nhận kết quả đăng ký thay đổi, cải chính hộ tịch"
		q.body = []string{
			"Điều 1. Công nhận việc cải chính ngày, tháng, năm sinh trong Giấy khai sinh của " + q.p.title() + " " + q.p.name + ", sinh ngày " + q.p.born.slash() + ".",
			"Điều 2. Công chức tư pháp - hộ tịch có trách nhiệm ghi vào Sổ đăng ký khai sinh theo quy định.",
			"Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
		}
	default:
		q.idShown = true
		q.subject = "Về việc giao đất tái định cư cho hộ gia đình, cá nhân"
		q.body = []string{
			"Điều 1. Giao cho " + q.p.title() + " " + q.p.name + " (số định danh cá nhân " + q.p.id + ") thửa đất số " + fmt.Sprint(g.between(5, 500)) + ", tờ bản đồ số " + fmt.Sprint(g.between(1, 40)) + " để làm nhà ở tái định cư.",
			"Điều 2. Giao Phòng Tài nguyên và Môi trường hướng dẫn người được giao đất thực hiện nghĩa vụ tài chính theo quy định.",
			"Điều 3. Quyết định này có hiệu lực kể từ ngày ký; các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành.",
		}
	}
	return q
}

func (q decision) authority() string { return "Ủy ban nhân dân " + q.o.districtFull() }

func (q decision) truth() Fields {
	var ids []string
	if q.idShown {
		ids = []string{q.p.id} // a civil-status correction names the person without the number
	}
	return Fields{Number: q.num, IssuedOn: q.on.iso(), Authority: q.authority(), CitizenIDs: ids, Names: []string{q.p.name, q.chair}}
}

func (q decision) signature(x, w float64) Block {
	caps := []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}
	if q.deputy {
		caps = []string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}
	}
	return signer(x, w, caps, "", q.chair, sealOf(q.authority()))
}

// qdA: a decision as decree 30/2020 lays it out: committee and number left, motto and date
// right, title and subject, the grounds, "QUYẾT ĐỊNH:", the articles, recipients and signer.
func qdA(g *gen) (Doc, Fields) {
	q := g.decision()
	items := []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(tb("ỦY BAN NHÂN DÂN"), 12.5)), ctr(sz(tb(upper(q.o.districtFull())), 12.5)), ctr(t("Số: " + q.num))}, Rule: 2},
			{X: 70, W: 95, Lines: []Text{ctr(sz(tb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 12)), ctr(sz(tb("Độc lập - Tự do - Hạnh phúc"), 13)), {}, ctr(ti(q.o.datePlace() + ", " + q.on.long(true)))}, Rule: 2},
		}},
		Gap(6),
		titleLines(14, "QUYẾT ĐỊNH"),
		Block{Lines: []Text{ctr(tb(q.subject))}, Rule: 1},
		Gap(3),
		Block{Lines: []Text{ctr(tb("CHỦ TỊCH ỦY BAN NHÂN DÂN " + upper(q.o.districtFull())))}},
		Gap(2),
		block(Text{S: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;", Italic: true, Indent: 10}),
		block(Text{S: "Theo đề nghị của Trưởng phòng chuyên môn tại Tờ trình ngày " + fmt.Sprint(max(1, q.on.d-3)) + " tháng " + fmt.Sprint(q.on.m) + " năm " + fmt.Sprint(q.on.y) + ".", Italic: true, Indent: 10}),
		Gap(2),
		titleLines(13, "QUYẾT ĐỊNH:"),
		Gap(1),
	}
	for _, b := range q.body {
		items = append(items, block(Text{S: b, Indent: 10}))
	}
	items = append(items, Gap(4), Row{Either: true, Blocks: []Block{
		recipients(0, 70, "Như Điều 3;", "Chủ tịch, các PCT UBND;", "Lưu: VT."),
		q.signature(75, 90),
	}})
	return Doc{Font: "times", Items: items}, q.truth()
}

// qdB: the same decision from a ward, in Arial, the subject on its own line in italics,
// without the grounds.
func qdB(g *gen) (Doc, Fields) {
	q := g.decision()
	q.num = fmt.Sprintf("%d/QĐ-UBND", g.between(10, 999))
	items := []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 68, Lines: []Text{ctr(sz(t("UBND "+upper(q.o.districtFull())), 11)), ctr(sz(tb("UBND "+upper(q.o.wardFull())), 11)), ctr(sz(t("Số: "+q.num), 11))}, Rule: 2},
			motto(68, 97, 11, "–"),
		}},
		Block{X: 68, W: 97, Lines: []Text{ctr(sz(ti(q.o.datePlace()+", "+q.on.long(false)), 11))}},
		Gap(5),
		Block{Lines: []Text{ctr(sz(tb("QUYẾT ĐỊNH"), 15)), ctr(sz(ti(q.subject), 12))}},
		Gap(3),
		Block{Lines: []Text{ctr(sz(tb("CHỦ TỊCH ỦY BAN NHÂN DÂN "+upper(q.o.wardFull())), 12))}},
		Gap(2),
		block(sz(Text{S: "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015 và hồ sơ đề nghị của công dân,", Italic: true, Indent: 8}, 11.5)),
		Block{Lines: []Text{ctr(sz(tb("QUYẾT ĐỊNH:"), 12))}},
	}
	for _, b := range q.body {
		items = append(items, block(sz(Text{S: b, Indent: 8}, 11.5)))
	}
	items = append(items, Gap(4), Row{Either: true, Blocks: []Block{
		recipients(0, 70, "Như Điều 3;", "Lưu: VP."),
		q.signature(75, 90),
	}})
	tr := q.truth()
	tr.Authority = "Ủy ban nhân dân " + q.o.wardFull()
	return Doc{Font: "arial", Items: items}, tr
}

// qdC: the decision with its number under the title rather than in the header.
func qdC(g *gen) (Doc, Fields) {
	q := g.decision()
	items := []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 66, Lines: []Text{ctr(sz(tb("ỦY BAN NHÂN DÂN "+upper(q.o.districtFull())), 10.5))}, Rule: 1},
			motto(66, 99, 10.5, "-"),
		}},
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("QUYẾT ĐỊNH"), 15)), ctr(sz(t("Số: "+q.num+", "+q.on.long(true)), 11)), ctr(sz(tb(q.subject), 11.5))}},
		Gap(3),
		Block{Lines: []Text{ctr(sz(tb("ỦY BAN NHÂN DÂN "+upper(q.o.districtFull())), 11.5))}},
		block(sz(Text{S: "Xét đề nghị của các phòng chuyên môn,", Italic: true, Indent: 8}, 11)),
		Block{Lines: []Text{ctr(sz(tb("QUYẾT ĐỊNH:"), 11.5))}},
	}
	for _, b := range q.body {
		items = append(items, block(sz(Text{S: b, Indent: 8}, 11)))
	}
	items = append(items, Gap(4), Row{Either: true, Blocks: []Block{
		recipients(0, 70, "Như Điều 3;", "Lưu: VT, hồ sơ."),
		q.signature(75, 90),
	}})
	return Doc{Font: "noto-serif", Items: items}, q.truth()
}

type residence struct {
	o       office
	p       person
	num     string
	on      date
	members []person
	chief   string
}

func (g *gen) residence() residence {
	o := g.office()
	r := residence{o: o, p: g.person(g.chance(0.5), o, 1960, 2003), on: g.date(2023, 2025), chief: officerName(g)}
	r.num = fmt.Sprintf("%d/XN", g.between(10, 3000))
	for i := 0; i < g.between(1, 3); i++ {
		r.members = append(r.members, g.person(g.chance(0.5), o, 1950, 2022))
	}
	return r
}

func (r residence) authority() string { return "Công an " + r.o.wardFull() }

func (r residence) truth() Fields {
	ids := []string{r.p.id}
	names := []string{r.p.name}
	for _, m := range r.members {
		ids = append(ids, m.id)
		names = append(names, m.name)
	}
	names = append(names, r.chief)
	return Fields{Number: r.num, IssuedOn: r.on.iso(), Authority: r.authority(), CitizenIDs: ids, Names: names}
}

func (r residence) table(size float64) Table {
	cells := [][]string{{"TT", "Họ, chữ đệm và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Quan hệ với chủ hộ"}}
	rels := []string{"Vợ", "Con", "Con", "Mẹ"}
	for i, m := range r.members {
		rel := rels[i%len(rels)]
		if rel == "Vợ" && !r.p.male {
			rel = "Chồng"
		}
		cells = append(cells, []string{fmt.Sprint(i + 1), m.name, m.born.slash(), m.sex(), m.id, rel})
	}
	return Table{Widths: []float64{9, 42, 24, 17, 40, 33}, Size: size, Header: 1, Cells: cells}
}

// xnA: form CT07: the police of the ward left, the facts numbered, the household table.
func xnA(g *gen) (Doc, Fields) {
	r := g.residence()
	items := []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(t("CÔNG AN "+upper(r.o.districtFull())), 11.5)), ctr(sz(tb("CÔNG AN "+upper(r.o.wardFull())), 11.5)), ctr(sz(t("Số: "+r.num), 11.5))}, Rule: 2},
			motto(70, 95, 12, "-"),
		}},
		Block{X: 70, W: 95, Lines: []Text{ctr(sz(ti(r.o.datePlace()+", "+r.on.long(true)), 12))}},
		Gap(5),
		titleLines(14, "GIẤY XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ"),
		Gap(2),
		block(sizeAll(12, []Text{
			t("Theo đề nghị của công dân: " + r.p.name),
			t("Công an " + r.o.wardFull() + " xác nhận thông tin về cư trú của công dân như sau:"),
			t("1. Họ, chữ đệm và tên: " + upper(r.p.name)),
			t("2. Ngày, tháng, năm sinh: " + r.p.born.slash() + "    3. Giới tính: " + r.p.sex()),
			t("4. Số định danh cá nhân: " + r.p.id),
			t("5. Nơi thường trú: " + r.p.address),
			t("6. Nơi tạm trú: Không"),
			t("7. Nơi ở hiện tại: " + r.p.address),
			t("8. Họ, chữ đệm và tên chủ hộ: " + r.p.name + "    Quan hệ với chủ hộ: Chủ hộ"),
			t("9. Thông tin các thành viên khác trong hộ gia đình:"),
		})...),
		r.table(10.5),
		block(sz(t("Giấy xác nhận có giá trị 06 tháng kể từ ngày cấp."), 12)),
		Gap(3),
		Row{Blocks: []Block{signer(80, 85, []string{"TRƯỞNG CÔNG AN PHƯỜNG"}, "(Ký, ghi rõ họ tên, đóng dấu)", r.chief, sealOf(r.authority()))}},
	}
	return Doc{Font: "times", Items: items}, r.truth()
}

// xnB: the confirmation as fields one a line, no household table.
func xnB(g *gen) (Doc, Fields) {
	r := g.residence()
	r.members = nil
	items := []any{
		motto(0, 165, 11.5, "–"),
		Gap(5),
		Block{Lines: []Text{ctr(sz(tb("XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ"), 15)), ctr(sz(t("Số: "+r.num), 11.5))}},
		Gap(2),
		block(sz(t(r.authority()+", "+r.o.districtFull()+", "+r.o.p.full+" xác nhận:"), 12)),
		block(sizeAll(12, kvLines(
			pair("Họ và tên", r.p.name),
			pair("Ngày sinh", r.p.born.slash()),
			pair("Số định danh cá nhân", r.p.id),
			pair("Nơi thường trú", r.p.address),
			pair("Nơi ở hiện tại", r.p.address),
		))...),
		block(sz(Text{S: "Thông tin trên được khai thác từ Cơ sở dữ liệu về cư trú; giấy xác nhận có giá trị 30 ngày.", Italic: true}, 11.5)),
		Gap(3),
		Row{Blocks: []Block{signer(80, 85, []string{r.o.datePlace() + ", " + r.on.long(true), "TRƯỞNG CÔNG AN"}, "", r.chief, sealOf(r.authority()))}},
	}
	tr := r.truth()
	return Doc{Font: "arial", Items: items}, tr
}

// xnC: the police letterhead on top, the title "GIẤY XÁC NHẬN" then its subject, facts two to
// a line.
func xnC(g *gen) (Doc, Fields) {
	r := g.residence()
	items := []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 68, Lines: []Text{ctr(sz(t("BỘ CÔNG AN"), 10.5)), ctr(sz(tb("CÔNG AN "+upper(r.o.wardFull())), 10.5))}, Rule: 2},
			motto(68, 97, 10.5, "-"),
		}},
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("GIẤY XÁC NHẬN"), 15)), ctr(sz(tb("THÔNG TIN VỀ CƯ TRÚ"), 14)), ctr(sz(t("Số: "+r.num), 11))}},
		Gap(3),
		Table{NoRules: true, Widths: []float64{95, 70}, Size: 11, Cells: [][]string{
			{"Họ, chữ đệm và tên: " + upper(r.p.name), "Giới tính: " + r.p.sex()},
			{"Số định danh cá nhân: " + r.p.id, "Ngày sinh: " + r.p.born.slash()},
		}},
		block(sizeAll(11, kvLines(pair("Nơi thường trú", r.p.address), pair("Nơi ở hiện tại", r.p.address)))...),
		block(sz(t("Các thành viên trong hộ:"), 11)),
		r.table(10),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			recipients(0, 70, "Công dân;", "Lưu: hồ sơ cư trú."),
			signer(80, 85, []string{r.o.datePlace() + ", " + r.on.long(false), "TRƯỞNG CÔNG AN"}, "", r.chief, sealOf(r.authority())),
		}},
	}
	return Doc{Font: "noto-serif", Items: items}, r.truth()
}

// Outside the catalogue: an official letter, an invoice, a page in English.

func outLetter(g *gen) (Doc, Fields) {
	o := g.office()
	on := g.date(2022, 2025)
	num := fmt.Sprintf("%d/UBND-VP", g.between(10, 2000))
	d := Doc{Font: "times", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(tb("ỦY BAN NHÂN DÂN"), 12)), ctr(sz(tb(upper(o.districtFull())), 12)), ctr(t("Số: " + num)), ctr(sz(t("V/v tổ chức hội nghị tổng kết công tác năm"), 11))}, Rule: 2},
			motto(70, 95, 12, "-"),
		}},
		Block{X: 70, W: 95, Lines: []Text{ctr(ti(o.datePlace() + ", " + on.long(true)))}},
		Gap(6),
		Block{X: 25, Lines: []Text{t("Kính gửi: Các phòng, ban, ngành thuộc Ủy ban nhân dân " + o.districtFull())}},
		Gap(3),
		block(Text{S: "Thực hiện chương trình công tác năm, Ủy ban nhân dân " + o.districtFull() + " tổ chức hội nghị tổng kết công tác cải cách hành chính và triển khai nhiệm vụ năm tới.", Indent: 10}),
		block(Text{S: fmt.Sprintf("Thời gian: 08 giờ 00 phút, ngày %02d tháng %02d năm %d. Địa điểm: Hội trường tầng 3, trụ sở Ủy ban nhân dân.", min(28, on.d+5), on.m, on.y), Indent: 10}),
		block(Text{S: "Đề nghị Thủ trưởng các đơn vị chuẩn bị báo cáo tham luận, gửi về Văn phòng trước ngày họp ba ngày để tổng hợp.", Indent: 10}),
		Gap(4),
		Row{Either: true, Blocks: []Block{
			recipients(0, 70, "Như trên;", "Lưu: VT."),
			signer(75, 90, []string{"TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"}, "", officerName(g), sealOf("ủy ban nhân dân "+o.districtFull())),
		}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso()}
}

func outInvoice(g *gen) (Doc, Fields) {
	c := g.company()
	on := g.date(2023, 2025)
	rows := [][]string{{"STT", "Tên hàng hóa, dịch vụ", "Đơn vị tính", "Số lượng", "Đơn giá", "Thành tiền"}}
	total := 0
	for i := 0; i < g.between(3, 6); i++ {
		q, p := g.between(1, 20), g.between(10, 900)*1000
		total += q * p
		rows = append(rows, []string{fmt.Sprint(i + 1), g.pick("Giấy in A4", "Mực in laser", "Bìa hồ sơ", "Dịch vụ bảo trì máy quét", "Ổ cứng lưu trữ", "Bút bi"), g.pick("Hộp", "Cái", "Gói", "Lần"), fmt.Sprint(q), money(p), money(q * p)})
	}
	rows = append(rows, []string{"", "Cộng tiền hàng", "", "", "", money(total)}, []string{"", "Thuế suất GTGT 10%", "", "", "", money(total / 10)}, []string{"", "Tổng cộng tiền thanh toán", "", "", "", money(total + total/10)})
	d := Doc{Font: "arial", Items: []any{
		Block{Lines: []Text{ctr(sz(tb("HÓA ĐƠN GIÁ TRỊ GIA TĂNG"), 15)), ctr(sz(ti("(Bản thể hiện của hóa đơn điện tử)"), 10.5)), ctr(sz(t("Ngày "+fmt.Sprintf("%02d tháng %02d năm %d", on.d, on.m, on.y)), 11))}},
		Block{Lines: []Text{rgt(sz(t("Ký hiệu: 1C25TAA    Số: "+g.digits(7)), 10.5))}},
		Gap(3),
		block(sizeAll(11, kvLines(pair("Đơn vị bán hàng", c.name), pair("Mã số thuế", c.code), pair("Địa chỉ", c.addr), pair("Họ tên người mua hàng", g.name(true)), pair("Tên đơn vị", "Văn phòng Ủy ban nhân dân "+c.o.districtFull()), pair("Hình thức thanh toán", "TM/CK")))...),
		Gap(2),
		Table{Widths: []float64{10, 58, 20, 17, 28, 32}, Size: 10, Header: 1, Cells: rows},
		Gap(4),
		Row{Either: true, Blocks: []Block{signer(0, 75, []string{"Người mua hàng"}, "", "", ""), signer(85, 80, []string{"Người bán hàng"}, "(Ký điện tử)", c.rep.name, "")}},
	}}
	return d, Fields{IssuedOn: on.iso()}
}

func money(n int) string {
	s := fmt.Sprint(n)
	out := ""
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out += "."
		}
		out += string(c)
	}
	return out
}

func outEnglish(g *gen) (Doc, Fields) {
	on := g.date(2022, 2025)
	name := g.name(g.chance(0.5))
	d := Doc{Font: "times", Items: []any{
		Block{Lines: []Text{sz(tb("NORTHFIELD LANGUAGE CENTRE"), 14), sz(t("12 Harbour Road, Brighton BN1 4GH, United Kingdom"), 11)}, Rule: 2},
		Gap(8),
		Block{Lines: []Text{rgt(t(fmt.Sprintf("%d %s %d", on.d, []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}[on.m], on.y)))}},
		Gap(4),
		titleLines(15, "CERTIFICATE OF ATTENDANCE"),
		Gap(4),
		block(Text{S: "This is to certify that " + foldASCII(upper(name)) + " attended the General English course at upper-intermediate level from September to December, completing 120 hours of tuition with an attendance record of 96 per cent.", Indent: 8}),
		block(Text{S: "During the course the student took part in weekly assessments in reading, writing, listening and speaking, and achieved an overall grade of B+ in the final examination.", Indent: 8}),
		block(Text{S: "We wish them every success in their future studies.", Indent: 8}),
		Gap(6),
		Row{Blocks: []Block{signer(85, 80, []string{"Director of Studies"}, "", "Margaret Ellison", "")}},
	}}
	return d, Fields{}
}
