package evalset

import (
	"fmt"
	"strings"
)

// Held-out layout families ("d"): a fourth layout of every catalogue type, written after the
// classifier's rules were developed on families a to c and never tuned on, so that their
// figures say how the classifier does on layouts it has not met. They differ from a to c in
// what a desk meets from other offices and printers: the title phrased or broken otherwise
// ("BẢN SAO", a copy's or an extract's heading, a sub-title), the header blocks in other
// places (a ministry's line over the body, no motto, the motto on the right alone), other fonts
// (Noto Sans, where a to c use mostly Times and Arial), the facts in two columns or in a
// paragraph, and signature blocks with other capacities. They are kept apart from
// formFamilies, so the pages of a to c stay what they were for every seed.
var heldOut []formFamily

func addHeldOut(typ string, make func(*gen) (Doc, Fields)) {
	heldOut = append(heldOut, formFamily{typ, "d", make})
}

// HeldOutPages are pages of the held-out families, as Pages makes pages of the others.
func HeldOutPages(seed uint64, rounds int) ([]Page, error) {
	return pagesOf(heldOut, seed, rounds, nil, 0xd0d, 2_000_003), nil
}

func init() {
	addHeldOut("giay_khai_sinh", gksD)
	addHeldOut("to_khai_khai_sinh", tkksD)
	addHeldOut("giay_chung_sinh", gcsD)
	addHeldOut("to_khai_ket_hon", tkkhD)
	addHeldOut("giay_chung_nhan_ket_hon", gcnkhD)
	addHeldOut("can_cuoc", ccD)
	addHeldOut("don_dang_ky_dat_dai", dkddD)
	addHeldOut("giay_chung_nhan_qsdd", gcnD)
	addHeldOut("giay_de_nghi_dkdn", dndnD)
	addHeldOut("giay_chung_nhan_dkdn", gcndnD)
	addHeldOut("hop_dong", hdD)
	addHeldOut("giay_uy_quyen", uqD)
	addHeldOut("bien_nhan", bnD)
	addHeldOut("quyet_dinh", qdD)
	addHeldOut("xac_nhan_cu_tru", xnD)
}

// gksD: a certified copy from the register ("BẢN SAO"), in Noto Sans: the copy's heading on
// the right above the motto, the facts in two columns, the copy's signer.
func gksD(g *gen) (Doc, Fields) {
	b := g.birth()
	c, m, f := b.child, b.mother, b.father
	officer := officerName(g)
	d := Doc{Font: "noto-sans", Items: []any{
		Block{Lines: []Text{rgt(sz(tb("BẢN SAO"), 11))}},
		motto(40, 125, 11, "-"),
		Gap(6),
		Row{Blocks: []Block{{X: 0, W: 80, Lines: []Text{sz(t(upper(b.authority())), 10.5), sz(t(upper(b.o.districtFull())), 10.5)}}, {X: 90, W: 75, Lines: []Text{rgt(sz(t("Số: "+b.num+", Quyển số: "+b.book), 10.5))}}}},
		Gap(5),
		titleLines(16, "GIẤY KHAI SINH"),
		Gap(4),
		Row{Blocks: []Block{
			{X: 0, W: 80, Lines: kvLines(pair("Họ, chữ đệm, tên", upper(c.name)), pair("Giới tính", c.sex()), pair("Ngày sinh", c.born.slash()), pair("Dân tộc", c.ethnicity), pair("Số định danh cá nhân", c.id))},
			{X: 85, W: 80, Lines: kvLines(pair("Nơi sinh", b.hospital), pair("Quê quán", b.o.p.name), pair("Quốc tịch", "Việt Nam"))},
		}},
		Gap(3),
		Row{Blocks: []Block{
			{X: 0, W: 80, Lines: kvLines(pair("Họ, chữ đệm, tên người mẹ", m.name), pair("Năm sinh", fmt.Sprint(m.born.y)))},
			{X: 85, W: 80, Lines: kvLines(pair("Họ, chữ đệm, tên người cha", f.name), pair("Năm sinh", fmt.Sprint(f.born.y)))},
		}},
		Gap(3),
		block(t("Đăng ký khai sinh tại " + b.authority() + ", " + b.o.districtFull() + ", ngày " + b.reg.slash())),
		Gap(4),
		Row{Blocks: []Block{signer(80, 85, []string{"SAO TỪ SỔ ĐĂNG KÝ KHAI SINH", "CÔNG CHỨC TƯ PHÁP - HỘ TỊCH"}, "", officer, sealOf("ủy ban nhân dân "+b.o.wardFull()))}},
	}}
	tr := b.truth()
	tr.Names = append(tr.Names, officer)
	return d, tr
}

