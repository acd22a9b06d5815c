package postgres_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
)

// A thousand pages end at once, each delivery duplicated, in random order, on 16 connections:
// every desk's daily, monthly and all-time figures must equal a recount from the rows.
func TestFiguresExactUnderConcurrency(t *testing.T) {
	db, _ := testenv.Postgres(t)
	ctx := context.Background()
	desks := []string{"A", "B", "C", "D", "E"}
	for _, d := range desks {
		if err := db.UpsertDesk(ctx, pipeline.Desk{Code: d, Name: d, Unit: "P11", Kind: pipeline.Locality}); err != nil {
			t.Fatal(err)
		}
	}
	const n = 1000
	type item struct {
		page, doc, dossier uuid.UUID
		fail, result       bool
	}
	items := make([]item, n)
	var recs []pipeline.DossierRecord
	start := time.Date(2026, 3, 28, 0, 0, 0, 0, time.UTC) // spans a month boundary
	for i := range items {
		recs = append(recs, pipeline.DossierRecord{Desk: desks[i%len(desks)], Code: fmt.Sprintf("HS-%04d", i), ReceivedOn: start.AddDate(0, 0, i%9)})
	}
	if err := db.RegisterDossiers(ctx, recs); err != nil {
		t.Fatal(err)
	}
	for i := range items {
		r := recs[i]
		doc, _, err := db.RegisterUpload(ctx, pipeline.Upload{Desk: r.Desk, Batch: "b", Dossier: r.Code, Filename: "p.png", Key: fmt.Sprintf("incoming/%s/b/%s/p.png", r.Desk, r.Code)})
		if err != nil {
			t.Fatal(err)
		}
		pages, err := db.SplitDocument(ctx, doc, "", 1, "png", 1)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.PagePrepared(ctx, pages[0], pipeline.Prepared{}, pipeline.Artifact{Kind: "page_image", Key: "k", SHA256: "s", ContentType: "image/png"}); err != nil {
			t.Fatal(err)
		}
		d, _ := db.Document(ctx, doc)
		items[i] = item{page: pages[0], doc: doc, dossier: d.DossierID, fail: i%10 == 3, result: i%3 == 0}
	}
	// Every task twice, shuffled.
	order := make([]int, 0, 2*n)
	for i := 0; i < n; i++ {
		order = append(order, i, i)
	}
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
	work := make(chan int)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for w := 0; w < 16; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				it := items[i]
				var err error
				if it.fail {
					_, err = db.FailPage(ctx, it.page, "corrupt", "test")
				} else {
					_, err = db.PageRecognized(ctx, it.page, pipeline.Recognized{Text: "x"}, nil)
				}
				if err == nil {
					c := pipeline.Classification{Type: "to_khai_khai_sinh", Role: "input"}
					if it.result {
						c = pipeline.Classification{Type: "giay_khai_sinh", Role: "result"}
					}
					_, err = db.ClassifyDocument(ctx, it.doc, c)
				}
				if err == nil {
					err = db.FinalizeDossier(ctx, it.dossier, "", nil)
				}
				if err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, i := range order {
		work <- i
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errs:
		t.Fatal(err)
	default:
	}

	recount := func(query string) map[string][]int64 {
		rows, err := db.Pool.Query(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]int64{}
		for rows.Next() {
			var key string
			var a, b, c, d, e, f int64
			if err := rows.Scan(&key, &a, &b, &c, &d, &e, &f); err != nil {
				t.Fatal(err)
			}
			out[key] = []int64{a, b, c, d, e, f}
		}
		return out
	}
	facts := `SELECT o.desk_code || ' ' || %s, count(*), count(*) FILTER (WHERE o.state = 'digitized'),
			count(*) FILTER (WHERE o.result_issued_on IS NOT NULL OR o.result_digitized), count(*) FILTER (WHERE o.result_digitized),
			count(*) FILTER (WHERE p.state = 'done'), count(*) FILTER (WHERE p.state = 'failed')
		FROM dossiers o JOIN documents d ON d.dossier_id = o.id JOIN pages p ON p.document_id = d.id GROUP BY 1`
	daily := recount(`SELECT desk_code || ' ' || day, received, digitized, results_issued, results_digitized, pages_done, pages_failed FROM desk_daily`)
	if diff := cmp.Diff(recount(fmt.Sprintf(facts, "o.received_on")), daily); diff != "" {
		t.Errorf("desk_daily differs from a recount (-recount +kept):\n%s", diff)
	}
	monthly := recount(`SELECT desk_code || ' ' || month, received, digitized, results_issued, results_digitized, pages_done, pages_failed FROM desk_monthly`)
	if diff := cmp.Diff(recount(fmt.Sprintf(facts, "date_trunc('month', o.received_on)::date")), monthly); diff != "" {
		t.Errorf("desk_monthly differs from a recount (-recount +kept):\n%s", diff)
	}
	cells := recount(`SELECT province_code || '/' || district_code || '/' || ministry_code || ' ' || day, received, digitized,
		results_issued, results_digitized, pages_done, pages_failed FROM cell_daily`)
	cellFacts := recount(`SELECT k.province_code || '/' || k.district_code || '/' || k.ministry_code || ' ' || o.received_on, count(*),
			count(*) FILTER (WHERE o.state = 'digitized'), count(*) FILTER (WHERE o.result_issued_on IS NOT NULL OR o.result_digitized),
			count(*) FILTER (WHERE o.result_digitized), count(*) FILTER (WHERE p.state = 'done'), count(*) FILTER (WHERE p.state = 'failed')
		FROM dossiers o JOIN desks k ON k.code = o.desk_code JOIN documents d ON d.dossier_id = o.id JOIN pages p ON p.document_id = d.id GROUP BY 1`)
	if diff := cmp.Diff(cellFacts, cells); diff != "" {
		t.Errorf("cell_daily differs from a recount (-recount +kept):\n%s", diff)
	}
	var badBits int
	if err := db.Pool.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM desk_days b CROSS JOIN LATERAL generate_series(0, length(b.digitized) - 1) i
			  WHERE (get_bit(b.digitized, i) = 1) <> EXISTS (SELECT 1 FROM dossiers o
			        WHERE o.desk_code = b.desk_code AND o.received_on = b.first_day + i AND o.state = 'digitized'))
		  + (SELECT count(*) FROM (SELECT DISTINCT desk_code, received_on FROM dossiers WHERE state = 'digitized') o
			   LEFT JOIN desk_days b ON b.desk_code = o.desk_code
			  WHERE b.desk_code IS NULL OR o.received_on < b.first_day OR o.received_on >= b.first_day + length(b.digitized))`).Scan(&badBits); err != nil || badBits != 0 {
		t.Errorf("%d days of desk_days differ from the dossiers (%v)", badBits, err)
	}
	var digitized, failedPages int
	_ = db.Pool.QueryRow(ctx, `SELECT sum(dossiers_digitized), sum(pages_failed) FROM desk_figures`).Scan(&digitized, &failedPages)
	if digitized != 900 || failedPages != 100 {
		t.Errorf("desk figures: %d dossiers digitized, %d pages failed; want 900 and 100", digitized, failedPages)
	}
	rows, err := db.Coverage(ctx, pipeline.CoverageQuery{Level: pipeline.LevelProvince, From: start, To: start.AddDate(0, 1, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Code != "P11" || rows[0].Received != n || rows[0].Digitized != 900 || rows[0].Percentage != 90 {
		t.Errorf("province coverage: %+v", rows)
	}
}
