package pipeline_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/internal/cer"
	"github.com/sohoa/sohoa/internal/evalset"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

// blankSheet is an empty A4 page as a feeder scans it: paper, sensor noise, a few specks.
func blankSheet(t *testing.T) []byte {
	g := image.NewGray(image.Rect(0, 0, 2480, 3508))
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range g.Pix {
		g.Pix[i] = uint8(244 + rng.IntN(8))
	}
	for k := 0; k < 40; k++ {
		x, y := rng.IntN(2470), rng.IntN(3500)
		for dy := 0; dy < 3; dy++ {
			for dx := 0; dx < 3; dx++ {
				g.Pix[(y+dy)*g.Stride+x+dx] = 60
			}
		}
	}
	var b bytes.Buffer
	if err := scan.EncodePNG(&b, g, 300); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// photo is a picture with no text: soft colour shapes, as a phone photo of an object.
func photo(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 1600, 1200))
	for y := 0; y < 1200; y++ {
		for x := 0; x < 1600; x++ {
			d := math.Hypot(float64(x-700), float64(y-520)) / 600
			r := 120 + 100*math.Sin(float64(x)/170)
			gr := 140 + 80*math.Cos(float64(y)/130)
			b := 200 - 150*math.Min(1, d)
			img.Set(x, y, color.RGBA{uint8(r), uint8(gr), uint8(b), 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// tableOnly is a page holding nothing but a ruled table.
func tableOnly() evalset.Page {
	cells := [][]string{{"STT", "Họ và tên", "Ngày sinh", "Số định danh"}}
	names := []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Dung", "Hoàng Minh Đức", "Vũ Thị Hà"}
	for i, n := range names {
		cells = append(cells, []string{string(rune('1' + i)), n, "1" + string(rune('0'+i)) + "/0" + string(rune('1'+i)) + "/1985", "0010850" + strings.Repeat(string(rune('1'+i)), 5)})
	}
	d := evalset.Doc{Font: "times", Left: 20, Right: 20, Top: 30,
		Items: []any{evalset.Table{Widths: []float64{15, 60, 40, 50}, Cells: cells, Header: 1}}}
	return evalset.PageOf("table-only.png", d, evalset.Scanner{Source: "flatbed", DPI: 300, Format: "png", Blur: 0.5, Noise: 4, Dust: 120, Skew: 1.5, Seed: 9})
}

// TestOddPages: a blank sheet, a photo without text, a page of only a table, a 1-bit fax at
// 200×100 DPI and a 150-DPI phone photo, in one batch through the stages: each page ends with
// a clear state, empty pages are marked blank and sent to review, the others are read.
func TestOddPages(t *testing.T) {
	testenv.Short(t, "OCR of odd pages")
	r := newRig(t)
	ctx := context.Background()
	pages, err := evalset.Pages(7, 1, func(f string) bool { return f == "quyet_dinh/b" || f == "xac_nhan_cu_tru/a" })
	if err != nil {
		t.Fatal(err)
	}
	fax := evalset.Fax(pages[0])
	phone := pages[1]
	phone.Scanner = evalset.Phone(150, 11)
	phone.Name = "phone-150.jpg"
	table := tableOnly()
	read := func(p evalset.Page) ([]byte, []string) {
		file, _, err := p.Files()
		if err != nil {
			t.Fatal(err)
		}
		refs, err := p.References()
		if err != nil {
			t.Fatal(err)
		}
		return file, refs
	}
	faxFile, faxRefs := read(fax)
	phoneFile, phoneRefs := read(phone)
	tableFile, tableRefs := read(table)
	cases := []struct {
		name  string
		data  []byte
		refs  []string
		blank bool
		max   float64 // CER ceiling when there is text
	}{
		{"blank.png", blankSheet(t), nil, true, 0},
		{"photo.jpg", photo(t), nil, true, 0},
		{"table-only.png", tableFile, tableRefs, false, 0.10},
		{"fax-200x100.png", faxFile, faxRefs, false, 0.15},
		{"phone-150.jpg", phoneFile, phoneRefs, false, 0.25},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "odd", Dossier: "ODD-1", Filename: c.name}, c.data, "application/octet-stream")
			if err != nil {
				t.Fatal(err)
			}
			rows := r.process(t, doc)
			if len(rows) != 1 || rows[0].state != pipeline.PageDone {
				t.Fatalf("pages %+v, want one done", rows)
			}
			var blank, review bool
			if err := r.db.Pool.QueryRow(ctx, `SELECT p.blank, d.needs_review FROM pages p JOIN documents d ON d.id = p.document_id WHERE d.id = $1`, doc).Scan(&blank, &review); err != nil {
				t.Fatal(err)
			}
			text := rows[0].text
			if blank != c.blank {
				t.Errorf("blank %v, want %v; text %q", blank, c.blank, text)
			}
			if c.blank {
				if strings.TrimSpace(text) != "" {
					t.Errorf("text %q on an empty page", text)
				}
				if !review {
					t.Error("an empty page's document is not sent to review")
				}
				// A sheet without ink is not read at all, and stays out of the searchable PDF;
				// the photo is read (it has ink) and found empty.
				var read, pdfs int
				_ = r.db.Pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE a.kind = 'text'), count(*) FILTER (WHERE a.kind IN ('page_pdf', 'pdf'))
					FROM artifacts a JOIN pages p ON p.id = a.page_id OR a.document_id = p.document_id WHERE p.document_id = $1`, doc).Scan(&read, &pdfs)
				if inkless := c.name == "blank.png"; inkless && (read != 0 || pdfs != 0) || !inkless && read == 0 {
					t.Errorf("%s: %d texts and %d PDFs recorded", c.name, read, pdfs)
				}
				return
			}
			rate, _ := cer.Best(text, c.refs)
			t.Logf("%s: CER %.4f", c.name, rate)
			if rate > c.max {
				t.Errorf("CER %.4f, over %.2f:\n%s", rate, c.max, text)
			}
		})
	}
}
