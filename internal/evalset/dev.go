package evalset

import (
	"fmt"
	"strings"
)

// Development family ("e"): more layouts of some types, for developing the field rules on,
// so that the held-out family d stays a measure of layouts the rules were not developed on.
// They are modelled on other real forms than a to d: a birth extract, a department's
// decision, a police station's three-line header with ranks before the signer's name, a lease
// with its parties in a table, a land office branch's receipt, a hospital's birth
// certificate, a marriage certificate with the spouses one under the other, a power of
// attorney certified at the foot, a land certificate granted to a couple in a sentence, a
// registration certificate headed across the page, a birth declaration with its requester's
// papers in a table. Never measured for the floors; kept apart from
// formFamilies and heldOut, so their pages stay what they were for every seed.
var devFamilies []formFamily

func addDev(typ string, make func(*gen) (Doc, Fields)) {
	devFamilies = append(devFamilies, formFamily{typ, "e", make})
}

// DevPages are pages of the development families (e, f and g), as Pages makes pages of the
// others.
func DevPages(seed uint64, rounds int) []Page {
	return append(pagesOf(devFamilies, seed, rounds, nil, 0xe0e, 3_000_017), pagesOf(devG, seed, rounds, nil, 0xf0f, 4_000_037)...)
}

func init() {
	addDev("giay_khai_sinh", gksE)
	addDev("quyet_dinh", qdE)
	addDev("xac_nhan_cu_tru", xnE)
	addDev("hop_dong", hdE)
	addDev("bien_nhan", bnE)
	addDev("giay_chung_sinh", gcsE)
	addDev("giay_chung_nhan_ket_hon", gcnkhE)
	addDev("giay_uy_quyen", uqE)
	addDev("giay_chung_nhan_qsdd", gcnE)
	addDev("giay_chung_nhan_dkdn", gcndnE)
	addDev("to_khai_khai_sinh", tkksE)
}

// gksE: a birth extract (trích lục) from the civil-status database: district and commune on
// two header lines, the parents in a table, the officer who signs with the capacity below.
func gksE(g *gen) (Doc, Fields) {
	b := g.birth()
	officer := officerName(g)
	d := Doc{Font: "times", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 75, Lines: []Text{ctr(sz(t("UBND "+upper(b.o.districtFull())), 12)), ctr(sz(tb("UBND "+upper(b.o.wardFull())), 12)), ctr(sz(t("Số: "+b.num+"/TLKS-BS"), 12))}, Rule: 2},
			motto(75, 90, 12, "-"),
		}},
		Gap(6),
		titleLines(15, "TRÍCH LỤC KHAI SINH"),
		Block{Lines: []Text{ctr(sz(ti("(Bản sao)"), 11))}},
		Gap(3),
		block(sizeAll(12.5, kvLines(
			pair("Họ, chữ đệm, tên", upper(b.child.name)),
			pair("Ngày, tháng, năm sinh", b.child.born.slash()),
			pair("Giới tính", b.child.sex()),
			pair("Nơi sinh", b.hospital),
			pair("Số định danh cá nhân", b.child.id),
		))...),
		Table{Widths: []float64{40, 62, 63}, Size: 11.5, Header: 1, Cells: [][]string{
			{"", "Mẹ", "Cha"},
			{"Họ, chữ đệm, tên", b.mother.name, b.father.name},
			{"Năm sinh", fmt.Sprint(b.mother.born.y), fmt.Sprint(b.father.born.y)},
			{"Dân tộc", b.mother.ethnicity, b.father.ethnicity},
		}},
		Gap(2),
		block(sz(t("Nơi đăng ký khai sinh: Ủy ban nhân dân "+b.o.wardFull()+", "+b.o.districtFull()), 12), sz(t("Ngày, tháng, năm đăng ký: "+b.reg.slash()+"   Quyển số: "+b.book), 12)),
		Gap(3),
		Row{Blocks: []Block{signer(85, 80, []string{"NGƯỜI KÝ TRÍCH LỤC"}, "(Ký, ghi rõ họ, chữ đệm, tên, chức vụ và đóng dấu)", officer, sealOf("ủy ban nhân dân "+b.o.wardFull()))}},
		Block{X: 85, W: 80, Lines: []Text{ctr(sz(t("Công chức tư pháp - hộ tịch"), 11))}},
	}}
	tr := b.truth()
	tr.Number += "/TLKS-BS"
	tr.Names = append(tr.Names, officer)
	return d, tr
}

