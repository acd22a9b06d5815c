package evalset

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Everything here is invented: names, numbers and addresses drawn from common Vietnamese
// ones, with citizen IDs shaped as the real ones are (province code, century and sex, year,
// six digits) but matching nobody.

var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lưu", "Mai"}
	// wideFamilyNames are the rarer family names too, for the development family f: a page of
	// a real desk names people the twenty most common do not cover.
	wideFamilyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Quách", "Phùng", "Triệu", "Tạ", "Lại", "Đàm", "Nông", "Hứa", "Tăng",
		"Khổng", "Lò", "Thân", "Lã", "Cù", "Giáp", "Âu", "Vương", "Diệp", "Mạc", "Tống", "Nghiêm", "Khúc", "Lục", "Châu", "Doãn", "Bạch"}
	maleMiddle  = []string{"Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Xuân", "Công", "Tiến", "Gia"}
	femMiddle   = []string{"Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Phương", "Hồng", "Diệu", "Bảo"}
	maleGiven   = []string{"An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tuấn", "Thắng", "Việt", "Đạt", "Hiếu", "Kiên", "Lợi", "Trọng"}
	femGiven    = []string{"Anh", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngân", "Thảo", "Trang", "Vy", "Yến", "Hằng", "Nhung", "Oanh", "Thư", "Uyên", "Loan"}
	ethnicities = []string{"Kinh", "Kinh", "Kinh", "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng"}
)

// province is a province or city with the communes and districts desks sit in.
type province struct {
	name   string // "Hà Nội"
	full   string // "thành phố Hà Nội"
	code   string // GSO code, the first digits of a citizen ID
	city   bool
	places []district
}

type district struct {
	name    string // "Ba Đình" (quận) / "Quảng Xương" (huyện)
	kind    string // "quận", "huyện", "thị xã", "thành phố"
	wards   []string
	wardOf  string // "phường", "xã", "thị trấn"
	streets []string
}

var provinces = []province{
	{"Hà Nội", "thành phố Hà Nội", "001", true, []district{
		{"Ba Đình", "quận", []string{"Điện Biên", "Kim Mã", "Ngọc Hà", "Liễu Giai"}, "phường", []string{"Điện Biên Phủ", "Kim Mã", "Đội Cấn", "Hoàng Hoa Thám"}},
		{"Cầu Giấy", "quận", []string{"Dịch Vọng", "Nghĩa Đô", "Quan Hoa", "Yên Hòa"}, "phường", []string{"Xuân Thủy", "Trần Duy Hưng", "Nguyễn Khánh Toàn"}},
		{"Gia Lâm", "huyện", []string{"Bát Tràng", "Đa Tốn", "Kiêu Kỵ"}, "xã", []string{"Thôn Giang Cao", "Thôn Lở", "Thôn Trung"}},
	}},
	{"Hồ Chí Minh", "Thành phố Hồ Chí Minh", "079", true, []district{
		{"1", "Quận", []string{"Bến Nghé", "Bến Thành", "Đa Kao", "Tân Định"}, "phường", []string{"Lê Lợi", "Hai Bà Trưng", "Nguyễn Huệ", "Pasteur"}},
		{"Bình Thạnh", "quận", []string{"25", "Thanh Đa", "17"}, "phường", []string{"Xô Viết Nghệ Tĩnh", "Bạch Đằng", "Phan Đăng Lưu"}},
	}},
	{"Nghệ An", "tỉnh Nghệ An", "040", false, []district{
		{"Vinh", "thành phố", []string{"Hưng Bình", "Lê Lợi", "Trường Thi"}, "phường", []string{"Lê Duẩn", "Nguyễn Du", "Quang Trung"}},
		{"Diễn Châu", "huyện", []string{"Diễn Hồng", "Diễn Kỷ", "Diễn Thành"}, "xã", []string{"Xóm 3", "Xóm 7", "Xóm Trung Tâm"}},
	}},
	{"Thanh Hóa", "tỉnh Thanh Hóa", "038", false, []district{
		{"Quảng Xương", "huyện", []string{"Quảng Hưng", "Quảng Định", "Quảng Nhân"}, "xã", []string{"Thôn Đông", "Thôn Tây", "Thôn Bắc"}},
		{"Sầm Sơn", "thành phố", []string{"Trường Sơn", "Bắc Sơn"}, "phường", []string{"Hồ Xuân Hương", "Tây Sơn"}},
	}},
	{"Đà Nẵng", "thành phố Đà Nẵng", "048", true, []district{
		{"Hải Châu", "quận", []string{"Thạch Thang", "Hải Châu 1", "Phước Ninh"}, "phường", []string{"Bạch Đằng", "Trần Phú", "Lê Duẩn"}},
	}},
	{"Cần Thơ", "thành phố Cần Thơ", "092", true, []district{
		{"Ninh Kiều", "quận", []string{"Tân An", "An Hòa", "Xuân Khánh"}, "phường", []string{"Hai Bà Trưng", "Mậu Thân", "30 Tháng 4"}},
	}},
	{"Quảng Ninh", "tỉnh Quảng Ninh", "022", false, []district{
		{"Hạ Long", "thành phố", []string{"Bạch Đằng", "Hồng Gai", "Hòn Gai"}, "phường", []string{"Lê Thánh Tông", "Cột 8", "Hạ Long"}},
	}},
	{"Thừa Thiên Huế", "tỉnh Thừa Thiên Huế", "046", false, []district{
		{"Huế", "thành phố", []string{"Phú Hội", "Vĩnh Ninh", "Thuận Thành"}, "phường", []string{"Lê Lợi", "Hùng Vương", "Đinh Tiên Hoàng"}},
	}},
}

