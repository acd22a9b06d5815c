package evalset

import (
	"fmt"
	"strings"
)

// Civil status: birth and marriage (modelled on the forms of the Ministry of Justice's
// circular 04/2020/TT-BTP and the hospital birth certificate of the Ministry of Health), and
// the identity card.

func hospitalOf(o office, g *gen) string {
	return g.pick("Bệnh viện Phụ sản "+o.p.name, "Bệnh viện Đa khoa "+o.p.name, "Trung tâm Y tế "+o.districtFull()+", "+o.p.full, "Bệnh viện Sản Nhi "+o.p.name)
}

func officerName(g *gen) string { return g.name(g.chance(0.6)) }

// birth is the facts of one birth, shared by the forms about it.
type birth struct {
	o              office
	child          person
	mother, father person
	hospital       string
	reg            date
	num, book      string
}

func (g *gen) birth() birth {
	o := g.office()
	b := birth{o: o}
	b.child = g.person(g.chance(0.5), o, 2019, 2025)
	b.mother = g.person(false, o, 1985, 2000)
	b.father = g.person(true, o, 1980, 1998)
	b.hospital = hospitalOf(o, g)
	b.reg = date{min(28, b.child.born.d+g.between(1, 20)%28+1), b.child.born.m, b.child.born.y}
	b.num = fmt.Sprint(g.between(12, 480))
	b.book = fmt.Sprintf("%02d/%d", g.between(1, 3), b.reg.y)
	return b
}

func (b birth) authority() string { return "Ủy ban nhân dân " + b.o.wardFull() }

func (b birth) truth() Fields {
	return Fields{Number: b.num, Book: b.book, IssuedOn: b.reg.iso(), Authority: b.authority(),
		CitizenIDs: []string{b.child.id}, Names: []string{b.child.name, b.mother.name, b.father.name}}
}

func init() {
	add("giay_khai_sinh", "a", gksA)
	add("giay_khai_sinh", "b", gksB)
	add("giay_khai_sinh", "c", gksC)
	add("to_khai_khai_sinh", "a", tkksA)
	add("to_khai_khai_sinh", "b", tkksB)
	add("to_khai_khai_sinh", "c", tkksC)
	add("giay_chung_sinh", "a", gcsA)
	add("giay_chung_sinh", "b", gcsB)
	add("giay_chung_sinh", "c", gcsC)
	add("to_khai_ket_hon", "a", tkkhA)
	add("to_khai_ket_hon", "b", tkkhB)
	add("to_khai_ket_hon", "c", tkkhC)
	add("giay_chung_nhan_ket_hon", "a", gcnkhA)
	add("giay_chung_nhan_ket_hon", "b", gcnkhB)
	add("giay_chung_nhan_ket_hon", "c", gcnkhC)
	add("can_cuoc", "a", ccA)
	add("can_cuoc", "b", ccB)
	add("can_cuoc", "c", ccC)
}

// gksA: the birth certificate as circular 04/2020 prints it: the committee and the motto side
// by side, the fields one a line, the two signatures at the foot.
func gksA(g *gen) (Doc, Fields) {
	b := g.birth()
	c, m, f := b.child, b.mother, b.father
	officer := officerName(g)
	d := Doc{Font: "times", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(t("ỦY BAN NHÂN DÂN"), 12)), ctr(sz(tb(upper(b.o.wardFull())), 12)), ctr(sz(t(upper(b.o.districtFull())+", "+upper(b.o.p.name)), 11))}, Rule: 3},
			motto(70, 95, 12, "-"),
		}},
		Gap(8),
		titleLines(18, "GIẤY KHAI SINH"),
		Row{Blocks: []Block{centred(0, 82, t("Số: "+b.num)), centred(82, 83, t("Quyển số: "+b.book))}},
		Gap(4),
		block(kvLines(
			pair("Họ, chữ đệm, tên", upper(c.name)),
			pair("Ngày, tháng, năm sinh", c.born.slash()+"; ghi bằng chữ: "+spelled(c.born)),
			pair("Giới tính", c.sex()+"      Dân tộc: "+c.ethnicity+"      Quốc tịch: Việt Nam"),
			pair("Nơi sinh", b.hospital),
			pair("Quê quán", b.o.p.full),
			pair("Số định danh cá nhân", c.id),
		)...),
		Gap(3),
		block(kvLines(
			pair("Họ, chữ đệm, tên người mẹ", upper(m.name)),
			pair("Năm sinh", fmt.Sprintf("%d      Dân tộc: %s      Quốc tịch: Việt Nam", m.born.y, m.ethnicity)),
			pair("Nơi cư trú", m.address),
			pair("Họ, chữ đệm, tên người cha", upper(f.name)),
			pair("Năm sinh", fmt.Sprintf("%d      Dân tộc: %s      Quốc tịch: Việt Nam", f.born.y, f.ethnicity)),
			pair("Nơi cư trú", f.address),
		)...),
		Gap(3),
		block(kvLines(
			pair("Nơi đăng ký khai sinh", b.authority()+", "+b.o.districtFull()+", "+b.o.p.full),
			pair("Ngày, tháng, năm đăng ký", b.reg.slash()),
		)...),
		Gap(4),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"NGƯỜI ĐI KHAI SINH"}, "(Ký, ghi rõ họ, chữ đệm, tên)", f.name, ""),
			signer(80, 85, []string{"NGƯỜI KÝ GIẤY KHAI SINH"}, "(Ký, ghi rõ họ, chữ đệm, tên, chức vụ, đóng dấu)", officer, sealOf("ủy ban nhân dân "+b.o.wardFull()+" "+b.o.districtFull())),
		}},
	}}
	tr := b.truth()
	tr.Names = append(tr.Names, officer)
	return d, tr
}