// tkksD: the registration request as a ward's one-stop desk prints it for walk-ins: no form
// number, the desk's name over the motto, the request in a paragraph, the child in a table.
func tkksD(g *gen) (Doc, Fields) {
	b := g.birth()
	c, m, f := b.child, b.mother, b.father
	d := Doc{Font: "noto-sans", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 65, Lines: []Text{ctr(sz(t("BỘ PHẬN MỘT CỬA"), 10)), ctr(sz(t(upper(b.o.wardFull())), 10))}},
			motto(70, 95, 10.5, "-"),
		}},
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("TỜ KHAI"), 15)), ctr(sz(tb("ĐĂNG KÝ KHAI SINH"), 13))}},
		Gap(3),
		block(Text{S: "Tôi là " + f.name + ", số định danh cá nhân " + f.id + ", nơi cư trú " + f.address + ", là cha của trẻ, đề nghị " + b.authority() + " đăng ký khai sinh cho trẻ có thông tin sau:", Indent: 8}),
		Table{Widths: []float64{60, 105}, Size: 11, Cells: [][]string{
			{"Họ, chữ đệm, tên", upper(c.name)},
			{"Ngày, tháng, năm sinh", c.born.slash()},
			{"Giới tính / Dân tộc", c.sex() + " / " + c.ethnicity},
			{"Nơi sinh", b.hospital},
			{"Họ tên mẹ, năm sinh", m.name + ", " + fmt.Sprint(m.born.y)},
		}},
		Gap(2),
		block(Text{S: "Tôi cam đoan lời khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật.", Indent: 8}),
		Block{X: 80, W: 85, Lines: []Text{ctr(ti(b.o.datePlace() + ", " + b.reg.long(true)))}},
		Row{Blocks: []Block{signer(80, 85, []string{"NGƯỜI KHAI"}, "(ký và ghi rõ họ tên)", f.name, "")}},
	}}
	return d, Fields{IssuedOn: b.reg.iso(), CitizenIDs: []string{f.id}, Names: []string{f.name, c.name, m.name}}
}

// gcsD: a district medical centre's notice of birth: the ministry's line over the centre, the
// title with a sub-title, the facts as a paragraph.
func gcsD(g *gen) (Doc, Fields) {
	b := g.birth()
	m, c := b.mother, b.child
	centre := "Trung tâm Y tế " + b.o.districtFull()
	num := fmt.Sprintf("%d/GCS", g.between(100, 9999))
	head := g.name(g.chance(0.5))
	on := date{min(28, c.born.d+2), c.born.m, c.born.y}
	d := Doc{Font: "noto-serif", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 72, Lines: []Text{ctr(sz(t("BỘ Y TẾ"), 10)), ctr(sz(tb(upper(centre)), 10.5)), ctr(sz(t("Số: "+num), 10.5))}, Rule: 2},
			motto(75, 90, 10.5, "-"),
		}},
		Gap(7),
		Block{Lines: []Text{ctr(sz(tb("GIẤY CHỨNG SINH"), 16)), ctr(sz(ti("(Dùng cho trẻ sinh ra tại cơ sở khám bệnh, chữa bệnh)"), 10.5))}},
		Gap(4),
		block(Text{S: "Chứng nhận bà " + m.name + ", sinh năm " + fmt.Sprint(m.born.y) + ", số định danh cá nhân " + m.id + ", nơi cư trú " + m.address + ", đã sinh con tại " + centre + " vào lúc " + fmt.Sprintf("%02d giờ %02d", g.between(0, 23), g.between(0, 59)) + " ngày " + c.born.slash() + ".", Indent: 8}),
		block(kvLines(pair("Giới tính của con", c.sex()), pair("Cân nặng", fmt.Sprintf("%d.%d00 gam", g.between(2, 4), g.between(0, 9))), pair("Tên dự định đặt cho con", c.name))...),
		Gap(4),
		Row{Blocks: []Block{{X: 85, W: 80, Lines: []Text{ctr(ti(b.o.datePlace() + ", " + on.long(true)))}}}},
		Row{Blocks: []Block{signer(85, 80, []string{"GIÁM ĐỐC"}, "", head, sealOf(centre))}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), Authority: centre, CitizenIDs: []string{m.id}, Names: []string{m.name, c.name, head}}
}

