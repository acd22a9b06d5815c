package postgres

import (
	"context"
	"fmt"
	"time"
)

// Seed fills an empty database with a synthetic country for reporting benchmarks and browser
// tests: 10 districts under each of the 63 provinces, `desks` desks (one in twenty under a
// ministry, the rest under a district), and `dossiers` dossiers received between from and to,
// each province digitizing at its own rate and improving over time. Coverage tables are built
// by the same recount the pipeline uses. Deterministic for a seed in [-1, 1].
func (db *DB) Seed(ctx context.Context, desks, dossiers int, from, to time.Time, seed float64) error {
	days := int(to.Sub(from).Hours() / 24)
	if days < 1 || desks < 1 {
		return fmt.Errorf("seed: empty period or no desks")
	}
	steps := []struct{ what, sql string }{
		{"seed", `SELECT setseed($1)`},
		{"districts", `INSERT INTO units (code, name, name_en, level, parent_code)
			SELECT 'H' || substr(p.code, 2) || lpad(g::text, 2, '0'), 'Huyện ' || g || ', ' || p.name, 'District ' || g || ', ' || p.name_en, 'district', p.code
			FROM units p, generate_series(1, 10) g WHERE p.level = 'province' ON CONFLICT DO NOTHING`},
		{"desks", `WITH d AS (SELECT code, parent_code, row_number() OVER (ORDER BY code) - 1 AS i FROM units WHERE level = 'district'),
			m AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i FROM units WHERE level = 'ministry'),
			nd AS (SELECT count(*) AS n FROM d), nm AS (SELECT count(*) AS n FROM m)
			INSERT INTO desks (code, name, kind, unit_code, province_code, district_code, ministry_code)
			SELECT 'S' || lpad(g::text, 6, '0'),
			       CASE WHEN g % 20 = 0 THEN 'Bộ phận một cửa ' || mm.code || ' số ' || g ELSE 'Bộ phận một cửa xã số ' || g END,
			       CASE WHEN g % 20 = 0 THEN 'ministry' ELSE 'locality' END,
			       CASE WHEN g % 20 = 0 THEN mm.code ELSE dd.code END,
			       CASE WHEN g % 20 = 0 THEN '' ELSE dd.parent_code END,
			       CASE WHEN g % 20 = 0 THEN '' ELSE dd.code END,
			       CASE WHEN g % 20 = 0 THEN mm.code ELSE '' END
			FROM generate_series(1, $1) g, nd, nm
			JOIN LATERAL (SELECT code, parent_code FROM d WHERE d.i = g % nd.n) dd ON true
			JOIN LATERAL (SELECT code FROM m WHERE m.i = g % nm.n) mm ON true`},
		{"dossiers", `WITH s AS (SELECT code, province_code, ministry_code, row_number() OVER (ORDER BY code) - 1 AS i,
				('x' || substr(md5(coalesce(nullif(province_code, ''), ministry_code)), 1, 6))::bit(24)::int % 1000 / 1000.0 AS skill
				FROM desks WHERE code LIKE 'S%'),
			n AS (SELECT count(*) AS n FROM s),
			g AS (SELECT g, ((g * 7919) % $2)::int AS di, $3::date + ((g * 104729) % $4)::int AS day, random() AS r1, random() AS r2, random() AS r3
				FROM generate_series(1::bigint, $1::bigint) g)
			INSERT INTO dossiers (desk_code, code, received_on, state, result_issued_on, result_digitized, ended_at)
			SELECT s.code, 'HS-' || g.g, g.day,
			       CASE WHEN g.r1 < 0.35 + 0.5 * s.skill + 0.1 * (g.day - $3::date) / $4 THEN 'digitized' ELSE 'incomplete' END,
			       CASE WHEN g.r2 < 0.8 THEN g.day + 5 END,
			       g.r2 < 0.8 AND g.r3 < 0.2 + 0.6 * s.skill,
			       g.day + 1
			FROM g JOIN s ON s.i = g.di % (SELECT n FROM n)`},
		{"daily", `INSERT INTO desk_daily (desk_code, day, received, digitized, results_issued, results_digitized, pages_done, pages_failed)
			SELECT desk_code, received_on, count(*), count(*) FILTER (WHERE state = 'digitized'),
			       count(*) FILTER (WHERE result_issued_on IS NOT NULL OR result_digitized), count(*) FILTER (WHERE result_digitized),
			       2 * count(*) FILTER (WHERE state = 'digitized'), count(*) FILTER (WHERE state <> 'digitized')
			FROM dossiers WHERE desk_code LIKE 'S%' GROUP BY 1, 2
			ON CONFLICT (desk_code, day) DO NOTHING`},
		{"monthly", `INSERT INTO desk_monthly (desk_code, month, received, digitized, results_issued, results_digitized, pages_done, pages_failed)
			SELECT desk_code, date_trunc('month', day)::date, sum(received), sum(digitized), sum(results_issued),
			       sum(results_digitized), sum(pages_done), sum(pages_failed)
			FROM desk_daily WHERE desk_code LIKE 'S%' GROUP BY 1, 2 ON CONFLICT (month, desk_code) DO NOTHING`},
		{"cells", `INSERT INTO cell_daily (day, province_code, district_code, ministry_code, received, digitized, results_issued,
				results_digitized, pages_done, pages_failed)
			SELECT f.day, k.province_code, k.district_code, k.ministry_code, sum(f.received), sum(f.digitized), sum(f.results_issued),
			       sum(f.results_digitized), sum(f.pages_done), sum(f.pages_failed)
			FROM desk_daily f JOIN desks k ON k.code = f.desk_code
			WHERE (k.province_code, k.district_code, k.ministry_code) IN (SELECT province_code, district_code, ministry_code FROM desks WHERE code LIKE 'S%')
			GROUP BY 1, 2, 3, 4
			ON CONFLICT (day, province_code, district_code, ministry_code) DO UPDATE SET received = EXCLUDED.received,
				digitized = EXCLUDED.digitized, results_issued = EXCLUDED.results_issued, results_digitized = EXCLUDED.results_digitized,
				pages_done = EXCLUDED.pages_done, pages_failed = EXCLUDED.pages_failed`},
		{"cells-monthly", `INSERT INTO cell_monthly (month, province_code, district_code, ministry_code, received, digitized, results_issued,
				results_digitized, pages_done, pages_failed)
			SELECT date_trunc('month', day)::date, province_code, district_code, ministry_code, sum(received), sum(digitized),
			       sum(results_issued), sum(results_digitized), sum(pages_done), sum(pages_failed)
			FROM cell_daily WHERE (province_code, district_code, ministry_code) IN (SELECT province_code, district_code, ministry_code FROM desks WHERE code LIKE 'S%')
			GROUP BY 1, 2, 3, 4
			ON CONFLICT (month, province_code, district_code, ministry_code) DO UPDATE SET received = EXCLUDED.received,
				digitized = EXCLUDED.digitized, results_issued = EXCLUDED.results_issued, results_digitized = EXCLUDED.results_digitized,
				pages_done = EXCLUDED.pages_done, pages_failed = EXCLUDED.pages_failed`},
		{"desk-days", `INSERT INTO desk_days
			SELECT r.desk_code, r.first, string_agg(CASE WHEN f.digitized > 0 THEN '1' ELSE '0' END, '' ORDER BY g.day)::varbit
			FROM (SELECT desk_code, min(day) AS first, max(day) AS last FROM desk_daily WHERE desk_code LIKE 'S%' GROUP BY 1) r
			CROSS JOIN LATERAL generate_series(r.first, r.last, interval '1 day') g(day)
			LEFT JOIN desk_daily f ON f.desk_code = r.desk_code AND f.day = g.day::date
			GROUP BY r.desk_code, r.first ON CONFLICT (desk_code) DO NOTHING`},
		{"analyze", `ANALYZE`},
	}
	args := map[string][]any{
		"seed": {seed}, "desks": {desks}, "dossiers": {dossiers, desks, from, days},
	}
	for _, s := range steps {
		if _, err := db.Pool.Exec(ctx, s.sql, args[s.what]...); err != nil {
			return fmt.Errorf("seed %s: %w", s.what, err)
		}
	}
	return nil
}