// gksB: the certificate re-typed by a district's software: the motto alone on top, a ruled
// table of fields, "(Bản chính)" under the title, one signature.
func gksB(g *gen) (Doc, Fields) {
	b := g.birth()
	c, m, f := b.child, b.mother, b.father
	officer := officerName(g)
	d := Doc{Font: "arial", Items: []any{
		motto(0, 165, 12, "–"),
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("GIẤY KHAI SINH"), 17)), ctr(sz(ti("(Bản chính)"), 12))}},
		Gap(2),
		Row{Blocks: []Block{{X: 0, W: 80, Lines: []Text{sz(t("Số: "+b.num), 12)}}, {X: 85, W: 80, Lines: []Text{rgt(sz(t("Quyển số: "+b.book), 12))}}}},
		Gap(3),
		Table{Widths: []float64{58, 107}, Size: 11.5, Cells: [][]string{
			{"Họ, chữ đệm và tên", upper(c.name)},
			{"Ngày, tháng, năm sinh", c.born.slash()},
			{"Bằng chữ", spelled(c.born)},
			{"Giới tính", c.sex()},
			{"Dân tộc / Quốc tịch", c.ethnicity + " / Việt Nam"},
			{"Nơi sinh", b.hospital},
			{"Quê quán", b.o.p.full},
			{"Số định danh cá nhân", c.id},
			{"Họ, chữ đệm và tên người mẹ", upper(m.name) + ", sinh năm " + fmt.Sprint(m.born.y)},
			{"Nơi cư trú của người mẹ", m.address},
			{"Họ, chữ đệm và tên người cha", upper(f.name) + ", sinh năm " + fmt.Sprint(f.born.y)},
			{"Nơi cư trú của người cha", f.address},
		}},
		Gap(4),
		block(sz(t("Nơi đăng ký khai sinh: "+b.authority()+", "+b.o.districtFull()+", "+b.o.p.full), 12),
			sz(t("Đăng ký ngày "+fmt.Sprintf("%02d tháng %d năm %d", b.reg.d, b.reg.m, b.reg.y)), 12)),
		Gap(4),
		Row{Blocks: []Block{signer(70, 95, []string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}, "", officer, sealOf("ủy ban nhân dân "+b.o.wardFull()))}},
	}}
	tr := b.truth()
	tr.Names = append(tr.Names, officer)
	return d, tr
}

// gksC: an older layout, parents first side by side, the title letter-spaced.
func gksC(g *gen) (Doc, Fields) {
	b := g.birth()
	c, m, f := b.child, b.mother, b.father
	officer := officerName(g)
	d := Doc{Font: "noto-serif", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 66, Lines: []Text{ctr(sz(t(upper(b.o.districtFull())), 11)), ctr(sz(tb("UBND "+upper(b.o.wardFull())), 11)), ctr(sz(t("Số: "+b.num+"/GKS"), 11))}, Rule: 2},
			motto(66, 99, 11, "-"),
		}},
		Gap(8),
		Block{Lines: []Text{ctr(spaced(sz(tb("GIẤY KHAI SINH"), 17), 0.3))}},
		Block{Lines: []Text{rgt(sz(ti("Quyển số: "+b.book), 11))}},
		Gap(3),
		Row{Blocks: []Block{
			{X: 0, W: 80, Lines: append([]Text{sz(tb("Người mẹ"), 12)}, sizeAll(11.5, kvLines(
				pair("Họ và tên", m.name), pair("Năm sinh", fmt.Sprint(m.born.y)), pair("Dân tộc", m.ethnicity), pair("Quốc tịch", "Việt Nam"), pair("Nơi cư trú", m.address)))...)},
			{X: 85, W: 80, Lines: append([]Text{sz(tb("Người cha"), 12)}, sizeAll(11.5, kvLines(
				pair("Họ và tên", f.name), pair("Năm sinh", fmt.Sprint(f.born.y)), pair("Dân tộc", f.ethnicity), pair("Quốc tịch", "Việt Nam"), pair("Nơi cư trú", f.address)))...)},
		}},
		Gap(5),
		block(sz(tb("Người được khai sinh"), 12)),
		block(sizeAll(12, kvLines(
			pair("Họ, chữ đệm, tên", upper(c.name)),
			pair("Sinh ngày", c.born.long(true)),
			pair("Giới tính", c.sex()),
			pair("Nơi sinh", b.hospital),
			pair("Số định danh cá nhân", c.id),
		))...),
		Gap(3),
		block(sz(t("Đăng ký tại "+b.authority()+", "+b.reg.long(false)), 12)),
		Gap(4),
		Row{Either: true, Blocks: []Block{
			signer(0, 70, []string{"Người đi khai sinh"}, "(Ký, ghi rõ họ tên)", m.name, ""),
			signer(80, 85, []string{"NGƯỜI KÝ GIẤY KHAI SINH"}, "(Ký, đóng dấu)", officer, sealOf("ủy ban nhân dân "+b.o.wardFull())),
		}},
	}}
	tr := b.truth()
	tr.Number += "/GKS" // as printed
	tr.Names = append(tr.Names, officer)
	return d, tr
}

func sizeAll(size float64, ts []Text) []Text {
	for i := range ts {
		ts[i].Size = size
	}
	return ts
}