// tkkhD: the marriage request with the groom first, each party a column of its own under its
// heading, the title on two lines.
func tkkhD(g *gen) (Doc, Fields) {
	mr := g.marriage()
	w, h := mr.wife, mr.hus
	col := func(x float64, who string, p person, times string) Block {
		return Block{X: x, W: 80, Lines: append([]Text{tb(who)}, kvLines(pair("Họ và tên", p.name), pair("Sinh ngày", p.born.slash()), pair("Dân tộc", p.ethnicity),
			pair("Số định danh", p.id), pair("Kết hôn", times))...)}
	}
	d := Doc{Font: "noto-sans", Items: []any{
		motto(0, 165, 11, "-"),
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("TỜ KHAI"), 15)), ctr(sz(tb("ĐĂNG KÝ KẾT HÔN"), 14))}},
		Gap(2),
		Block{Lines: []Text{ctr(t("Kính gửi: " + mr.authority()))}},
		Gap(3),
		Row{Blocks: []Block{col(0, "BÊN NAM", h, mr.husbTimes), col(85, "BÊN NỮ", w, mr.wifeTimes)}},
		Gap(2),
		block(Text{S: "Chúng tôi cam đoan việc kết hôn là tự nguyện, đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình.", Indent: 8}),
		Block{X: 80, W: 85, Lines: []Text{ctr(ti(mr.o.datePlace() + ", " + mr.reg.long(false)))}},
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"BÊN NAM"}, "(ký, ghi rõ họ tên)", h.name, ""),
			signer(85, 80, []string{"BÊN NỮ"}, "(ký, ghi rõ họ tên)", w.name, ""),
		}},
	}}
	return d, Fields{IssuedOn: mr.reg.iso(), CitizenIDs: []string{h.id, w.id}, Names: []string{h.name, w.name}}
}

// gcnkhD: the marriage certificate in the landscape-like layout some wards print: the two
// spouses side by side in a ruled table, the register line at the foot, Noto Serif.
func gcnkhD(g *gen) (Doc, Fields) {
	mr := g.marriage()
	w, h := mr.wife, mr.hus
	officer := officerName(g)
	d := Doc{Font: "noto-serif", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(t("ỦY BAN NHÂN DÂN"), 10.5)), ctr(sz(tb(upper(mr.o.wardFull())), 10.5))}, Rule: 2},
			motto(72, 93, 10.5, "-"),
		}},
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("GIẤY CHỨNG NHẬN"), 17)), ctr(sz(tb("KẾT HÔN"), 17))}},
		Gap(4),
		Table{Widths: []float64{45, 60, 60}, Size: 10.5, Header: 1, Cells: [][]string{
			{"", "Chồng", "Vợ"},
			{"Họ, chữ đệm, tên", upper(h.name), upper(w.name)},
			{"Ngày sinh", h.born.slash(), w.born.slash()},
			{"Dân tộc / Quốc tịch", h.ethnicity + " / Việt Nam", w.ethnicity + " / Việt Nam"},
			{"Số định danh cá nhân", h.id, w.id},
		}},
		Gap(3),
		block(t("Đăng ký kết hôn tại: "+mr.authority()+", "+mr.o.districtFull()), t("Ngày đăng ký: "+mr.reg.slash()), t("Số: "+mr.num+"   Quyển số: "+mr.book)),
		Gap(4),
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(ti("Chữ ký của chồng và vợ"), 10))}},
			signer(80, 85, []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, "", officer, sealOf("ủy ban nhân dân "+mr.o.wardFull())),
		}},
	}}
	return d, Fields{Number: mr.num, Book: mr.book, IssuedOn: mr.reg.iso(), Authority: mr.authority(), CitizenIDs: []string{h.id, w.id}, Names: []string{h.name, w.name, officer}}
}

