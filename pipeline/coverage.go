package pipeline

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Levels a coverage report rolls desks up to.
const (
	LevelDesk     = "desk"
	LevelDistrict = "district"
	LevelProvince = "province"
	LevelMinistry = "ministry"
	LevelNational = "national"
)

// CoverageQuery asks for figures over [From, To) at one level, optionally within one unit
// (Within: a province, district or ministry code, for drill-down).
type CoverageQuery struct {
	Level   string
	From    time.Time
	To      time.Time
	Within  string
	Compare bool // add the same period a year earlier
	// PrevPeriod makes Compare use the period just before instead: the months before a period
	// of whole months (a quarter to the quarter before), else as many days before.
	PrevPeriod bool
}

// Previous is the period a compared report is compared with.
func (q CoverageQuery) Previous() (from, to time.Time) {
	if !q.PrevPeriod {
		return q.From.AddDate(-1, 0, 0), q.To.AddDate(-1, 0, 0)
	}
	if q.From.Day() == 1 && q.To.Day() == 1 {
		months := (q.To.Year()-q.From.Year())*12 + int(q.To.Month()-q.From.Month())
		return q.From.AddDate(0, -months, 0), q.From
	}
	return q.From.Add(-q.To.Sub(q.From)), q.From
}

// Check validates the query.
func (q CoverageQuery) Check() error {
	switch q.Level {
	case LevelDesk, LevelDistrict, LevelProvince, LevelMinistry, LevelNational:
	default:
		return &Failure{Class: "bad_query", Err: fmt.Errorf("level %q: want desk, district, province, ministry or national", q.Level)}
	}
	if len(q.Within) > 64 || strings.IndexFunc(q.Within, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) }) >= 0 {
		return &Failure{Class: "bad_query", Err: fmt.Errorf("within: want a unit code (up to 64 characters, no spaces or control characters)")}
	}
	if !q.From.Before(q.To) {
		return &Failure{Class: "bad_query", Err: fmt.Errorf("period from %s to %s is empty", q.From.Format(time.DateOnly), q.To.Format(time.DateOnly))}
	}
	return nil
}

// CoverageRow is one unit's figures for a period. Percentages are exact to two decimals.
type CoverageRow struct {
	Code              string  `json:"code"`
	Name              string  `json:"name"`
	NameEN            string  `json:"name_en,omitempty"`
	Received          int     `json:"dossiers_received"`
	Digitized         int     `json:"dossiers_digitized"`
	Percentage        float64 `json:"dossiers_digitized_pct"`
	ResultsIssued     int     `json:"results_issued"`
	ResultsDigitized  int     `json:"results_digitized"`
	ResultsPercentage float64 `json:"results_digitized_pct"`
	PagesDone         int     `json:"pages_done"`
	PagesFailed       int     `json:"pages_failed"`
	Desks             int     `json:"desks"`
	DesksDigitizing   int     `json:"desks_digitizing"`
	DesksPercentage   float64 `json:"desks_digitizing_pct"`
	Rank              int     `json:"rank"` // by dossiers_digitized_pct among the rows of the report
	// The same period a year earlier, and the change in percentage points, when compared.
	PrevPercentage        *float64 `json:"prev_dossiers_digitized_pct,omitempty"`
	ChangePoints          *float64 `json:"change_points,omitempty"`
	PrevResultsPercentage *float64 `json:"prev_results_digitized_pct,omitempty"`
	ResultsChangePoints   *float64 `json:"results_change_points,omitempty"`
}

// Pct is 100·n/d rounded to two decimals, 0 for an empty d.
func Pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(int64(10000*float64(n)/float64(d)+0.5)) / 100
}