// tkksA: the birth registration form, circular 04/2020's model: the motto alone, the requester,
// then the child, the commitment, the signature on the right.
func tkksA(g *gen) (Doc, Fields) {
	b := g.birth()
	c, m, f := b.child, b.mother, b.father
	req := f
	rel := "Cha"
	if g.chance(0.4) {
		req, rel = m, "Mẹ"
	}
	d := Doc{Font: "times", Items: []any{
		motto(0, 165, 12.5, "-"),
		Gap(7),
		titleLines(15, "TỜ KHAI ĐĂNG KÝ KHAI SINH"),
		Gap(3),
		Block{X: 20, Lines: []Text{t("Kính gửi: " + b.authority() + ", " + b.o.districtFull())}},
		Gap(2),
		block(kvLines(
			pair("Họ, chữ đệm, tên người yêu cầu", req.name),
			pair("Nơi cư trú", req.address),
			pair("Giấy tờ tùy thân", "Căn cước công dân số "+req.id+", cấp ngày "+req.idIssued.slash()),
			pair("Quan hệ với người được khai sinh", rel),
		)...),
		block(t("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:")),
		block(kvLines(
			pair("Họ, chữ đệm, tên", upper(c.name)),
			pair("Ngày, tháng, năm sinh", c.born.slash()+"      ghi bằng chữ: "+spelled(c.born)),
			pair("Giới tính", c.sex()+"      Dân tộc: "+c.ethnicity+"      Quốc tịch: Việt Nam"),
			pair("Nơi sinh", b.hospital),
			pair("Quê quán", b.o.p.full),
			pair("Họ, chữ đệm, tên người mẹ", m.name),
			pair("Năm sinh", fmt.Sprintf("%d      Dân tộc: %s      Quốc tịch: Việt Nam", m.born.y, m.ethnicity)),
			pair("Họ, chữ đệm, tên người cha", f.name),
			pair("Năm sinh", fmt.Sprintf("%d      Dân tộc: %s      Quốc tịch: Việt Nam", f.born.y, f.ethnicity)),
		)...),
		block(Text{S: "Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật.", Indent: 10}),
		block(Text{S: "Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.", Indent: 10}),
		Gap(2),
		Row{Blocks: []Block{{X: 70, W: 95, Lines: []Text{ctr(ti("Làm tại: " + b.o.datePlace() + ", " + b.reg.long(false)))}}}},
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 68, Lines: []Text{sz(t("Đề nghị cấp bản sao: Có [x]"), 11), sz(t("Số lượng: 02 bản"), 11)}},
			signer(70, 95, []string{"Người yêu cầu"}, "(Ký, ghi rõ họ, chữ đệm, tên)", req.name, ""),
		}},
	}}
	return d, Fields{IssuedOn: b.reg.iso(), CitizenIDs: []string{req.id}, Names: []string{req.name, c.name, m.name, f.name}}
}

// tkksB: the same form as a commune hands it out: "Mẫu" in the corner, the title on two lines,
// the child's facts in a ruled table.
func tkksB(g *gen) (Doc, Fields) {
	b := g.birth()
	c, m, f := b.child, b.mother, b.father
	req := m
	d := Doc{Font: "arial", Items: []any{
		Block{Lines: []Text{rgt(sz(ti("Mẫu TK-KS"), 10))}},
		motto(0, 165, 11.5, "–"),
		Gap(6),
		titleLines(15, "TỜ KHAI", "ĐĂNG KÝ KHAI SINH"),
		Gap(3),
		block(sz(t("Kính gửi: "+b.authority()+", "+b.o.districtFull()+", "+b.o.p.full), 12)),
		block(sizeAll(12, kvLines(
			pair("Họ, chữ đệm, tên người yêu cầu", req.name),
			pair("Số định danh cá nhân", req.id),
			pair("Nơi cư trú", req.address),
			pair("Quan hệ với người được khai sinh", "Mẹ"),
		))...),
		Gap(2),
		block(sz(tb("Đề nghị đăng ký khai sinh cho người có tên dưới đây:"), 12)),
		Table{Widths: []float64{55, 110}, Size: 11, Cells: [][]string{
			{"Họ, chữ đệm, tên", upper(c.name)},
			{"Ngày, tháng, năm sinh", c.born.slash()},
			{"Giới tính", c.sex()},
			{"Dân tộc", c.ethnicity},
			{"Quốc tịch", "Việt Nam"},
			{"Nơi sinh", b.hospital},
			{"Quê quán", b.o.p.full},
			{"Họ, chữ đệm, tên người mẹ", m.name + " (năm sinh " + fmt.Sprint(m.born.y) + ")"},
			{"Họ, chữ đệm, tên người cha", f.name + " (năm sinh " + fmt.Sprint(f.born.y) + ")"},
		}},
		Gap(3),
		block(sz(Text{S: "Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.", Indent: 8}, 12)),
		Gap(2),
		Row{Blocks: []Block{signer(75, 90, []string{b.o.datePlace() + ", " + b.reg.long(true), "NGƯỜI YÊU CẦU"}, "(Ký, ghi rõ họ tên)", req.name, "")}},
	}}
	return d, Fields{IssuedOn: b.reg.iso(), CitizenIDs: []string{req.id}, Names: []string{req.name, c.name, m.name, f.name}}
}