// ccD: the old identity card (chứng minh nhân dân, 9 digits) photocopied, front and back,
// in Noto Serif.
func ccD(g *gen) (Doc, Fields) {
	o := g.office()
	p := g.person(g.chance(0.5), o, 1955, 1990)
	front := Block{X: 15, W: 140, Box: true, Lines: []Text{
		ctr(sz(tb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 10)),
		ctr(sz(tb("Độc lập - Tự do - Hạnh phúc"), 10)),
		ctr(sz(tb("GIẤY CHỨNG MINH NHÂN DÂN"), 14)),
		sz(t("Số: "+p.oldID), 13),
		sz(t("Họ tên: "+upper(p.name)), 12),
		sz(t("Sinh ngày: "+p.born.slash()), 11),
		sz(t("Nguyên quán: "+o.wardFull()+", "+o.districtFull()+", "+o.p.name), 11),
		sz(t("Nơi ĐKHK thường trú: "+p.address), 11),
	}}
	back := Block{X: 15, W: 140, Box: true, Lines: []Text{
		sz(t("Dân tộc: "+p.ethnicity+"    Tôn giáo: Không"), 11),
		sz(t("Dấu vết riêng và dị hình: "+g.pick("Nốt ruồi cách 1 cm trên mép phải", "Sẹo chấm cách 2 cm dưới mắt trái")), 11),
		sz(t("Ngày "+fmt.Sprint(p.idIssued.d)+" tháng "+fmt.Sprint(p.idIssued.m)+" năm "+fmt.Sprint(p.idIssued.y)), 11),
		ctr(sz(tb("GIÁM ĐỐC CÔNG AN "+upper(o.p.name)), 10.5)),
	}}
	return Doc{Font: "noto-serif", Items: []any{Gap(12), front, Gap(16), back}}, Fields{OldIDs: []string{p.oldID}, Names: []string{p.name}}
}

