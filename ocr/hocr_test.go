package ocr

import "testing"

// TestRepairWord: the eth Tesseract's vie model emits beside or for Đ becomes one Đ; a word
// without one is left as read.
func TestRepairWord(t *testing.T) {
	for in, want := range map[string]string{
		"296/2023/HĐÐĐCN": "296/2023/HĐCN",
		"176/2021/HĐÐLD":  "176/2021/HĐLD",
		"ÐỒNG":            "ĐỒNG",
		"ðường":           "đường",
		"HĐĐT":            "HĐĐT",
		"Đinh":            "Đinh",
	} {
		if got := repairWord(in); got != want {
			t.Errorf("repairWord(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRepairedWordsEngineTextRaw: the page's words and text are mended, the engine's own text
// (what the CLI prints, which the pin test compares) is not.
func TestRepairedWordsEngineTextRaw(t *testing.T) {
	h := `<div class='ocr_page' title='bbox 0 0 100 100'><div class='ocr_carea' id='block_1_1'><p class='ocr_par'>` +
		`<span class='ocr_line' title='bbox 0 0 100 20'><span class='ocrx_word' title='bbox 0 0 40 20; x_wconf 90'>Số:</span> ` +
		`<span class='ocrx_word' title='bbox 50 0 100 20; x_wconf 90'>12/HĐÐĐCN</span></span></p></div></div>`
	r, err := parseHOCR(h)
	if err != nil {
		t.Fatal(err)
	}
	if r.Text != "Số: 12/HĐCN" || r.Words[1].Text != "12/HĐCN" {
		t.Errorf("text %q, word %q", r.Text, r.Words[1].Text)
	}
	if r.EngineText != "Số: 12/HĐÐĐCN" {
		t.Errorf("engine text %q", r.EngineText)
	}
}
