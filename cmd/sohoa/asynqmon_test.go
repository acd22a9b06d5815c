package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/sohoa/sohoa/httpapi"
	"github.com/sohoa/sohoa/pipeline"
)

// An admin signs in in a real browser, opens asynqmon, and re-runs the archived task of a page
// that failed while storage was down: the page completes and the desk's percentage changes.
// Staff may not do it; without signing in asynqmon is unreachable.
func TestAsynqmonRetryInBrowser(t *testing.T) {
	chromium(t)
	a, cfg := testApp(t)
	ctx := context.Background()
	for _, u := range []struct{ name, role string }{{"quan-tri", httpapi.RoleAdmin}, {"nhan-vien", httpapi.RoleStaff}} {
		h, _ := httpapi.HashPassword("mat-khau-dai-2026")
		if err := a.db.PutUser(ctx, httpapi.User{Name: u.name, PasswordHash: h, Role: u.role}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "Q", Name: "Desk Q", Unit: "P11", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile("../../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/03-giay-khai-sinh.png")
	if _, _, err := a.intake().Accept(ctx, pipeline.Upload{Desk: "Q", Batch: "b", Dossier: "HS-1", Filename: "kq.png"}, page, "image/png"); err != nil {
		t.Fatal(err)
	}
	percent := func() float64 {
		figs, _ := a.db.DeskFigures(ctx)
		for _, f := range figs {
			if f.Desk == "Q" {
				return f.Percentage
			}
		}
		return -1
	}

	// Storage goes down: a worker that cannot reach S3 retries quickly, then gives up.
	downCfg := *cfg
	downCfg.S3.Endpoint = "127.0.0.1:1"
	downCfg.RetryBase, downCfg.DelayedCheck, downCfg.MetricsAddr = 10*time.Millisecond, 200*time.Millisecond, ""
	down, err := openApp(ctx, &downCfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer down.close()
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- down.worker(wctx, time.Hour) }()
	deadline := time.Now().Add(150 * time.Second) // minio-go retries each call to a dead server
	for {
		var failed int
		_ = a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM pages WHERE state = 'failed' AND error_class = 'transient'`).Scan(&failed)
		if failed == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the page did not fail while storage was down")
		}
		time.Sleep(200 * time.Millisecond)
	}
	stop()
	<-done
	before := percent()

	// Storage is back; a worker with it runs.
	a.cfg.MetricsAddr = ""
	wctx, stop = context.WithCancel(ctx)
	go func() { done <- a.worker(wctx, time.Hour) }()
	defer func() { stop(); <-done }()
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()

	open := func() (context.Context, context.CancelFunc) { return headless(t, 1280, 900) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("chromium: %v", err)
		}
	}
	signIn := func(bctx context.Context, name string) {
		must(chromedp.Do(bctx, chromedp.Navigate(srv.URL+"/admin/queues/"), chromedp.WaitVisible("#name"),
			chromedp.SendKeys("#name", name), chromedp.SendKeys("#password", "mat-khau-dai-2026"), chromedp.Click("#submit"),
			chromedp.WaitNotPresent("#password")))
	}
	// The asynqmon API from the signed-in page itself: the browser sends the session cookie and
	// its own Origin, as asynqmon's "Run" button does.
	runArchived := func(bctx context.Context, mount string) int {
		js := `(async () => {
			const list = await fetch('` + mount + `/api/queues/default/archived_tasks').then(r => r.ok ? r.json() : {tasks: []});
			const id = (list.tasks && list.tasks[0]) ? list.tasks[0].id : 'none';
			const r = await fetch('` + mount + `/api/queues/default/archived_tasks/' + encodeURIComponent(id) + ':run', {method: 'POST'});
			return r.status;
		})()`
		v, err := chromedp.Run(bctx, chromedp.Evaluate[int](js, chromedp.EvalAwaitPromise))
		must(err)
		return v
	}

	// Without signing in: the sign-in page, not asynqmon.
	anon, cancel := open()
	defer cancel()
	must(chromedp.Do(anon, chromedp.Navigate(srv.URL+"/admin/queues/"), chromedp.WaitVisible("#password")))
	if title, _ := chromedp.Run(anon, chromedp.Title()); !strings.Contains(title, "đăng nhập") {
		t.Errorf("asynqmon without signing in shows %q", title)
	}

	// Staff: read-only.
	staff, cancel := open()
	defer cancel()
	signIn(staff, "nhan-vien")
	watched(staff).expect("status of 403 (Forbidden)", "status of 405 (Method Not Allowed)") // the refusals asked for here
	if code := runArchived(staff, "/admin/queues"); code != 403 {
		t.Errorf("staff re-running a task on the admin mount: %d, want 403", code)
	}
	if code := runArchived(staff, "/staff/queues"); code != 405 {
		t.Errorf("staff re-running a task on the read-only mount: %d, want 405", code)
	}

	// Admin: asynqmon opens, and the archived task runs again.
	admin, cancel := open()
	defer cancel()
	signIn(admin, "quan-tri")
	must(chromedp.Do(admin, chromedp.WaitVisible("#root")))
	if code := runArchived(admin, "/admin/queues"); code != 204 {
		t.Fatalf("admin re-running the archived task: %d, want 204", code)
	}
	deadline = time.Now().Add(60 * time.Second)
	for percent() != 100 {
		if time.Now().After(deadline) {
			var s, c string
			_ = a.db.Pool.QueryRow(ctx, `SELECT state, error_class FROM pages`).Scan(&s, &c)
			t.Fatalf("desk at %.2f %% (page %s %s), want 100 %% after the retry", percent(), s, c)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if before != 0 {
		t.Errorf("desk at %.2f %% while the page was failed, want 0", before)
	}
	var ledger int
	_ = a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM stage_attempts WHERE outcome = 'archived'`).Scan(&ledger)
	if ledger == 0 {
		t.Error("the ledger does not hold the archived attempt")
	}
	shot, err := chromedp.Run(admin, chromedp.FullScreenshot(80))
	if err == nil {
		_ = os.MkdirAll("../../test-artifacts", 0o755)
		_ = os.WriteFile("../../test-artifacts/asynqmon.jpg", shot, 0o644)
	}
}
