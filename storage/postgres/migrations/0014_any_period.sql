-- Reports for periods not cut on month boundaries (the dashboard's default, 1 January to
-- tomorrow, almost always is one) read every desk's edge days from desk_daily: about 300,000
-- rows nationally. These tables answer any period from a few thousand rows instead.
--
-- Coverage per cell (the desks sharing a province, district and ministry: about 650 cells
-- nationally) by day and by month: the sums of any period. Recomputed from desk_daily under
-- the cell's lock, never incremented.
CREATE TABLE cell_daily (
    day               date NOT NULL,
    province_code     text NOT NULL,
    district_code     text NOT NULL,
    ministry_code     text NOT NULL,
    received          int NOT NULL,
    digitized         int NOT NULL,
    results_issued    int NOT NULL,
    results_digitized int NOT NULL,
    pages_done        int NOT NULL,
    pages_failed      int NOT NULL,
    PRIMARY KEY (day, province_code, district_code, ministry_code)
);
CREATE TABLE cell_monthly (LIKE cell_daily);
ALTER TABLE cell_monthly RENAME COLUMN day TO month;
ALTER TABLE cell_monthly ADD PRIMARY KEY (month, province_code, district_code, ministry_code);

-- The days on which a desk digitized a dossier received that day, as one bit a day from
-- first_day: a desk is digitizing over a period when a bit of the period's days is set.
CREATE TABLE desk_days (
    desk_code text PRIMARY KEY REFERENCES desks(code),
    first_day date NOT NULL,
    digitized bit varying NOT NULL
);

INSERT INTO cell_daily
SELECT f.day, k.province_code, k.district_code, k.ministry_code, sum(f.received), sum(f.digitized), sum(f.results_issued),
       sum(f.results_digitized), sum(f.pages_done), sum(f.pages_failed)
  FROM desk_daily f JOIN desks k ON k.code = f.desk_code GROUP BY 1, 2, 3, 4;
INSERT INTO cell_monthly
SELECT date_trunc('month', day)::date, province_code, district_code, ministry_code, sum(received), sum(digitized),
       sum(results_issued), sum(results_digitized), sum(pages_done), sum(pages_failed)
  FROM cell_daily GROUP BY 1, 2, 3, 4;
INSERT INTO desk_days
SELECT r.desk_code, r.first, string_agg(CASE WHEN f.digitized > 0 THEN '1' ELSE '0' END, '' ORDER BY g.day)::varbit
  FROM (SELECT desk_code, min(day) AS first, max(day) AS last FROM desk_daily GROUP BY 1) r
  CROSS JOIN LATERAL generate_series(r.first, r.last, interval '1 day') g(day)
  LEFT JOIN desk_daily f ON f.desk_code = r.desk_code AND f.day = g.day::date
 GROUP BY r.desk_code, r.first;
