// Package report renders coverage figures the ways reporting staff read them: CSV, a text table
// for the terminal, and the query parameters the API, the CLI and the dashboard share, so all
// of them show the same numbers.
package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/sohoa/sohoa/pipeline"
)

// ParseQuery reads level, from, to (YYYY-MM-DD, to exclusive), within and compare (prev_year,
// or prev_period: the period just before).
// The default period is the current year up to today, inclusive.
func ParseQuery(v url.Values, now time.Time) (pipeline.CoverageQuery, error) {
	q := pipeline.CoverageQuery{Level: v.Get("level"), Within: v.Get("within"), Compare: v.Get("compare") != "", PrevPeriod: v.Get("compare") == "prev_period"}
	if q.Level == "" {
		q.Level = pipeline.LevelDesk
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	q.From = time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	q.To = today.AddDate(0, 0, 1)
	if err := ParseDays(v, &q.From, &q.To); err != nil {
		return q, err
	}
	if c := v.Get("compare"); c != "" && c != "prev_year" && c != "prev_period" {
		return q, &pipeline.Failure{Class: "bad_query", Err: fmt.Errorf("compare=%q: want prev_year or prev_period", c)}
	}
	return q, q.Check()
}

// ParseDays reads from and to (YYYY-MM-DD) into from and to where the query has them, and
// leaves the others as they are.
func ParseDays(v url.Values, from, to *time.Time) error {
	for _, p := range []struct {
		name string
		dst  *time.Time
	}{{"from", from}, {"to", to}} {
		if s := v.Get(p.name); s != "" {
			t, err := time.Parse(time.DateOnly, s)
			if err != nil {
				return &pipeline.Failure{Class: "bad_query", Err: fmt.Errorf("%s=%q: want YYYY-MM-DD", p.name, s)}
			}
			*p.dst = t
		}
	}
	return nil
}

var header = []string{"code", "name", "dossiers_received", "dossiers_digitized", "dossiers_digitized_pct",
	"results_issued", "results_digitized", "results_digitized_pct", "pages_done", "pages_failed",
	"desks", "desks_digitizing", "desks_digitizing_pct", "rank", "prev_dossiers_digitized_pct", "change_points"}

func pct(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

func opt(f *float64) string {
	if f == nil {
		return ""
	}
	return pct(*f)
}

// headerVI is header as a Vietnamese spreadsheet user reads it.
var headerVI = []string{"Mã", "Tên", "Hồ sơ tiếp nhận", "Hồ sơ đã số hóa", "Tỷ lệ số hóa hồ sơ (%)",
	"Kết quả đã cấp", "Kết quả đã số hóa", "Tỷ lệ kết quả điện tử (%)", "Trang đã đọc", "Trang lỗi",
	"Bộ phận một cửa", "Bộ phận có số hóa", "Tỷ lệ bộ phận số hóa (%)", "Xếp hạng", "Tỷ lệ số hóa cùng kỳ năm trước (%)", "Thay đổi (điểm %)"}

// CSV writes rows with a header line of field names, for scripts.
func CSV(w io.Writer, rows []pipeline.CoverageRow) error { return writeCSV(w, header, rows) }

// SpreadsheetCSV writes rows for a spreadsheet: a UTF-8 byte order mark (without it Excel reads
// "Phú Thọ" as Latin-1) and the header in lang ("vi", else English field names).
func SpreadsheetCSV(w io.Writer, rows []pipeline.CoverageRow, lang string) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	h := header
	if lang == "vi" {
		h = headerVI
	}
	return writeCSV(w, h, rows)
}

func writeCSV(w io.Writer, head []string, rows []pipeline.CoverageRow) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(head)
	for _, r := range rows {
		_ = cw.Write([]string{r.Code, r.Name, strconv.Itoa(r.Received), strconv.Itoa(r.Digitized), pct(r.Percentage),
			strconv.Itoa(r.ResultsIssued), strconv.Itoa(r.ResultsDigitized), pct(r.ResultsPercentage),
			strconv.Itoa(r.PagesDone), strconv.Itoa(r.PagesFailed), strconv.Itoa(r.Desks), strconv.Itoa(r.DesksDigitizing),
			pct(r.DesksPercentage), strconv.Itoa(r.Rank), opt(r.PrevPercentage), opt(r.ChangePoints)})
	}
	cw.Flush()
	return cw.Error()
}

// Table writes rows as an aligned text table.
func Table(w io.Writer, q pipeline.CoverageQuery, rows []pipeline.CoverageRow) error {
	fmt.Fprintf(w, "Coverage by %s, %s to %s (exclusive)\n", q.Level, q.From.Format(time.DateOnly), q.To.Format(time.DateOnly))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rank\tcode\tname\treceived\tdigitized\t%\tresults\te-results\t%\tdesks\tdigitizing\t%\tvs last year (pp)\t")
	for _, r := range rows {
		change := "-"
		if r.ChangePoints != nil {
			change = fmt.Sprintf("%+.2f", *r.ChangePoints)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%s\t%d\t%d\t%s\t%d\t%d\t%s\t%s\t\n", r.Rank, r.Code, r.Name, r.Received, r.Digitized,
			pct(r.Percentage), r.ResultsIssued, r.ResultsDigitized, pct(r.ResultsPercentage), r.Desks, r.DesksDigitizing,
			pct(r.DesksPercentage), change)
	}
	return tw.Flush()
}