// dkddD: a land registration application as a land registration office's software prints it:
// the office's name on the left, "Kính gửi" first, the applicant and the parcel in tables.
func dkddD(g *gen) (Doc, Fields) {
	p := g.parcel()
	a := p.owner
	on := g.date(2021, 2025)
	office := "Chi nhánh Văn phòng đăng ký đất đai " + p.o.districtFull()
	d := Doc{Font: "noto-sans", Items: []any{
		motto(0, 165, 11, "-"),
		Gap(5),
		Block{Lines: []Text{ctr(sz(tb("ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI,"), 13)), ctr(sz(tb("TÀI SẢN GẮN LIỀN VỚI ĐẤT"), 13))}},
		Gap(3),
		Block{X: 15, Lines: []Text{t("Kính gửi: " + office)}},
		Gap(2),
		block(tb("1. Người sử dụng đất")),
		Table{Widths: []float64{55, 110}, Size: 10.5, Cells: [][]string{
			{"Họ và tên", upper(a.name)},
			{"Năm sinh", fmt.Sprint(a.born.y)},
			{"Số định danh cá nhân", a.id},
			{"Địa chỉ", a.address},
		}},
		block(tb("2. Thửa đất biến động")),
		Table{Widths: []float64{40, 40, 40, 45}, Size: 10.5, Header: 1, Cells: [][]string{
			{"Thửa đất số", "Tờ bản đồ số", "Diện tích (m²)", "Mục đích sử dụng"},
			{p.num, p.sheet, p.area, p.purpose},
		}},
		block(tb("3. Nội dung biến động"), t("Chuyển nhượng toàn bộ quyền sử dụng thửa đất theo hợp đồng đã công chứng.")),
		Block{X: 80, W: 85, Lines: []Text{ctr(ti(p.o.datePlace() + ", " + on.long(true)))}},
		Row{Blocks: []Block{signer(80, 85, []string{"NGƯỜI VIẾT ĐƠN"}, "(Ký và ghi rõ họ tên)", a.name, "")}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{a.id}, Names: []string{a.name}, Parcel: p.num, MapSheet: p.sheet}
}

// gcnD: the land certificate of the 2024 Land Law's circular: one page, the title on two lines
// with the certificate's QR-like number under it, the owner and the parcel as numbered
// paragraphs, the issuing body's signature with the register serial beside it.
func gcnD(g *gen) (Doc, Fields) {
	p := g.parcel()
	signer0 := officerName(g)
	auth := "Ủy ban nhân dân " + p.o.districtFull()
	d := Doc{Font: "noto-serif", Items: []any{
		motto(0, 165, 11, "-"),
		Gap(5),
		Block{Lines: []Text{ctr(sz(tb("GIẤY CHỨNG NHẬN"), 17)), ctr(sz(tb("QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT"), 12.5))}},
		Block{Lines: []Text{ctr(sz(t("Mã số: "+p.printed), 10.5))}},
		Gap(3),
		block(Text{S: "1. Người sử dụng đất: " + p.owner.title() + " " + upper(p.owner.name) + ", năm sinh " + fmt.Sprint(p.owner.born.y) + ", số định danh cá nhân " + p.owner.id + "; địa chỉ: " + p.owner.address + "."}),
		block(Text{S: "2. Thửa đất: thửa đất số " + p.num + ", tờ bản đồ số " + p.sheet + "; diện tích " + p.area + " m²; địa chỉ: " + p.landAddr + "; mục đích sử dụng: " + p.purpose + "; thời hạn: " + p.term + "."}),
		block(t("3. Tài sản gắn liền với đất: Không."), t("4. Ghi chú: Không.")),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 75, Lines: []Text{sz(t("Số vào sổ cấp Giấy chứng nhận: "+p.serial), 11)}},
			{X: 80, W: 85, Lines: []Text{ctr(ti(p.o.datePlace() + ", " + p.issued.long(true)))}},
		}},
		Row{Blocks: []Block{signer(80, 85, []string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, "", signer0, sealOf(auth))}},
	}}
	return d, p.gcnTruth(auth, signer0)
}

