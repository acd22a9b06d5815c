package pipeline_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"github.com/hibiken/asynq"
	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

// stackDPI is the resolution a desk's feeder scans stacks at.
const stackDPI = 200

// sheet is one sheet of a test stack: how it is drawn.
type sheet struct {
	kind  string // a synth kind; "receipt", "separator", "blank"; "cont:<kind>" a page without its title
	marks []synth.Mark
	seed  uint64
}

// render draws a sheet as a feeder scans it: a little skew, blur and speckle, different on
// every sheet.
func (s sheet) render(t testing.TB) *image.Gray {
	t.Helper()
	o := synth.Options{DPI: stackDPI, Marks: s.marks, Seed: s.seed, Skew: float64(int(s.seed%7)-3) * 0.3, Blur: 0.6, Noise: 0.0015}
	var page synth.Page
	switch kind := s.kind; {
	case kind == "blank" || kind == "separator":
		page = synth.Page{}
		o.Blur = 0.8
	case strings.HasPrefix(kind, "receipt:"):
		page = synth.Receipt(strings.TrimPrefix(kind, "receipt:"))
	default:
		if c, ok := strings.CutPrefix(kind, "cont:"); ok {
			kind, o.CropTop = c, 0.35 // the second page of a form: no title block
		}
		var err error
		page, err = synth.Document(kind, synth.Person{Name: "Trần Thị Hoa", Born: "03/04/1991", CitizenID: "001191012345",
			Address: "số 5 phố Hàng Bông, Hà Nội", Spouse: "Lê Văn Nam", Child: "Lê Minh Khang", Company: "Công ty TNHH Hoa Sen"},
			synth.Authority{Name: "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN", Parent: "QUẬN BA ĐÌNH", Place: "Hà Nội",
				Number: fmt.Sprintf("%d/UBND", 100+s.seed), IssuedOn: "ngày 28 tháng 10 năm 2026"})
		if err != nil {
			t.Fatal(err)
		}
	}
	g, err := synth.Render(page, o)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// stackPDF joins pages into one scanned PDF, a JPEG image a page (what feeders write).
func stackPDF(t *testing.T, pages []*image.Gray, dpi int) []byte {
	w := &pdfWriter{}
	w.b.WriteString("%PDF-1.7\n")
	w.obj("<< /Type /Catalog /Pages 2 0 R >>")
	var kids strings.Builder
	for i := range pages {
		fmt.Fprintf(&kids, "%d 0 R ", 3+3*i)
	}
	w.obj(fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s] >>", len(pages), kids.String()))
	for i, g := range pages {
		var j bytes.Buffer
		if err := jpeg.Encode(&j, g, &jpeg.Options{Quality: 80}); err != nil {
			t.Fatal(err)
		}
		pw, ph := float64(g.Rect.Dx())*72/float64(dpi), float64(g.Rect.Dy())*72/float64(dpi)
		w.obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>",
			pw, ph, 5+3*i, 4+3*i))
		content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", pw, ph)
		w.obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
		w.obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream",
			g.Rect.Dx(), g.Rect.Dy(), j.Len(), j.String()))
	}
	return w.bytes()
}

// part is a document of a split stack as the test expects it.
type part struct {
	Dossier    string // "" for the upload's own
	By         string
	Pages      []int
	Separators []int
	Type       string // checked when not ""
}

// stackPlan builds a stack of dossiers and the split it must give.
type stackPlan struct {
	sheets []sheet
	want   []part
}

func (p *stackPlan) add(dossier, by, typ string, sheets ...sheet) {
	w := part{Dossier: dossier, By: by, Type: typ}
	for _, s := range sheets {
		i := len(p.sheets)
		p.sheets = append(p.sheets, s)
		if s.kind == "separator" {
			w.Separators = append(w.Separators, i)
		} else {
			w.Pages = append(w.Pages, i)
		}
	}
	p.want = append(p.want, w)
}

func code(n int) string { return fmt.Sprintf("000.00.12.H29-261206-%04d", n) }

