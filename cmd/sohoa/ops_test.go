package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/httpapi"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
	"github.com/sohoa/sohoa/storage/s3"
)

func testApp(t *testing.T) (*app, *Config) {
	t.Helper()
	a := appLogging(t, slog.New(slog.NewTextHandler(io.Discard, nil)))
	return a, a.cfg
}

// appLogging is an app on a fresh database, buckets and Redis db of its own, logging to log.
func appLogging(t *testing.T, log *slog.Logger) *app {
	t.Helper()
	_, dbURL := testenv.Postgres(t)
	_, s3cfg := testenv.Bucket(t)
	redis := testenv.Redis(t)
	cfg := &Config{DatabaseURL: dbURL, RedisAddr: redis.Addr, RedisDB: redis.DB, S3: s3cfg, Languages: "vie", Concurrency: 1}
	a, err := openApp(context.Background(), cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.close)
	return a
}

// runWorker runs a's worker (without its metrics listener) until the test ends.
func runWorker(t *testing.T, a *app) {
	t.Helper()
	a.cfg.MetricsAddr = ""
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.worker(ctx, time.Hour) }()
	t.Cleanup(func() { stop(); <-done })
}

type browser struct {
	t    *testing.T
	base string
	c    *http.Client
}

func newBrowser(t *testing.T, base string) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: base, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) do(method, path, origin string, body io.Reader, ctype string) (int, string) {
	b.t.Helper()
	req, _ := http.NewRequest(method, b.base+path, body)
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location") + string(out)
}

// csrf reads the forms' token of the session from a page's form.
func (b *browser) csrf(path string) string {
	b.t.Helper()
	code, body := b.do("GET", path, "", nil, "")
	m := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(body)
	if code != http.StatusOK || m == nil {
		b.t.Fatalf("no form token on %s: %d", path, code)
	}
	return m[1]
}

func (b *browser) login(name, pw string) int {
	form := url.Values{"name": {name}, "password": {pw}, "next": {"/admin/queues/"}}
	code, _ := b.do("POST", "/login", b.base, strings.NewReader(form.Encode()), "application/x-www-form-urlencoded")
	return code
}

