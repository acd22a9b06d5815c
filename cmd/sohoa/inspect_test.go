package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/internal/evalset"
	"github.com/sohoa/sohoa/internal/synth"
)

// `sohoa inspect --json` keeps its documented contract: a skewed Vietnamese page comes back with
// its text, diacritics intact, and its skew within 0.3° of the truth; a broken file comes back
// with an error class and no pages.
func TestInspectJSON(t *testing.T) {
	var out bytes.Buffer
	skewed := "../../testdata/demo/batch/HCM-Q1-BENNGHE/HS-CT-0101/02-xac-nhan-cu-tru.png" // -10°
	upside := "../../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KH-0002/01-to-khai-ket-hon.png"
	broken := "../../testdata/demo/batch/HCM-Q1-BENNGHE/HS-DD-0102/02-ban-do-loi.jpg"
	err := inspectCmd(context.Background(), []string{"--json", skewed, upside, broken}, &out)
	if err == nil || !strings.Contains(err.Error(), "1 of 3") {
		t.Errorf("want an error naming the one unreadable file, got %v", err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("want one JSON line per file, got %d:\n%s", len(lines), out.String())
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "pages", "document", "error"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	page := raw["pages"].([]any)[0].(map[string]any)
	for _, k := range []string{"index", "width", "height", "rotated", "orientation_confidence", "skew_degrees", "text", "mean_confidence"} {
		if _, ok := page[k]; !ok {
			t.Errorf("page JSON lacks %q", k)
		}
	}
	var files [3]inspectFile
	for i, l := range lines {
		if err := json.Unmarshal([]byte(l), &files[i]); err != nil {
			t.Fatal(err)
		}
	}
	p := files[0].Pages[0]
	if math.Abs(p.SkewDegrees-(-10)) > 0.3 || !strings.Contains(p.Text, "GIẤY XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ") {
		t.Errorf("skewed page: skew %.2f, text:\n%s", p.SkewDegrees, p.Text)
	}
	if files[0].Document.Type != "xac_nhan_cu_tru" || files[0].Document.Role != "result" {
		t.Errorf("skewed page classified %+v", files[0].Document)
	}
	if u := files[1].Pages[0]; u.Rotated != 180 || !strings.Contains(u.Text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") {
		t.Errorf("upside-down page: rotated %d, text:\n%s", u.Rotated, u.Text)
	}
	if b := files[2]; b.Error == nil || b.Error.Class != "corrupt" || len(b.Pages) != 0 || b.Document != nil {
		t.Errorf("broken file: %+v", b)
	}
}

// The land certificate of the classification issue, laid out as such certificates are (the
// issuing body top left, the title over two lines, the serial in the register, place and date
// above the signature) and scanned on a flatbed: `inspect --json` types it a result, with its
// serial, issue date and authority.
func TestInspectTwoLineTitleCertificate(t *testing.T) {
	ctr := func(s string, size float64, bold bool) evalset.Text {
		return evalset.Text{S: s, Size: size, Bold: bold, Align: evalset.Center}
	}
	doc := evalset.Doc{Font: "times", Items: []any{
		evalset.Row{Blocks: []evalset.Block{
			{X: 0, W: 75, Lines: []evalset.Text{ctr("ỦY BAN NHÂN DÂN", 12, true), ctr("HUYỆN DIỄN CHÂU", 12, true)}, Rule: 2},
			{X: 80, Lines: []evalset.Text{ctr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true), ctr("Độc lập - Tự do - Hạnh phúc", 13, true)}, Rule: 2},
		}},
		evalset.Gap(10),
		evalset.Block{Lines: []evalset.Text{ctr("GIẤY CHỨNG NHẬN", 18, true),
			ctr("QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT", 14, true)}},
		evalset.Gap(6),
		evalset.Block{Lines: []evalset.Text{
			{S: "1. Người sử dụng đất: Ông NGUYỄN VĂN HÙNG, năm sinh 1975, số định danh cá nhân 040075123456"},
			{S: "Địa chỉ: Xóm 5, xã Diễn Kỷ, huyện Diễn Châu, tỉnh Nghệ An"},
			{S: "2. Thửa đất: a) Thửa đất số: 215, tờ bản đồ số: 18; b) Diện tích: 356,0 m2"},
			{S: "c) Mục đích sử dụng: Đất ở tại nông thôn; d) Thời hạn sử dụng: Lâu dài"},
		}},
		evalset.Gap(8),
		evalset.Row{Blocks: []evalset.Block{
			{X: 0, W: 80, Lines: []evalset.Text{{S: "Số vào sổ cấp GCN: CS 74805"}}},
			{X: 85, Lines: []evalset.Text{{S: "Nghệ An, ngày 18 tháng 08 năm 2020", Italic: true, Align: evalset.Center},
				ctr("TM. ỦY BAN NHÂN DÂN HUYỆN DIỄN CHÂU", 12, true), ctr("CHỦ TỊCH", 12, true)}},
		}},
	}}
	page := evalset.PageOf("gcn.png", doc, evalset.Scanner{Source: "flatbed", DPI: 300, Format: "png",
		Skew: 1.2, Blur: 0.5, Noise: 4, Dust: 120, Paper: [3]uint8{245, 243, 236}, Seed: 7})
	file, _, err := page.Files()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "gcn.png")
	if err := os.WriteFile(path, file, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := inspectCmd(context.Background(), []string{"--json", path}, &out); err != nil {
		t.Fatal(err)
	}
	var res struct {
		Document struct {
			Type, Role, Reason string
			Fields             struct {
				Number    string `json:"number"`
				IssuedOn  string `json:"issued_on"`
				Authority string `json:"authority"`
				Parcel    string `json:"parcel"`
				MapSheet  string `json:"map_sheet"`
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	d := res.Document
	if d.Type != "giay_chung_nhan_qsdd" || d.Role != "result" {
		t.Errorf("typed %s, role %s (%s)", d.Type, d.Role, d.Reason)
	}
	f := d.Fields
	if f.Number != "CS 74805" || f.IssuedOn != "2020-08-18" || classify.Fold(f.Authority) != "uy ban nhan dan huyen dien chau" ||
		f.Parcel != "215" || f.MapSheet != "18" {
		t.Errorf("fields %+v", f)
	}
}

// `sohoa inspect --json` on a stack reports its split: the documents with their pages, dossier
// codes and the rule that began each, and each page's codes and separator flag, as the
// pipeline would split it.
func TestInspectStack(t *testing.T) {
	const a, b = "000.00.12.H29-261206-0101", "000.00.12.H29-261206-0102"
	data := stackFile(t, []sheet{
		{"receipt:" + a, []synth.Mark{{Kind: "qr", Value: a, X: 165, Y: 10}}},
		{"giay_khai_sinh", nil},
		{"", []synth.Mark{{Kind: "patch", Value: synth.PatchT, X: 30, Y: 100, Size: 150}}},
		{"giay_chung_nhan_ket_hon", nil},
		{"receipt:" + b, []synth.Mark{{Kind: "code128", Value: b, X: 30, Y: 265}}},
		{"don_dang_ky_dat_dai", nil},
	})
	path := filepath.Join(t.TempDir(), "stack.tif")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := inspectCmd(context.Background(), []string{"--json", path}, &out); err != nil {
		t.Fatal(err)
	}
	var f inspectFile
	if err := json.Unmarshal(out.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	type seg struct {
		Pages   []int
		Dossier string
		By      string
		Type    string
	}
	var got []seg
	for _, d := range f.Documents {
		s := seg{Pages: d.Pages, By: d.By, Type: d.Type}
		if d.Dossier != nil {
			s.Dossier = *d.Dossier
		}
		got = append(got, s)
	}
	want := []seg{{[]int{0, 1}, a, "barcode", got[0].Type}, {[]int{3}, a, "patch", "giay_chung_nhan_ket_hon"}, {[]int{4, 5}, b, "barcode", got[2].Type}}
	if len(got) != 3 {
		t.Fatalf("documents %+v, want %+v", got, want)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	if f.Document != nil {
		t.Errorf("a split file still has one document: %+v", f.Document)
	}
	if !f.Pages[2].Separator || f.Pages[1].Separator || !slices.Contains(f.Pages[0].Codes, a) || !slices.Contains(f.Pages[2].Codes, "PATCHT") {
		t.Errorf("pages: separator %v %v, codes %v %v", f.Pages[1].Separator, f.Pages[2].Separator, f.Pages[0].Codes, f.Pages[2].Codes)
	}
	var raw map[string]any
	_ = json.Unmarshal(out.Bytes(), &raw)
	for _, k := range []string{"blank", "separator", "text_from", "codes"} {
		if _, ok := raw["pages"].([]any)[0].(map[string]any)[k]; !ok {
			t.Errorf("page JSON lacks %q", k)
		}
	}
	// With splitting off, the same file is one document.
	out.Reset()
	if err := inspectCmd(context.Background(), []string{"--json", "--split", "off", path}, &out); err != nil {
		t.Fatal(err)
	}
	f = inspectFile{}
	if err := json.Unmarshal(out.Bytes(), &f); err != nil || f.Document == nil || len(f.Documents) != 1 || f.Documents[0].By != "file" {
		t.Errorf("--split off: %+v (%v)", f.Documents, err)
	}
}
