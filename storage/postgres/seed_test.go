package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
)

// The seeding tool builds a consistent country: every province and ministry has desks, and the
// roll-ups add up to the national figure.
func TestSeed(t *testing.T) {
	db, _ := testenv.Postgres(t)
	ctx := context.Background()
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := db.Seed(ctx, 630, 20000, from, to, 0.42); err != nil {
		t.Fatal(err)
	}
	q := pipeline.CoverageQuery{From: from, To: to}
	sum := func(level string) (n, digitized, desks int) {
		q.Level = level
		rows, err := db.Coverage(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			n, digitized, desks = n+r.Received, digitized+r.Digitized, desks+r.Desks
		}
		return
	}
	nn, nd, ndesks := sum(pipeline.LevelNational)
	pn, pd, pdesks := sum(pipeline.LevelProvince)
	mn, md, mdesks := sum(pipeline.LevelMinistry)
	if nn != 20000 || ndesks != 630 || pn+mn != nn || pd+md != nd || pdesks+mdesks != ndesks {
		t.Errorf("national %d/%d on %d desks; provinces %d/%d on %d; ministries %d/%d on %d", nd, nn, ndesks, pd, pn, pdesks, md, mn, mdesks)
	}
	q.Level = pipeline.LevelProvince
	rows, _ := db.Coverage(ctx, q)
	if len(rows) != 63 || rows[0].Rank != 1 || rows[0].Percentage < rows[62].Percentage {
		t.Errorf("%d provinces ranked; first %+v", len(rows), rows[0])
	}
}
