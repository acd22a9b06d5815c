// Command synth writes the demo batch (testdata/demo): synthetic scans of Vietnamese
// administrative documents for three desks, skewed, turned and noisy as real scans are, with a
// manifest of what each file is and what the pipeline must find.
//
//	go run ./cmd/synth -out testdata/demo
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/jpeg"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
	"golang.org/x/image/tiff"
)

// Manifest describes the demo batch; the demo and the end-to-end test read it.
type Manifest struct {
	Units   []pipeline.Unit      `json:"units"`
	Desks   []pipeline.Desk      `json:"desks"`
	Files   map[string]File      `json:"files"`   // desk/dossier/file
	Figures map[string]Figure    `json:"figures"` // per desk, once everything has ended
	Texts   map[string][]string  `json:"texts"`   // phrases that must be read, per file
	Fields  map[string]PageTruth `json:"truth"`   // ground truth per file
}

type File struct {
	Type      string `json:"type,omitempty"`
	Role      string `json:"role,omitempty"`
	FailClass string `json:"fail_class,omitempty"`
}

type PageTruth struct {
	Skew    float64 `json:"skew_degrees"`
	Rotated int     `json:"rotated"`
	Text    string  `json:"text"`
}

type Figure struct {
	Dossiers   int     `json:"dossiers"`
	Digitized  int     `json:"digitized"`
	Percentage float64 `json:"percentage"`
	PagesDone  int     `json:"pages_done"`
	Failed     int     `json:"pages_failed"`
}

type spec struct {
	desk, dossier, file, kind string
	skew                      float64
	turn                      int
}

func main() {
	out := flag.String("out", "testdata/demo", "output folder of the demo batch")
	formats := flag.String("formats", "", "write the reference pages of the format fixtures here instead")
	corpus := flag.String("corpus", "", "write a corpus of skewed, turned, noisy A4 pages with truth.json here instead")
	classifySets := flag.Bool("classify", false, "OCR generated pages of every type into the classifier's training seed and evaluation set instead")
	n := flag.Int("n", 24, "pages in the corpus")
	seed := flag.Uint64("seed", 1, "corpus seed")
	flag.Parse()
	var err error
	switch {
	case *classifySets:
		err = writeClassifySets("classify/seed.jsonl", "testdata/classify/eval.jsonl")
	case *corpus != "":
		err = writeCorpus(*corpus, *n, *seed)
	case *formats != "":
		err = writeFormatPages(*formats)
	default:
		err = write(*out)
	}
	if err != nil {
		log.Fatal(err)
	}
}