// tkksC: filled in by hand on a printed form, the child first, fields two to a line.
func tkksC(g *gen) (Doc, Fields) {
	b := g.birth()
	c, m, f := b.child, b.mother, b.father
	d := Doc{Font: "noto-sans", Items: []any{
		motto(0, 165, 11, "-"),
		Gap(5),
		Block{Lines: []Text{ctr(sz(tb("TỜ KHAI ĐĂNG KÝ KHAI SINH"), 14)), ctr(sz(ti("(Dùng cho trường hợp đăng ký khai sinh đúng hạn)"), 10.5))}},
		Gap(3),
		block(sz(t("Kính gửi: "+b.authority()), 11.5)),
		Gap(2),
		block(sz(tb("I. NGƯỜI ĐƯỢC KHAI SINH"), 11.5)),
		Table{NoRules: true, Widths: []float64{85, 80}, Size: 11, Cells: [][]string{
			{"Họ, chữ đệm, tên: " + upper(c.name), "Giới tính: " + c.sex()},
			{"Ngày sinh: " + c.born.slash(), "Dân tộc: " + c.ethnicity},
			{"Nơi sinh: " + b.hospital, "Quốc tịch: Việt Nam"},
		}},
		block(sz(tb("II. CHA, MẸ CỦA NGƯỜI ĐƯỢC KHAI SINH"), 11.5)),
		Table{NoRules: true, Widths: []float64{85, 80}, Size: 11, Cells: [][]string{
			{"Họ, chữ đệm, tên mẹ: " + m.name, "Năm sinh: " + fmt.Sprint(m.born.y)},
			{"Họ, chữ đệm, tên cha: " + f.name, "Năm sinh: " + fmt.Sprint(f.born.y)},
		}},
		block(sz(t("Nơi cư trú: "+m.address), 11)),
		block(sz(tb("III. NGƯỜI YÊU CẦU"), 11.5)),
		block(sizeAll(11, kvLines(pair("Họ, chữ đệm, tên", f.name), pair("Số định danh cá nhân", f.id), pair("Số điện thoại", f.phone)))...),
		Gap(2),
		block(sz(Text{S: "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.", Italic: true}, 11)),
		Gap(2),
		Row{Blocks: []Block{signer(80, 85, []string{"Người yêu cầu"}, b.o.datePlace()+", "+b.reg.long(true), f.name, "")}},
	}}
	return d, Fields{IssuedOn: b.reg.iso(), CitizenIDs: []string{f.id}, Names: []string{c.name, m.name, f.name}}
}

// gcsA: the hospital's birth certificate: the hospital and its department above the motto's
// left, the facts, the two signatures.
func gcsA(g *gen) (Doc, Fields) {
	b := g.birth()
	m, c := b.mother, b.child
	num := fmt.Sprintf("%d/%d", g.between(100, 9999), b.child.born.y)
	head := g.name(true)
	mw := g.name(false)
	d := Doc{Font: "times", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(t("SỞ Y TẾ "+upper(b.o.p.name)), 11.5)), ctr(sz(tb(upper(b.hospital)), 11.5)), ctr(sz(t("Số: "+num), 11.5)), ctr(sz(t("Quyển số: "+fmt.Sprintf("%02d", g.between(1, 20))), 11.5))}, Rule: 2},
			motto(70, 95, 12, "-"),
		}},
		Gap(8),
		titleLines(17, "GIẤY CHỨNG SINH"),
		Gap(4),
		block(kvLines(
			pair("Họ và tên bố, mẹ hoặc người nuôi dưỡng", m.name),
			pair("Năm sinh", fmt.Sprint(m.born.y)),
			pair("Nơi đăng ký thường trú", m.address),
			pair("Số định danh cá nhân", m.id),
			pair("Dân tộc", m.ethnicity),
			pair("Đã sinh con vào lúc", fmt.Sprintf("%02d giờ %02d phút, %s", g.between(0, 23), g.between(0, 59), c.born.long(true))),
			pair("Tại", b.hospital),
			pair("Số con trong lần sinh này", "01"),
			pair("Giới tính của con", c.sex()),
			pair("Cân nặng", fmt.Sprintf("%d.%03d gam", g.between(2, 4), g.between(0, 9)*100)),
			pair("Hiện trạng sức khỏe của con khi sinh", "Bình thường"),
			pair("Dự định đặt tên con là", c.name),
		)...),
		block(sz(ti("Ghi chú: Trường hợp sinh con phải phẫu thuật hoặc sinh con dưới 32 tuần tuổi thì ghi rõ."), 11)),
		Gap(3),
		Row{Blocks: []Block{{X: 80, W: 85, Lines: []Text{ctr(ti(b.o.datePlace() + ", " + date{min(28, c.born.d+1), c.born.m, c.born.y}.long(true)))}}}},
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"NGƯỜI ĐỠ ĐẺ"}, "(Ký, ghi rõ họ tên, chức danh)", mw, ""),
			signer(80, 85, []string{"THỦ TRƯỞNG CƠ SỞ KHÁM BỆNH, CHỮA BỆNH"}, "(Ký, ghi rõ họ tên, đóng dấu)", head, sealOf(b.hospital)),
		}},
	}}
	issued := date{min(28, c.born.d+1), c.born.m, c.born.y}
	return d, Fields{Number: num, IssuedOn: issued.iso(), Authority: b.hospital, CitizenIDs: []string{m.id}, Names: []string{m.name, c.name, mw, head}}
}

// gcsB: a private clinic's printout: title on two lines, facts in a ruled table.
func gcsB(g *gen) (Doc, Fields) {
	b := g.birth()
	m, c := b.mother, b.child
	clinic := "Bệnh viện Đa khoa tư nhân " + g.pick("Hồng Đức", "An Sinh", "Tâm Anh", "Hạnh Phúc")
	num := fmt.Sprintf("%06s", g.digits(6))
	head := g.name(false)
	issued := date{min(28, c.born.d+2), c.born.m, c.born.y}
	d := Doc{Font: "arial", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(tb(upper(clinic)), 11)), ctr(sz(t("Khoa Phụ sản"), 11))}, Rule: 2},
			motto(70, 95, 11, "–"),
		}},
		Gap(6),
		titleLines(16, "GIẤY CHỨNG SINH"),
		Block{Lines: []Text{ctr(sz(ti("(Cấp lần đầu)"), 11)), rgt(sz(t("Số: "+num), 11))}},
		Gap(2),
		Table{Widths: []float64{70, 95}, Size: 11.5, Cells: [][]string{
			{"Họ và tên mẹ", m.name},
			{"Năm sinh của mẹ", fmt.Sprint(m.born.y)},
			{"Căn cước công dân số", m.id},
			{"Nơi cư trú", m.address},
			{"Ngày sinh của con", c.born.slash()},
			{"Nơi sinh", clinic},
			{"Giới tính", c.sex()},
			{"Cân nặng khi sinh", fmt.Sprintf("%d.%03d gam", g.between(2, 4), g.between(0, 9)*100)},
			{"Dự định đặt tên con là", c.name},
		}},
		Gap(4),
		Row{Blocks: []Block{signer(75, 90, []string{b.o.datePlace() + ", " + issued.long(true), "GIÁM ĐỐC"}, "(Ký tên, đóng dấu)", head, sealOf(clinic))}},
	}}
	return d, Fields{Number: num, IssuedOn: issued.iso(), Authority: clinic, CitizenIDs: []string{m.id}, Names: []string{m.name, c.name, head}}
}