// qdE: a department's decision: the province's committee over the department, the decision
// made by the deputy director "KT. GIÁM ĐỐC", the person named with a lower-case "ông"/"bà".
func qdE(g *gen) (Doc, Fields) {
	q := g.decision()
	dept := g.pick("Sở Tài nguyên và Môi trường", "Sở Xây dựng", "Sở Tư pháp")
	num := fmt.Sprintf("%d/QĐ-%s", g.between(10, 2999), map[string]string{"Sở Tài nguyên và Môi trường": "STNMT", "Sở Xây dựng": "SXD", "Sở Tư pháp": "STP"}[dept])
	who := strings.ToLower(q.p.title())
	d := Doc{Font: "arial", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(t("UBND "+upper(q.o.p.full)), 11)), ctr(sz(tb(upper(dept)), 11)), ctr(sz(t("Số: "+num), 11))}, Rule: 2},
			{X: 72, W: 93, Lines: []Text{ctr(sz(tb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 11)), ctr(sz(tb("Độc lập - Tự do - Hạnh phúc"), 11.5)), ctr(sz(ti(q.o.datePlace()+", "+q.on.long(false)), 11))}, Rule: 2},
		}},
		Gap(6),
		titleLines(14, "QUYẾT ĐỊNH"),
		Block{Lines: []Text{ctr(sz(tb("Về việc công nhận kết quả hòa giải thành"), 12))}},
		Gap(2),
		Block{Lines: []Text{ctr(sz(tb("GIÁM ĐỐC "+upper(dept)), 12))}},
		block(sizeAll(12, []Text{
			{S: "Căn cứ Quyết định số 25/2021/QĐ-UBND quy định chức năng, nhiệm vụ của " + dept + ";", Indent: 8},
			{S: "Xét đề nghị của " + who + " " + q.p.name + " (số định danh cá nhân " + q.p.id + "),", Indent: 8},
		})...),
		titleLines(12.5, "QUYẾT ĐỊNH:"),
		block(sizeAll(12, []Text{
			{S: "Điều 1. Công nhận kết quả hòa giải thành giữa " + who + " " + q.p.name + " và các bên liên quan.", Indent: 8},
			{S: "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", Indent: 8},
		})...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			recipients(0, 70, "Như Điều 2;", "Lưu: VT."),
			signer(80, 85, []string{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"}, "", q.chair, sealOf(dept+" "+q.o.p.full)),
		}},
	}}
	return d, Fields{Number: num, IssuedOn: q.on.iso(), Authority: dept, CitizenIDs: []string{q.p.id}, Names: []string{q.p.name, q.chair}}
}

// xnE: a residence confirmation under three police lines (province, district, commune), the
// household in a table, the chief signing with his rank before his name.
func xnE(g *gen) (Doc, Fields) {
	r := g.residence()
	rank := g.pick("Thiếu tá", "Trung tá", "Đại úy")
	d := Doc{Font: "times", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 72, Lines: []Text{ctr(sz(t("CÔNG AN "+upper(r.o.p.full)), 11)), ctr(sz(t("CÔNG AN "+upper(r.o.districtFull())), 11)), ctr(sz(tb(upper(r.authority())), 11))}, Rule: 2},
			motto(74, 91, 11, "-"),
		}},
		Block{X: 74, W: 91, Lines: []Text{ctr(sz(t("Số: "+r.num), 11))}},
		Gap(5),
		titleLines(14, "XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ"),
		Gap(2),
		block(sizeAll(12, kvLines(pair("Họ, chữ đệm và tên", upper(r.p.name)), pair("Số định danh cá nhân", r.p.id), pair("Nơi thường trú", r.p.address)))...),
		block(sz(t("Thông tin thành viên hộ gia đình:"), 12)),
		Table{Widths: []float64{10, 60, 30, 40, 25}, Size: 11, Header: 1, Cells: func() [][]string {
			rows := [][]string{{"STT", "Họ và tên", "Ngày sinh", "Số định danh cá nhân", "Quan hệ"}}
			for i, m := range r.members {
				rows = append(rows, []string{fmt.Sprint(i + 1), m.name, m.born.slash(), m.id, g.pick("Vợ", "Con", "Chồng")})
			}
			return rows
		}()},
		Gap(3),
		Block{X: 80, W: 85, Lines: []Text{ctr(ti(r.o.datePlace() + ", " + r.on.long(false)))}},
		Row{Blocks: []Block{signer(80, 85, []string{"TRƯỞNG CÔNG AN"}, "(Ký, ghi rõ họ tên, đóng dấu)", rank+" "+r.chief, sealOf(r.authority()))}},
	}}
	return d, r.truth()
}

