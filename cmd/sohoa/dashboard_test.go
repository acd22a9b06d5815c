package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
)

// The dashboard in a real headless browser, against a seeded country: the headline shows the
// national figure the API computes, the ranking chart has a bar per province, drill-down and
// the English switch work. A screenshot is kept in test-artifacts/.
func TestDashboardInBrowser(t *testing.T) {
	chromium(t)
	db, dbURL := testenv.Postgres(t)
	ctx := context.Background()
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	if err := db.Seed(ctx, 630, 30000, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), to, 0.42); err != nil {
		t.Fatal(err)
	}
	nat, err := db.Coverage(ctx, pipeline.CoverageQuery{Level: pipeline.LevelNational, From: from, To: to, Compare: true})
	if err != nil {
		t.Fatal(err)
	}
	cfg := &Config{DatabaseURL: dbURL, RedisAddr: "127.0.0.1:6379", S3: testenv.S3Config()}
	a, err := openApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()

	bctx, cancel := headless(t, 1280, 2000)
	defer cancel()

	url := srv.URL + "/dashboard?from=2025-01-01&to=2025-10-01"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("chromium: %v", err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(bctx, chromedp.Text(sel))
		must(err)
		return v
	}
	count := func(js string) int {
		t.Helper()
		v, err := chromedp.Run(bctx, chromedp.Evaluate[int](js))
		must(err)
		return v
	}
	must(chromedp.Do(bctx, chromedp.Navigate(url), chromedp.WaitVisible("#headline")))
	pct, desks := text("#dossiers-pct"), text("#desks-digitizing")
	bars, rows := count(`document.querySelectorAll('#ranking rect').length`), count(`document.querySelectorAll('#units tbody tr').length`)
	change, err := chromedp.Run(bctx, chromedp.Evaluate[string](`(document.querySelector('#headline .sub') || {}).textContent || ''`))
	must(err)
	shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(80))
	must(err)
	// Vietnamese numbers: a decimal comma, thousands by dots.
	if want := strings.Replace(fmt.Sprintf("%.2f %%", nat[0].Percentage), ".", ",", 1); strings.TrimSpace(pct) != want {
		t.Errorf("headline shows %q, the API says %q", pct, want)
	}
	if strings.ReplaceAll(desks, ".", "") != fmt.Sprint(nat[0].DesksDigitizing) || nat[0].DesksDigitizing >= 1000 && !strings.Contains(desks, ".") {
		t.Errorf("headline desks %q, want %d written with thousands dots", desks, nat[0].DesksDigitizing)
	}
	if label, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.querySelector('#ranking g.bar text:last-of-type').textContent`)); err != nil || !strings.Contains(label, ",") {
		t.Errorf("ranking bar label %q (%v): want a decimal comma", label, err)
	}
	if bars != 63 || rows != 63 {
		t.Errorf("ranking chart has %d bars and the table %d rows, want 63 provinces", bars, rows)
	}
	if !strings.Contains(change, "so với cùng kỳ năm trước") {
		t.Errorf("no year-on-year change in the headline: %q", change)
	}
	dir := filepath.Join("..", "..", "test-artifacts")
	_ = os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, "dashboard.jpg"), shot, 0o644); err != nil {
		t.Fatal(err)
	}

	// Compared with the period just before (April to December 2024) instead, by the form; the
	// links keep the choice.
	justBefore, err := db.Coverage(ctx, pipeline.CoverageQuery{Level: pipeline.LevelNational, From: from, To: to, Compare: true, PrevPeriod: true})
	must(err)
	must(chromedp.Do(bctx, chromedp.SetValue("#compare", "prev_period"), chromedp.Submit("#compare"), chromedp.Sleep(300*time.Millisecond), chromedp.WaitVisible("#headline")))
	change = text("#headline .sub")
	if want := strings.Replace(fmt.Sprintf("%+.2f", *justBefore[0].ChangePoints), ".", ",", 1); !strings.Contains(change, "so với kỳ liền trước") || !strings.Contains(change, want) {
		t.Errorf("compared with the period just before: %q, want %s points", change, want)
	}
	if n := count(`[...document.querySelectorAll('#period .presets a, #csv, #lang')].filter((a) => a.href.includes('compare=prev_period')).length`); n != 6 {
		t.Errorf("%d of the presets, CSV and language links keep the comparison, want 6", n)
	}
	must(chromedp.Do(bctx, chromedp.Navigate(url), chromedp.WaitVisible("#headline")))

	// Drill down into the first province (its districts), then into its first district (its
	// desks), then switch to English.
	must(chromedp.Do(bctx, chromedp.Click("#ranking a rect"), chromedp.WaitVisible("#units")))
	districtRows := count(`document.querySelectorAll('#units tbody tr').length`)
	districtLinks := count(`[...document.querySelectorAll('#units tbody a')].filter((a) => a.href.includes('level=desk')).length`)
	// The province by its name, in a breadcrumb back to the nation; the period form's presets.
	crumbs := text("#crumbs")
	presets := count(`document.querySelectorAll('#period .presets a').length`)
	if !strings.HasPrefix(crumbs, "Toàn quốc › ") || regexp.MustCompile(`› P\d+$`).MatchString(crumbs) || presets != 4 {
		t.Errorf("after drill-down: breadcrumb %q, %d period presets", crumbs, presets)
	}
	if districtRows < 2 || districtRows > 11 || districtLinks != districtRows {
		t.Errorf("a province drills to its districts: %d rows, %d of them drilling to desks", districtRows, districtLinks)
	}
	must(chromedp.Do(bctx, chromedp.Click("#ranking a rect"), chromedp.WaitVisible("#units")))
	deskRows := count(`document.querySelectorAll('#units tbody tr').length`)
	if crumbs := text("#crumbs"); strings.Count(crumbs, "›") != 2 {
		t.Errorf("in a district: breadcrumb %q, want nation › province › district", crumbs)
	}
	must(chromedp.Do(bctx, chromedp.Click("#lang"), chromedp.WaitVisible("#headline")))
	title := text("h1")
	if deskRows < 1 || deskRows > 20 || title != "Digitization of administrative procedure dossiers" {
		t.Errorf("after drill-down and switch: %d desk rows, title %q", deskRows, title)
	}
	if en := text("#dossiers-pct"); !strings.Contains(en, ".") || strings.Contains(en, ",") {
		t.Errorf("English headline %q: want a decimal point", en)
	}

	// The nation's desks, a hundred at a time in rank order.
	must(chromedp.Do(bctx, chromedp.Navigate(url+"&level=desk"), chromedp.WaitVisible("#pager")))
	firstRank := func() int { return count(`parseInt(document.querySelector('#units tbody td').textContent)`) }
	if n, p := count(`document.querySelectorAll('#units tbody tr').length`), text("#pager"); n != 100 || !strings.Contains(p, "1 / 7") || firstRank() != 1 {
		t.Errorf("the nation's 630 desks: %d rows, pager %q, first rank %d", n, p, firstRank())
	}
	must(chromedp.Do(bctx, chromedp.Click(`#pager a[rel="next"]`), chromedp.Sleep(300*time.Millisecond), chromedp.WaitVisible("#pager")))
	if p, r := text("#pager"), firstRank(); !strings.Contains(p, "2 / 7") || r < 90 || r > 101 {
		t.Errorf("the second page of desks: pager %q, first rank %d", p, r)
	}
	// What is wrong, in words: an unknown unit, a date that is not one.
	for _, c := range []struct{ query, want string }{{"?within=P999", "Không có đơn vị này"}, {"?from=2025-13-01", "from"}} {
		// By way of a blank page: chromedp's Navigate from the dashboard to its own error page
		// waits for a load it never reports.
		must(chromedp.Do(bctx, chromedp.Navigate("about:blank"), chromedp.Navigate(srv.URL+"/dashboard"+c.query), chromedp.WaitVisible("#error")))
		if e := text("#error"); !strings.Contains(e, c.want) {
			t.Errorf("dashboard%s: %q, want %q", c.query, e, c.want)
		}
	}

	// At a phone's 390 px the charts fit the screen; a period with nothing received says so
	// instead of ranking every province at 0.00 %.
	must(chromedp.Do(bctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(url), chromedp.WaitVisible("#headline")))
	// The ranking is a list there, its names in letters as large as the page's (the chart's
	// would be 5 px), and the chart is hidden.
	if n := count(`[...document.querySelectorAll('#ranking-list li')].filter((li) => li.offsetParent && parseFloat(getComputedStyle(li).fontSize) >= 14).length`); n != 63 ||
		count(`document.querySelector('#ranking').getBoundingClientRect().width`) != 0 {
		t.Errorf("at a 390 px screen: %d provinces listed in readable letters, want 63, and no chart", n)
	}
	if w := count(`Math.ceil(document.querySelector('#ranking-list').getBoundingClientRect().width)`); w > 390 {
		t.Errorf("ranking list %d px wide at a 390 px screen", w)
	}
	if w := count(`document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("page %d px wide at a 390 px screen", w)
	}
	phone, err := chromedp.Run(bctx, chromedp.FullScreenshot(80))
	must(err)
	_ = os.WriteFile(filepath.Join(dir, "dashboard-390.jpg"), phone, 0o644)
	must(chromedp.Do(bctx, chromedp.Navigate(srv.URL+"/dashboard?from=2030-01-01&to=2030-02-01"), chromedp.WaitVisible("#headline")))
	msg, err := chromedp.Run(bctx, chromedp.Evaluate[string](`(document.querySelector('#empty') || {}).textContent || ''`))
	must(err)
	if n := count(`document.querySelectorAll('#ranking rect, #units tbody tr').length`); n != 0 || !strings.Contains(msg, "Không có hồ sơ") {
		t.Errorf("an empty period: %d bars and rows, message %q", n, msg)
	}
}

// A unit nobody registered is 404, not a report of zeros; the dashboard's CSV opens in a
// spreadsheet as written (byte order mark, Vietnamese header), the API's plain CSV stays
// field names for scripts.
func TestCoverageUnknownUnitAndSpreadsheetCSV(t *testing.T) {
	a, _ := testApp(t)
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/api/v1/coverage?level=desk&within=P999"); code != http.StatusNotFound {
		t.Errorf("within=P999: %d %s, want 404", code, body)
	}
	if code, body := get("/api/v1/coverage?level=desk&within=P11"); code != http.StatusOK {
		t.Errorf("within=P11: %d %s", code, body)
	}
	// Paged JSON: 25 desks ten at a time.
	for i := 0; i < 25; i++ {
		if err := a.db.UpsertDesk(context.Background(), pipeline.Desk{Code: fmt.Sprintf("PG-%02d", i), Name: "Desk", Kind: pipeline.Locality}); err != nil {
			t.Fatal(err)
		}
	}
	var pg struct{ Rows []pipeline.CoverageRow }
	code, body := get("/api/v1/coverage?level=desk&per_page=10&page=3")
	var meta map[string]any
	_ = json.Unmarshal([]byte(body), &meta)
	_ = json.Unmarshal([]byte(body), &pg)
	if code != http.StatusOK || len(pg.Rows) != 5 || meta["total"] != 25.0 || meta["per_page"] != 10.0 || meta["page"] != 3.0 {
		t.Errorf("page 3 of desks ten at a time: %d, %d rows, %v", code, len(pg.Rows), meta["total"])
	}
	if code, _ := get("/api/v1/coverage?level=province&per_page=0"); code != http.StatusBadRequest {
		t.Errorf("per_page=0: %d, want 400", code)
	}
	code, body = get("/api/v1/coverage?level=province&format=csv&lang=vi")
	if code != http.StatusOK || !strings.HasPrefix(body, "\ufeffMã,Tên,Hồ sơ tiếp nhận") {
		t.Errorf("spreadsheet CSV: %d %.80q", code, body)
	}
	code, body = get("/api/v1/coverage?level=province&format=csv")
	if code != http.StatusOK || !strings.HasPrefix(body, "code,name,dossiers_received") {
		t.Errorf("plain CSV: %d %.80q", code, body)
	}
	if code, body := get("/dashboard?lang=vi"); code != http.StatusOK || !strings.Contains(body, "lang=vi") {
		t.Errorf("dashboard's CSV link without lang: %d", code)
	}
}