// A day's stack through the stages, as a feeder scans it (skewed, blurred, speckled), split by
// the receipts' codes (QR, Code 128, DataMatrix) into dossiers and by separator sheets (a
// patch T, a PATCHT barcode) into documents, with duplex blank backs kept in their documents:
// a 52-page TIFF. A 50-page PDF without separator sheets is split by receipts and titles. The
// split, the dossiers' codes, the documents' types and the desk's figures are exact.
func TestStackSplit(t *testing.T) {
	receiptMarks := func(n int) []synth.Mark {
		switch n % 3 {
		case 0:
			return []synth.Mark{{Kind: "qr", Value: "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=" + code(n), X: 165, Y: 10}}
		case 1:
			return []synth.Mark{{Kind: "code128", Value: code(n), X: 30, Y: 265}}
		}
		return []synth.Mark{{Kind: "datamatrix", Value: code(n), X: 170, Y: 12}}
	}
	separator := func(n int) sheet {
		if n%2 == 0 {
			return sheet{kind: "separator", marks: []synth.Mark{{Kind: "patch", Value: synth.PatchT, X: 30, Y: 100, Size: 150}}, seed: uint64(900 + n)}
		}
		return sheet{kind: "separator", marks: []synth.Mark{{Kind: "code39", Value: "PATCHT", X: 50, Y: 140}}, seed: uint64(900 + n)}
	}
	t.Run("tiff-barcode-patch", func(t *testing.T) {
		t.Parallel()
		var plan stackPlan
		// Two loose pages before the first receipt stay in the upload's dossier.
		plan.add("", "file", "", sheet{kind: "giay_uy_quyen", seed: 1}, sheet{kind: "cont:giay_uy_quyen", seed: 2})
		kinds := []string{"don_dang_ky_dat_dai", "giay_khai_sinh", "giay_chung_nhan_qsdd", "giay_de_nghi_dkdn", "giay_chung_nhan_ket_hon"}
		for n := 1; n <= 5; n++ {
			s := uint64(10 * n)
			plan.add(code(n), "barcode", "", sheet{kind: "receipt:" + code(n), marks: receiptMarks(n), seed: s},
				sheet{kind: kinds[n%5], seed: s + 1}, sheet{kind: "cont:" + kinds[n%5], seed: s + 2})
			plan.add(code(n), "patch", kinds[(n+1)%5], separator(n), sheet{kind: kinds[(n+1)%5], seed: s + 3},
				sheet{kind: "cont:" + kinds[(n+1)%5], seed: s + 4}, sheet{kind: "blank", seed: s + 5}, sheet{kind: "cont:" + kinds[(n+1)%5], seed: s + 6})
			plan.add(code(n), "patch", kinds[(n+2)%5], separator(n+1), sheet{kind: kinds[(n+2)%5], seed: s + 7})
		}
		if len(plan.sheets) != 52 {
			t.Fatalf("the plan has %d sheets", len(plan.sheets))
		}
		r, doc := runStack(t, plan, "stack.tif", "barcode,patch", func(pages []*image.Gray) []byte { return synth.TIFF(pages, stackDPI) })
		// An operator corrects the split: the second loose page belongs to a dossier of its
		// own, then the first joins it; the upload's dossier, left empty, stops counting.
		ctx := context.Background()
		move := func(from uuid.UUID, pages []int, toDoc uuid.UUID, toDossier string) []uuid.UUID {
			t.Helper()
			docs, dossiers, err := r.db.MovePages(ctx, from, pages, toDoc, toDossier, "test")
			if err != nil {
				t.Fatalf("move %v: %v", pages, err)
			}
			for _, d := range docs {
				if err := r.stages.Classify(ctx, task(pipeline.TypeClassify, d)); err != nil {
					t.Fatal(err)
				}
			}
			for _, o := range dossiers {
				if err := r.stages.Finalize(ctx, task(pipeline.TypeFinalize, o)); err != nil {
					t.Fatal(err)
				}
			}
			return docs
		}
		docs := move(doc, []int{1}, uuid.Nil, code(9))
		if len(docs) != 2 {
			t.Fatalf("a move to a new dossier reclassifies %d documents, want 2", len(docs))
		}
		checkFigures(t, r, 7, 7)
		move(doc, []int{0}, docs[1], "")
		checkFigures(t, r, 6, 6)
		var pages []int32
		var by, state string
		if err := r.db.Pool.QueryRow(ctx, `SELECT array_agg(p.index ORDER BY p.index), d.split_by, d.state FROM documents d JOIN pages p ON p.document_id = d.id
			JOIN dossiers o ON o.id = d.dossier_id WHERE o.code = $1 GROUP BY d.id`, code(9)).Scan(&pages, &by, &state); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(pages, []int32{0, 1}) || by != "operator" || state != "classified" {
			t.Errorf("the moved pages' document: pages %v, by %s, %s", pages, by, state)
		}
		// Its searchable PDF follows: both pages, made anew; the file's own document has none
		// left to show.
		var pdfKey string
		if err := r.db.Pool.QueryRow(ctx, `SELECT object_key FROM artifacts WHERE document_id = $1 AND page_id IS NULL AND kind = 'pdf'`, docs[1]).
			Scan(&pdfKey); err != nil {
			t.Fatal(err)
		}
		pdf, err := r.stages.Objects.Get(ctx, pdfKey, 1<<28)
		if err != nil {
			t.Fatal(err)
		}
		testenv.CheckPDF(t, pdf, "QUYỀN", 2)
		if err := r.db.Pool.QueryRow(ctx, `SELECT state FROM documents WHERE id = $1`, doc).Scan(&state); err != nil || state != "emptied" {
			t.Errorf("the upload's own document, every page moved: %q (%v), want emptied", state, err)
		}
		// Pages go only between documents of one uploaded file, and only pages it has.
		other, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "day", Dossier: "x", Filename: "other.tif"}, synth.TIFF([]*image.Gray{(sheet{kind: "blank"}).render(t)}, stackDPI), "")
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []struct {
			pages []int
			to    uuid.UUID
		}{{[]int{11}, other}, {[]int{99}, docs[1]}, {nil, docs[1]}} {
			if _, _, err := r.db.MovePages(ctx, doc, bad.pages, bad.to, "", "test"); pipeline.ClassOf(err) != "bad_move" {
				t.Errorf("move %v to %s: %v, want bad_move", bad.pages, bad.to, err)
			}
		}
	})
	t.Run("pdf-barcode-title", func(t *testing.T) {
		t.Parallel()
		var plan stackPlan
		kinds := []string{"giay_khai_sinh", "don_dang_ky_dat_dai", "giay_chung_nhan_ket_hon", "giay_uy_quyen", "giay_chung_nhan_qsdd"}
		for n := 11; n <= 15; n++ {
			s := uint64(10 * n)
			a, b := kinds[n%5], kinds[(n+1)%5]
			plan.add(code(n), "barcode", "", sheet{kind: "receipt:" + code(n), marks: receiptMarks(n), seed: s})
			plan.add(code(n), "title", a, sheet{kind: a, seed: s + 1}, sheet{kind: "cont:" + a, seed: s + 2}, sheet{kind: "blank", seed: s + 3},
				sheet{kind: "cont:" + a, seed: s + 4})
			plan.add(code(n), "title", b, sheet{kind: b, seed: s + 5}, sheet{kind: "cont:" + b, seed: s + 6}, sheet{kind: "cont:" + b, seed: s + 7})
			plan.add(code(n), "title", a, sheet{kind: a, seed: s + 8}, sheet{kind: "cont:" + a, seed: s + 9})
		}
		if len(plan.sheets) != 50 {
			t.Fatalf("the plan has %d sheets", len(plan.sheets))
		}
		_, _ = runStack(t, plan, "stack.pdf", "barcode,title", func(pages []*image.Gray) []byte { return stackPDF(t, pages, stackDPI) })
	})
}