// hdE: a house lease whose parties stand side by side in a ruled table, signed by each
// party's representative.
func hdE(g *gen) (Doc, Fields) {
	o := g.office()
	a, b := g.parties(o)
	on := g.date(2021, 2025)
	num := fmt.Sprintf("%02d/%d/HĐTN", g.between(1, 60), on.y)
	d := Doc{Font: "noto-serif", Items: []any{
		motto(0, 165, 11.5, "-"),
		Gap(5),
		titleLines(14, "HỢP ĐỒNG THUÊ NHÀ"),
		Block{Lines: []Text{ctr(sz(t("Số: "+num), 11))}},
		Gap(2),
		block(Text{S: "Hôm nay, " + on.long(false) + ", tại " + o.datePlace() + ", chúng tôi gồm:", Size: 11.5}),
		Table{Widths: []float64{82, 83}, Size: 11, Header: 1, Cells: [][]string{
			{"BÊN CHO THUÊ (BÊN A)", "BÊN THUÊ (BÊN B)"},
			{"Ông/Bà: " + a.name, "Ông/Bà: " + b.name},
			{"CCCD: " + a.id, "CCCD: " + b.id},
			{"Điện thoại: " + a.phone, "Điện thoại: " + b.phone},
		}},
		block(sizeAll(11.5, []Text{
			t("Điều 1. Bên A cho Bên B thuê nhà tại " + a.address + "."),
			t(fmt.Sprintf("Điều 2. Giá thuê %d.000.000 đồng một tháng, trả vào ngày 05 hằng tháng.", g.between(3, 15))),
			t("Điều 3. Thời hạn thuê 12 tháng kể từ " + on.long(false) + "."),
		})...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"ĐẠI DIỆN BÊN A"}, "(Ký, ghi rõ họ tên)", a.name, ""),
			signer(85, 80, []string{"ĐẠI DIỆN BÊN B"}, "(Ký, ghi rõ họ tên)", b.name, ""),
		}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), CitizenIDs: []string{a.id, b.id}, Names: []string{a.name, b.name}}
}

// bnE: a land registration office branch's receipt: the province's office over the district
// branch, the facts as numbered lines, the clerk signing alone.
func bnE(g *gen) (Doc, Fields) {
	o, p, on, back, proc, code, num := receiptFacts(g)
	clerk := g.name(g.chance(0.4))
	d := Doc{Font: "arial", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 75, Lines: []Text{ctr(sz(t("VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI"), 10.5)), ctr(sz(tb("CHI NHÁNH "+upper(o.districtFull())), 10.5)), ctr(sz(t("Số: "+num), 10.5))}, Rule: 2},
			motto(77, 88, 10.5, "-"),
		}},
		Gap(6),
		titleLines(14, "PHIẾU NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
		Gap(2),
		block(sizeAll(11.5, []Text{
			t("1. Mã hồ sơ: " + code),
			t("2. Người nộp hồ sơ: " + p.name + "; số định danh cá nhân: " + p.id),
			t("3. Nội dung: " + proc),
			t("4. Ngày nhận hồ sơ: " + on.slash()),
			t("5. Ngày hẹn trả kết quả: " + back.slash()),
		})...),
		Gap(3),
		Row{Blocks: []Block{signer(85, 80, []string{"NGƯỜI NHẬN HỒ SƠ"}, "(Ký, ghi rõ họ tên)", clerk, "")}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), Authority: "Chi nhánh " + o.districtFull(), CitizenIDs: []string{p.id}, Names: []string{p.name, clerk}, DossierCode: code}
}

