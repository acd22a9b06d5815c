package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/pipeline"
)

// sheet is a sheet of a test stack: a synth kind, "receipt:<dossier code>", or "" for a sheet
// with nothing but its marks.
type sheet struct {
	kind  string
	marks []synth.Mark
}

// stackFile prints the sheets and scans them as a feeder does (a little skew, blur and speckle)
// into one multi-page TIFF at 200 DPI.
func stackFile(t *testing.T, sheets []sheet) []byte {
	t.Helper()
	person := synth.Person{Name: "Phạm Văn Hùng", Born: "05/06/1985", CitizenID: "001085012345", Address: "Hà Nội"}
	office := synth.Authority{Name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN", Parent: "QUẬN BA ĐÌNH", Place: "Hà Nội", Number: "9/UBND", IssuedOn: "ngày 01 tháng 12 năm 2026"}
	var pages []*image.Gray
	for i, s := range sheets {
		var page synth.Page
		if code, ok := strings.CutPrefix(s.kind, "receipt:"); ok {
			page = synth.Receipt(code)
		} else if s.kind != "" {
			var err error
			if page, err = synth.Document(s.kind, person, office); err != nil {
				t.Fatal(err)
			}
		}
		g, err := synth.Render(page, synth.Options{DPI: 200, Marks: s.marks, Skew: 0.3 * float64(i%3-1), Blur: 0.6, Noise: 0.001, Seed: uint64(i + 40)})
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, g)
	}
	return synth.TIFF(pages, 200)
}