// gcsC: the copy a commune health station gives: a compact header, the mother's facts two to a
// line.
func gcsC(g *gen) (Doc, Fields) {
	b := g.birth()
	m, c := b.mother, b.child
	station := "Trạm Y tế " + b.o.wardFull()
	num := fmt.Sprintf("%d", g.between(10, 900))
	head := g.name(g.chance(0.5))
	issued := c.born
	// The midwife signs by name too; drawn where the page draws it, so the pages stay as they were.
	var mw string
	midwife := func() string { mw = g.name(false); return mw }
	d := Doc{Font: "noto-serif", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 68, Lines: []Text{ctr(sz(t("TRUNG TÂM Y TẾ "+upper(b.o.districtFull())), 10.5)), ctr(sz(tb(upper(station)), 10.5))}, Rule: 2},
			motto(68, 97, 10.5, "-"),
		}},
		Gap(7),
		Block{Lines: []Text{ctr(sz(tb("GIẤY CHỨNG SINH"), 16)), ctr(sz(t("Số: "+num+"/GCS"), 11))}},
		Gap(4),
		Table{NoRules: true, Widths: []float64{90, 75}, Size: 11.5, Cells: [][]string{
			{"Họ và tên mẹ: " + m.name, "Năm sinh: " + fmt.Sprint(m.born.y)},
			{"Số định danh cá nhân: " + m.id, "Dân tộc: " + m.ethnicity},
		}},
		block(sizeAll(11.5, kvLines(
			pair("Nơi cư trú", m.address),
			pair("Đã sinh con vào lúc", fmt.Sprintf("%02d giờ %02d phút ngày %s", g.between(0, 23), g.between(0, 59), c.born.slash())),
			pair("Tại", station),
			pair("Giới tính của con", c.sex()),
			pair("Dự định đặt tên con là", c.name),
		))...),
		Gap(4),
		Row{Either: true, Blocks: []Block{
			signer(0, 70, []string{"Người đỡ đẻ"}, "(Ký, ghi rõ họ tên)", midwife(), ""),
			signer(80, 85, []string{b.o.datePlace() + ", " + issued.long(false), "TRƯỞNG TRẠM"}, "", head, sealOf(station)),
		}},
	}}
	return d, Fields{Number: num + "/GCS", IssuedOn: issued.iso(), Authority: station, CitizenIDs: []string{m.id}, Names: []string{m.name, c.name, head, mw}}
}

// marriage is the facts of one marriage.
type marriage struct {
	o         office
	wife, hus person
	reg       date
	num, book string
	wifeTimes string
	husbTimes string
}

func (g *gen) marriage() marriage {
	o := g.office()
	mr := marriage{o: o}
	mr.wife = g.person(false, o, 1988, 2002)
	mr.hus = g.person(true, o, 1985, 2000)
	mr.reg = g.date(2020, 2025)
	mr.num = fmt.Sprint(g.between(5, 300))
	mr.book = fmt.Sprintf("%02d/%d", g.between(1, 2), mr.reg.y)
	mr.wifeTimes = g.pick("Lần thứ nhất", "Lần thứ nhất", "Lần thứ hai")
	mr.husbTimes = g.pick("Lần thứ nhất", "Lần thứ nhất", "Lần thứ hai")
	return mr
}

func (mr marriage) authority() string { return "Ủy ban nhân dân " + mr.o.wardFull() }

// tkkhA: the marriage registration form with its three-column table, bride and groom side by
// side, as circular 04/2020 draws it.
func tkkhA(g *gen) (Doc, Fields) {
	mr := g.marriage()
	w, h := mr.wife, mr.hus
	d := Doc{Font: "times", Items: []any{
		motto(0, 165, 12.5, "-"),
		Gap(7),
		titleLines(15, "TỜ KHAI ĐĂNG KÝ KẾT HÔN"),
		Gap(3),
		Block{X: 20, Lines: []Text{t("Kính gửi: " + mr.authority() + ", " + mr.o.districtFull())}},
		Gap(3),
		Table{Widths: []float64{48, 58.5, 58.5}, Size: 11.5, Header: 1, Cells: [][]string{
			{"Thông tin", "Bên nữ", "Bên nam"},
			{"Họ, chữ đệm, tên", upper(w.name), upper(h.name)},
			{"Ngày, tháng, năm sinh", w.born.slash(), h.born.slash()},
			{"Dân tộc", w.ethnicity, h.ethnicity},
			{"Quốc tịch", "Việt Nam", "Việt Nam"},
			{"Nơi cư trú", w.address, h.address},
			{"Giấy tờ tùy thân", "CCCD số " + w.id, "CCCD số " + h.id},
			{"Kết hôn lần thứ mấy", mr.wifeTimes, mr.husbTimes},
		}},
		Gap(3),
		block(Text{S: "Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam.", Indent: 10}),
		block(Text{S: "Chúng tôi chịu trách nhiệm trước pháp luật về cam đoan của mình.", Indent: 10}),
		Gap(2),
		Block{X: 60, W: 105, Lines: []Text{ctr(ti("Làm tại: " + mr.o.datePlace() + ", " + mr.reg.long(false)))}},
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"Bên nữ"}, "(Ký, ghi rõ họ, chữ đệm, tên)", w.name, ""),
			signer(85, 80, []string{"Bên nam"}, "(Ký, ghi rõ họ, chữ đệm, tên)", h.name, ""),
		}},
	}}
	return d, Fields{IssuedOn: mr.reg.iso(), CitizenIDs: []string{w.id, h.id}, Names: []string{w.name, h.name}}
}

