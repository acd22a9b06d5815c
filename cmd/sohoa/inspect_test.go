package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"
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
