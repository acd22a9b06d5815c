package httpapi

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/report"
)

//go:embed dashboard.html upload.html pages.html review.js
var dashboardFS embed.FS

// dashboardTmpls are the dashboard in each language, numbers written as its readers write them:
// 5.449 and 61,81 % in Vietnamese, 5,449 and 61.81 % in English.
var dashboardTmpls = map[string]*template.Template{"vi": dashboardTmpl("vi"), "en": dashboardTmpl("en")}

// numberMarks are each language's thousands and decimal marks.
var numberMarks = map[string]struct{ group, decimal string }{"vi": {".", ","}, "en": {",", "."}}

// percent writes a percentage with two decimals in lang: 61,81 or 61.81.
func percent(f float64, lang string) string {
	return strings.Replace(fmt.Sprintf("%.2f", f), ".", numberMarks[lang].decimal, 1)
}

func dashboardTmpl(lang string) *template.Template {
	return template.Must(template.New("dashboard.html").Funcs(template.FuncMap{
		"pct": func(f float64) string { return percent(f, lang) },
		"signed": func(f *float64) string {
			if f == nil {
				return ""
			}
			return strings.Replace(fmt.Sprintf("%+.2f", *f), ".", numberMarks[lang].decimal, 1)
		},
		"num": func(n int) string { return thousands(n, numberMarks[lang].group) },
		"updown": func(f *float64) string {
			if f != nil && *f < 0 {
				return "down"
			}
			return "up"
		},
	}).ParseFS(dashboardFS, "dashboard.html"))
}

// thousands writes 11956 as "11.956" (sep ".") or "11,956" (sep ",").
func thousands(n int, sep string) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var out strings.Builder
	if neg {
		out.WriteString("-")
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out.WriteString(sep)
		}
		out.WriteRune(c)
	}
	return out.String()
}

// unitName is a unit's name in lang (its Vietnamese name when it has no English one).
func unitName(u pipeline.Unit, lang string) string {
	if lang == "en" && u.NameEN != "" {
		return u.NameEN
	}
	return u.Name
}

// dateLabel writes a day as its readers do: 02/01/2026 in Vietnamese, 2 Jan 2026 in English.
func dateLabel(t time.Time, lang string) string {
	if lang == "en" {
		return t.Format("2 Jan 2006")
	}
	return t.Format("02/01/2006")
}

var labels = map[string]map[string]string{
	"vi": {
		"title": "Số hóa hồ sơ thủ tục hành chính", "desks": "bộ phận một cửa có số hóa",
		"dossiers": "hồ sơ được số hóa", "results": "kết quả giải quyết được số hóa (kết quả điện tử)",
		"vs": "so với cùng kỳ năm trước", "pp": "điểm %", "ranking": "Xếp hạng tỷ lệ số hóa hồ sơ",
		"trend": "Tỷ lệ số hóa hồ sơ theo tháng", "table": "Chi tiết", "rank": "Hạng", "unit": "Đơn vị",
		"received": "Hồ sơ tiếp nhận", "digitized": "Đã số hóa", "issued": "Kết quả đã trả", "eresults": "Kết quả điện tử",
		"desksh": "Bộ phận một cửa", "period": "Kỳ báo cáo", "to": "đến", "other": "English", "nation": "Toàn quốc",
		"drill": "xem chi tiết", "back": "Toàn quốc", "provinces": "Tỉnh, thành phố", "ministries": "Bộ, ngành", "csv": "Tải CSV",
		"empty": "Không có hồ sơ nào được tiếp nhận trong kỳ này: chưa có gì để xếp hạng.", "partial": "tháng chưa kết thúc",
		"this_month": "Tháng này", "this_quarter": "Quý này", "this_year": "Năm nay", "last_year": "Năm trước",
		"from": "Từ ngày", "until": "Đến trước ngày", "show": "Xem",
		"compare": "So sánh với", "prev_year": "cùng kỳ năm trước", "prev_period": "kỳ liền trước", "vs_prev_period": "so với kỳ liền trước",
		"page": "Trang", "prev": "Trước", "next": "Sau", "units": "đơn vị",
	},
	"en": {
		"title": "Digitization of administrative procedure dossiers", "desks": "one-stop desks digitizing",
		"dossiers": "dossiers digitized", "results": "results issued electronically",
		"vs": "against the same period last year", "pp": "points", "ranking": "Ranking by dossiers digitized",
		"trend": "Dossiers digitized by month", "table": "Details", "rank": "Rank", "unit": "Unit",
		"received": "Dossiers received", "digitized": "Digitized", "issued": "Results issued", "eresults": "Electronic results",
		"desksh": "One-stop desks", "period": "Period", "to": "to", "other": "Tiếng Việt", "nation": "Nationwide",
		"drill": "drill down", "back": "Nationwide", "provinces": "Provinces", "ministries": "Ministries", "csv": "Download CSV",
		"empty": "No dossier was received in this period: nothing to rank yet.", "partial": "month not over yet",
		"this_month": "This month", "this_quarter": "This quarter", "this_year": "This year", "last_year": "Last year",
		"from": "From", "until": "Until (exclusive)", "show": "Show",
		"compare": "Compare with", "prev_year": "the same period last year", "prev_period": "the period just before", "vs_prev_period": "against the period just before",
		"page": "Page", "prev": "Previous", "next": "Next", "units": "units",
	},
}