func write(out string) error {
	desks := []pipeline.Desk{
		{Code: "HN-BADINH-DIENBIEN", Name: "Bộ phận một cửa UBND phường Điện Biên, quận Ba Đình", ParentUnit: "Hà Nội / Ba Đình", Kind: pipeline.Locality, Unit: "X00097"},
		{Code: "HCM-Q1-BENNGHE", Name: "Bộ phận một cửa UBND phường Bến Nghé, Quận 1", ParentUnit: "TP. Hồ Chí Minh / Quận 1", Kind: pipeline.Locality, Unit: "X26740"},
		{Code: "BKHDT-DKKD", Name: "Bộ phận một cửa Cục Quản lý đăng ký kinh doanh", ParentUnit: "Bộ Kế hoạch và Đầu tư", Kind: pipeline.Ministry, Unit: "M-BKHDT"},
	}
	// Districts and communes (GSO codes) under the provinces that ship with the schema.
	units := []pipeline.Unit{
		{Code: "H001", Name: "Quận Ba Đình", NameEN: "Ba Dinh District", Level: "district", Parent: "P01"},
		{Code: "X00097", Name: "Phường Điện Biên", NameEN: "Dien Bien Ward", Level: "commune", Parent: "H001"},
		{Code: "H760", Name: "Quận 1", NameEN: "District 1", Level: "district", Parent: "P79"},
		{Code: "X26740", Name: "Phường Bến Nghé", NameEN: "Ben Nghe Ward", Level: "commune", Parent: "H760"},
	}
	auth := map[string]synth.Authority{
		"HN-BADINH-DIENBIEN": {Name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN", Parent: "QUẬN BA ĐÌNH", Place: "Hà Nội", Number: "125/QĐ-UBND", IssuedOn: "ngày 28 tháng 10 năm 2024"},
		"HCM-Q1-BENNGHE":     {Name: "PHƯỜNG BẾN NGHÉ", Parent: "QUẬN 1", Place: "Thành phố Hồ Chí Minh", Number: "87/XN-CAP", IssuedOn: "ngày 01 tháng 11 năm 2024"},
		"BKHDT-DKKD":         {Name: "PHÒNG ĐĂNG KÝ KINH DOANH", Parent: "SỞ KẾ HOẠCH VÀ ĐẦU TƯ THÀNH PHỐ HÀ NỘI", Place: "Hà Nội", Number: "2150/QĐ-ĐKKD", IssuedOn: "ngày 05 tháng 11 năm 2024"},
	}
	people := []synth.Person{
		{Name: "Nguyễn Văn An", Born: "12/03/1990", CitizenID: "001090012345", Address: "Số 12 phố Điện Biên Phủ, phường Điện Biên, quận Ba Đình, Hà Nội", Child: "Nguyễn Thị Bình", Spouse: "Lê Thị Hoa", Company: "Công ty TNHH Phần mềm Sông Hồng"},
		{Name: "Trần Quốc Bảo", Born: "25/07/1985", CitizenID: "079085006789", Address: "Số 45 đường Lê Lợi, phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh", Child: "Trần Minh Khang", Spouse: "Phạm Thu Trang", Company: "Công ty Cổ phần Thương mại Sài Gòn Xanh"},
		{Name: "Lê Thị Hương", Born: "03/11/1992", CitizenID: "001192034567", Address: "Số 8 ngõ 15 phố Huế, phường Phạm Đình Hổ, quận Hai Bà Trưng, Hà Nội", Child: "Đỗ Gia Huy", Spouse: "Đỗ Văn Hùng", Company: "Công ty TNHH Công nghệ Ánh Dương"},
	}
	specs := []spec{
		{"HN-BADINH-DIENBIEN", "HS-KS-0001", "01-to-khai.png", "to_khai_khai_sinh", 3.0, 0},
		{"HN-BADINH-DIENBIEN", "HS-KS-0001", "02-giay-chung-sinh.png", "giay_chung_sinh", -2.0, 0},
		{"HN-BADINH-DIENBIEN", "HS-KS-0001", "03-giay-khai-sinh.png", "giay_khai_sinh", 0, 0},
		{"HN-BADINH-DIENBIEN", "HS-KH-0002", "01-to-khai-ket-hon.png", "to_khai_ket_hon", 0, 180},
		{"HN-BADINH-DIENBIEN", "HS-KH-0002", "02-giay-chung-nhan.tif", "giay_chung_nhan_ket_hon", 7.0, 0},
		{"HCM-Q1-BENNGHE", "HS-CT-0101", "01-bien-nhan.jpg", "bien_nhan", 1.2, 0},
		{"HCM-Q1-BENNGHE", "HS-CT-0101", "02-xac-nhan-cu-tru.png", "xac_nhan_cu_tru", -10.0, 0},
		{"HCM-Q1-BENNGHE", "HS-DD-0102", "01-don-dang-ky.png", "don_dang_ky_dat_dai", -4.5, 0},
		{"BKHDT-DKKD", "DN-0201", "01-de-nghi.jpg", "giay_de_nghi_dkdn", 5.0, 0},
		{"BKHDT-DKKD", "DN-0201", "02-giay-chung-nhan.png", "giay_chung_nhan_dkdn", 0.5, 0},
		{"BKHDT-DKKD", "DN-0202", "01-hop-dong.png", "hop_dong", -1.5, 0},
		{"BKHDT-DKKD", "DN-0202", "02-quyet-dinh.png", "quyet_dinh", -6.0, 0},
	}
	types := map[string]string{}
	for _, s := range specs {
		types[s.kind] = "input"
	}
	for _, k := range []string{"giay_khai_sinh", "giay_chung_nhan_ket_hon", "xac_nhan_cu_tru", "giay_chung_nhan_dkdn", "quyet_dinh"} {
		types[k] = "result"
	}
	m := Manifest{Units: units, Desks: desks, Files: map[string]File{}, Texts: map[string][]string{}, Fields: map[string]PageTruth{}}
	deskIdx := map[string]int{"HN-BADINH-DIENBIEN": 0, "HCM-Q1-BENNGHE": 1, "BKHDT-DKKD": 2}
	for i, s := range specs {
		p, err := synth.Document(s.kind, people[deskIdx[s.desk]], auth[s.desk])
		if err != nil {
			return err
		}
		g, err := synth.Render(p, synth.Options{Skew: s.skew, Turn: s.turn, Noise: 0.001, Blur: 0.5, Seed: uint64(i + 1)})
		if err != nil {
			return err
		}
		text, _ := synth.Text(p, 300)
		rel := filepath.Join(s.desk, s.dossier, s.file)
		if err := save(filepath.Join(out, "batch", rel), g); err != nil {
			return err
		}
		m.Files[filepath.ToSlash(rel)] = File{Type: s.kind, Role: types[s.kind]}
		m.Fields[filepath.ToSlash(rel)] = PageTruth{Skew: s.skew, Rotated: (360 - s.turn) % 360, Text: text}
		// Phrases the OCR must read with every diacritic: the national header and a name.
		phrases := []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}
		who := people[deskIdx[s.desk]]
		for _, name := range []string{who.Name, who.Child, who.Company} {
			if strings.Contains(text, name) {
				phrases = append(phrases, name)
				break
			}
		}
		m.Texts[filepath.ToSlash(rel)] = phrases
	}
	// A scanner that died mid-write: a JPEG cut after its header.
	bad := filepath.Join("HCM-Q1-BENNGHE", "HS-DD-0102", "02-ban-do-loi.jpg")
	var jb bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 1200, 1600))
	_ = jpeg.Encode(&jb, img, nil)
	if err := writeFile(filepath.Join(out, "batch", bad), jb.Bytes()[:600]); err != nil {
		return err
	}
	m.Files[filepath.ToSlash(bad)] = File{FailClass: "corrupt"}
	m.Figures = map[string]Figure{
		"HN-BADINH-DIENBIEN": {Dossiers: 2, Digitized: 2, Percentage: 100, PagesDone: 5},
		"HCM-Q1-BENNGHE":     {Dossiers: 2, Digitized: 1, Percentage: 50, PagesDone: 3, Failed: 1},
		"BKHDT-DKKD":         {Dossiers: 2, Digitized: 2, Percentage: 100, PagesDone: 4},
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	return writeFile(filepath.Join(out, "manifest.json"), append(b, '\n'))
}