// tkkhB: the bride's and the groom's facts one after the other, sans-serif, the motto on one
// line with a rule.
func tkkhB(g *gen) (Doc, Fields) {
	mr := g.marriage()
	w, h := mr.wife, mr.hus
	person := func(label string, p person, times string) []any {
		return []any{
			block(sz(tb(label), 12)),
			block(sizeAll(11.5, kvLines(
				pair("Họ, chữ đệm, tên", p.name),
				pair("Ngày, tháng, năm sinh", p.born.slash()),
				pair("Dân tộc", p.ethnicity+"; Quốc tịch: Việt Nam"),
				pair("Nơi cư trú", p.address),
				pair("Số định danh cá nhân", p.id),
				pair("Kết hôn lần thứ", strings.TrimPrefix(times, "Lần thứ ")),
			))...),
			Gap(2),
		}
	}
	items := []any{
		motto(0, 165, 11.5, "–"),
		Gap(5),
		titleLines(15, "TỜ KHAI ĐĂNG KÝ KẾT HÔN"),
		Gap(2),
		block(sz(t("Kính gửi: "+mr.authority()+", "+mr.o.districtFull()+", "+mr.o.p.full), 11.5)),
		Gap(2),
	}
	items = append(items, person("THÔNG TIN BÊN NỮ", w, mr.wifeTimes)...)
	items = append(items, person("THÔNG TIN BÊN NAM", h, mr.husbTimes)...)
	items = append(items,
		block(sz(Text{S: "Chúng tôi cam đoan việc kết hôn là hoàn toàn tự nguyện, những lời khai trên đây là đúng sự thật và xin chịu trách nhiệm trước pháp luật.", Italic: true}, 11.5)),
		Gap(2),
		Block{X: 70, W: 95, Lines: []Text{ctr(sz(ti(mr.o.datePlace()+", "+mr.reg.long(true)), 11.5))}},
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"BÊN NỮ"}, "(Ký, ghi rõ họ tên)", w.name, ""),
			signer(85, 80, []string{"BÊN NAM"}, "(Ký, ghi rõ họ tên)", h.name, ""),
		}},
	)
	return Doc{Font: "arial", Items: items}, Fields{IssuedOn: mr.reg.iso(), CitizenIDs: []string{w.id, h.id}, Names: []string{w.name, h.name}}
}

// tkkhC: the table with the groom first, unruled, a mark of the form's model in the corner.
func tkkhC(g *gen) (Doc, Fields) {
	mr := g.marriage()
	w, h := mr.wife, mr.hus
	d := Doc{Font: "noto-serif", Items: []any{
		Block{Lines: []Text{rgt(sz(ti("Mẫu số 04/HT"), 10))}},
		motto(0, 165, 11, "-"),
		Gap(5),
		Block{Lines: []Text{ctr(sz(tb("TỜ KHAI"), 15)), ctr(sz(tb("ĐĂNG KÝ KẾT HÔN"), 15))}},
		Gap(3),
		block(sz(t("Kính gửi: "+mr.authority()), 11.5)),
		Gap(2),
		Table{Widths: []float64{45, 60, 60}, Size: 11, Header: 1, Cells: [][]string{
			{"", "Bên nam", "Bên nữ"},
			{"Họ, chữ đệm, tên", h.name, w.name},
			{"Ngày sinh", h.born.slash(), w.born.slash()},
			{"Dân tộc", h.ethnicity, w.ethnicity},
			{"Nơi cư trú", h.address, w.address},
			{"Số định danh cá nhân", h.id, w.id},
			{"Số điện thoại", h.phone, w.phone},
		}},
		Gap(3),
		block(sz(Text{S: "Chúng tôi cam đoan những lời khai trên là đúng sự thật, việc kết hôn là tự nguyện, không vi phạm quy định của pháp luật về hôn nhân và gia đình.", Indent: 8}, 11.5)),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 75, []string{"Bên nam"}, "(Ký, ghi rõ họ tên)", h.name, ""),
			signer(85, 80, []string{"Bên nữ"}, "(Ký, ghi rõ họ tên)", w.name, ""),
		}},
	}}
	// This form has no place for the date: the declaration gives none.
	return d, Fields{CitizenIDs: []string{h.id, w.id}, Names: []string{h.name, w.name}}
}

