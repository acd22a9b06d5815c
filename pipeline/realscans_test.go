package pipeline_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

const realscans = "../../shared/realscans"

type pageRow struct {
	index   int
	state   string
	class   string
	rotated int
	skew    float64
	text    string
	image   string
}

// process runs a document's stages in order, as the worker would.
func (r *rig) process(t *testing.T, doc uuid.UUID) []pageRow {
	t.Helper()
	ctx := context.Background()
	_ = r.stages.Ingest(ctx, task(pipeline.TypeIngest, doc)) // a refused file errors here, and is recorded
	pages, err := r.db.SplitDocument(ctx, doc, "", 0, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		_ = r.stages.Prepare(ctx, task(pipeline.TypePrepare, p))
		_ = r.stages.OCR(ctx, task(pipeline.TypeOCR, p))
	}
	if err := r.stages.Classify(ctx, task(pipeline.TypeClassify, doc)); err != nil {
		t.Fatalf("classify: %v", err)
	}
	rows, err := r.db.Pool.Query(ctx, `SELECT p.index, p.state, p.error_class, p.rotated, p.skew_degrees, p.text,
			COALESCE((SELECT object_key FROM artifacts a WHERE a.page_id = p.id AND a.kind = 'page_image'), '')
		FROM pages p WHERE p.document_id = $1 ORDER BY p.index`, doc)
	if err != nil {
		t.Fatal(err)
	}
	var out []pageRow
	for rows.Next() {
		var p pageRow
		if err := rows.Scan(&p.index, &p.state, &p.class, &p.rotated, &p.skew, &p.text, &p.image); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// Real third-party scans through the stages: every page its own row, upright, straight and
// readable; hostile and broken files refused with a class, in seconds, and the pages around
// them go on.
func TestRealScans(t *testing.T) {
	if _, err := os.Stat(realscans); err != nil {
		testenv.Unavailable(t, "the team's real scans at "+realscans, err)
	}
	testenv.Short(t, "OCR of about 20 real pages")
	r := newRig(t)
	ctx := context.Background()
	linn := []string{"LinnSequencer", "Sequencer"}
	type realCase struct {
		file   string
		pages  int
		words  []string // any of them must be read on every good page
		failed map[int]string
	}
	cases := []realCase{
		{"skew.pdf", 1, linn, nil},
		{"rotated_skew.pdf", 1, linn, nil},
		{"cardinal.pdf", 4, linn, nil},
		{"ccitt.pdf", 1, linn, nil},
		{"jbig2.pdf", 1, linn, nil},
		{"linn.png", 1, linn, nil},
		{"2400dpi.pdf", 1, []string{"linzen", "melk"}, nil},
		{"multipage.pdf", 6, nil, map[int]string{1: "too_large"}},
		{"baiona.png", 1, nil, nil},
		{"baiona_gray.png", 1, nil, nil},
		{"baiona_alpha.png", 1, nil, nil},
		{"baiona_colormapped.png", 1, nil, nil},
		{"baiona_cmyk.jpg", 1, nil, nil},
		{"hugemono.pdf", 1, nil, map[int]string{0: "too_large"}},
		{"enormous.pdf", 1, nil, map[int]string{0: "too_large"}},
		{"invalid.pdf", 1, nil, map[int]string{0: "corrupt"}},
		{"c02-22.pdf", 1, []string{"tip-toeing", "trees"}, nil},
		{"francais.pdf", 1, []string{"whisky", "juge"}, nil},
		{"crom.png", 1, []string{"cromulent"}, nil},
		{"typewriter.png", 1, []string{"linzen", "melk"}, nil},
		{"phototest.tif", 1, []string{"quick", "brown"}, nil},
		{"phototest-rotated-180.png", 1, []string{"quick", "brown"}, nil},
		{"phototest-rotated-L.png", 1, []string{"quick", "brown"}, nil},
		{"phototest-rotated-R.png", 1, []string{"quick", "brown"}, nil},
		{"eurotext.tif", 1, []string{"quick", "Fuchs"}, nil},
		{"viet.tif", 1, []string{"tiếng"}, nil}, // one word, nothing else
	}
	// Every scan of the shared folder has its case: a new file there must be looked at.
	entries, _ := os.ReadDir(realscans)
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); e.IsDir() || ext == ".md" || ext == ".txt" {
			continue
		}
		if !slices.ContainsFunc(cases, func(c realCase) bool { return c.file == e.Name() }) {
			t.Errorf("%s in %s has no case here", e.Name(), realscans)
		}
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(realscans, c.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "real", Dossier: "R-" + strings.TrimSuffix(c.file, filepath.Ext(c.file)), Filename: c.file}, data, "application/octet-stream")
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			pages := r.process(t, doc)
			t.Logf("%s: %d pages in %v", c.file, len(pages), time.Since(start).Round(time.Millisecond))
			if len(pages) != c.pages {
				t.Fatalf("%d page rows, want %d", len(pages), c.pages)
			}
			var rotations []int
			for _, p := range pages {
				if want, bad := c.failed[p.index]; bad {
					if p.state != pipeline.PageFailed || p.class != want {
						t.Errorf("page %d: %s %q, want failed %q", p.index, p.state, p.class, want)
					}
					continue
				}
				if p.state != pipeline.PageDone {
					t.Errorf("page %d: %s (%s), want done", p.index, p.state, p.class)
					continue
				}
				rotations = append(rotations, p.rotated)
				if len(c.words) > 0 && !slices.ContainsFunc(c.words, func(w string) bool { return strings.Contains(p.text, w) }) {
					t.Errorf("page %d: none of %q read; text:\n%.400s", p.index, c.words, p.text)
				}
				if len(strings.Fields(p.text)) < 5 && c.file != "viet.tif" {
					t.Errorf("page %d: only %q read", p.index, p.text)
				}
				if len(c.words) > 0 { // text pages: the stored clean image must be straight
					img, err := r.stages.Objects.Get(ctx, p.image, 0)
					if err != nil {
						t.Fatal(err)
					}
					g, _, err := scan.Decode(ctx, img, 0, scan.DefaultLimits)
					if err != nil {
						t.Fatal(err)
					}
					if s := scan.DetectSkew(g); math.Abs(s.Degrees) > 0.3 {
						t.Errorf("page %d: %.2f° of skew left after preparation", p.index, s.Degrees)
					}
				}
			}
			if c.file == "cardinal.pdf" {
				// The document's searchable PDF: four upright pages whose text reads back.
				var key string
				if err := r.db.Pool.QueryRow(ctx, `SELECT object_key FROM artifacts WHERE document_id = $1 AND page_id IS NULL AND kind = 'pdf'`, doc).Scan(&key); err != nil {
					t.Fatalf("no document PDF: %v", err)
				}
				b, err := r.stages.Objects.Get(ctx, key, 0)
				if err != nil {
					t.Fatal(err)
				}
				testenv.CheckPDF(t, b, "LinnSequencer", 4)
				slices.Sort(rotations)
				if !slices.Equal(rotations, []int{0, 90, 180, 270}) {
					t.Errorf("cardinal pages turned %v, want one of each quarter turn", rotations)
				}
			}
		})
	}
}
