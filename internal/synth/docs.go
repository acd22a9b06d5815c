package synth

import (
	"fmt"
	"sort"
)

// Person fills the personal fields of a document. Every value is invented.
type Person struct {
	Name      string
	Born      string // dd/mm/yyyy
	CitizenID string // 12 digits
	Address   string
	Spouse    string
	Child     string
	Company   string
}

// Authority is who issues or receives the document.
type Authority struct {
	Name     string // "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN"
	Parent   string // "QUẬN BA ĐÌNH"
	Place    string // "Hà Nội"
	Number   string // "125/QĐ-UBND"
	IssuedOn string // "ngày 28 tháng 10 năm 2024"
}

var header = []Line{
	{Text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold: true, Align: Center},
	{Text: "Độc lập - Tự do - Hạnh phúc", Bold: true, Align: Center},
	{},
}

func issuer(a Authority) []Line {
	return []Line{
		{Text: a.Parent, Align: Center},
		{Text: a.Name, Bold: true, Align: Center},
		{Text: "Số: " + a.Number, Align: Center},
	}
}

func title(t string) []Line { return []Line{{}, {Text: t, Size: 16, Bold: true, Align: Center}, {}} }

func join(parts ...[]Line) Page {
	var p Page
	for _, l := range parts {
		p.Lines = append(p.Lines, l...)
	}
	return p
}

func body(ls ...string) []Line {
	out := make([]Line, len(ls))
	for i, s := range ls {
		out[i] = Line{Text: s}
	}
	return out
}

