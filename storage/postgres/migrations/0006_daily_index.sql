-- Reports read the days at the edges of a period across every desk: by day, not by desk.
CREATE INDEX desk_daily_day ON desk_daily (day);
-- And a desk's or a district's months, by desk.
CREATE INDEX desk_monthly_desk ON desk_monthly (desk_code, month);