// gcnkhA: the marriage certificate: committee and motto, husband and wife side by side in a
// table, three signatures.
func gcnkhA(g *gen) (Doc, Fields) {
	mr := g.marriage()
	w, h := mr.wife, mr.hus
	officer := officerName(g)
	d := Doc{Font: "times", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 70, Lines: []Text{ctr(sz(t("ỦY BAN NHÂN DÂN"), 12)), ctr(sz(tb(upper(mr.o.wardFull())), 12)), ctr(sz(t(upper(mr.o.districtFull())), 11))}, Rule: 3},
			motto(70, 95, 12, "-"),
		}},
		Gap(7),
		titleLines(18, "GIẤY CHỨNG NHẬN KẾT HÔN"),
		Row{Blocks: []Block{centred(0, 82, t("Số: "+mr.num)), centred(82, 83, t("Quyển số: "+mr.book))}},
		Gap(3),
		Table{Widths: []float64{45, 60, 60}, Size: 11.5, Header: 1, Cells: [][]string{
			{"", "Chồng", "Vợ"},
			{"Họ, chữ đệm, tên", upper(h.name), upper(w.name)},
			{"Ngày, tháng, năm sinh", h.born.slash(), w.born.slash()},
			{"Dân tộc", h.ethnicity, w.ethnicity},
			{"Quốc tịch", "Việt Nam", "Việt Nam"},
			{"Nơi cư trú", h.address, w.address},
			{"Giấy tờ tùy thân", "CCCD số " + h.id, "CCCD số " + w.id},
		}},
		Gap(3),
		block(kvLines(pair("Nơi đăng ký", mr.authority()+", "+mr.o.districtFull()+", "+mr.o.p.full), pair("Ngày, tháng, năm đăng ký", mr.reg.slash()))...),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			signer(0, 50, []string{"Chồng"}, "(Ký, ghi rõ họ tên)", h.name, ""),
			signer(52, 50, []string{"Vợ"}, "(Ký, ghi rõ họ tên)", w.name, ""),
			signer(104, 61, []string{"NGƯỜI KÝ GIẤY CHỨNG NHẬN KẾT HÔN"}, "(Ký, đóng dấu)", officer, sealOf(mr.authority())),
		}},
	}}
	return d, Fields{Number: mr.num, Book: mr.book, IssuedOn: mr.reg.iso(), Authority: mr.authority(), CitizenIDs: []string{h.id, w.id}, Names: []string{h.name, w.name, officer}}
}

// gcnkhB: the certificate as fields one a line, the registration in words.
func gcnkhB(g *gen) (Doc, Fields) {
	mr := g.marriage()
	w, h := mr.wife, mr.hus
	officer := officerName(g)
	d := Doc{Font: "arial", Items: []any{
		motto(0, 165, 11.5, "–"),
		Gap(5),
		Block{Lines: []Text{ctr(sz(tb("GIẤY CHỨNG NHẬN KẾT HÔN"), 16)), ctr(sz(ti("(Bản chính)"), 11))}},
		Block{Lines: []Text{rgt(sz(t("Số: "+mr.num+"  Quyển số: "+mr.book), 11))}},
		Gap(2),
		block(sizeAll(11.5, kvLines(
			pair("Họ, chữ đệm, tên chồng", upper(h.name)),
			pair("Ngày, tháng, năm sinh", h.born.slash()+"; Dân tộc: "+h.ethnicity+"; Quốc tịch: Việt Nam"),
			pair("Nơi cư trú", h.address),
			pair("Số định danh cá nhân", h.id),
		))...),
		Gap(2),
		block(sizeAll(11.5, kvLines(
			pair("Họ, chữ đệm, tên vợ", upper(w.name)),
			pair("Ngày, tháng, năm sinh", w.born.slash()+"; Dân tộc: "+w.ethnicity+"; Quốc tịch: Việt Nam"),
			pair("Nơi cư trú", w.address),
			pair("Số định danh cá nhân", w.id),
		))...),
		Gap(2),
		block(sz(t("Đăng ký kết hôn tại "+mr.authority()+", "+mr.o.districtFull()+", "+mr.reg.long(true)+"."), 11.5)),
		Gap(3),
		Row{Blocks: []Block{signer(75, 90, []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, "", officer, sealOf(mr.authority()))}},
	}}
	return d, Fields{Number: mr.num, Book: mr.book, IssuedOn: mr.reg.iso(), Authority: mr.authority(), CitizenIDs: []string{h.id, w.id}, Names: []string{h.name, w.name, officer}}
}

// gcnkhC: an extract copy of the register (trích lục) headed as a certificate.
func gcnkhC(g *gen) (Doc, Fields) {
	mr := g.marriage()
	w, h := mr.wife, mr.hus
	officer := officerName(g)
	d := Doc{Font: "noto-serif", Items: []any{
		Row{Either: true, Blocks: []Block{
			{X: 0, W: 66, Lines: []Text{ctr(sz(t("UBND "+upper(mr.o.districtFull())), 10.5)), ctr(sz(tb("UBND "+upper(mr.o.wardFull())), 10.5)), ctr(sz(t("Số: "+mr.num+"/GCNKH"), 10.5))}, Rule: 2},
			motto(66, 99, 10.5, "-"),
		}},
		Gap(6),
		Block{Lines: []Text{ctr(sz(tb("GIẤY CHỨNG NHẬN"), 16)), ctr(sz(tb("KẾT HÔN"), 16))}},
		Gap(3),
		Row{Blocks: []Block{
			{X: 0, W: 80, Lines: append([]Text{sz(tb("Chồng"), 12)}, sizeAll(11, kvLines(pair("Họ và tên", h.name), pair("Sinh ngày", h.born.slash()), pair("Số ĐDCN", h.id), pair("Nơi cư trú", h.address)))...)},
			{X: 85, W: 80, Lines: append([]Text{sz(tb("Vợ"), 12)}, sizeAll(11, kvLines(pair("Họ và tên", w.name), pair("Sinh ngày", w.born.slash()), pair("Số ĐDCN", w.id), pair("Nơi cư trú", w.address)))...)},
		}},
		Gap(3),
		block(sz(t("Nơi đăng ký: "+mr.authority()+"; Quyển số: "+mr.book), 11.5), sz(t("Ngày đăng ký: "+mr.reg.long(true)), 11.5)),
		Gap(3),
		Row{Either: true, Blocks: []Block{
			recipients(0, 70, "Hai bên kết hôn;", "Lưu: Sổ hộ tịch."),
			signer(80, 85, []string{mr.o.datePlace() + ", " + mr.reg.long(false), "CHỦ TỊCH"}, "", officer, sealOf(mr.authority())),
		}},
	}}
	return d, Fields{Number: mr.num + "/GCNKH", Book: mr.book, IssuedOn: mr.reg.iso(), Authority: mr.authority(), CitizenIDs: []string{h.id, w.id}, Names: []string{h.name, w.name, officer}}
}