var templates = map[string]func(Person, Authority) Page{
	"to_khai_khai_sinh": func(p Person, a Authority) Page {
		return join(header, title("TỜ KHAI ĐĂNG KÝ KHAI SINH"), body(
			"Kính gửi: "+a.Name+", "+a.Parent+", thành phố "+a.Place,
			"Họ, chữ đệm, tên người yêu cầu: "+p.Name,
			"Số định danh cá nhân: "+p.CitizenID,
			"Nơi cư trú: "+p.Address,
			"Quan hệ với người được khai sinh: Cha",
			"Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:",
			"Họ, chữ đệm, tên: "+p.Child,
			"Ngày, tháng, năm sinh: 15/08/2024",
			"Nơi sinh: Bệnh viện Phụ sản Hà Nội",
			"Giới tính: Nữ. Dân tộc: Kinh. Quốc tịch: Việt Nam",
			"Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật.",
			"Làm tại: "+a.Place+", "+a.IssuedOn,
			"Người yêu cầu",
			p.Name,
		))
	},
	"giay_chung_sinh": func(p Person, a Authority) Page {
		return join([]Line{{Text: "BỘ Y TẾ", Align: Center}, {Text: "BỆNH VIỆN PHỤ SẢN HÀ NỘI", Bold: true, Align: Center}, {Text: "Số: 2024/GCS-0815", Align: Center}},
			header, title("GIẤY CHỨNG SINH"), body(
				"Họ và tên mẹ: Trần Thị Mai",
				"Năm sinh: 1994. Số định danh cá nhân: 001194012345",
				"Nơi đăng ký thường trú: "+p.Address,
				"Đã sinh con vào lúc 09 giờ 20 phút, ngày 15/08/2024",
				"Tại: Bệnh viện Phụ sản Hà Nội",
				"Số con trong lần sinh này: 01. Giới tính của con: Nữ",
				"Cân nặng: 3.200 gam",
				"Dự định đặt tên con là: "+p.Child,
				"Hà Nội, ngày 16 tháng 8 năm 2024",
				"Người đỡ đẻ            Thủ trưởng cơ sở y tế",
			))
	},
	"giay_khai_sinh": func(p Person, a Authority) Page {
		return join(issuer(a), header, title("GIẤY KHAI SINH"), body(
			"Họ, chữ đệm, tên: "+p.Child,
			"Ngày, tháng, năm sinh: 15/08/2024, bằng chữ: ngày mười lăm, tháng tám, năm hai nghìn không trăm hai mươi tư",
			"Giới tính: Nữ. Dân tộc: Kinh. Quốc tịch: Việt Nam",
			"Nơi sinh: Bệnh viện Phụ sản Hà Nội",
			"Quê quán: "+a.Place,
			"Họ, chữ đệm, tên người cha: "+p.Name,
			"Họ, chữ đệm, tên người mẹ: Trần Thị Mai",
			"Nơi đăng ký khai sinh: "+a.Name+", "+a.Parent,
			"Ngày, tháng, năm đăng ký: "+a.IssuedOn,
			"NGƯỜI KÝ GIẤY KHAI SINH",
		))
	},
	"to_khai_ket_hon": func(p Person, a Authority) Page {
		return join(header, title("TỜ KHAI ĐĂNG KÝ KẾT HÔN"), body(
			"Kính gửi: "+a.Name+", "+a.Parent,
			"Thông tin bên nữ: "+p.Spouse+", sinh năm 1996",
			"Thông tin bên nam: "+p.Name+", ngày sinh "+p.Born,
			"Số định danh cá nhân: "+p.CitizenID,
			"Nơi cư trú: "+p.Address,
			"Kết hôn lần thứ mấy: Lần thứ nhất",
			"Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn",
			"của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình.",
			"Đề nghị quý cơ quan đăng ký kết hôn cho chúng tôi.",
			"Làm tại: "+a.Place+", "+a.IssuedOn,
		))
	},
	"giay_chung_nhan_ket_hon": func(p Person, a Authority) Page {
		return join(issuer(a), header, title("GIẤY CHỨNG NHẬN KẾT HÔN"), body(
			"Họ, chữ đệm, tên chồng: "+p.Name,
			"Ngày, tháng, năm sinh: "+p.Born,
			"Số định danh cá nhân: "+p.CitizenID,
			"Họ, chữ đệm, tên vợ: "+p.Spouse,
			"Ngày, tháng, năm sinh: 02/03/1996",
			"Nơi cư trú: "+p.Address,
			"Nơi đăng ký: "+a.Name+", "+a.Parent,
			"Ngày, tháng, năm đăng ký: "+a.IssuedOn,
			"Chồng                 Vợ                 Người ký",
		))
	},
	"bien_nhan": func(p Person, a Authority) Page {
		return join(issuer(a), header, title("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), body(
			"Bộ phận tiếp nhận và trả kết quả: "+a.Name,
			"Tiếp nhận hồ sơ của: "+p.Name,
			"Số định danh cá nhân: "+p.CitizenID,
			"Địa chỉ: "+p.Address,
			"Nội dung yêu cầu giải quyết: Xác nhận thông tin về cư trú",
			"Thành phần hồ sơ nộp gồm: Tờ khai thay đổi thông tin cư trú (01 bản chính)",
			"Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc",
			"Thời gian nhận hồ sơ: 08 giờ 30 phút, "+a.IssuedOn,
			"Thời gian trả kết quả giải quyết hồ sơ: 10 giờ 00 phút, ngày 04/11/2024",
			"Người nộp hồ sơ            Người tiếp nhận hồ sơ",
		))
	},
	"xac_nhan_cu_tru": func(p Person, a Authority) Page {
		return join([]Line{{Text: "CÔNG AN " + a.Parent, Align: Center}, {Text: "CÔNG AN " + a.Name, Bold: true, Align: Center}, {Text: "Số: " + a.Number, Align: Center}},
			header, title("GIẤY XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ"), body(
				"Công an "+a.Name+" xác nhận thông tin về cư trú của công dân như sau:",
				"Họ, chữ đệm và tên: "+p.Name,
				"Ngày, tháng, năm sinh: "+p.Born,
				"Số định danh cá nhân: "+p.CitizenID,
				"Nơi thường trú: "+p.Address,
				"Nơi ở hiện tại: "+p.Address,
				"Giấy xác nhận có giá trị 01 năm kể từ ngày cấp.",
				a.Place+", "+a.IssuedOn,
				"TRƯỞNG CÔNG AN PHƯỜNG",
			))
	},
	"don_dang_ky_dat_dai": func(p Person, a Authority) Page {
		return join(header, title("ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT"), body(
			"Kính gửi: Văn phòng đăng ký đất đai "+a.Parent,
			"Người sử dụng đất: "+p.Name,
			"Số định danh cá nhân: "+p.CitizenID,
			"Địa chỉ: "+p.Address,
			"Thửa đất số: 125. Tờ bản đồ số: 18",
			"Diện tích: 86,5 m2. Mục đích sử dụng: Đất ở tại đô thị",
			"Nội dung biến động: Chuyển nhượng quyền sử dụng đất",
			"Giấy tờ kèm theo: Hợp đồng chuyển nhượng, Giấy chứng nhận đã cấp",
			"Tôi cam đoan nội dung kê khai trên đơn là đúng sự thật.",
			a.Place+", "+a.IssuedOn,
			"Người viết đơn",
		))
	},
	"giay_chung_nhan_qsdd": func(p Person, a Authority) Page {
		return join(header, title("GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT"), body(
			"I. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất: "+p.Name,
			"Số định danh cá nhân: "+p.CitizenID,
			"Địa chỉ thường trú: "+p.Address,
			"II. Thửa đất: Thửa đất số 125, tờ bản đồ số 18",
			"Diện tích: 86,5 m2. Hình thức sử dụng: Sử dụng riêng",
			"Mục đích sử dụng: Đất ở tại đô thị. Thời hạn sử dụng: Lâu dài",
			"Số vào sổ cấp GCN: CS 04512",
			a.Place+", "+a.IssuedOn,
			"TM. ỦY BAN NHÂN DÂN",
		))
	},
	"giay_de_nghi_dkdn": func(p Person, a Authority) Page {
		return join(header, title("GIẤY ĐỀ NGHỊ ĐĂNG KÝ DOANH NGHIỆP"), body(
			"Kính gửi: Phòng Đăng ký kinh doanh, "+a.Name,
			"Tôi là: "+p.Name+", Số định danh cá nhân: "+p.CitizenID,
			"Đăng ký doanh nghiệp do tôi là người đại diện theo pháp luật với các nội dung sau:",
			"Tình trạng thành lập: Thành lập mới",
			"Tên công ty viết bằng tiếng Việt: "+p.Company,
			"Địa chỉ trụ sở chính: "+p.Address,
			"Ngành, nghề kinh doanh: Xuất bản phần mềm, mã ngành 5820",
			"Vốn điều lệ: 2.000.000.000 đồng",
			"Tôi cam kết là người có đầy đủ quyền thành lập doanh nghiệp theo quy định.",
			a.Place+", "+a.IssuedOn,
		))
	},
	"giay_chung_nhan_dkdn": func(p Person, a Authority) Page {
		return join([]Line{{Text: a.Parent, Align: Center}, {Text: a.Name, Bold: true, Align: Center}}, header,
			title("GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP"), body(
				"CÔNG TY TRÁCH NHIỆM HỮU HẠN MỘT THÀNH VIÊN",
				"Mã số doanh nghiệp: 0109876543",
				"Đăng ký lần đầu: "+a.IssuedOn,
				"1. Tên công ty viết bằng tiếng Việt: "+p.Company,
				"2. Địa chỉ trụ sở chính: "+p.Address,
				"3. Vốn điều lệ: 2.000.000.000 đồng",
				"4. Người đại diện theo pháp luật: "+p.Name,
				"Số định danh cá nhân: "+p.CitizenID,
				"TRƯỞNG PHÒNG",
			))
	},
	"quyet_dinh": func(p Person, a Authority) Page {
		return join(issuer(a), header, title("QUYẾT ĐỊNH"), []Line{{Text: "Về việc cấp giấy phép hoạt động", Bold: true, Align: Center}, {}},
			body(
				"CHỦ TỊCH "+a.Name,
				"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
				"Căn cứ hồ sơ đề nghị của "+p.Company+";",
				"QUYẾT ĐỊNH:",
				"Điều 1. Cấp giấy phép hoạt động cho "+p.Company+", địa chỉ "+p.Address+".",
				"Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
				"Điều 3. Chánh Văn phòng và các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này.",
				a.Place+", "+a.IssuedOn,
				"CHỦ TỊCH",
			))
	},
	"hop_dong": func(p Person, a Authority) Page {
		return join(header, title("HỢP ĐỒNG LAO ĐỘNG"), body(
			"Số: 15/2024/HĐLĐ",
			"Hôm nay, "+a.IssuedOn+", tại "+p.Company+", chúng tôi gồm:",
			"Bên A (Người sử dụng lao động): "+p.Company,
			"Bên B (Người lao động): "+p.Name,
			"Ngày sinh: "+p.Born+". Số định danh cá nhân: "+p.CitizenID,
			"Thỏa thuận ký kết hợp đồng lao động và cam kết làm đúng những điều khoản sau:",
			"Điều 1. Thời hạn hợp đồng: 12 tháng",
			"Điều 2. Chức danh chuyên môn: Kỹ sư phần mềm",
			"Điều 3. Mức lương chính: 15.000.000 đồng một tháng",
			"Người lao động            Người sử dụng lao động",
		))
	},
	"giay_uy_quyen": func(p Person, a Authority) Page {
		return join(header, title("GIẤY ỦY QUYỀN"), body(
			"Căn cứ Bộ luật Dân sự năm 2015;",
			"Bên ủy quyền: "+p.Name+", Số định danh cá nhân: "+p.CitizenID,
			"Bên nhận ủy quyền: "+p.Spouse,
			"Nội dung ủy quyền: thay mặt bên ủy quyền nộp hồ sơ và nhận kết quả tại "+a.Name,
			"Thời hạn ủy quyền: 06 tháng kể từ ngày ký.",
			a.Place+", "+a.IssuedOn,
			"Bên ủy quyền            Bên nhận ủy quyền",
		))
	},
	"can_cuoc": func(p Person, a Authority) Page {
		return join(header, []Line{{Text: "CĂN CƯỚC CÔNG DÂN", Size: 16, Bold: true, Align: Center}, {}}, body(
			"Số / No.: "+p.CitizenID,
			"Họ và tên / Full name: "+p.Name,
			"Ngày sinh / Date of birth: "+p.Born,
			"Giới tính / Sex: Nam. Quốc tịch / Nationality: Việt Nam",
			"Quê quán / Place of origin: "+a.Place,
			"Nơi thường trú / Place of residence: "+p.Address,
			"Có giá trị đến / Date of expiry: 20/05/2040",
		))
	},
}

