package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/storage/postgres"
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

// Reports for any period, cut on month boundaries or not, at every level, equal a count made
// straight from the dossiers: whatever roll-ups a report reads, it reads them exactly.
func TestCoverageAnyPeriodExact(t *testing.T) {
	db, _ := testenv.Postgres(t)
	ctx := context.Background()
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	if err := db.Seed(ctx, 630, 30000, from, to, 0.42); err != nil {
		t.Fatal(err)
	}
	key := map[string]string{pipeline.LevelNational: "'VN'", pipeline.LevelProvince: "k.province_code",
		pipeline.LevelDistrict: "k.district_code", pipeline.LevelMinistry: "k.ministry_code", pipeline.LevelDesk: "k.code"}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	periods := [][2]time.Time{
		{day(2025, 1, 15), day(2025, 10, 15)}, // both edges mid-month
		{day(2025, 1, 1), day(2025, 11, 17)},  // 1 January to a day: the dashboard's default
		{day(2025, 3, 3), day(2025, 3, 29)},   // inside one month
		{day(2025, 2, 28), day(2025, 3, 2)},   // across a month's end
		{day(2025, 12, 31), day(2026, 2, 2)},  // across a year's end
		{day(2025, 6, 1), day(2025, 9, 1)},    // whole months
		{day(2025, 5, 9), day(2025, 5, 10)},   // one day
	}
	check := func(t *testing.T) {
		t.Helper()
		for _, p := range periods {
			checkPeriod(t, db, key, p)
		}
	}
	check(t)
	// A compared report's earlier figure is the report of the period compared with: a year
	// earlier, or the period just before.
	for _, p := range periods {
		for _, prevPeriod := range []bool{false, true} {
			q := pipeline.CoverageQuery{Level: pipeline.LevelProvince, From: p[0], To: p[1], Compare: true, PrevPeriod: prevPeriod}
			rows, err := db.Coverage(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			pq := pipeline.CoverageQuery{Level: pipeline.LevelProvince}
			pq.From, pq.To = q.Previous()
			prev, err := db.Coverage(ctx, pq)
			if err != nil {
				t.Fatal(err)
			}
			byCode := map[string]pipeline.CoverageRow{}
			for _, r := range prev {
				byCode[r.Code] = r
			}
			for _, r := range rows {
				b, ok := byCode[r.Code]
				if want := ok && b.Received > 0; (r.PrevPercentage != nil) != want || (want && *r.PrevPercentage != b.Percentage) {
					t.Errorf("%v compared (just before: %v), %s: earlier %v, report of %s to %s: %+v", p, prevPeriod, r.Code, r.PrevPercentage,
						pq.From.Format(time.DateOnly), pq.To.Format(time.DateOnly), b)
				}
			}
		}
	}
	// A desk moved to a district of another province takes its figures along.
	var desk string
	_ = db.Pool.QueryRow(ctx, `SELECT code FROM desks WHERE province_code = 'P01' AND code LIKE 'S%' ORDER BY code LIMIT 1`).Scan(&desk)
	if err := db.UpsertDesk(ctx, pipeline.Desk{Code: desk, Name: desk, Unit: "H4003", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	var moved string
	_ = db.Pool.QueryRow(ctx, `SELECT province_code FROM desks WHERE code = $1`, desk).Scan(&moved)
	if moved != "P40" {
		t.Fatalf("desk %s is in %q after the move", desk, moved)
	}
	check(t)
}

func checkPeriod(t *testing.T, db *postgres.DB, key map[string]string, p [2]time.Time) {
	t.Helper()
	ctx := context.Background()
	{
		for _, c := range []struct{ level, within string }{
			{pipeline.LevelNational, ""}, {pipeline.LevelProvince, ""}, {pipeline.LevelDistrict, ""},
			{pipeline.LevelMinistry, ""}, {pipeline.LevelDesk, "P01"}, {pipeline.LevelDistrict, "P40"},
		} {
			rows, err := db.Coverage(ctx, pipeline.CoverageQuery{Level: c.level, Within: c.within, From: p[0], To: p[1]})
			if err != nil {
				t.Fatal(err)
			}
			filter := "true"
			if c.within != "" {
				filter = "k.province_code = '" + c.within + "'"
			}
			want := map[string][5]int{}
			r, err := db.Pool.Query(ctx, `SELECT `+key[c.level]+`, count(*), count(*) FILTER (WHERE o.state = 'digitized'),
					count(*) FILTER (WHERE o.result_issued_on IS NOT NULL OR o.result_digitized), count(*) FILTER (WHERE o.result_digitized),
					count(DISTINCT o.desk_code) FILTER (WHERE o.state = 'digitized')
				FROM dossiers o JOIN desks k ON k.code = o.desk_code
				WHERE o.received_on >= $1 AND o.received_on < $2 AND `+filter+` GROUP BY 1`, p[0], p[1])
			if err != nil {
				t.Fatal(err)
			}
			for r.Next() {
				var code string
				var v [5]int
				if err := r.Scan(&code, &v[0], &v[1], &v[2], &v[3], &v[4]); err != nil {
					t.Fatal(err)
				}
				want[code] = v
			}
			r.Close()
			for _, row := range rows {
				got := [5]int{row.Received, row.Digitized, row.ResultsIssued, row.ResultsDigitized, row.DesksDigitizing}
				if got != want[row.Code] {
					t.Errorf("%s to %s, %s within %q, %s: got %v, counted %v", p[0].Format(time.DateOnly), p[1].Format(time.DateOnly),
						c.level, c.within, row.Code, got, want[row.Code])
				}
			}
		}
	}
}