// Identity cards: a photocopy of both sides on an A4 sheet, enlarged, as desks take them.

func cardSides(g *gen, p person, o office, title, titleEN string, scale float64, font string) []any {
	s := func(v float64) float64 { return v * scale }
	expiry := date{p.born.d, p.born.m, p.born.y + 25}
	if p.born.y+25 < 2026 {
		expiry = date{p.born.d, p.born.m, p.born.y + 40}
	}
	front := Block{X: 10, W: s(85.6), Box: true, Lines: []Text{
		ctr(sz(tb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), s(5.5))),
		ctr(sz(tb("Độc lập - Tự do - Hạnh phúc"), s(5.5))),
		ctr(sz(t("SOCIALIST REPUBLIC OF VIET NAM"), s(4.8))),
		ctr(sz(tb(title), s(8))),
		ctr(sz(t(titleEN), s(5))),
		sz(t("Số / No.: "+p.id), s(6.5)),
		sz(t("Họ và tên / Full name:"), s(5)),
		sz(tb(upper(p.name)), s(6.5)),
		sz(t("Ngày sinh / Date of birth: "+p.born.slash()), s(5)),
		sz(t("Giới tính / Sex: "+p.sex()+"   Quốc tịch / Nationality: Việt Nam"), s(5)),
		sz(t("Quê quán / Place of origin: "+o.wardFull()+", "+o.districtFull()+", "+o.p.name), s(5)),
		sz(t("Nơi thường trú / Place of residence: "+p.address), s(5)),
		sz(t("Có giá trị đến / Date of expiry: "+expiry.slash()), s(4.8)),
	}}
	back := Block{X: 10, W: s(85.6), Box: true, Lines: []Text{
		sz(t("Đặc điểm nhân dạng / Personal identification: "+g.pick("Nốt ruồi cách 2 cm trên sau đầu mày phải", "Sẹo chấm cách 1 cm dưới đuôi mắt trái", "Nốt ruồi cách 3 cm dưới trước cánh mũi trái")), s(5)),
		sz(t("Ngày, tháng, năm / Date, month, year: "+p.idIssued.slash()), s(5)),
		ctr(sz(tb("CỤC TRƯỞNG CỤC CẢNH SÁT"), s(5))),
		ctr(sz(tb("QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI"), s(5))),
		Text{},
		ctr(sz(tb(g.name(true)), s(5.5))),
		sz(t("IDVNM"+p.id[3:]+"0"+p.id+"<<"+fmt.Sprint(g.between(0, 9))), s(5.5)),
		sz(t(fmt.Sprintf("%02d%02d%02d%dM%02d%02d%02dVNM<<<<<<<<<<<%d", p.born.y%100, p.born.m, p.born.d, g.between(0, 9), expiry.y%100, expiry.m, expiry.d, g.between(0, 9))), s(5.5)),
	}}
	return []any{Gap(10), front, Gap(18), back}
}

// ccA: the chip citizen identity card (2021), both sides, enlarged 1.6 times.
func ccA(g *gen) (Doc, Fields) {
	o := g.office()
	p := g.person(g.chance(0.5), o, 1960, 2004)
	items := cardSides(g, p, o, "CĂN CƯỚC CÔNG DÂN", "Citizen Identity Card", 1.6, "arial")
	return Doc{Font: "arial", Items: items}, Fields{CitizenIDs: []string{p.id}, Names: []string{p.name}}
}

// ccB: the identity card of the 2023 law (2024 on), front and back, enlarged 1.8 times.
func ccB(g *gen) (Doc, Fields) {
	o := g.office()
	p := g.person(g.chance(0.5), o, 1960, 2008)
	items := cardSides(g, p, o, "CĂN CƯỚC", "IDENTITY CARD", 1.8, "noto-sans")
	items = append([]any{Block{Lines: []Text{ctr(sz(ti("Bản sao thẻ căn cước"), 11))}}}, items...)
	return Doc{Font: "noto-sans", Items: items}, Fields{CitizenIDs: []string{p.id}, Names: []string{p.name}}
}

// ccC: a certified photocopy: the card, and the commune's certification below it.
func ccC(g *gen) (Doc, Fields) {
	o := g.office()
	p := g.person(g.chance(0.5), o, 1960, 2004)
	certDate := g.date(2022, 2025)
	officer := officerName(g)
	items := cardSides(g, p, o, "CĂN CƯỚC CÔNG DÂN", "Citizen Identity Card", 1.45, "arial")
	items = append(items, Gap(8),
		Block{X: 60, W: 105, Lines: []Text{
			ctr(sz(tb("CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH"), 11)),
			ctr(sz(t("Số chứng thực: "+fmt.Sprint(g.between(100, 9999))+" Quyển số: 01/"+fmt.Sprint(certDate.y)+"-SCT/BS"), 10.5)),
			ctr(sz(ti(o.datePlace()+", "+certDate.long(true)), 10.5)),
			ctr(sz(tb("PHÓ CHỦ TỊCH"), 11)),
		}, Sign: 4, Seal: sealOf("ủy ban nhân dân " + o.wardFull())},
		Block{X: 60, W: 105, Lines: []Text{ctr(sz(tb(officer), 11))}},
	)
	// The officer who certifies the copy signs it: a name the page gives.
	return Doc{Font: "arial", Items: items}, Fields{CitizenIDs: []string{p.id}, Names: []string{p.name, officer}}
}
