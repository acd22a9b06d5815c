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
	// The same period a year earlier is read at the same time, on another connection.
	type result struct {
		rows []pipeline.CoverageRow
		err  error
	}
	prevc := make(chan result, 1)
	if q.Compare {
		go func() {
			rows, err := db.coverage(ctx, q.Level, q.Within, q.From.AddDate(-1, 0, 0), q.To.AddDate(-1, 0, 0))
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

func (db *DB) coverage(ctx context.Context, level, within string, from, to time.Time) ([]pipeline.CoverageRow, error) {
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