// Foreign and other pages that no catalogue type covers: their type is "unknown".
var others = map[string]func(Person, Authority) Page{
	"other_thong_bao": func(p Person, a Authority) Page {
		return join(issuer(a), header, title("THÔNG BÁO"), []Line{{Text: "Về việc tạm ngừng tiếp nhận hồ sơ trực tiếp", Bold: true, Align: Center}, {}}, body(
			a.Name+" thông báo đến các tổ chức, cá nhân như sau:",
			"Do nâng cấp hệ thống phần mềm một cửa điện tử, bộ phận tiếp nhận tạm ngừng tiếp nhận hồ sơ trực tiếp",
			"từ ngày 10 đến hết ngày 12 tháng 11 năm 2024. Trong thời gian này, đề nghị nộp hồ sơ trực tuyến",
			"trên Cổng dịch vụ công quốc gia. Mọi thắc mắc xin liên hệ số điện thoại 024 3825 1234.",
			"Trân trọng thông báo.",
			a.Place+", "+a.IssuedOn,
		))
	},
	"other_bien_ban": func(p Person, a Authority) Page {
		return join(header, title("BIÊN BẢN HỌP"), body(
			"Hôm nay, "+a.IssuedOn+", tại trụ sở "+a.Name+", chúng tôi gồm có:",
			"Chủ trì: "+p.Name+", Chủ tịch.",
			"Thư ký: "+p.Spouse+", Văn phòng.",
			"Nội dung cuộc họp: đánh giá kết quả số hóa hồ sơ thủ tục hành chính quý III.",
			"Các ý kiến thống nhất nâng tỷ lệ số hóa kết quả giải quyết lên trên 80 phần trăm.",
			"Cuộc họp kết thúc vào lúc 11 giờ cùng ngày.",
			"Thư ký            Chủ trì",
		))
	},
	"other_francais": func(p Person, a Authority) Page {
		return join([]Line{{Text: "RÉPUBLIQUE FRANÇAISE", Bold: true, Align: Center}, {}}, title("ATTESTATION DE DOMICILE"), body(
			"Je soussigné, Jean-Pierre Martin, demeurant au 12 rue de la République à Lyon,",
			"certifie sur l'honneur héberger à mon domicile Madame Claire Dubois depuis le 1er mars 2023.",
			"La présente attestation est établie pour servir et valoir ce que de droit.",
			"Fait à Lyon, le 15 octobre 2024.",
			"Signature",
		))
	},
	"other_english": func(p Person, a Authority) Page {
		return join(title("CERTIFICATE OF EMPLOYMENT"), body(
			"This is to certify that Mr. John Smith has been employed by Riverside Trading Ltd.",
			"as a senior accountant from 1 April 2019 until the date of this letter.",
			"During his employment he has shown diligence, honesty and excellent professional skills.",
			"This certificate is issued at his request for whatever legal purpose it may serve.",
			"London, 20 September 2024",
			"Human Resources Manager",
		))
	},
}

// Others lists the kinds of pages outside the catalogue, sorted.
func Others() []string {
	out := make([]string, 0, len(others))
	for k := range others {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Kinds lists the document types the generator can draw, sorted.
func Kinds() []string {
	out := make([]string, 0, len(templates))
	for k := range templates {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Document returns the upright content of a document of the given type.
func Document(kind string, p Person, a Authority) (Page, error) {
	t, ok := templates[kind]
	if !ok {
		t, ok = others[kind]
	}
	if !ok {
		return Page{}, fmt.Errorf("synth: no template for document type %q", kind)
	}
	return t(p, a), nil
}
