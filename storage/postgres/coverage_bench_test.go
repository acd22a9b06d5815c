package postgres_test

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/storage/postgres"
)

// benchDB is a database kept between runs (seeding ten million dossiers takes minutes):
// sohoa_bench on the test server, seeded once with 11,956 desks across the 63 provinces and
// the ministries and 10,000,000 dossiers received from January 2024 to October 2026.
func benchDB(b *testing.B) *postgres.DB {
	b.Helper()
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, testenv.DatabaseURL())
	if err != nil {
		testenv.Unavailable(b, "PostgreSQL", err)
	}
	defer admin.Close(ctx)
	var exists bool
	_ = admin.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'sohoa_bench')`).Scan(&exists)
	if !exists {
		if _, err := admin.Exec(ctx, `CREATE DATABASE sohoa_bench`); err != nil {
			b.Fatal(err)
		}
	}
	url := testenv.DatabaseURL()
	if i := len(url) - len("/sohoa?sslmode=disable"); url[i:] == "/sohoa?sslmode=disable" {
		url = url[:i] + "/sohoa_bench?sslmode=disable"
	}
	db, err := postgres.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	var n int
	_ = db.Pool.QueryRow(ctx, `SELECT count(*) FROM desks`).Scan(&n)
	if n == 0 {
		start := time.Now()
		desks, dossiers := 11956, 10_000_000
		if s := os.Getenv("SOHOA_BENCH_DOSSIERS"); s != "" {
			fmt.Sscan(s, &dossiers)
		}
		if err := db.Seed(ctx, desks, dossiers, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), 0.42); err != nil {
			b.Fatal(err)
		}
		b.Logf("seeded %d desks and %d dossiers in %v", desks, dossiers, time.Since(start).Round(time.Second))
	}
	return db
}

func p95(b *testing.B, run func()) {
	var ds []time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		run()
		ds = append(ds, time.Since(start))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	b.ReportMetric(float64(ds[len(ds)*95/100].Microseconds())/1000, "p95_ms")
	b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, "p50_ms")
}

// BenchmarkCoverage: reports for a nine-month period (January to September 2026) on the seeded
// country, compared with the same period of 2025, and how long a dossier's finish takes to
// reach its desk's figures.
//
//	go test -run '^$' -bench Coverage -benchtime 50x ./storage/postgres/   (make bench-coverage)
func BenchmarkCoverage(b *testing.B) {
	db := benchDB(b)
	defer db.Close()
	ctx := context.Background()
	from, to := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		q    pipeline.CoverageQuery
	}{
		{"national", pipeline.CoverageQuery{Level: pipeline.LevelNational, From: from, To: to, Compare: true}},
		{"provinces", pipeline.CoverageQuery{Level: pipeline.LevelProvince, From: from, To: to, Compare: true}},
		{"one-province-desks", pipeline.CoverageQuery{Level: pipeline.LevelDesk, Within: "P11", From: from, To: to, Compare: true}},
		{"one-district-desks", pipeline.CoverageQuery{Level: pipeline.LevelDesk, Within: "H1101", From: from, To: to}},
		{"national-unaligned", pipeline.CoverageQuery{Level: pipeline.LevelNational, From: from.AddDate(0, 0, 14), To: to.AddDate(0, 0, 14), Compare: true}},
		// The dashboard's default period: 1 January to tomorrow.
		{"national-year-to-date", pipeline.CoverageQuery{Level: pipeline.LevelNational, From: from, To: time.Date(2026, 10, 18, 0, 0, 0, 0, time.UTC), Compare: true}},
		{"provinces-unaligned", pipeline.CoverageQuery{Level: pipeline.LevelProvince, From: from.AddDate(0, 0, 14), To: to.AddDate(0, 0, 14), Compare: true}},
		{"one-province-districts-unaligned", pipeline.CoverageQuery{Level: pipeline.LevelDistrict, Within: "P11", From: from.AddDate(0, 0, 14), To: to.AddDate(0, 0, 14), Compare: true}},
		{"one-province-desks-unaligned", pipeline.CoverageQuery{Level: pipeline.LevelDesk, Within: "P11", From: from.AddDate(0, 0, 14), To: to.AddDate(0, 0, 14), Compare: true}},
		{"ministries-within-one-month", pipeline.CoverageQuery{Level: pipeline.LevelMinistry, From: time.Date(2026, 9, 3, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 9, 29, 0, 0, 0, 0, time.UTC), Compare: true}},
	} {
		b.Run(c.name, func(b *testing.B) {
			p95(b, func() {
				if _, err := db.Coverage(ctx, c.q); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
	var desk, id string
	_ = db.Pool.QueryRow(ctx, `SELECT code FROM desks WHERE code LIKE 'S%' ORDER BY code LIMIT 1 OFFSET 777`).Scan(&desk)
	b.Run("one-desk", func(b *testing.B) {
		q := pipeline.CoverageQuery{Level: pipeline.LevelDesk, Within: desk, From: from, To: to, Compare: true}
		p95(b, func() {
			if _, err := db.Coverage(ctx, q); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("finalize-to-figures", func(b *testing.B) {
		// A dossier of a seeded desk finishing: its day, its month and its desk recounted in the
		// finalize transaction, after which every report reads the new figures.
		_ = db.Pool.QueryRow(ctx, `SELECT id::text FROM dossiers WHERE desk_code = $1 LIMIT 1`, desk).Scan(&id)
		p95(b, func() {
			if err := db.FinalizeDossier(ctx, uuid.MustParse(id), "", nil); err != nil {
				b.Fatal(err)
			}
		})
	})
}
