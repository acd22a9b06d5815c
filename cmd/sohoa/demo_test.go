package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/httpapi"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
)

func getJSON(t *testing.T, u string, v any) { getAs(t, "", u, v) }

// get sends a GET with a desk's API key (none when key is empty).
func get(t *testing.T, key, u string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func deskKey(t *testing.T, a *app, desk string) string {
	t.Helper()
	key, hash := httpapi.NewKey()
	if err := a.db.CreateKey(context.Background(), hash, desk, "test"); err != nil {
		t.Fatal(err)
	}
	return key
}

func getAs(t *testing.T, key, u string, v any) {
	t.Helper()
	resp := get(t, key, u)
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", u, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

type truth struct {
	Files map[string]struct {
		Type      string `json:"type"`
		Role      string `json:"role"`
		FailClass string `json:"fail_class"`
	} `json:"files"`
	Figures map[string]struct {
		Dossiers   int     `json:"dossiers"`
		Digitized  int     `json:"digitized"`
		Percentage float64 `json:"percentage"`
		PagesDone  int     `json:"pages_done"`
		Failed     int     `json:"pages_failed"`
	} `json:"figures"`
	Texts map[string][]string `json:"texts"`
	Truth map[string]struct {
		Skew    float64 `json:"skew_degrees"`
		Rotated int     `json:"rotated"`
	} `json:"truth"`
}

// The demo batch end to end on the real services: upload through the API, Asynq, prepare,
// OCR, classify, finalize; then every figure, type, text and angle is checked against the
// generator's manifest. A second run of the same batch must change nothing.
func TestDemoEndToEnd(t *testing.T) {
	testenv.Short(t, "end to end: OCR of 13 pages")
	db, dbURL := testenv.Postgres(t)
	_, s3cfg := testenv.Bucket(t)
	redis := testenv.Redis(t)
	cfg := &Config{DatabaseURL: dbURL, RedisAddr: redis.Addr, RedisDB: redis.DB, S3: s3cfg,
		HTTPAddr: "127.0.0.1:0", Languages: "vie", Concurrency: 2, LogFormat: "text"}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	var out bytes.Buffer
	recognized := ocr.Recognitions()
	m, err := readManifest("../../testdata/demo")
	if err != nil {
		t.Fatal(err)
	}
	da, err := openApp(context.Background(), cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	defer da.close()
	dctx, dcancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer dcancel()
	if err := runDemo(dctx, da, m, "../../testdata/demo", &out); err != nil {
		t.Fatalf("demo: %v\n%s", err, out.String())
	}
	// The demo's metrics: stages, OCR confidence, queues, Go and process.
	rec := httptest.NewRecorder()
	da.metricsHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	for _, want := range []string{`sohoa_stage_duration_seconds_bucket{outcome="ok",stage="ocr"`, `sohoa_tasks_total{outcome="archived",stage="prepare"} 1`,
		`sohoa_tasks_total{outcome="ok",stage="finalize"}`, "sohoa_ocr_mean_confidence_count 12", `sohoa_pages_rejected_total{reason="corrupt"} 1`,
		`sohoa_queue_latency_seconds{queue="ocr"}`, "sohoa_deskew_angle_degrees_count 12", "go_goroutines", "process_resident_memory_bytes"} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	t.Log("\n" + out.String())
	for _, want := range []string{"Digitization by desk", "HCM-Q1-BENNGHE", "50.00 %", "100.00 %", "corrupt"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q", want)
		}
	}

	var tr truth
	b, err := os.ReadFile("../../testdata/demo/manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &tr); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	checkFigures := func() {
		t.Helper()
		figs, err := db.DeskFigures(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(figs) != len(tr.Figures) {
			t.Fatalf("%d desks with figures, want %d", len(figs), len(tr.Figures))
		}
		for _, f := range figs {
			w := tr.Figures[f.Desk]
			if f.Dossiers != w.Dossiers || f.DossiersDigitized != w.Digitized || f.Percentage != w.Percentage ||
				f.PagesDone != w.PagesDone || f.PagesFailed != w.Failed {
				t.Errorf("desk %s: got %d/%d dossiers = %.2f %%, pages %d done %d failed; want %d/%d = %.2f %%, %d done %d failed",
					f.Desk, f.DossiersDigitized, f.Dossiers, f.Percentage, f.PagesDone, f.PagesFailed,
					w.Digitized, w.Dossiers, w.Percentage, w.PagesDone, w.Failed)
			}
		}
	}
	checkFigures()

	rows, err := db.Pool.Query(ctx, `SELECT o.desk_code || '/' || o.code || '/' || d.filename, d.doc_type, d.role, p.state,
			p.error_class, p.text, p.skew_degrees, p.rotated, d.fields
		FROM pages p JOIN documents d ON d.id = p.document_id JOIN dossiers o ON o.id = d.dossier_id`)
	if err != nil {
		t.Fatal(err)
	}
	seen, done := 0, 0
	for rows.Next() {
		var key, typ, role, state, class, text string
		var skew float64
		var rotated int
		var fields classify.Fields
		if err := rows.Scan(&key, &typ, &role, &state, &class, &text, &skew, &rotated, &fields); err != nil {
			t.Fatal(err)
		}
		seen++
		want, ok := tr.Files[key]
		if !ok {
			t.Errorf("unexpected page of %s", key)
			continue
		}
		if want.FailClass != "" {
			if state != pipeline.PageFailed || class != want.FailClass {
				t.Errorf("%s: state %s class %q, want failed %q", key, state, class, want.FailClass)
			}
			continue
		}
		if state != pipeline.PageDone {
			t.Errorf("%s: state %s (%s), want done", key, state, class)
			continue
		}
		done++
		if typ != want.Type || role != want.Role {
			t.Errorf("%s: classified %s/%s, want %s/%s", key, typ, role, want.Type, want.Role)
		}
		if fields.IssuedOn == "" || (fields.Number == "" && len(fields.Names)+len(fields.CitizenIDs) == 0) {
			t.Errorf("%s: fields read: %+v", key, fields)
		}
		for _, phrase := range tr.Texts[key] {
			if !strings.Contains(text, phrase) {
				t.Errorf("%s: text lacks %q:\n%s", key, phrase, text)
			}
		}
		g := tr.Truth[key]
		if math.Abs(skew-g.Skew) > 0.3 || rotated != g.Rotated {
			t.Errorf("%s: skew %.2f° rotated %d, want %.2f° and %d", key, skew, rotated, g.Skew, g.Rotated)
		}
	}
	if seen != len(tr.Files) {
		t.Errorf("%d pages recorded, want %d", seen, len(tr.Files))
	}
	// Each good page was recognised exactly once, though every stage may have run more.
	if n := ocr.Recognitions() - recognized; n != int64(done) {
		t.Errorf("%d recognitions for %d recognised pages", n, done)
	}

	// The API over the same record: search without diacritics, the document, its PDF.
	a, err := openApp(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()
	var found struct {
		Hits []struct {
			Dossier     string `json:"dossier"`
			Snippet     string `json:"snippet"`
			DocumentURL string `json:"document_url"`
			PDFURL      string `json:"pdf_url"`
		} `json:"hits"`
	}
	hn, hcm := deskKey(t, a, "HN-BADINH-DIENBIEN"), deskKey(t, a, "HCM-Q1-BENNGHE")
	getAs(t, hn, srv.URL+"/api/v1/search?q="+url.QueryEscape("giay chung nhan ket hon"), &found)
	if len(found.Hits) == 0 || found.Hits[0].Dossier != "HS-KH-0002" || !strings.Contains(found.Hits[0].Snippet, "«GIẤY»") {
		t.Fatalf("search without diacritics: %+v", found.Hits)
	}
	hit := found.Hits[0]
	if hit.PDFURL == "" {
		t.Fatalf("hit has no PDF: %+v", hit)
	}
	resp := get(t, hn, srv.URL+hit.PDFURL)
	pdfBytes, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("GET %s: %s %s", hit.PDFURL, resp.Status, resp.Header.Get("Content-Type"))
	}
	testenv.CheckPDF(t, pdfBytes, "GIẤY CHỨNG NHẬN KẾT HÔN", 1)

	// Each desk is sealed off from the others: another desk's key finds nothing, not even that
	// something exists (404, not 403); no key, or a wrong one, is refused.
	var hnBatch, hnDoc string
	_ = db.Pool.QueryRow(ctx, `SELECT b.id::text, d.id::text FROM documents d JOIN batches b ON b.id = d.batch_id
		WHERE b.desk_code = 'HN-BADINH-DIENBIEN' LIMIT 1`).Scan(&hnBatch, &hnDoc)
	for _, path := range []string{"/api/v1/batches/" + hnBatch, "/api/v1/documents/" + hnDoc, "/api/v1/documents/" + hnDoc + "/pdf"} {
		if r := get(t, hcm, srv.URL+path); r.StatusCode != http.StatusNotFound {
			t.Errorf("another desk's key on %s: %s, want 404", path, r.Status)
		}
		if r := get(t, hn, srv.URL+path); r.StatusCode != http.StatusOK {
			t.Errorf("the desk's own key on %s: %s", path, r.Status)
		}
		if r := get(t, "", srv.URL+path); r.StatusCode != http.StatusUnauthorized {
			t.Errorf("no key on %s: %s, want 401", path, r.Status)
		}
		if r := get(t, "sohoa_0000", srv.URL+path); r.StatusCode != http.StatusUnauthorized {
			t.Errorf("a wrong key on %s: %s, want 401", path, r.Status)
		}
	}
	getAs(t, hcm, srv.URL+"/api/v1/search?q="+url.QueryEscape("giay chung nhan ket hon")+"&desk=HN-BADINH-DIENBIEN", &found)
	if len(found.Hits) != 0 {
		t.Errorf("another desk's key found %d pages of HN-BADINH-DIENBIEN", len(found.Hits))
	}
	var listed struct {
		Dossiers []pipeline.DossierInfo `json:"dossiers"`
	}
	getAs(t, hcm, srv.URL+"/api/v1/dossiers?desk=HN-BADINH-DIENBIEN", &listed)
	for _, d := range listed.Dossiers {
		if d.Desk != "HCM-Q1-BENNGHE" {
			t.Errorf("HCM-Q1-BENNGHE's key lists dossier %s of %s", d.Code, d.Desk)
		}
	}
	var fails struct {
		Failures []pipeline.FailedPage `json:"failures"`
	}
	getAs(t, hn, srv.URL+"/api/v1/failures?desk=HCM-Q1-BENNGHE", &fails)
	if len(fails.Failures) != 0 {
		t.Errorf("HN-BADINH-DIENBIEN's key sees %d failures of another desk", len(fails.Failures))
	}
	getAs(t, hcm, srv.URL+"/api/v1/failures", &fails)
	if len(fails.Failures) != 1 || fails.Failures[0].Desk != "HCM-Q1-BENNGHE" {
		t.Errorf("HCM-Q1-BENNGHE's failures: %+v", fails.Failures)
	}
	var queue struct {
		Documents []classify.ReviewItem `json:"documents"`
	}
	getAs(t, hcm, srv.URL+"/api/v1/review?desk=HN-BADINH-DIENBIEN", &queue)
	for _, d := range queue.Documents {
		if d.Desk != "HCM-Q1-BENNGHE" {
			t.Errorf("HCM-Q1-BENNGHE's key reviews a document of %s", d.Desk)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/documents/"+hnDoc+"/type", strings.NewReader(`{"type":"unknown"}`))
	req.Header.Set("Authorization", "Bearer "+hcm)
	if r, err := http.DefaultClient.Do(req); err != nil || r.StatusCode != http.StatusNotFound {
		t.Errorf("another desk correcting a type: %v %v, want 404", r.Status, err)
	}

	// The API (JSON and CSV), the CLI and the dashboard agree on every figure.
	year := time.Now().UTC().Year()
	period := fmt.Sprintf("from=%d-01-01&to=%d-01-01", year, year+1)
	for _, level := range []string{"desk", "district", "province", "ministry", "national"} {
		var api struct {
			Rows []pipeline.CoverageRow `json:"rows"`
		}
		getJSON(t, srv.URL+"/api/v1/coverage?level="+level+"&"+period, &api)
		resp, err := http.Get(srv.URL + "/api/v1/coverage?format=csv&level=" + level + "&" + period)
		if err != nil {
			t.Fatal(err)
		}
		apiCSV, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var cli bytes.Buffer
		if err := reportCmd(ctx, db, []string{"-level", level, "-from", fmt.Sprintf("%d-01-01", year), "-to", fmt.Sprintf("%d-01-01", year+1), "-format", "csv"}, &cli); err != nil {
			t.Fatal(err)
		}
		if cli.String() != string(apiCSV) {
			t.Errorf("%s: the CLI's CSV differs from the API's:\n%s\n---\n%s", level, cli.String(), apiCSV)
		}
		recs, err := csv.NewReader(bytes.NewReader(apiCSV)).ReadAll()
		if err != nil || len(recs) != len(api.Rows)+1 {
			t.Fatalf("%s: CSV of %d lines for %d JSON rows (%v)", level, len(recs), len(api.Rows), err)
		}
		for i, r := range api.Rows {
			if rec := recs[i+1]; rec[0] != r.Code || rec[2] != strconv.Itoa(r.Received) || rec[3] != strconv.Itoa(r.Digitized) ||
				rec[4] != fmt.Sprintf("%.2f", r.Percentage) || rec[7] != fmt.Sprintf("%.2f", r.ResultsPercentage) {
				t.Errorf("%s: CSV row %v differs from JSON %+v", level, rec, r)
			}
		}
		if level == "national" {
			// 6 dossiers, 5 digitized (the land dossier lost a page); 5 with results, all digitized.
			n := api.Rows[0]
			if n.Received != 6 || n.Digitized != 5 || n.Percentage != 83.33 || n.ResultsIssued != 5 || n.ResultsPercentage != 100 ||
				n.Desks != 3 || n.DesksDigitizing != 3 {
				t.Errorf("national figures: %+v", n)
			}
			resp, err := http.Get(srv.URL + "/dashboard?" + period)
			if err != nil {
				t.Fatal(err)
			}
			page, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			// In Vietnamese, as a Vietnamese reader writes numbers: 83,33 %.
			for _, want := range []string{`id="dossiers-pct">83,33 %`, `id="desks-digitizing">3</span>`, `id="results-pct">100,00 %`,
				`<tr data-code="P79">`, `50,00`} {
				if !strings.Contains(string(page), want) {
					t.Errorf("dashboard lacks %q", want)
				}
			}
		}
	}

	// Another document's PDF, found from the record: it renders and reads back in Vietnamese.
	var key string
	if err := db.Pool.QueryRow(ctx, `SELECT a.object_key FROM artifacts a JOIN documents d ON d.id = a.document_id
		WHERE a.page_id IS NULL AND a.kind = 'pdf' AND d.filename = '01-to-khai.png'`).Scan(&key); err != nil {
		t.Fatal(err)
	}
	docPDF, err := a.objects.Get(ctx, key, 0)
	if err != nil {
		t.Fatal(err)
	}
	testenv.CheckPDF(t, docPDF, "TỜ KHAI ĐĂNG KÝ KHAI SINH", 1)

	// The same batch again: every key is known, nothing is counted twice.
	out.Reset()
	if err := demo(context.Background(), cfg, log, "../../testdata/demo", 2*time.Minute, &out); err != nil {
		t.Fatalf("second demo: %v\n%s", err, out.String())
	}
	checkFigures()
}
