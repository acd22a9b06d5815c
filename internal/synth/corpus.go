package synth

import (
	"fmt"
	"image"
	"math/rand/v2"
)

// Sample is one page of a corpus with its ground truth.
type Sample struct {
	Name    string  `json:"file"`
	Kind    string  `json:"kind"`
	Skew    float64 `json:"skew_degrees"` // positive: lines rise to the right
	Turn    int     `json:"turn"`         // clockwise turn of the paper on the glass
	Rotated int     `json:"rotated"`      // clockwise turn that makes it upright again
	Blur    float64 `json:"blur"`
	Noise   float64 `json:"noise"`
	Text    string  `json:"text"`
	page    Page
	opts    Options
}

// Render draws the sample as scanned.
func (s Sample) Render() (*image.Gray, error) { return Render(s.page, s.opts) }

// Straight draws the same page upright and straight, as a perfect scan would be.
func (s Sample) Straight() (*image.Gray, error) { return Render(s.page, Options{}) }

// Corpus returns n A4 300-DPI pages of every document type at known skews (within ±12°),
// every fourth page also turned a quarter or half turn, with blur and noise; deterministic for a
// seed.
func Corpus(n int, seed uint64) ([]Sample, error) {
	rng := rand.New(rand.NewPCG(seed, 0xc0ffee))
	kinds := Kinds()
	people := []Person{
		{Name: "Nguyễn Văn An", Born: "12/03/1990", CitizenID: "001090012345", Address: "Số 12 phố Điện Biên Phủ, phường Điện Biên, quận Ba Đình, Hà Nội", Child: "Nguyễn Thị Bình", Spouse: "Lê Thị Hoa", Company: "Công ty TNHH Phần mềm Sông Hồng"},
		{Name: "Trần Quốc Bảo", Born: "25/07/1985", CitizenID: "079085006789", Address: "Số 45 đường Lê Lợi, phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh", Child: "Trần Minh Khang", Spouse: "Phạm Thu Trang", Company: "Công ty Cổ phần Thương mại Sài Gòn Xanh"},
		{Name: "Hoàng Thị Thủy", Born: "09/09/1978", CitizenID: "038178001122", Address: "Thôn Đông, xã Quảng Hưng, huyện Quảng Xương, tỉnh Thanh Hóa", Child: "Vũ Đức Mạnh", Spouse: "Vũ Văn Long", Company: "Hợp tác xã Nông nghiệp Quảng Hưng"},
	}
	auths := []Authority{
		{Name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN", Parent: "QUẬN BA ĐÌNH", Place: "Hà Nội", Number: "125/QĐ-UBND", IssuedOn: "ngày 28 tháng 10 năm 2024"},
		{Name: "ỦY BAN NHÂN DÂN XÃ QUẢNG HƯNG", Parent: "HUYỆN QUẢNG XƯƠNG", Place: "Thanh Hóa", Number: "47/QĐ-UBND", IssuedOn: "ngày 03 tháng 6 năm 2025"},
	}
	turns := []int{90, 180, 270}
	out := make([]Sample, n)
	for i := range out {
		kind := kinds[i%len(kinds)]
		p, err := Document(kind, people[i%len(people)], auths[i%len(auths)])
		if err != nil {
			return nil, err
		}
		s := Sample{Name: fmt.Sprintf("page-%02d.png", i), Kind: kind,
			Skew:  float64(int((rng.Float64()*24-12)*100)) / 100,
			Blur:  float64(int((0.3+rng.Float64()*0.9)*100)) / 100,
			Noise: float64(int((0.0005+rng.Float64()*0.003)*10000)) / 10000,
			page:  p}
		if i%4 == 3 {
			s.Turn = turns[(i/4)%len(turns)]
		}
		s.Rotated = (360 - s.Turn) % 360
		s.opts = Options{Skew: s.Skew, Turn: s.Turn, Blur: s.Blur, Noise: s.Noise, Seed: seed + uint64(i)}
		if s.Text, err = Text(p, 300); err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}