// person is one invented citizen.
type person struct {
	name      string // "Nguyễn Văn An"
	male      bool
	born      date
	id        string // 12 digits
	oldID     string // 9 digits, the identity card before 2016
	ethnicity string
	address   string
	phone     string // 10 digits, starts with 0
	idIssued  date
}

type date struct{ d, m, y int }

func (d date) slash() string { return fmt.Sprintf("%02d/%02d/%04d", d.d, d.m, d.y) }
func (d date) iso() string   { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

// long is "ngày 28 tháng 10 năm 2024"; pad writes "ngày 05 tháng 03" as many offices do.
func (d date) long(pad bool) string {
	if pad {
		return fmt.Sprintf("ngày %02d tháng %02d năm %d", d.d, d.m, d.y)
	}
	return fmt.Sprintf("ngày %d tháng %d năm %d", d.d, d.m, d.y)
}

// office is a people's committee and what hangs off it.
type office struct {
	p        province
	d        district
	ward     string // "Điện Biên"
	wardKind string // "phường"
}

func (o office) wardFull() string     { return o.wardKind + " " + o.ward } // "phường Điện Biên"
func (o office) districtFull() string { return o.d.kind + " " + o.d.name } // "quận Ba Đình"
func (o office) datePlace() string {
	if o.p.name == "Hồ Chí Minh" {
		return "Thành phố Hồ Chí Minh"
	}
	if !o.p.city && o.d.kind == "thành phố" {
		return o.d.name
	}
	return o.p.name
}

type gen struct {
	rng      *rand.Rand
	surnames []string // family names to draw from; familyNames when nil
}

// wide draws the names of the pages it makes from wideFamilyNames.
func (g *gen) wide() { g.surnames = wideFamilyNames }

func newGen(seed uint64) *gen { return &gen{rng: rand.New(rand.NewPCG(seed, 0xe7a1))} }

func (g *gen) pick(ss ...string) string { return ss[g.rng.IntN(len(ss))] }
func (g *gen) chance(p float64) bool    { return g.rng.Float64() < p }
func (g *gen) between(a, b int) int     { return a + g.rng.IntN(b-a+1) }
func (g *gen) digits(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteByte(byte('0' + g.rng.IntN(10)))
	}
	return b.String()
}