// gcsE: a provincial hospital's birth certificate: the health department over the hospital,
// the mother and the midwife on labelled lines, signed by the head of the facility.
func gcsE(g *gen) (Doc, Fields) {
	b := g.birth()
	hospital := "Bệnh viện Đa khoa " + b.o.p.full
	head, mw := officerName(g), g.name(false)
	num := fmt.Sprint(g.between(100, 9999))
	issued := date{b.child.born.d, b.child.born.m, b.child.born.y}
	d := Doc{Font: "times", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 75, Lines: []Text{ctr(sz(t("SỞ Y TẾ "+upper(b.o.p.full)), 11.5)), ctr(sz(tb(upper(hospital)), 11.5)), ctr(sz(t("Số: "+num), 11.5))}, Rule: 2},
			motto(77, 88, 11.5, "-"),
		}},
		Gap(6),
		titleLines(15, "GIẤY CHỨNG SINH"),
		Gap(2),
		block(sizeAll(12, kvLines(
			pair("Họ và tên mẹ / người nuôi dưỡng", b.mother.name),
			pair("Năm sinh", fmt.Sprint(b.mother.born.y)),
			pair("Số định danh cá nhân", b.mother.id),
			pair("Nơi đăng ký thường trú", b.mother.address),
			pair("Đã sinh con vào lúc", fmt.Sprintf("%02d giờ %02d phút, ngày %s", g.between(0, 23), g.between(0, 59), issued.slash())),
			pair("Tại", hospital),
			pair("Giới tính của con", b.child.sex()),
			pair("Dự định đặt tên con là", b.child.name),
			pair("Người đỡ đẻ", "Hộ sinh "+mw),
		))...),
		Gap(3),
		Block{X: 80, W: 85, Lines: []Text{ctr(ti(b.o.datePlace() + ", " + issued.long(true)))}},
		Row{Blocks: []Block{signer(80, 85, []string{"THỦ TRƯỞNG CƠ SỞ Y TẾ"}, "(Ký, ghi rõ họ tên, đóng dấu)", head, sealOf(hospital))}},
	}}
	return d, Fields{Number: num, IssuedOn: issued.iso(), Authority: hospital, CitizenIDs: []string{b.mother.id}, Names: []string{b.mother.name, b.child.name, mw, head}}
}

// gcnkhE: a marriage certificate with the spouses one under the other, the commune alone in
// the header, the registration's place and date on one line.
func gcnkhE(g *gen) (Doc, Fields) {
	mr := g.marriage()
	w, h := mr.wife, mr.hus
	officer := officerName(g)
	d := Doc{Font: "arial", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(tb("UBND "+upper(mr.o.wardFull())), 11))}, Rule: 2},
			motto(72, 93, 11, "-"),
		}},
		Gap(6),
		titleLines(16, "GIẤY CHỨNG NHẬN KẾT HÔN"),
		Gap(3),
		block(sizeAll(12, kvLines(
			pair("Họ, chữ đệm, tên chồng", h.name),
			pair("Ngày, tháng, năm sinh", h.born.slash()),
			pair("Số định danh cá nhân", h.id),
			pair("Họ, chữ đệm, tên vợ", w.name),
			pair("Ngày, tháng, năm sinh", w.born.slash()),
			pair("Số định danh cá nhân", w.id),
		))...),
		block(sz(t("Đăng ký kết hôn ngày "+mr.reg.slash()+" tại Ủy ban nhân dân "+mr.o.wardFull()+"; số "+mr.num+", quyển số "+mr.book+"."), 12)),
		Gap(4),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"CHỒNG"}, "", h.name, ""),
			signer(85, 80, []string{"VỢ"}, "", w.name, ""),
		}},
		Gap(2),
		Row{Blocks: []Block{signer(85, 80, []string{"NGƯỜI KÝ GIẤY CHỨNG NHẬN"}, "(Ký, ghi rõ họ tên, chức vụ, đóng dấu)", officer, sealOf("ủy ban nhân dân "+mr.o.wardFull()))}},
	}}
	return d, Fields{Number: mr.num, Book: mr.book, IssuedOn: mr.reg.iso(), Authority: mr.authority(), CitizenIDs: []string{h.id, w.id}, Names: []string{h.name, w.name, officer}}
}