// dndnD: the business registration request as an online portal's printout: the portal's
// banner line, "Kính gửi" the registration office, the company's facts in a ruled table.
func dndnD(g *gen) (Doc, Fields) {
	c := g.company()
	on := date{c.first.d, c.first.m, c.first.y}
	d := Doc{Font: "noto-sans", Items: []any{
		Block{Lines: []Text{sz(ti("Cổng thông tin quốc gia về đăng ký doanh nghiệp - bản in hồ sơ"), 9)}},
		motto(0, 165, 11, "-"),
		Gap(5),
		Block{Lines: []Text{ctr(sz(tb("GIẤY ĐỀ NGHỊ"), 14)), ctr(sz(tb("ĐĂNG KÝ DOANH NGHIỆP"), 13))}},
		Gap(2),
		Block{X: 15, Lines: []Text{t("Kính gửi: Phòng Đăng ký kinh doanh " + c.o.p.full)}},
		Gap(2),
		block(Text{S: "Tôi là " + c.rep.name + ", số định danh cá nhân " + c.rep.id + ", là người đại diện theo pháp luật, đăng ký doanh nghiệp với các thông tin sau:", Indent: 8}),
		Table{Widths: []float64{55, 110}, Size: 10.5, Cells: [][]string{
			{"Loại hình", c.kind},
			{"Tên doanh nghiệp", c.name},
			{"Địa chỉ trụ sở chính", c.addr},
			{"Vốn điều lệ", c.capital + " đồng"},
		}},
		Block{X: 80, W: 85, Lines: []Text{ctr(ti(c.o.datePlace() + ", " + on.long(true)))}},
		Row{Blocks: []Block{signer(80, 85, []string{"NGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT"}, "(Ký và ghi họ tên)", c.rep.name, "")}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{c.rep.id}, Names: []string{c.rep.name}}
}

// gcndnD: the business registration certificate as the provincial department prints it: the
// department alone in the header (no motto beside it), the enterprise code large under the
// title, the facts two columns wide.
func gcndnD(g *gen) (Doc, Fields) {
	c := g.company()
	officer := officerName(g)
	auth := "Phòng Đăng ký kinh doanh " + c.o.p.full
	d := Doc{Font: "noto-sans", Items: []any{
		Block{Lines: []Text{ctr(sz(t("SỞ TÀI CHÍNH "+upper(c.o.p.name)), 10.5)), ctr(sz(tb("PHÒNG ĐĂNG KÝ KINH DOANH"), 10.5))}, Rule: 2},
		motto(0, 165, 10.5, "-"),
		Gap(5),
		Block{Lines: []Text{ctr(sz(tb("GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP"), 14)), ctr(sz(t(strings.TrimPrefix(c.kind, "CÔNG TY ")), 11))}},
		Block{Lines: []Text{ctr(sz(tb("Mã số doanh nghiệp: "+c.code), 13))}},
		Gap(3),
		block(kvLines(pair("Tên công ty", c.name), pair("Địa chỉ trụ sở chính", c.addr), pair("Vốn điều lệ", c.capital+" đồng"))...),
		Row{Blocks: []Block{
			{X: 0, W: 80, Lines: kvLines(pair("Người đại diện", c.rep.name), pair("Chức danh", "Giám đốc"))},
			{X: 85, W: 80, Lines: kvLines(pair("Số định danh cá nhân", c.rep.id), pair("Sinh ngày", c.rep.born.slash()))},
		}},
		block(t("Đăng ký lần đầu: ngày " + fmt.Sprintf("%02d tháng %02d năm %d", c.first.d, c.first.m, c.first.y))),
		block(t("Đăng ký thay đổi lần thứ 1: ngày " + fmt.Sprintf("%02d tháng %02d năm %d", c.change.d, c.change.m, c.change.y))),
		Gap(3),
		Row{Blocks: []Block{signer(85, 80, []string{"TRƯỞNG PHÒNG"}, "", officer, sealOf(auth))}},
	}}
	return d, c.certTruth(auth, officer)
}

// hdD: a house lease (hợp đồng thuê nhà), the parties in two columns, articles short.
func hdD(g *gen) (Doc, Fields) {
	o := g.office()
	a, b := g.parties(o)
	on := g.date(2021, 2025)
	num := fmt.Sprintf("%02d/%d/HĐTN", g.between(1, 99), on.y)
	d := Doc{Font: "noto-serif", Items: []any{
		motto(0, 165, 11, "-"),
		Gap(6),
		titleLines(15, "HỢP ĐỒNG THUÊ NHÀ Ở"),
		Block{Lines: []Text{ctr(sz(t("Số: "+num), 11))}},
		Gap(2),
		block(Text{S: "Hôm nay, " + on.long(true) + ", tại " + a.address + ", chúng tôi gồm:", Indent: 8}),
		Row{Blocks: []Block{
			{X: 0, W: 80, Lines: []Text{tb("BÊN CHO THUÊ (Bên A)"), t(a.title() + " " + a.name), t("Số định danh: " + a.id)}},
			{X: 85, W: 80, Lines: []Text{tb("BÊN THUÊ (Bên B)"), t(b.title() + " " + b.name), t("Số định danh: " + b.id)}},
		}},
		block(tb("Điều 1. Nhà cho thuê"), t("Bên A cho Bên B thuê căn nhà tại "+a.address+" để ở.")),
		block(tb("Điều 2. Giá thuê và thời hạn"), t(fmt.Sprintf("Giá thuê %d.000.000 đồng một tháng; thời hạn %d tháng kể từ ngày ký.", g.between(3, 15), g.between(6, 24)))),
		block(tb("Điều 3. Cam kết"), t("Hai bên cam kết thực hiện đúng các điều khoản đã thỏa thuận.")),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"BÊN CHO THUÊ"}, "(ký, ghi rõ họ tên)", a.name, ""),
			signer(85, 80, []string{"BÊN THUÊ"}, "(ký, ghi rõ họ tên)", b.name, ""),
		}},
	}}
	return d, Fields{Number: num, IssuedOn: on.iso(), CitizenIDs: []string{a.id, b.id}, Names: []string{a.name, b.name}}
}