// asynqmon is behind sohoa's sign-in: unreachable without it, read-only for staff, with its
// actions for admins, and a cross-site request is refused even with an admin's session.
func TestQueuesBehindSignIn(t *testing.T) {
	a, _ := testApp(t)
	ctx := context.Background()
	for _, u := range []struct{ name, role string }{{"an", httpapi.RoleAdmin}, {"binh", httpapi.RoleStaff}} {
		h, err := httpapi.HashPassword("mat-khau-" + u.name + "-2026")
		if err != nil {
			t.Fatal(err)
		}
		if err := a.db.PutUser(ctx, httpapi.User{Name: u.name, PasswordHash: h, Role: u.role}); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()

	anon := newBrowser(t, srv.URL)
	if code, loc := anon.do("GET", "/admin/queues/", "", nil, ""); code != http.StatusSeeOther || !strings.HasPrefix(loc, "/login") {
		t.Errorf("asynqmon without sign-in: %d %q, want a redirect to /login", code, loc)
	}
	if code, _ := anon.do("GET", "/admin/queues/api/queues", "", nil, ""); code != http.StatusUnauthorized {
		t.Errorf("asynqmon API without sign-in: %d, want 401", code)
	}
	if code := anon.login("an", "wrong password"); code != http.StatusUnauthorized {
		t.Errorf("wrong password: %d, want 401", code)
	}

	staff := newBrowser(t, srv.URL)
	if code := staff.login("binh", "mat-khau-binh-2026"); code != http.StatusSeeOther {
		t.Fatalf("staff login: %d", code)
	}
	if code, _ := staff.do("GET", "/admin/queues/api/queues", "", nil, ""); code != http.StatusForbidden {
		t.Errorf("staff on the admin mount: %d, want 403", code)
	}
	if code, body := staff.do("GET", "/staff/queues/api/queues", "", nil, ""); code != http.StatusOK || !strings.Contains(body, "queues") {
		t.Errorf("staff on the read-only mount: %d %s", code, body)
	}
	if code, _ := staff.do("POST", "/staff/queues/api/queues/ocr:pause", srv.URL, nil, ""); code != http.StatusMethodNotAllowed {
		t.Errorf("staff pausing a queue on the read-only mount: %d, want 405", code)
	}
	if code, _ := staff.do("POST", "/api/v1/retry", srv.URL, strings.NewReader(`{}`), "application/json"); code != http.StatusForbidden {
		t.Errorf("staff bulk retry: %d, want 403", code)
	}

	admin := newBrowser(t, srv.URL)
	if code := admin.login("an", "mat-khau-an-2026"); code != http.StatusSeeOther {
		t.Fatalf("admin login: %d", code)
	}
	if code, body := admin.do("GET", "/admin/queues/api/queues", "", nil, ""); code != http.StatusOK || !strings.Contains(body, "queues") {
		t.Errorf("admin asynqmon API: %d %s", code, body)
	}
	if code, body := admin.do("GET", "/admin/queues/", "", nil, ""); strings.Contains(body, "googleapis") {
		t.Errorf("asynqmon's page links another site (offline networks, privacy): %d", code)
	}
	if code, _ := admin.do("GET", "/admin/queues/", "", nil, ""); code != http.StatusOK {
		t.Errorf("admin asynqmon UI: %d", code)
	}
	if code, _ := admin.do("POST", "/api/v1/retry", "https://evil.example", strings.NewReader(`{}`), "application/json"); code != http.StatusForbidden {
		t.Errorf("cross-site retry with an admin session: %d, want 403", code)
	}
	if code, body := admin.do("POST", "/api/v1/retry", srv.URL, strings.NewReader(`{"desk":"none"}`), "application/json"); code != http.StatusOK || !strings.Contains(body, `"retried": 0`) {
		t.Errorf("admin bulk retry: %d %s", code, body)
	}

	// The tree and the register through the admin API: a district, a desk in it, two dossiers.
	for _, c := range []struct{ method, path, body string }{
		{"PUT", "/api/v1/units/H1101", `{"name":"Thành phố Điện Biên Phủ","level":"district","parent":"P11"}`},
		{"PUT", "/api/v1/desks/DB-01", `{"name":"Bộ phận một cửa TP Điện Biên Phủ","unit":"H1101"}`},
		{"POST", "/api/v1/register", `[{"desk":"DB-01","code":"HS-1","procedure":"dang_ky_khai_sinh","received_on":"2026-03-02T00:00:00Z"},
			{"desk":"DB-01","code":"HS-2","received_on":"2026-03-05T00:00:00Z","result_issued_on":"2026-03-09T00:00:00Z"}]`},
	} {
		if code, body := admin.do(c.method, c.path, srv.URL, strings.NewReader(c.body), "application/json"); code != http.StatusOK {
			t.Errorf("%s %s: %d %s", c.method, c.path, code, body)
		}
		if code, _ := staff.do(c.method, c.path, srv.URL, strings.NewReader(c.body), "application/json"); code != http.StatusForbidden {
			t.Errorf("staff %s %s: %d, want 403", c.method, c.path, code)
		}
	}
	if code, body := admin.do("GET", "/api/v1/coverage?level=province&within=P11&from=2026-03-01&to=2026-04-01", "", nil, ""); code != http.StatusOK ||
		!strings.Contains(body, `"dossiers_received": 2`) || !strings.Contains(body, `"results_issued": 1`) || !strings.Contains(body, `"desks": 1`) {
		t.Errorf("coverage of the registered dossiers: %d %s", code, body)
	}
}

// `sohoa retry --desk D --class transient` re-runs exactly that desk's transient failures: not
// another desk's, not a corrupt file.
func TestRetryByDeskAndClass(t *testing.T) {
	a, cfg := testApp(t)
	ctx := context.Background()
	for _, d := range []string{"A", "B"} {
		if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: d, Name: d, Kind: pipeline.Locality}); err != nil {
			t.Fatal(err)
		}
	}
	good, _ := os.ReadFile("../../testdata/demo/batch/BKHDT-DKKD/DN-0201/02-giay-chung-nhan.png")
	bad, _ := os.ReadFile("../../testdata/demo/batch/HCM-Q1-BENNGHE/HS-DD-0102/02-ban-do-loi.jpg")
	eng, err := ocr.New(ocr.Config{Slots: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	// Storage is down while the desks' pages are prepared: transient failures until retries run out.
	down, _ := s3.Open(s3.Config{Endpoint: "127.0.0.1:1", AccessKey: "x", SecretKey: "y", Bucket: cfg.S3.Bucket})
	stages := &pipeline.Stages{Store: a.db, Originals: a.originals, Objects: a.objects, Queue: a.queue, Engine: eng, Classifier: classify.Default(),
		Limits: scan.DefaultLimits, Log: a.log}
	broken := &pipeline.Stages{Store: a.db, Originals: down, Objects: down, Queue: a.queue, Engine: eng, Classifier: classify.Default(),
		Limits: scan.DefaultLimits, Log: a.log}
	pageOf := map[string]string{}
	var batchB string
	for _, f := range []struct {
		desk, name string
		data       []byte
	}{{"A", "a.png", good}, {"B", "b.png", good}, {"A", "bad.jpg", bad}} {
		doc, batch, err := a.intake().Accept(ctx, pipeline.Upload{Desk: f.desk, Batch: "b", Dossier: "D-" + f.name, Filename: f.name}, f.data, "image/png")
		if err != nil {
			t.Fatal(err)
		}
		if f.desk == "B" {
			batchB = batch.String()
		}
		if err := stages.Ingest(ctx, pipeline.NewTask(pipeline.TypeIngest, doc)); err != nil {
			t.Fatal(err)
		}
		pages, _ := a.db.SplitDocument(ctx, doc, "", 0, "", 0)
		pageOf[f.name] = pages[0].String()
		task := pipeline.NewTask(pipeline.TypePrepare, pages[0])
		if f.name == "bad.jpg" {
			_ = stages.Prepare(ctx, task) // corrupt: fails for good
			continue
		}
		err = broken.Prepare(ctx, task)
		if pipeline.ClassOf(err) != pipeline.ClassTransient {
			t.Fatalf("prepare with storage down: %v, want a transient failure", err)
		}
		stages.Exhausted(ctx, task, err) // what the worker's ErrorHandler does when retries run out
	}
	state := func(name string) (string, string) {
		var s, c string
		_ = a.db.Pool.QueryRow(ctx, `SELECT state, error_class FROM pages WHERE id = $1`, pageOf[name]).Scan(&s, &c)
		return s, c
	}
	for _, n := range []string{"a.png", "b.png"} {
		if s, c := state(n); s != "failed" || c != "transient" {
			t.Fatalf("%s: %s %s, want failed transient", n, s, c)
		}
	}
	// The desk's batch status says what a transient failure means, not the internal address
	// the storage error named (operators read that in the failures and the logs).
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()
	var st pipeline.BatchStatus
	getAs(t, deskKey(t, a, "B"), srv.URL+"/api/v1/batches/"+batchB, &st)
	if len(st.Files) != 1 || st.Files[0].ErrorClass != "transient" || strings.Contains(st.Files[0].Error, "127.0.0.1") || st.Files[0].Error == "" {
		t.Errorf("batch status of a transient failure: %+v", st.Files)
	}

	// The failed tasks are archived in Asynq, as they would be once retries ran out.
	if _, err := a.inspector.ArchiveAllPendingTasks(pipeline.QueuePages); err != nil {
		t.Fatal(err)
	}
	// A failure and its task match both ways: the failures list names the task, and asynqmon
	// shows the task's desk, batch, dossier and page (not the file's name).
	var failures struct{ Failures []pipeline.FailedPage }
	getAs(t, deskKey(t, a, "B"), srv.URL+"/api/v1/failures", &failures)
	if len(failures.Failures) != 1 || failures.Failures[0].TaskID != "sohoa:prepare:"+pageOf["b.png"] || failures.Failures[0].Queue != pipeline.QueuePages {
		t.Errorf("failures of desk B: %+v", failures.Failures)
	}
	h, _ := httpapi.HashPassword("mat-khau-admin-2026")
	if err := a.db.PutUser(ctx, httpapi.User{Name: "ops", PasswordHash: h, Role: httpapi.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	admin := newBrowser(t, srv.URL)
	admin.login("ops", "mat-khau-admin-2026")
	code, tasks := admin.do("GET", "/admin/queues/api/queues/"+pipeline.QueuePages+"/archived_tasks", "", nil, "")
	if code != http.StatusOK || !strings.Contains(tasks, "desk B · batch b · dossier D-b.png") || !strings.Contains(tasks, "page 1") ||
		!strings.Contains(tasks, "sohoa:prepare:"+pageOf["b.png"]) {
		t.Errorf("asynqmon's archived tasks (%d): %.600s", code, tasks)
	}
	runWorker(t, a)
	var out bytes.Buffer
	if err := retryCmd(ctx, a, []string{"-desk", "A", "-class", "transient"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 pages sent again") {
		t.Errorf("retry: %s", out.String())
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if s, _ := state("a.png"); s == "done" || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	for name, want := range map[string]string{"a.png": "done", "b.png": "failed", "bad.jpg": "failed"} {
		if s, c := state(name); s != want {
			t.Errorf("%s: %s (%s), want %s", name, s, c, want)
		}
	}
	var attempts int
	_ = a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM stage_attempts WHERE row_id = $1 AND outcome = 'ok'`, pageOf["a.png"]).Scan(&attempts)
	if attempts < 2 {
		t.Errorf("ledger holds %d successful attempts for the retried page, want its prepare and OCR", attempts)
	}
}

// Revocation from the command line: a revoked key gets 401 at once; a password change ends the
// operator's sessions; a removed operator can no longer sign in; logout ends every session.
func TestRevocationCommands(t *testing.T) {
	a, _ := testApp(t)
	ctx := context.Background()
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "RV", Name: "Revoke", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()
	var out strings.Builder
	if err := keysCmd(ctx, a, []string{"create", "-desk", "RV", "-name", "scanner"}, &out); err != nil {
		t.Fatal(err)
	}
	key := strings.TrimSpace(out.String())
	keep := deskKey(t, a, "RV")
	status := func(k string) int {
		resp := get(t, k, srv.URL+"/api/v1/failures")
		resp.Body.Close()
		return resp.StatusCode
	}
	if c := status(key); c != http.StatusOK {
		t.Fatalf("new key: %d", c)
	}
	out.Reset()
	if err := keysCmd(ctx, a, []string{"list", "-desk", "RV"}, &out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), key) || strings.Count(out.String(), "live") != 2 {
		t.Fatalf("keys list:\n%s", out.String())
	}
	var id string
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.Contains(l, "scanner") {
			id = strings.Fields(l)[0]
		}
	}
	if err := keysCmd(ctx, a, []string{"revoke", id[:4]}, io.Discard); err == nil {
		t.Error("a 4-digit key id was accepted")
	}
	if err := keysCmd(ctx, a, []string{"revoke", id}, io.Discard); err != nil {
		t.Fatal(err)
	}
	if c := status(key); c != http.StatusUnauthorized {
		t.Errorf("revoked key: %d, want 401", c)
	}
	if c := status(keep); c != http.StatusOK {
		t.Errorf("the desk's other key after revoking one: %d", c)
	}
	if err := keysCmd(ctx, a, []string{"revoke", "-desk", "RV"}, io.Discard); err != nil {
		t.Fatal(err)
	}
	if c := status(keep); c != http.StatusUnauthorized {
		t.Errorf("key of a revoked desk: %d, want 401", c)
	}

	t.Setenv("SOHOA_PASSWORD", "mat-khau-cu-2026")
	if err := usersCmd(ctx, a, []string{"add", "chi", "-role", "admin"}, nil, io.Discard); err != nil {
		t.Fatal(err)
	}
	b1, b2 := newBrowser(t, srv.URL), newBrowser(t, srv.URL)
	for _, b := range []*browser{b1, b2} {
		if code := b.login("chi", "mat-khau-cu-2026"); code != http.StatusSeeOther {
			t.Fatalf("login: %d", code)
		}
	}
	signedIn := func(b *browser) bool {
		code, _ := b.do("GET", "/admin/queues/api/queues", "", nil, "")
		return code == http.StatusOK
	}
	if !signedIn(b1) || !signedIn(b2) {
		t.Fatal("sessions not working")
	}
	t.Setenv("SOHOA_PASSWORD", "mat-khau-moi-2026")
	if err := usersCmd(ctx, a, []string{"add", "chi", "-role", "admin"}, nil, io.Discard); err != nil {
		t.Fatal(err)
	}
	if signedIn(b1) || signedIn(b2) {
		t.Error("sessions survived a password change")
	}
	if code := b1.login("chi", "mat-khau-cu-2026"); code != http.StatusUnauthorized {
		t.Errorf("old password: %d", code)
	}
	for _, b := range []*browser{b1, b2} {
		if code := b.login("chi", "mat-khau-moi-2026"); code != http.StatusSeeOther {
			t.Fatalf("login with the new password: %d", code)
		}
	}
	if err := usersCmd(ctx, a, []string{"logout", "chi"}, nil, io.Discard); err != nil {
		t.Fatal(err)
	}
	if signedIn(b1) || signedIn(b2) {
		t.Error("sessions survived users logout")
	}
	b1.login("chi", "mat-khau-moi-2026")
	if err := usersCmd(ctx, a, []string{"remove", "chi"}, nil, io.Discard); err != nil {
		t.Fatal(err)
	}
	if signedIn(b1) {
		t.Error("a removed user's session still works")
	}
	if code := b2.login("chi", "mat-khau-moi-2026"); code != http.StatusUnauthorized {
		t.Errorf("removed user signing in: %d", code)
	}
	if err := usersCmd(ctx, a, []string{"remove", "chi"}, nil, io.Discard); err == nil {
		t.Error("removing a user twice succeeded")
	}
}
