package postgres

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/sohoa/sohoa/pipeline"
)

// levelKey is the desks column a level groups by.
var levelKey = map[string]string{
	pipeline.LevelDesk:     "d.code",
	pipeline.LevelDistrict: "d.district_code",
	pipeline.LevelProvince: "d.province_code",
	pipeline.LevelMinistry: "d.ministry_code",
	pipeline.LevelNational: "'VN'",
}

func monthStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// split cuts [from, to) into whole months, read from desk_monthly, and the days before and
// after them, read from desk_daily.
func split(from, to time.Time) (mFrom, mTo time.Time, days [2][2]time.Time) {
	mFrom = monthStart(from)
	if !mFrom.Equal(from) {
		mFrom = mFrom.AddDate(0, 1, 0)
	}
	mTo = monthStart(to)
	if !mFrom.Before(mTo) { // no whole month inside: all days
		return mFrom, mFrom, [2][2]time.Time{{from, to}, {to, to}}
	}
	return mFrom, mTo, [2][2]time.Time{{from, mFrom}, {mTo, to}}
}

// Coverage computes the figures of every unit of the query's level over its period, ranked,
// optionally against the same period a year earlier.
func (db *DB) Coverage(ctx context.Context, q pipeline.CoverageQuery) ([]pipeline.CoverageRow, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	if q.Within != "" {
		// A unit nobody registered would report zeros as if it existed (within=P999 did).
		var known bool
		if err := db.Pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM units WHERE code = $1)`, q.Within).Scan(&known); err != nil {
			return nil, err
		}
		if !known {
			return nil, fmt.Errorf("within=%s: no such unit in the administrative tree: %w", q.Within, pipeline.ErrNotFound)
		}
	}
	// The period compared with (a year earlier, or just before) is read at the same time, on
	// another connection.
	type result struct {
		rows []pipeline.CoverageRow
		err  error
	}
	prevc := make(chan result, 1)
	if q.Compare {
		go func() {
			from, to := q.Previous()
			rows, err := db.coverage(ctx, q.Level, q.Within, from, to)
			prevc <- result{rows, err}
		}()
	}
	rows, err := db.coverage(ctx, q.Level, q.Within, q.From, q.To)
	if err != nil {
		if q.Compare {
			<-prevc
		}
		return nil, err
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Percentage != rows[j].Percentage {
			return rows[i].Percentage > rows[j].Percentage
		}
		return rows[i].Code < rows[j].Code
	})
	for i := range rows {
		rows[i].Rank = i + 1
		if i > 0 && rows[i].Percentage == rows[i-1].Percentage {
			rows[i].Rank = rows[i-1].Rank
		}
	}
	if q.Compare {
		res := <-prevc
		prev, err := res.rows, res.err
		if err != nil {
			return nil, err
		}
		byCode := map[string]pipeline.CoverageRow{}
		for _, p := range prev {
			byCode[p.Code] = p
		}
		for i := range rows {
			p, ok := byCode[rows[i].Code]
			if !ok || p.Received == 0 {
				continue
			}
			pp, rp := p.Percentage, p.ResultsPercentage
			ch := round2(rows[i].Percentage - pp)
			rch := round2(rows[i].ResultsPercentage - rp)
			rows[i].PrevPercentage, rows[i].ChangePoints = &pp, &ch
			rows[i].PrevResultsPercentage, rows[i].ResultsChangePoints = &rp, &rch
		}
	}
	return rows, nil
}

func round2(f float64) float64 {
	if f < 0 {
		return -float64(int64(-f*100+0.5)) / 100
	}
	return float64(int64(f*100+0.5)) / 100
}

// cellKey is the cell_daily column a level groups by.
var cellKey = map[string]string{
	pipeline.LevelDistrict: "c.district_code",
	pipeline.LevelProvince: "c.province_code",
	pipeline.LevelMinistry: "c.ministry_code",
	pipeline.LevelNational: "'VN'",
}

func (db *DB) coverage(ctx context.Context, level, within string, from, to time.Time) ([]pipeline.CoverageRow, error) {
	if level != pipeline.LevelDesk {
		byCells := within == ""
		if !byCells {
			var unitLevel string
			_ = db.Pool.QueryRow(ctx, `SELECT level FROM units WHERE code = $1`, within).Scan(&unitLevel)
			byCells = unitLevel == "province" || unitLevel == "district" || unitLevel == "ministry"
		}
		if byCells {
			return db.coverageByCells(ctx, level, within, from, to)
		}
	}
	return db.coverageByDesks(ctx, level, within, from, to)
}

// coverageByCells sums whole months from cell_monthly and the edge days from cell_daily, and
// counts the desks digitizing from each desk's row of desk_days: for a national report of nine
// months cut mid-month, about 6,000 and 20,000 cell rows and 11,956 desk rows, instead of every
// desk's months and edge days. Provinces, districts and ministries are made of whole cells.
func (db *DB) coverageByCells(ctx context.Context, level, within string, from, to time.Time) ([]pipeline.CoverageRow, error) {
	key, ckey := levelKey[level], cellKey[level]
	mFrom, mTo, days := split(from, to)
	args := []any{from, to, mFrom, mTo}
	filter, cfilter := "true", "true"
	if within != "" {
		args = append(args, within)
		filter = `(d.province_code = $5 OR d.district_code = $5 OR d.ministry_code = $5)`
		cfilter = `(c.province_code = $5 OR c.district_code = $5 OR c.ministry_code = $5)`
	}
	if level != pipeline.LevelNational {
		filter += " AND " + key + " <> ''"
		cfilter += " AND " + ckey + " <> ''"
	}
	edges := []string{"false"}
	for _, d := range days {
		if d[0].Before(d[1]) {
			args = append(args, d[0], d[1])
			edges = append(edges, fmt.Sprintf("(c.day >= $%d AND c.day < $%d)", len(args)-1, len(args)))
		}
	}
	sql := fmt.Sprintf(`WITH sums AS (
			SELECT %[3]s AS key, sum(c.received) AS received, sum(c.digitized) AS digitized, sum(c.results_issued) AS results_issued,
			       sum(c.results_digitized) AS results_digitized, sum(c.pages_done) AS pages_done, sum(c.pages_failed) AS pages_failed
			  FROM cell_monthly c WHERE c.month >= $3 AND c.month < $4 AND %[4]s GROUP BY 1
			UNION ALL
			SELECT %[3]s, sum(c.received), sum(c.digitized), sum(c.results_issued), sum(c.results_digitized), sum(c.pages_done), sum(c.pages_failed)
			  FROM cell_daily c WHERE (%[5]s) AND %[4]s GROUP BY 1),
		figures AS (
			SELECT key, sum(received) AS received, sum(digitized) AS digitized, sum(results_issued) AS results_issued,
			       sum(results_digitized) AS results_digitized, sum(pages_done) AS pages_done, sum(pages_failed) AS pages_failed
			  FROM sums GROUP BY key),
		-- The period's bits of each desk's string, clipped to it: lo and hi count from first_day.
		clipped AS (
			SELECT d.*, GREATEST($1::date - b.first_day, 0) AS lo, LEAST($2::date - b.first_day, length(b.digitized)) AS hi, b.digitized
			  FROM desks d JOIN desk_days b ON b.desk_code = d.code WHERE %[2]s),
		digitizing AS (
			SELECT %[1]s AS key, count(*) AS desks FROM clipped d
			 WHERE d.lo < d.hi AND position(B'1' IN substring(d.digitized FROM d.lo + 1 FOR d.hi - d.lo)) > 0 GROUP BY 1),
		all_desks AS (SELECT %[1]s AS key, count(*) AS desks, min(d.name) AS desk_name FROM desks d WHERE %[2]s GROUP BY 1)
		SELECT a.key, COALESCE(u.name, a.desk_name, a.key), COALESCE(u.name_en, ''),
		       COALESCE(f.received, 0), COALESCE(f.digitized, 0), COALESCE(f.results_issued, 0), COALESCE(f.results_digitized, 0),
		       COALESCE(f.pages_done, 0), COALESCE(f.pages_failed, 0), a.desks, COALESCE(g.desks, 0)
		  FROM all_desks a LEFT JOIN figures f ON f.key = a.key LEFT JOIN digitizing g ON g.key = a.key LEFT JOIN units u ON u.code = a.key`,
		key, filter, ckey, cfilter, strings.Join(edges, " OR "))
	return db.coverageRows(ctx, sql, args)
}

func (db *DB) coverageByDesks(ctx context.Context, level, within string, from, to time.Time) ([]pipeline.CoverageRow, error) {
	key := levelKey[level]
	mFrom, mTo, days := split(from, to)
	// The filter is written out only when there is one: "$1 = '' OR ..." would leave the
	// planner a generic plan that reads every desk's months for a one-desk report.
	args := []any{mFrom, mTo}
	filter := "true"
	if within != "" {
		args = append(args, within)
		filter = `(d.province_code = $3 OR d.district_code = $3 OR d.ministry_code = $3 OR d.unit_code = $3 OR d.code = $3)`
	}
	if level != pipeline.LevelDesk && level != pipeline.LevelNational {
		filter += " AND " + key + " <> ''"
	}
	// Whole months from desk_monthly, edge days from desk_daily; empty edges are left out so
	// that the planner never scans the daily table for nothing.
	// Within a unit (or one desk), only its desks' rows are read.
	scope := ""
	if within != "" {
		scope = ` AND desk_code IN (SELECT d.code FROM desks d WHERE ` + filter + `)`
	}
	parts := []string{`SELECT desk_code, received, digitized, results_issued, results_digitized, pages_done, pages_failed
			  FROM desk_monthly WHERE month >= $1 AND month < $2` + scope}
	for _, d := range days {
		if d[0].Before(d[1]) {
			args = append(args, d[0], d[1])
			parts = append(parts, fmt.Sprintf(`SELECT desk_code, received, digitized, results_issued, results_digitized, pages_done, pages_failed
			  FROM desk_daily WHERE day >= $%d AND day < $%d`+scope, len(args)-1, len(args)))
		}
	}
	sql := fmt.Sprintf(`WITH f AS (%[3]s),
		per_desk AS (
			SELECT desk_code, sum(received) AS received, sum(digitized) AS digitized, sum(results_issued) AS results_issued,
			       sum(results_digitized) AS results_digitized, sum(pages_done) AS pages_done, sum(pages_failed) AS pages_failed
			  FROM f GROUP BY desk_code),
		figures AS (
			SELECT %[1]s AS key, sum(p.received) AS received, sum(p.digitized) AS digitized, sum(p.results_issued) AS results_issued,
			       sum(p.results_digitized) AS results_digitized, sum(p.pages_done) AS pages_done, sum(p.pages_failed) AS pages_failed,
			       count(*) FILTER (WHERE p.digitized > 0) AS digitizing
			  FROM per_desk p JOIN desks d ON d.code = p.desk_code WHERE %[2]s GROUP BY 1),
		all_desks AS (SELECT %[1]s AS key, count(*) AS desks, min(d.name) AS desk_name FROM desks d WHERE %[2]s GROUP BY 1)
		SELECT a.key, COALESCE(u.name, a.desk_name, a.key), COALESCE(u.name_en, ''),
		       COALESCE(f.received, 0), COALESCE(f.digitized, 0), COALESCE(f.results_issued, 0), COALESCE(f.results_digitized, 0),
		       COALESCE(f.pages_done, 0), COALESCE(f.pages_failed, 0), a.desks, COALESCE(f.digitizing, 0)
		  FROM all_desks a LEFT JOIN figures f ON f.key = a.key LEFT JOIN units u ON u.code = a.key`, key, filter,
		strings.Join(parts, " UNION ALL "))
	return db.coverageRows(ctx, sql, args)
}

func (db *DB) coverageRows(ctx context.Context, sql string, args []any) ([]pipeline.CoverageRow, error) {
	// An unnamed statement each time: PostgreSQL plans it for these very dates and unit (a
	// cached generic plan read every desk's months for a one-desk report).
	rows, err := db.Pool.Query(ctx, sql, append([]any{pgx.QueryExecModeExec}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("coverage: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.CoverageRow, error) {
		var c pipeline.CoverageRow
		err := r.Scan(&c.Code, &c.Name, &c.NameEN, &c.Received, &c.Digitized, &c.ResultsIssued, &c.ResultsDigitized,
			&c.PagesDone, &c.PagesFailed, &c.Desks, &c.DesksDigitizing)
		c.Percentage = pipeline.Pct(c.Digitized, c.Received)
		c.ResultsPercentage = pipeline.Pct(c.ResultsDigitized, c.ResultsIssued)
		c.DesksPercentage = pipeline.Pct(c.DesksDigitizing, c.Desks)
		return c, err
	})
}

// Trend returns the national (or within-unit) dossier digitization percentage per month over
// [from, to).
func (db *DB) Trend(ctx context.Context, within string, from, to time.Time) ([]pipeline.CoverageRow, error) {
	rows, err := db.Pool.Query(ctx, `SELECT to_char(m.month, 'YYYY-MM'), sum(m.received), sum(m.digitized), sum(m.results_issued), sum(m.results_digitized)
		FROM desk_monthly m JOIN desks d ON d.code = m.desk_code
		WHERE m.month >= $2 AND m.month < $3
		  AND ($1 = '' OR d.province_code = $1 OR d.district_code = $1 OR d.ministry_code = $1 OR d.unit_code = $1)
		GROUP BY m.month ORDER BY m.month`, within, monthStart(from), to)
	if err != nil {
		return nil, fmt.Errorf("trend: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.CoverageRow, error) {
		var c pipeline.CoverageRow
		err := r.Scan(&c.Code, &c.Received, &c.Digitized, &c.ResultsIssued, &c.ResultsDigitized)
		c.Name = c.Code
		c.Percentage = pipeline.Pct(c.Digitized, c.Received)
		c.ResultsPercentage = pipeline.Pct(c.ResultsDigitized, c.ResultsIssued)
		return c, err
	})
}