// uqD: a power of attorney on the ward's certification form: the title with its sub-title,
// the parties as paragraphs, the certification of the signature at the foot.
func uqD(g *gen) (Doc, Fields) {
	o := g.office()
	a, b := g.parties(o)
	on := g.date(2021, 2025)
	officer := officerName(g)
	d := Doc{Font: "noto-sans", Items: []any{
		motto(0, 165, 11, "-"),
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("GIẤY ỦY QUYỀN"), 15)), ctr(sz(ti("(V/v nhận hồ sơ, kết quả thủ tục hành chính)"), 11))}},
		Gap(3),
		block(Text{S: "Bên ủy quyền: " + a.title() + " " + a.name + ", sinh năm " + fmt.Sprint(a.born.y) + ", số định danh cá nhân " + a.id + ", cư trú tại " + a.address + "."}),
		block(Text{S: "Bên nhận ủy quyền: " + b.title() + " " + b.name + ", sinh năm " + fmt.Sprint(b.born.y) + ", số định danh cá nhân " + b.id + "."}),
		block(Text{S: "Nội dung ủy quyền: thay mặt bên ủy quyền nộp hồ sơ, nhận kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa " + o.wardFull() + ".", Indent: 8}),
		Block{X: 80, W: 85, Lines: []Text{ctr(ti(o.datePlace() + ", " + on.long(true)))}},
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"BÊN NHẬN ỦY QUYỀN"}, "", b.name, ""),
			signer(85, 80, []string{"BÊN ỦY QUYỀN"}, "", a.name, ""),
		}},
		Gap(4),
		block(sz(tb("CHỨNG THỰC CHỮ KÝ"), 11), sz(t("Ngày "+on.slash()+", tại "+"Ủy ban nhân dân "+o.wardFull()+", "+a.title()+" "+a.name+" đã ký trước mặt tôi."), 10.5)),
		Row{Blocks: []Block{signer(85, 80, []string{"PHÓ CHỦ TỊCH"}, "", officer, sealOf("ủy ban nhân dân "+o.wardFull()))}},
	}}
	return d, Fields{IssuedOn: on.iso(), CitizenIDs: []string{a.id, b.id}, Names: []string{a.name, b.name, officer}}
}

// bnD: the receipt as a district's one-stop software prints it on half a page: the desk's
// name, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", the facts as label rows, a barcode-like code.
func bnD(g *gen) (Doc, Fields) {
	o, p, on, back, proc, code, _ := receiptFacts(g)
	clerk := g.name(g.chance(0.4))
	d := Doc{Font: "noto-sans", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(t("UBND "+upper(o.districtFull())), 10)), ctr(sz(tb("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"), 10))}},
			motto(72, 93, 10, "-"),
		}},
		Gap(5),
		Block{Lines: []Text{ctr(sz(tb("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), 13))}},
		Block{Lines: []Text{ctr(sz(t("Mã hồ sơ: "+code), 11))}},
		Gap(3),
		block(kvLines(pair("Tiếp nhận hồ sơ của", p.title()+" "+p.name), pair("Số định danh cá nhân", p.id), pair("Số điện thoại", p.phone),
			pair("Nội dung yêu cầu giải quyết", proc), pair("Thời gian nhận hồ sơ", on.slash()), pair("Thời gian trả kết quả", back.slash()))...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"NGƯỜI NỘP HỒ SƠ"}, "", p.name, ""),
			signer(85, 80, []string{"NGƯỜI TIẾP NHẬN"}, "", clerk, ""),
		}},
	}}
	// The issuer is the desk printed under the district, as on bnA.
	return d, Fields{IssuedOn: on.iso(), Authority: "Bộ phận tiếp nhận và trả kết quả", CitizenIDs: []string{p.id}, Names: []string{p.name, clerk}, DossierCode: code}
}

