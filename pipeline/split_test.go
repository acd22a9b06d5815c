package pipeline_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sohoa/sohoa/pipeline"
)

func TestSplit(t *testing.T) {
	const a, b = "000.00.12.H29-241015-0001", "000.00.12.H29-241015-0002"
	title := func(text string) string {
		if text == "GIẤY KHAI SINH" {
			return "giay_khai_sinh"
		}
		return ""
	}
	p := func(i int, text string, codes ...string) pipeline.StackPage {
		return pipeline.StackPage{Index: i, Text: text, Codes: codes}
	}
	for _, c := range []struct {
		name  string
		rules string
		pages []pipeline.StackPage
		want  []pipeline.Segment
	}{
		{"no marks", "barcode,patch", []pipeline.StackPage{p(0, "x"), p(1, "GIẤY KHAI SINH"), p(2, "y")},
			[]pipeline.Segment{{Pages: []int{0, 1, 2}, By: "file"}}},
		{"receipts begin dossiers, a repeated code does not", "barcode,patch", []pipeline.StackPage{
			p(0, "r", "https://dichvucong.gov.vn/?ma="+a), p(1, "x"), p(2, "r2", a), p(3, "r", b), p(4, "y")},
			[]pipeline.Segment{{Pages: []int{0, 1, 2}, Dossier: a, By: "barcode"}, {Pages: []int{3, 4}, Dossier: b, By: "barcode"}}},
		{"pages before the first receipt stay in the upload's dossier", "barcode", []pipeline.StackPage{
			p(0, "x"), p(1, "r", b), p(2, "y")},
			[]pipeline.Segment{{Pages: []int{0}, By: "file"}, {Pages: []int{1, 2}, Dossier: b, By: "barcode"}}},
		{"separator sheets end documents and are dropped", "barcode,patch", []pipeline.StackPage{
			p(0, "r", a), p(1, "x"), p(2, "", "PATCHT"), p(3, "y"), p(4, "z"), p(5, "", "patcht"), p(6, "r", b), p(7, "", "PATCHT")},
			[]pipeline.Segment{{Pages: []int{0, 1}, Dossier: a, By: "barcode"}, {Pages: []int{3, 4}, Separators: []int{2}, Dossier: a, By: "patch"},
				{Pages: []int{6}, Separators: []int{5, 7}, Dossier: b, By: "barcode"}}},
		{"a separator first", "patch", []pipeline.StackPage{p(0, "", "PATCHT"), p(1, "x"), p(2, "", "PATCHT"), p(3, "y")},
			[]pipeline.Segment{{Pages: []int{1}, Separators: []int{0}, By: "patch"}, {Pages: []int{3}, Separators: []int{2}, By: "patch"}}},
		{"titles, when asked", "barcode,title", []pipeline.StackPage{p(0, "GIẤY KHAI SINH"), p(1, "x"), p(2, "GIẤY KHAI SINH"), p(3, "r", a), p(4, "GIẤY KHAI SINH")},
			[]pipeline.Segment{{Pages: []int{0, 1}, By: "file"}, {Pages: []int{2}, By: "title"}, {Pages: []int{3}, Dossier: a, By: "barcode"}, {Pages: []int{4}, Dossier: a, By: "title"}}},
		{"off", "off", []pipeline.StackPage{p(0, "r", a), p(1, "", "PATCHT"), p(2, "GIẤY KHAI SINH")},
			[]pipeline.Segment{{Pages: []int{0, 1, 2}, By: "file"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := pipeline.ParseSplit(c.rules, "", "")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, pipeline.Split(c.pages, r, title)); diff != "" {
				t.Errorf("split (-want +got):\n%s", diff)
			}
		})
	}
	for _, bad := range []string{"barcode,qr", "title;patch"} {
		if err := pipeline.ValidSplit(bad); err == nil {
			t.Errorf("rules %q accepted", bad)
		}
	}
	if _, err := pipeline.ParseSplit("", "([", ""); err == nil {
		t.Error("a broken pattern accepted")
	}
}

func TestPageRanges(t *testing.T) {
	for _, c := range []struct {
		idx  []int
		want string
	}{{nil, ""}, {[]int{0}, "1"}, {[]int{0, 1, 2, 4}, "1-3,5"}, {[]int{3, 5, 6}, "4,6-7"}} {
		if got := pipeline.PageRanges(c.idx); got != c.want {
			t.Errorf("PageRanges(%v) = %q, want %q", c.idx, got, c.want)
		}
	}
}