type bar struct {
	Label, Pct, Href string
	Y, W             int
	Share            int // the bar's length in percent of the whole, for the phone's list
}

// dashPerPage is how many units the dashboard's chart and table show at once.
const dashPerPage = 100

// pager is where a long ranking's page stands, with links to its neighbours.
type pager struct {
	Page, Pages, Total int
	Prev, Next         string
}

// dashboardError answers the dashboard with a page that says what is wrong, in its language,
// and the way back (a bad date, an unknown unit, a failure of the system).
func (s *Server) dashboardError(w http.ResponseWriter, r *http.Request, lang string, code int, err error) {
	msg := err.Error()
	switch {
	case code == http.StatusNotFound:
		msg = map[string]string{"vi": "Không có đơn vị này trong danh mục.", "en": "There is no such unit."}[lang]
	case code >= 500:
		s.Log.ErrorContext(r.Context(), "dashboard failed", "error", err)
		msg = map[string]string{"vi": "Hệ thống đang lỗi; hãy thử lại sau ít phút.", "en": "The system failed; try again in a few minutes."}[lang]
	}
	pageHeaders(w)
	w.WriteHeader(code)
	_ = dashboardErrorTmpl.Execute(w, map[string]string{"Lang": lang, "Title": labels[lang]["title"], "Msg": msg,
		"Back": map[string]string{"vi": "Về trang số liệu toàn quốc", "en": "Back to the national figures"}[lang], "Href": "/dashboard?lang=" + lang})
}

var dashboardErrorTmpl = template.Must(template.New("e").Parse(`<!doctype html><html lang="{{.Lang}}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>sohoa: {{.Title}}</title>
<style>body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; margin: 1.5rem; color: #1b2330; } .failed { color: #b3261e; }</style></head>
<body><h1>{{.Title}}</h1><p class="failed" role="alert" id="error">{{.Msg}}</p><p><a href="{{.Href}}">{{.Back}}</a></p></body></html>`))

// crumb is a link of the breadcrumb or of the period presets; the current one has no Href.
type crumb struct{ Label, Href string }

type point struct {
	X, Y    int
	Label   string
	Pct     string
	Partial bool // a month the period cuts or that is not over: not a full month's figure
}

type dashView struct {
	L                 map[string]string
	Lang, OtherLang   string
	Q                 pipeline.CoverageQuery
	From, To          string
	FromLabel         string // From and the last day of the period, as the language writes dates
	ToLabel           string
	Empty             bool // nothing received in the period: no ranking, a sentence instead
	Crumbs            []crumb
	Presets           []crumb // periods a click away: this month, quarter, year, last year
	National          pipeline.CoverageRow
	Scope             string
	Bars              []bar
	BarsHeight        int
	Trend             []point
	TrendLine         string
	Rows              []pipeline.CoverageRow
	DrillLevel        string
	Self, Other, CSV  string
	Compare           string // prev_year or prev_period
	Pager             *pager // nil when every row fits one page
	Vs                string // what the change is against, in words
	ProvLink, MinLink string
}