func (g *gen) date(fromYear, toYear int) date {
	return date{g.between(1, 28), g.between(1, 12), g.between(fromYear, toYear)}
}

func (g *gen) office() office {
	p := provinces[g.rng.IntN(len(provinces))]
	d := p.places[g.rng.IntN(len(p.places))]
	return office{p: p, d: d, ward: d.wards[g.rng.IntN(len(d.wards))], wardKind: d.wardOf}
}

func (g *gen) name(male bool) string {
	fams := familyNames
	if g.surnames != nil {
		fams = g.surnames
	}
	f := fams[g.rng.IntN(len(fams))]
	if male {
		return f + " " + g.pick(maleMiddle...) + " " + g.pick(maleGiven...)
	}
	return f + " " + g.pick(femMiddle...) + " " + g.pick(femGiven...)
}

func (g *gen) address(o office) string {
	street := o.d.streets[g.rng.IntN(len(o.d.streets))]
	house := ""
	if !strings.HasPrefix(street, "Thôn") && !strings.HasPrefix(street, "Xóm") {
		house = fmt.Sprintf("Số %d %s ", g.between(2, 180), g.pick("phố", "đường"))
		if g.chance(0.3) {
			house = fmt.Sprintf("Số %d, ngõ %d %s ", g.between(2, 60), g.between(3, 200), g.pick("phố", "đường"))
		}
	}
	return fmt.Sprintf("%s%s, %s, %s, %s", house, street, o.wardFull(), o.districtFull(), o.p.full)
}

func (g *gen) person(male bool, o office, fromYear, toYear int) person {
	born := g.date(fromYear, toYear)
	century := 0
	if born.y >= 2000 {
		century = 2
	}
	if !male {
		century++
	}
	p := person{name: g.name(male), male: male, born: born, ethnicity: g.pick(ethnicities...), address: g.address(o)}
	p.id = fmt.Sprintf("%s%d%02d%s", o.p.code, century, born.y%100, g.digits(6))
	p.oldID = "1" + g.digits(8)
	p.phone = "0" + g.pick("9", "8", "3", "7") + g.digits(8)
	p.idIssued = g.date(min(max(born.y+14, 2016), 2024), 2024)
	return p
}

func (p person) sex() string {
	if p.male {
		return "Nam"
	}
	return "Nữ"
}

func (p person) title() string {
	if p.male {
		return "Ông"
	}
	return "Bà"
}

// upper is the uppercase of a Vietnamese string (strings.ToUpper handles every precomposed
// letter).
func upper(s string) string { return strings.ToUpper(s) }

// spelled writes a date in words, as the civil-status books do.
func spelled(d date) string {
	days := []string{"", "mùng một", "mùng hai", "mùng ba", "mùng bốn", "mùng năm", "mùng sáu", "mùng bảy", "mùng tám", "mùng chín", "mùng mười"}
	day := ""
	if d.d <= 10 {
		day = days[d.d]
	} else {
		day = number(d.d)
	}
	months := []string{"", "một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai"}
	return fmt.Sprintf("Ngày %s, tháng %s, năm %s", day, months[d.m], year(d.y))
}

func number(n int) string {
	units := []string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}
	if n < 10 {
		return units[n]
	}
	tens, u := n/10, n%10
	s := "mười"
	if tens > 1 {
		s = units[tens] + " mươi"
	}
	switch {
	case u == 0:
	case u == 1 && tens > 1:
		s += " mốt"
	case u == 5:
		s += " lăm"
	case u == 4 && tens > 1:
		s += " tư"
	default:
		s += " " + units[u]
	}
	return s
}

func year(y int) string {
	units := []string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}
	th, h, rest := y/1000, (y/100)%10, y%100
	s := units[th] + " nghìn " + units[h] + " trăm"
	switch {
	case rest == 0:
	case rest < 10:
		s += " linh " + units[rest]
	default:
		s += " " + number(rest)
	}
	return s
}