// uqE: a power of attorney between two people, certified at the foot in a ruled box by the
// commune's officer, who signs with the certification's number and date.
func uqE(g *gen) (Doc, Fields) {
	o := g.office()
	a, b := g.parties(o)
	on := g.date(2021, 2025)
	officer := officerName(g)
	d := Doc{Font: "times", Items: []any{
		motto(0, 165, 12, "-"),
		Block{X: 80, W: 85, Lines: []Text{ctr(sz(ti(o.datePlace()+", "+on.long(true)), 12))}},
		Gap(5),
		titleLines(15, "GIẤY ỦY QUYỀN"),
		Gap(2),
		block(sizeAll(12, kvLines(
			pair("Họ tên người ủy quyền", upper(a.name)),
			pair("Số định danh cá nhân", a.id),
			pair("Họ tên người được ủy quyền", upper(b.name)),
			pair("Số định danh cá nhân", b.id),
			pair("Nội dung ủy quyền", "nộp hồ sơ và nhận kết quả đăng ký biến động đất đai"),
		))...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"NGƯỜI ĐƯỢC ỦY QUYỀN"}, "", b.name, ""),
			signer(85, 80, []string{"NGƯỜI ỦY QUYỀN"}, "", a.name, ""),
		}},
		Gap(3),
		block(sz(tb("LỜI CHỨNG CỦA NGƯỜI THỰC HIỆN CHỨNG THỰC"), 11.5), sz(t("Ngày "+on.slash()+", tại Ủy ban nhân dân "+o.wardFull()+", "+a.title()+" "+a.name+" đã ký trước mặt tôi. Số chứng thực: "+fmt.Sprint(g.between(10, 999))+", quyển số 01/"+fmt.Sprint(on.y)+"-SCT/CK."), 11)),
		Row{Blocks: []Block{signer(85, 80, []string{"NGƯỜI THỰC HIỆN CHỨNG THỰC"}, "(Ký, đóng dấu và ghi rõ họ tên)", officer, sealOf("ủy ban nhân dân "+o.wardFull()))}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{a.id, b.id}, Names: []string{a.name, b.name, officer}}
}

// gcnE: a land certificate without a header block: granted "cho" a couple in one sentence,
// the parcel as a paragraph, signed for the district's committee with its place below "TM.".
func gcnE(g *gen) (Doc, Fields) {
	p := g.parcel()
	officer := officerName(g)
	auth := "Ủy ban nhân dân " + p.o.districtFull()
	wife := "vợ là"
	if !p.owner.male {
		wife = "chồng là"
	}
	d := Doc{Font: "noto-serif", Items: []any{
		motto(0, 165, 11.5, "-"),
		Gap(6),
		titleLines(15, "GIẤY CHỨNG NHẬN", "QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU NHÀ Ở", "VÀ TÀI SẢN KHÁC GẮN LIỀN VỚI ĐẤT"),
		Gap(3),
		block(Text{S: "Cấp cho: " + p.owner.title() + " " + upper(p.owner.name) + ", sinh năm " + fmt.Sprint(p.owner.born.y) + ", CCCD số " + p.owner.id + " và " + wife + " " + strings.ToLower(p.spouse.title()) + " " + upper(p.spouse.name) + ", sinh năm " + fmt.Sprint(p.spouse.born.y) + ", CCCD số " + p.spouse.id + "; địa chỉ: " + p.owner.address + ".", Size: 11.5}),
		block(Text{S: "Thửa đất số " + p.num + ", tờ bản đồ số " + p.sheet + ", diện tích " + p.area + " m², " + strings.ToLower(p.purpose[:1]) + p.purpose[1:] + ", thời hạn sử dụng: " + p.term + "; địa chỉ thửa đất: " + p.landAddr + ".", Size: 11.5}),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 72, Lines: []Text{sz(t("Số vào sổ cấp GCN: "+p.serial), 11)}},
			signer(75, 90, []string{p.o.datePlace() + ", " + p.issued.long(false), "TM. ỦY BAN NHÂN DÂN", upper(p.o.districtFull()), "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, "", officer, sealOf(auth)),
		}},
	}}
	f := p.gcnTruth(auth, officer)
	f.Names = append(f.Names, p.spouse.name)
	f.CitizenIDs = append(f.CitizenIDs, p.spouse.id)
	return d, f
}