// runStack uploads the stack, runs every stage as workers would, and checks the split.
func runStack(t *testing.T, plan stackPlan, name, rules string, join func([]*image.Gray) []byte) (*rig, uuid.UUID) {
	r := newRig(t)
	ctx := context.Background()
	pages := make([]*image.Gray, len(plan.sheets))
	for i, s := range plan.sheets {
		pages[i] = s.render(t)
	}
	data := join(pages)
	doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "day", Dossier: "ngay-06-12", Filename: name, Split: rules}, data, "")
	if err != nil {
		t.Fatal(err)
	}
	r.process(t, doc) // ingest, every page, and the stack's classify, which splits it
	// Each task as a worker would run it: the parts' classify, then every dossier's finalize.
	for _, step := range []struct {
		query string
		run   func(context.Context, *asynq.Task) error
		typ   string
	}{
		{`SELECT id FROM documents WHERE stack_id = $1`, r.stages.Classify, pipeline.TypeClassify},
		{`SELECT id FROM dossiers WHERE desk_code = 'D1' AND $1::uuid IS NOT NULL`, r.stages.Finalize, pipeline.TypeFinalize},
	} {
		rows, err := r.db.Pool.Query(ctx, step.query, doc)
		if err != nil {
			t.Fatal(err)
		}
		ids, err := collectIDs(rows)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if err := step.run(ctx, task(step.typ, id)); err != nil {
				t.Fatal(err)
			}
		}
	}
	// The split as recorded: documents in order of their first page.
	rows, err := r.db.Pool.Query(ctx, `SELECT CASE WHEN o.code = 'ngay-06-12' THEN '' ELSE o.code END, d.split_by,
			COALESCE(array_agg(p.index ORDER BY p.index) FILTER (WHERE NOT p.separator), '{}'),
			COALESCE(array_agg(p.index ORDER BY p.index) FILTER (WHERE p.separator), '{}'), d.doc_type, d.state,
			count(*) FILTER (WHERE p.state <> 'done')
		FROM documents d JOIN dossiers o ON o.id = d.dossier_id JOIN pages p ON p.document_id = d.id
		WHERE d.id = $1 OR d.stack_id = $1 GROUP BY d.id, o.code ORDER BY min(p.index)`, doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []part
	for rows.Next() {
		var p part
		var pages, seps []int32
		var state string
		var notDone int
		if err := rows.Scan(&p.Dossier, &p.By, &pages, &seps, &p.Type, &state, &notDone); err != nil {
			t.Fatal(err)
		}
		if state != "classified" || notDone != 0 {
			t.Errorf("document of %s at page %v: %s with %d pages not done", p.Dossier, pages, state, notDone)
		}
		for _, i := range pages {
			p.Pages = append(p.Pages, int(i))
		}
		for _, i := range seps {
			p.Separators = append(p.Separators, int(i))
		}
		got = append(got, p)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(plan.want)
	for i := range want {
		if want[i].Type == "" && i < len(got) {
			want[i].Type = got[i].Type // only the planned types are checked
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("split (-want +got):\n%s", diff)
	}
	// Figures: every coded dossier received and digitized; the upload's own dossier counts
	// only when pages stayed in it.
	wantDossiers := map[string]bool{}
	for _, p := range plan.want {
		wantDossiers[p.Dossier] = true
	}
	checkFigures(t, r, len(wantDossiers), len(wantDossiers))
	if !wantDossiers[""] {
		var state string
		if err := r.db.Pool.QueryRow(ctx, `SELECT state FROM dossiers WHERE code = 'ngay-06-12'`).Scan(&state); err != nil || state != "emptied" {
			t.Errorf("the upload's dossier, every page moved away: %q (%v), want emptied", state, err)
		}
	}
	// A second delivery of the stack's classify changes nothing.
	if err := r.stages.Classify(ctx, task(pipeline.TypeClassify, doc)); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := r.db.Pool.QueryRow(ctx, `SELECT count(*) FROM documents WHERE id = $1 OR stack_id = $1`, doc).Scan(&n); err != nil || n != len(plan.want) {
		t.Errorf("after a second classify: %d documents (%v), want %d", n, err, len(plan.want))
	}
	return r, doc
}

// checkFigures compares the desk's dossiers received and digitized, summed over its days.
func checkFigures(t *testing.T, r *rig, received, digitized int) {
	t.Helper()
	var gotR, gotD int
	if err := r.db.Pool.QueryRow(context.Background(), `SELECT COALESCE(sum(received), 0), COALESCE(sum(digitized), 0) FROM desk_daily WHERE desk_code = 'D1'`).
		Scan(&gotR, &gotD); err != nil {
		t.Fatal(err)
	}
	if gotR != received || gotD != digitized {
		t.Errorf("desk figures: %d received, %d digitized; want %d and %d", gotR, gotD, received, digitized)
	}
}

func collectIDs(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close()
}) ([]uuid.UUID, error) {
	defer rows.Close()
	var out []uuid.UUID
	for rows.Next() {
		var id uuid.UUID
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Every kind of mark is read on the page the prepare stage hands over, whichever way the page
// was straightened (by its text lines, or by OSD for a sheet of marks alone) and at several
// skews: the codes are read before straightening greys a 1D code's narrow bars.
func TestCodesOnPreparedPages(t *testing.T) {
	eng, err := ocr.New(ocr.Config{Slots: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(eng.Close)
	marks := []struct {
		kind string
		mark synth.Mark
		want string
	}{
		{"receipt:" + code(1), synth.Mark{Kind: "qr", Value: code(1), X: 165, Y: 10}, code(1)},
		{"receipt:" + code(2), synth.Mark{Kind: "code128", Value: code(2), X: 30, Y: 265}, code(2)},
		{"receipt:" + code(3), synth.Mark{Kind: "datamatrix", Value: code(3), X: 170, Y: 12}, code(3)},
		{"separator", synth.Mark{Kind: "patch", Value: synth.PatchT, X: 30, Y: 100, Size: 150}, "PATCHT"},
		{"separator", synth.Mark{Kind: "code39", Value: "PATCHT", X: 50, Y: 140}, "PATCHT"},
	}
	for _, m := range marks {
		for _, seed := range []uint64{70, 72, 73, 75} { // skews of -0.9°, -0.3°, 0° and 0.6°
			g := (sheet{kind: m.kind, marks: []synth.Mark{m.mark}, seed: seed}).render(t)
			pp, err := pipeline.PreparePage(context.Background(), eng, synth.TIFF([]*image.Gray{g}, stackDPI), 0, scan.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			pp.ReadCodes()
			if !slices.Contains(pp.Codes, m.want) {
				t.Errorf("%s on a %s page (seed %d, %s, skew %.2f°): read %v", m.mark.Kind, m.kind, seed, pp.OrientationBy, pp.SkewDegrees, pp.Codes)
			}
		}
	}
}