func save(path string, g *image.Gray) error {
	var b bytes.Buffer
	var err error
	switch filepath.Ext(path) {
	case ".png":
		err = scan.EncodePNG(&b, g, 300)
	case ".jpg":
		err = jpeg.Encode(&b, g, &jpeg.Options{Quality: 85})
	case ".tif":
		err = tiff.Encode(&b, g, &tiff.Options{Compression: tiff.Deflate})
	default:
		err = fmt.Errorf("no encoder for %s", path)
	}
	if err != nil {
		return err
	}
	return writeFile(path, b.Bytes())
}

func writeFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// writeFormatPages writes three different small upright pages (100 DPI) that
// testdata/formats/make.sh turns into every format and compression scanners produce.
func writeFormatPages(dir string) error {
	a := synth.Authority{Name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN", Parent: "QUẬN BA ĐÌNH", Place: "Hà Nội", Number: "125/QĐ-UBND", IssuedOn: "ngày 28 tháng 10 năm 2024"}
	who := synth.Person{Name: "Nguyễn Văn An", Born: "12/03/1990", CitizenID: "001090012345", Address: "Số 12 phố Điện Biên Phủ, Hà Nội", Child: "Nguyễn Thị Bình", Spouse: "Lê Thị Hoa", Company: "Công ty TNHH Sông Hồng"}
	for i, kind := range []string{"giay_khai_sinh", "quyet_dinh", "bien_nhan"} {
		p, err := synth.Document(kind, who, a)
		if err != nil {
			return err
		}
		g, err := synth.Render(p, synth.Options{DPI: 100})
		if err != nil {
			return err
		}
		if err := save(filepath.Join(dir, fmt.Sprintf("p%d.png", i)), g); err != nil {
			return err
		}
	}
	return nil
}

// writeCorpus writes n A4 300-DPI pages at known skew and orientation, with blur and noise,
// and truth.json with each page's skew, turn and text.
func writeCorpus(dir string, n int, seed uint64) error {
	samples, err := synth.Corpus(n, seed)
	if err != nil {
		return err
	}
	for _, s := range samples {
		g, err := s.Render()
		if err != nil {
			return err
		}
		if err := save(filepath.Join(dir, s.Name), g); err != nil {
			return err
		}
	}
	b, _ := json.MarshalIndent(samples, "", "  ")
	return writeFile(filepath.Join(dir, "truth.json"), append(b, '\n'))
}

func encode(g *image.Gray) []byte {
	var b bytes.Buffer
	_ = scan.EncodePNG(&b, g, 300)
	return b.Bytes()
}