// A desk's 56-page stack through `sohoa upload` and a worker: the batch status shows the split
// (each document's pages, dossier and rule), the figures count the receipts' dossiers, and a
// page moved through the API lands in a new dossier with the figures following.
func TestUploadStack(t *testing.T) {
	a, _ := testApp(t)
	ctx := context.Background()
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "ST", Name: "Stack desk", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	key := deskKey(t, a, "ST")
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()
	runWorker(t, a)

	const c1, c2 = "000.00.12.H29-261206-0201", "000.00.12.H29-261206-0202"
	sheets := []sheet{
		{"giay_uy_quyen", nil}, // before any receipt: the dossier it was uploaded under
		{"receipt:" + c1, []synth.Mark{{Kind: "qr", Value: c1, X: 165, Y: 10}}},
		{"giay_khai_sinh", nil},
		{"", []synth.Mark{{Kind: "code39", Value: "PATCHT", X: 50, Y: 140}}},
		{"giay_chung_nhan_ket_hon", nil},
		{"receipt:" + c2, []synth.Mark{{Kind: "code128", Value: c2, X: 30, Y: 265}}},
		{"don_dang_ky_dat_dai", nil},
		{"", nil}, // a duplex back
	}
	// Six more dossiers make it a day's stack of 56 pages: a receipt (QR, Code 128, DataMatrix in
	// turn) and its form, a separator sheet (a Code 39 PATCHT or a patch T), a certificate of
	// three pages and its blank back.
	type split struct {
		Dossier    string
		Pages      []int
		Separators []int
		By         string
	}
	want := []split{{"chong-ho-so", []int{0}, nil, "file"}, {c1, []int{1, 2}, nil, "barcode"}, {c1, []int{4}, []int{3}, "patch"}, {c2, []int{5, 6, 7}, nil, "barcode"}}
	forms := []string{"to_khai_khai_sinh", "don_dang_ky_dat_dai", "giay_de_nghi_dkdn", "to_khai_ket_hon"}
	results := []string{"giay_khai_sinh", "giay_chung_nhan_qsdd", "giay_chung_nhan_dkdn", "giay_chung_nhan_ket_hon"}
	for n := 4; n <= 9; n++ {
		c, at := fmt.Sprintf("000.00.12.H29-261206-02%02d", n), len(sheets)
		mark := []synth.Mark{{Kind: "qr", Value: c, X: 165, Y: 10}}
		sep := []synth.Mark{{Kind: "code39", Value: "PATCHT", X: 50, Y: 140}}
		switch n % 3 {
		case 1:
			mark = []synth.Mark{{Kind: "code128", Value: c, X: 30, Y: 265}}
			sep = []synth.Mark{{Kind: "patch", Value: synth.PatchT, X: 30, Y: 100, Size: 150}}
		case 2:
			mark = []synth.Mark{{Kind: "datamatrix", Value: c, X: 170, Y: 12}}
		}
		form, result := forms[n%4], results[n%4]
		sheets = append(sheets, sheet{"receipt:" + c, mark}, sheet{form, nil}, sheet{form, nil}, sheet{"", sep},
			sheet{result, nil}, sheet{result, nil}, sheet{result, nil}, sheet{"", nil})
		want = append(want, split{c, []int{at, at + 1, at + 2}, nil, "barcode"}, split{c, []int{at + 4, at + 5, at + 6, at + 7}, []int{at + 3}, "patch"})
	}
	if len(sheets) < 50 {
		t.Fatalf("a stack of %d sheets", len(sheets))
	}
	data := stackFile(t, sheets)
	dir := filepath.Join(t.TempDir(), "ngay-06-12")
	if err := os.MkdirAll(filepath.Join(dir, "chong-ho-so"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "chong-ho-so", "stack.tif"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := uploadCmd(ctx, []string{"--server", srv.URL, "--key", key, "--split", "barcode,patch", dir}, &out, http.DefaultClient); err != nil {
		t.Fatalf("upload: %v\n%s", err, out.String())
	}
	t.Log("\n" + out.String())
	for _, want := range []string{"chong-ho-so/stack.tif pages 1 (by file): giay_uy_quyen",
		c1 + "/stack.tif pages 2-3 (by barcode)", c1 + "/stack.tif pages 5 (by patch): giay_chung_nhan_ket_hon",
		c2 + "/stack.tif pages 6-8 (by barcode)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("upload output lacks %q", want)
		}
	}
	var batch struct {
		Files []pipeline.FileStatus `json:"files"`
	}
	url := out.String()[strings.Index(out.String(), srv.URL+"/api/v1/batches/"):]
	url = strings.TrimSpace(url[:strings.Index(url, "\n")])
	getAs(t, key, url, &batch)
	var got []split
	var second uuid.UUID
	for _, f := range batch.Files {
		got = append(got, split{f.Dossier, f.PageIndexes, f.Separators, f.SplitBy})
		if f.Dossier == c1 && f.SplitBy == "patch" {
			second = f.Document
		}
		if f.Dossier == c2 {
			var got struct {
				Document pipeline.DocumentInfo `json:"document"`
			}
			getAs(t, key, srv.URL+"/api/v1/documents/"+f.Document.String(), &got)
			doc := got.Document
			if f.PagesBlank != 1 || doc.PageCount != 2 || len(doc.Pages) != 3 || !doc.Pages[2].Blank {
				t.Errorf("%s: %d blank pages, a page count of %d of %d; want the duplex back apart", c2, f.PagesBlank, doc.PageCount, len(doc.Pages))
			}
		}
	}
	slices.SortFunc(got, func(x, y split) int { return x.Pages[0] - y.Pages[0] })
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("batch status split:\n got %v\nwant %v", got, want)
	}
	figures := func() (received, digitized int) {
		t.Helper()
		if err := a.db.Pool.QueryRow(ctx, `SELECT COALESCE(sum(received), 0), COALESCE(sum(digitized), 0) FROM desk_daily WHERE desk_code = 'ST'`).
			Scan(&received, &digitized); err != nil {
			t.Fatal(err)
		}
		return
	}
	// The batch is finished when its documents are; each dossier's finalize follows.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(300 * time.Millisecond) {
		r, d := figures()
		if r == 9 && d == 9 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("figures after the split: %d received, %d digitized; want 9 and 9", r, d)
		}
	}

	// The clerk moves the marriage certificate to a dossier of its own.
	const c3 = "000.00.12.H29-261206-0203"
	body, _ := json.Marshal(map[string]any{"pages": []int{4}, "dossier": c3})
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/documents/"+second.String()+"/move", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("move: %s", resp.Status)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var typ, state string
		err := a.db.Pool.QueryRow(ctx, `SELECT d.doc_type, o.state FROM documents d JOIN dossiers o ON o.id = d.dossier_id WHERE o.code = $1`, c3).Scan(&typ, &state)
		r, d := figures()
		if err == nil && typ == "giay_chung_nhan_ket_hon" && state == "digitized" && r == 10 && d == 10 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the move: %s in a %s dossier (%v), figures %d/%d; want giay_chung_nhan_ket_hon, digitized, 10/10", typ, state, err, r, d)
		}
		time.Sleep(300 * time.Millisecond)
	}
	var left string
	if err := a.db.Pool.QueryRow(ctx, `SELECT state FROM documents WHERE id = $1`, second).Scan(&left); err != nil || left != "emptied" {
		t.Errorf("the document the page left: %q (%v), want emptied", left, err)
	}
	// Another desk's key cannot move it: not found.
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "ST2", Name: "Other desk", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	body, _ = json.Marshal(map[string]any{"pages": []int{0}, "dossier": c3})
	req, _ = http.NewRequest(http.MethodPost, srv.URL+"/api/v1/documents/"+batch.Files[0].Document.String()+"/move", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+deskKey(t, a, "ST2"))
	if resp, err = http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("another desk's move: %s, want 404", resp.Status)
	}
}
