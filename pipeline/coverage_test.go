package pipeline

import (
	"testing"
	"time"
)

// The period a report is compared with: a year earlier, or just before (whole months by
// months, so a quarter against the quarter before; any other period by as many days).
func TestCoveragePrevious(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		from, to   time.Time
		prevPeriod bool
		want       [2]time.Time
	}{
		{day(2026, 10, 1), day(2026, 11, 1), false, [2]time.Time{day(2025, 10, 1), day(2025, 11, 1)}},
		{day(2026, 10, 1), day(2026, 11, 1), true, [2]time.Time{day(2026, 9, 1), day(2026, 10, 1)}},
		{day(2026, 3, 1), day(2026, 4, 1), true, [2]time.Time{day(2026, 2, 1), day(2026, 3, 1)}},
		{day(2026, 10, 1), day(2027, 1, 1), true, [2]time.Time{day(2026, 7, 1), day(2026, 10, 1)}},
		{day(2026, 1, 1), day(2027, 1, 1), true, [2]time.Time{day(2025, 1, 1), day(2026, 1, 1)}},
		{day(2026, 1, 1), day(2026, 12, 8), true, [2]time.Time{day(2025, 1, 25), day(2026, 1, 1)}},
		{day(2026, 3, 3), day(2026, 3, 13), true, [2]time.Time{day(2026, 2, 21), day(2026, 3, 3)}},
	} {
		q := CoverageQuery{From: c.from, To: c.to, Compare: true, PrevPeriod: c.prevPeriod}
		if from, to := q.Previous(); from != c.want[0] || to != c.want[1] {
			t.Errorf("%s to %s (just before: %v): %s to %s, want %s to %s", c.from.Format(time.DateOnly), c.to.Format(time.DateOnly), c.prevPeriod,
				from.Format(time.DateOnly), to.Format(time.DateOnly), c.want[0].Format(time.DateOnly), c.want[1].Format(time.DateOnly))
		}
	}
}
