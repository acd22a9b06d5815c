package main

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/pipeline"
)

// The desk upload page in headless Chromium: a desk's key, two scans chosen for one dossier,
// a progress bar each, then each file's result as the pipeline finishes it.
func TestUploadPageInBrowser(t *testing.T) {
	chromium(t)
	a, _ := testApp(t)
	ctx := context.Background()
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "WEB", Name: "Desk on the web", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	key := deskKey(t, a, "WEB")
	runWorker(t, a)
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()

	var files []string
	for _, f := range []string{"HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png", "HN-BADINH-DIENBIEN/HS-KS-0001/02-giay-chung-sinh.png"} {
		p, _ := filepath.Abs("../../testdata/demo/batch/" + f)
		files = append(files, p)
	}
	bctx, cancel := headless(t, 1200, 900)
	defer cancel()
	err := chromedp.Do(bctx,
		chromedp.Navigate(srv.URL+"/upload"),
		chromedp.WaitVisible("#send"),
		chromedp.SendKeys("#key", key),
		chromedp.SetValue("#dossier", "HS-WEB-1"),
		chromedp.SetUploadFiles("#files", files),
		chromedp.WaitVisible("#row-1"),
		chromedp.Click("#send"),
	)
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	status, err := chromedp.Run(bctx, chromedp.Poll[string](`(() => { const s = document.getElementById('status'); return s.dataset.finished ? s.textContent : null; })()`))
	if err != nil {
		t.Fatalf("waiting for the batch: %v", err)
	}
	results, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#rows .result')].map(c => c.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("status %q, results %v", status, results)
	// The catalogue's Vietnamese names, the role and confidence, not type codes.
	if !strings.Contains(status, "2/2") || !strings.HasSuffix(status, "✓") || len(results) != 2 ||
		!strings.HasPrefix(results[0], "✓ Tờ khai đăng ký khai sinh (hồ sơ đầu vào, ") || !strings.HasPrefix(results[1], "✓ Giấy chứng sinh (hồ sơ đầu vào, ") {
		t.Errorf("upload page shows %q and %v", status, results)
	}
	progress, _ := chromedp.Run(bctx, chromedp.Evaluate[[]float64](`[...document.querySelectorAll('#rows progress')].map(p => p.value)`))
	for _, p := range progress {
		if p != 100 {
			t.Errorf("progress bars at %v, want 100 each", progress)
			break
		}
	}
	if shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(80)); err == nil {
		_ = os.MkdirAll("../../test-artifacts", 0o755)
		_ = os.WriteFile("../../test-artifacts/upload.jpg", shot, 0o644)
	}

	// A wrong key is refused before any file is sent, in words a clerk understands (the
	// browser reports the refusal of the key check).
	watched(bctx).expect("401 (Unauthorized) (" + srv.URL + "/api/v1/catalogue)")
	var before int
	_ = a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM documents`).Scan(&before)
	err = chromedp.Do(bctx,
		chromedp.Navigate(srv.URL+"/upload"),
		chromedp.WaitVisible("#send"),
		chromedp.SetValue("#key", "sohoa_wrong-key"),
		chromedp.SetValue("#dossier", "HS-WEB-2"),
		chromedp.SetUploadFiles("#files", files),
		chromedp.WaitVisible("#row-1"),
		chromedp.Click("#send"),
	)
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	refused, err := chromedp.Run(bctx, chromedp.Poll[string](`(() => { const s = document.getElementById('status').textContent; return s.includes('✗') ? s : null; })()`))
	if err != nil || !strings.Contains(refused, "Khóa API không đúng") {
		t.Errorf("a wrong key: %q %v", refused, err)
	}
	var after int
	_ = a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM documents`).Scan(&after)
	if after != before {
		t.Errorf("%d files registered with a wrong key", after-before)
	}

	// A stack with two receipts: the row says how the file was split, dossier by dossier.
	const c1, c2 = "000.00.12.H29-261206-0301", "000.00.12.H29-261206-0302"
	stack := filepath.Join(t.TempDir(), "chong.tif")
	if err := os.WriteFile(stack, stackFile(t, []sheet{
		{"receipt:" + c1, []synth.Mark{{Kind: "qr", Value: c1, X: 165, Y: 10}}},
		{"giay_khai_sinh", nil},
		{"receipt:" + c2, []synth.Mark{{Kind: "code128", Value: c2, X: 30, Y: 265}}},
		{"don_dang_ky_dat_dai", nil},
	}), 0o644); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(bctx,
		chromedp.Navigate(srv.URL+"/upload"),
		chromedp.WaitVisible("#send"),
		chromedp.SetValue("#key", key),
		chromedp.SetValue("#batch", "chong-06-12"),
		chromedp.SetValue("#dossier", "CHONG"),
		chromedp.SetUploadFiles("#files", []string{stack}),
		chromedp.WaitVisible("#row-0"),
		chromedp.Click("#send"),
	)
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	if _, err := chromedp.Run(bctx, chromedp.Poll[string](`(() => { const s = document.getElementById('status'); return s.dataset.finished ? s.textContent : null; })()`)); err != nil {
		t.Fatalf("waiting for the stack: %v", err)
	}
	row, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.querySelector('#row-0 .result').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stack row: %q", row)
	for _, want := range []string{"tách thành 2 tài liệu", "hồ sơ " + c1 + ", trang / pages 1,2: ✓", "hồ sơ " + c2 + ", trang / pages 3,4: ✓ Đơn đăng ký"} {
		if !strings.Contains(row, want) {
			t.Errorf("the stack's row lacks %q", want)
		}
	}
}