// qdD: a decision of a district's chairman on one page, the legal bases before "QUYẾT ĐỊNH:",
// the number under the committee on the left, Noto Serif.
func qdD(g *gen) (Doc, Fields) {
	q := g.decision()
	d := Doc{Font: "noto-serif", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(tb("ỦY BAN NHÂN DÂN"), 10.5)), ctr(sz(tb(upper(q.o.districtFull())), 10.5)), ctr(sz(t("Số: "+q.num), 10.5))}, Rule: 2},
			{X: 72, W: 93, Lines: []Text{ctr(sz(tb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 10.5)), ctr(sz(tb("Độc lập - Tự do - Hạnh phúc"), 11)), ctr(sz(ti(q.o.datePlace()+", "+q.on.long(true)), 10.5))}, Rule: 2},
		}},
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("QUYẾT ĐỊNH"), 14)), ctr(sz(tb(q.subject), 12))}},
		Gap(2),
		Block{Lines: []Text{ctr(sz(tb("CHỦ TỊCH ỦY BAN NHÂN DÂN "+upper(q.o.districtFull())), 11.5))}},
		block(Text{S: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", Italic: true, Indent: 8},
			Text{S: "Xét đề nghị của Trưởng phòng chuyên môn,", Italic: true, Indent: 8}),
		Block{Lines: []Text{ctr(sz(tb("QUYẾT ĐỊNH:"), 12))}},
		block(func() []Text {
			var out []Text
			for _, b := range q.body {
				out = append(out, Text{S: b, Indent: 8})
			}
			return out
		}()...),
		Gap(3),
		Row{Either: true, Blocks: []Block{recipients(0, 70, "Như Điều 3;", "Lưu: VT."), q.signature(80, 85)}},
	}}
	return d, q.truth()
}

// xnD: the residence confirmation as the police print it from the national database: the
// ministry's and the police's lines, the facts in two columns, no household table.
func xnD(g *gen) (Doc, Fields) {
	r := g.residence()
	d := Doc{Font: "noto-sans", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(t("CÔNG AN "+upper(r.o.districtFull())), 10)), ctr(sz(tb(upper(r.authority())), 10)), ctr(sz(t("Số: "+r.num), 10))}, Rule: 2},
			motto(72, 93, 10, "-"),
		}},
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("GIẤY XÁC NHẬN"), 14)), ctr(sz(tb("THÔNG TIN VỀ CƯ TRÚ"), 13))}},
		Gap(3),
		block(Text{S: r.authority() + " xác nhận thông tin về cư trú của công dân như sau:", Indent: 8}),
		Row{Blocks: []Block{
			{X: 0, W: 80, Lines: kvLines(pair("Họ và tên", r.p.name), pair("Ngày sinh", r.p.born.slash()), pair("Giới tính", r.p.sex()))},
			{X: 85, W: 80, Lines: kvLines(pair("Số định danh cá nhân", r.p.id), pair("Nơi thường trú", r.p.address))},
		}},
		block(func() []Text {
			out := []Text{t("Những người cùng hộ:")}
			for _, m := range r.members {
				out = append(out, t("- "+m.name+", sinh ngày "+m.born.slash()+", số định danh "+m.id))
			}
			return out
		}()...),
		Gap(2),
		Block{X: 80, W: 85, Lines: []Text{ctr(ti(r.o.datePlace() + ", " + r.on.long(true)))}},
		Row{Blocks: []Block{signer(80, 85, []string{"TRƯỞNG CÔNG AN"}, "", r.chief, sealOf(r.authority()))}},
	}}
	return d, r.truth()
}