// dashboard serves the reporting dashboard: the headline figures, a ranking bar chart, a
// monthly trend line and a table with drill-down, as server-rendered HTML with inline SVG (no
// script, no outside network), in Vietnamese or English (lang=en).
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	lang := v.Get("lang")
	if lang != "en" {
		lang = "vi"
	}
	if v.Get("level") == "" {
		if v.Get("within") == "" {
			v.Set("level", pipeline.LevelProvince)
		} else {
			v.Set("level", pipeline.LevelDesk)
		}
	}
	compare := v.Get("compare")
	if compare != "prev_period" {
		compare = "prev_year"
	}
	v.Set("compare", compare)
	q, err := report.ParseQuery(v, time.Now())
	if err != nil {
		s.dashboardError(w, r, lang, http.StatusBadRequest, err)
		return
	}
	ctx := r.Context()
	rows, err := s.Store.Coverage(ctx, q)
	if err != nil {
		s.dashboardError(w, r, lang, errorStatus(err), err)
		return
	}
	// A level of thousands of units (the nation's desks) is shown a page at a time, in rank order.
	total, page, pages := len(rows), 1, (len(rows)+dashPerPage-1)/dashPerPage
	if pages > 1 {
		if n, err := strconv.Atoi(v.Get("page")); err == nil {
			page = min(max(n, 1), pages)
		}
		rows = rows[(page-1)*dashPerPage : min(page*dashPerPage, total)]
	}
	view := dashView{L: labels[lang], Lang: lang, Q: q, Compare: compare, Vs: labels[lang]["vs"], From: q.From.Format(time.DateOnly), To: q.To.Format(time.DateOnly), Rows: rows,
		FromLabel: dateLabel(q.From, lang), ToLabel: dateLabel(q.To.AddDate(0, 0, -1), lang)}
	head, err := s.Store.Coverage(ctx, pipeline.CoverageQuery{Level: pipeline.LevelNational, From: q.From, To: q.To, Within: q.Within, Compare: true, PrevPeriod: q.PrevPeriod})
	if err != nil {
		s.dashboardError(w, r, lang, errorStatus(err), err)
		return
	}
	if len(head) > 0 {
		view.National = head[0]
	}
	if q.PrevPeriod {
		view.Vs = view.L["vs_prev_period"]
	}
	view.Empty = view.National.Received == 0
	view.Scope = view.L["nation"]
	var path []pipeline.Unit
	if q.Within != "" {
		if path, err = s.Store.UnitPath(ctx, q.Within); err != nil {
			s.dashboardError(w, r, lang, errorStatus(err), err)
			return
		}
		view.Scope = unitName(path[len(path)-1], lang)
	}
	trend, err := s.Store.Trend(ctx, q.Within, q.To.AddDate(-1, 0, 0), q.To)
	if err != nil {
		s.dashboardError(w, r, lang, errorStatus(err), err)
		return
	}
	link := func(change map[string]string) string {
		u := url.Values{}
		for k, val := range map[string]string{"from": view.From, "to": view.To, "lang": lang, "level": q.Level, "within": q.Within, "compare": compare} {
			if val != "" {
				u.Set(k, val)
			}
		}
		for k, val := range change {
			if val == "" {
				u.Del(k)
			} else {
				u.Set(k, val)
			}
		}
		return "/dashboard?" + u.Encode()
	}
	view.Self = link(nil)
	if pages > 1 {
		view.Pager = &pager{Page: page, Pages: pages, Total: total}
		if page > 1 {
			view.Pager.Prev = link(map[string]string{"page": strconv.Itoa(page - 1)})
		}
		if page < pages {
			view.Pager.Next = link(map[string]string{"page": strconv.Itoa(page + 1)})
		}
	}
	// Nation, then each unit above the one shown, each opening its own level below it.
	view.Crumbs = []crumb{{Label: view.L["nation"], Href: link(map[string]string{"level": pipeline.LevelProvince, "within": ""})}}
	for _, u := range path {
		if u.Level == "nation" {
			continue
		}
		view.Crumbs = append(view.Crumbs, crumb{Label: unitName(u, lang), Href: link(map[string]string{"within": u.Code, "level": pipeline.LevelDesk})})
	}
	view.Crumbs[len(view.Crumbs)-1].Href = ""
	now := time.Now()
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	quarter := time.Date(now.Year(), (now.Month()-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC)
	year := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range []struct {
		label    string
		from, to time.Time
	}{
		{view.L["this_month"], month, month.AddDate(0, 1, 0)},
		{view.L["this_quarter"], quarter, quarter.AddDate(0, 3, 0)},
		{view.L["this_year"], year, year.AddDate(1, 0, 0)},
		{view.L["last_year"], year.AddDate(-1, 0, 0), year},
	} {
		view.Presets = append(view.Presets, crumb{Label: p.label,
			Href: link(map[string]string{"from": p.from.Format(time.DateOnly), "to": p.to.Format(time.DateOnly)})})
	}
	view.OtherLang = map[string]string{"vi": "en", "en": "vi"}[lang]
	view.Other = link(map[string]string{"lang": view.OtherLang})
	view.ProvLink = link(map[string]string{"level": pipeline.LevelProvince, "within": ""})
	view.MinLink = link(map[string]string{"level": pipeline.LevelMinistry, "within": ""})
	csvq := url.Values{"level": {q.Level}, "from": {view.From}, "to": {view.To}, "compare": {compare}, "format": {"csv"}, "lang": {lang}}
	if q.Within != "" {
		csvq.Set("within", q.Within)
	}
	view.CSV = "/api/v1/coverage?" + csvq.Encode()
	// Down one level at a time: a province to its districts, a district (or a ministry, or the
	// nation's own rows) to its desks.
	switch q.Level {
	case pipeline.LevelProvince:
		view.DrillLevel = pipeline.LevelDistrict
	case pipeline.LevelDesk:
	default:
		view.DrillLevel = pipeline.LevelDesk
	}
	const barW = 520
	for i, row := range rows {
		name := row.Name
		if lang == "en" && row.NameEN != "" {
			name = row.NameEN
		}
		rows[i].Name = name
		b := bar{Label: name, Pct: percent(row.Percentage, lang), Y: i * 18, W: int(row.Percentage / 100 * barW), Share: int(row.Percentage + 0.5)}
		if view.DrillLevel != "" {
			within, level := row.Code, view.DrillLevel
			if within == "" { // the desks of a province that belong to no district
				within, level = q.Within, pipeline.LevelDesk
				if lang == "en" {
					rows[i].Name, b.Label = "(directly under the province)", "(directly under the province)"
				} else {
					rows[i].Name, b.Label = "(trực thuộc tỉnh)", "(trực thuộc tỉnh)"
				}
			}
			if within != "" {
				b.Href = link(map[string]string{"level": level, "within": within})
			}
		}
		view.Bars = append(view.Bars, b)
	}
	view.BarsHeight = len(view.Bars)*18 + 4
	for i, t := range trend {
		x := 40
		if len(trend) > 1 {
			x = 40 + i*700/(len(trend)-1)
		}
		p := point{X: x, Y: 200 - int(t.Percentage*1.8), Label: t.Code, Pct: percent(t.Percentage, lang)}
		// The last month is partial when the period ends inside it, or it is still running.
		if i == len(trend)-1 && (q.To.Day() != 1 || q.To.After(time.Now())) {
			p.Partial = true
		}
		view.Trend = append(view.Trend, p)
		view.TrendLine += fmt.Sprintf("%d,%d ", p.X, p.Y)
	}
	// Render fully before writing, so a template error is a 500, not half a page.
	var buf bytes.Buffer
	if err := dashboardTmpls[lang].Execute(&buf, view); err != nil {
		s.fail(w, r, fmt.Errorf("dashboard: %w", err))
		return
	}
	pageHeaders(w)
	_, _ = buf.WriteTo(w)
}

// uploadPage serves the desk upload page: drag and drop a folder (one subfolder per dossier),
// a progress bar per file, each file's result. It talks to the API with the desk's key.
func (s *Server) uploadPage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")
	b, _ := dashboardFS.ReadFile("upload.html")
	_, _ = w.Write(b)
}