// gcndnE: a registration certificate headed across the page: the department over the office,
// centred above the motto, the legal representative in a two-column table.
func gcndnE(g *gen) (Doc, Fields) {
	c := g.company()
	officer := officerName(g)
	d := Doc{Font: "arial", Items: []any{
		Block{Lines: []Text{ctr(sz(t("SỞ KẾ HOẠCH VÀ ĐẦU TƯ "+upper(c.o.p.full)), 11)), ctr(sz(tb("PHÒNG ĐĂNG KÝ KINH DOANH"), 11))}},
		Gap(3),
		motto(0, 165, 11, "-"),
		Gap(5),
		titleLines(14, "GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP", upper(c.kind)),
		block(sizeAll(11.5, kvLines(
			pair("Mã số doanh nghiệp", c.code),
			pair("Đăng ký lần đầu", c.first.long(true)),
			pair("Tên doanh nghiệp", c.name),
			pair("Địa chỉ trụ sở chính", c.addr),
			pair("Vốn điều lệ", c.capital+" đồng"),
		))...),
		block(sz(tb("Người đại diện theo pháp luật của doanh nghiệp"), 11.5)),
		Table{Widths: []float64{55, 110}, Size: 11, Cells: [][]string{
			{"Họ và tên", upper(c.rep.name)},
			{"Chức danh", "Giám đốc"},
			{"Số định danh cá nhân", c.rep.id},
		}},
		Gap(3),
		Row{Blocks: []Block{signer(80, 85, []string{"TRƯỞNG PHÒNG"}, "", officer, sealOf("Phòng Đăng ký kinh doanh "+c.o.p.full))}},
	}}
	tr := c.certTruth("Phòng Đăng ký kinh doanh", officer)
	tr.IssuedOn = c.first.iso()
	return d, tr
}

// tkksE: a birth declaration whose requester's papers stand in a small table, the child's
// facts as numbered lines, dated at the foot above the requester's signature.
func tkksE(g *gen) (Doc, Fields) {
	b := g.birth()
	c, m, f := b.child, b.mother, b.father
	req := m
	if g.chance(0.5) {
		req = f
	}
	d := Doc{Font: "noto-sans", Items: []any{
		motto(0, 165, 11, "-"),
		Gap(5),
		titleLines(14, "TỜ KHAI ĐĂNG KÝ KHAI SINH"),
		Block{X: 20, Lines: []Text{sz(t("Kính gửi: Ủy ban nhân dân "+b.o.wardFull()), 11.5)}},
		Gap(2),
		Table{Widths: []float64{60, 105}, Size: 10.5, Cells: [][]string{
			{"Họ tên người yêu cầu", req.name},
			{"Giấy tờ tùy thân", "CCCD số " + req.id},
			{"Nơi cư trú", req.address},
		}},
		Gap(2),
		block(sizeAll(11, []Text{
			t("1. Họ, chữ đệm, tên người được khai sinh: " + upper(c.name)),
			t("2. Ngày, tháng, năm sinh: " + c.born.slash()),
			t("3. Nơi sinh: " + b.hospital),
			t("4. Họ tên mẹ: " + m.name + ", năm sinh " + fmt.Sprint(m.born.y)),
			t("5. Họ tên cha: " + f.name + ", năm sinh " + fmt.Sprint(f.born.y)),
		})...),
		Gap(2),
		Block{X: 80, W: 85, Lines: []Text{ctr(sz(ti(b.o.datePlace()+", "+b.reg.long(true)), 11))}},
		Row{Blocks: []Block{signer(80, 85, []string{"NGƯỜI YÊU CẦU"}, "(Ký, ghi rõ họ tên)", req.name, "")}},
	}}
	return d, Fields{IssuedOn: b.reg.iso(), CitizenIDs: []string{req.id}, Names: []string{req.name, c.name, m.name, f.name}}
}
