package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/sohoa/sohoa/httpapi"
	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/pipeline"
)

// A desk's clerk works in the browser: signs in (bound to the desk), finds the day's batch, sees
// how its stack was split, opens a document (text, pages, its PDF in the page, the original's
// download, the history of corrections), moves a page to its own dossier and corrects a type
// by form, searches, confirms from the review queue by keyboard, reads the failed pages,
// uploads a dossier with the session (no key) and follows it to its batch's page, signs out; another desk's document is not found; a reviewer corrects a type and the desk's figure
// follows; reporting staff cannot open documents; an admin retries a picked failed page and a
// failure class from the failures page. No page writes an error to the console.
func TestClerkPagesInBrowser(t *testing.T) {
	chromium(t)
	a, _ := testApp(t)
	ctx := context.Background()
	for _, d := range []string{"CL", "CL2"} {
		if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: d, Name: "Desk " + d, Kind: pipeline.Locality}); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range []httpapi.User{{Name: "lan", Role: httpapi.RoleClerk, Desk: "CL"}, {Name: "hoa", Role: httpapi.RoleStaff}, {Name: "an", Role: httpapi.RoleAdmin},
		{Name: "minh", Role: httpapi.RoleReviewer}} {
		u.PasswordHash, _ = httpapi.HashPassword("mat-khau-" + u.Name + "-2026")
		if err := a.db.PutUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	key := deskKey(t, a, "CL")
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()
	runWorker(t, a)

	const c1, c2, c3 = "000.00.12.H29-261206-0401", "000.00.12.H29-261206-0402", "000.00.12.H29-261206-0403"
	dir := filepath.Join(t.TempDir(), "lo-06-12")
	_ = os.MkdirAll(filepath.Join(dir, "chong"), 0o755)
	_ = os.MkdirAll(filepath.Join(dir, "HS-LOI"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "chong", "stack.tif"), stackFile(t, []sheet{
		{"receipt:" + c1, []synth.Mark{{Kind: "qr", Value: c1, X: 165, Y: 10}}},
		{"giay_khai_sinh", nil},
		{"giay_chung_nhan_ket_hon", nil},
		{"receipt:" + c2, []synth.Mark{{Kind: "code128", Value: c2, X: 30, Y: 265}}},
		{"don_dang_ky_dat_dai", nil},
	}), 0o644); err != nil {
		t.Fatal(err)
	}
	_ = os.WriteFile(filepath.Join(dir, "HS-LOI", "hong.png"), []byte("\x89PNG\r\n\x1a\nnot really"), 0o644)
	var out bytes.Buffer
	if err := uploadCmd(ctx, []string{"--server", srv.URL, "--key", key, dir}, &out, http.DefaultClient); err != nil {
		t.Fatalf("upload: %v\n%s", err, out.String())
	}
	// A document of another desk.
	other, _, err := a.intake().Accept(ctx, pipeline.Upload{Desk: "CL2", Batch: "b", Dossier: "X", Filename: "x.png"},
		[]byte("\x89PNG\r\n\x1a\nnot really"), "image/png")
	if err != nil {
		t.Fatal(err)
	}

	bctx, cancel := headlessFor(t, 390, 900, 6*time.Minute) // a phone's width; the move waits on a worker
	defer cancel()
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	login := func(name string) {
		t.Helper()
		if err := chromedp.Do(bctx,
			chromedp.Navigate(srv.URL+"/batches"), // sends to the sign-in page, and back after
			chromedp.WaitVisible(chromedp.ID("name")),
			chromedp.SendKeys("#name", name),
			chromedp.SendKeys("#password", "mat-khau-"+name+"-2026"),
			chromedp.Click("#submit"),
			chromedp.WaitReady(chromedp.CSS("body")),
			chromedp.Sleep(300*time.Millisecond),
		); err != nil {
			t.Fatalf("sign in as %s: %v", name, err)
		}
	}
	login("lan")
	do(chromedp.WaitVisible(chromedp.CSS("main h1")))
	if h := text("header"); !strings.Contains(h, "lan (CL)") || !strings.Contains(h, "Đăng xuất") {
		t.Errorf("header: %q, want the clerk and a sign-out button", h)
	}
	if body := text("main"); !strings.Contains(body, "lo-06-12") {
		t.Fatalf("batches page: %q", body)
	}
	link, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.querySelector('a[href^="/batches/"]').href`))
	if err != nil {
		t.Fatal(err)
	}
	do(chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("table")))
	batch := text("main")
	for _, want := range []string{c1, c2, "1-3", "4-5", "corrupt"} { // the split rule column is left out at a phone's width
		if !strings.Contains(batch, want) {
			t.Errorf("batch page lacks %q:\n%s", want, batch)
		}
	}
	// The first dossier's document: its pages, its text, a PDF; the marriage certificate on
	// its third page belongs in a dossier of its own.
	var href string
	href, err = chromedp.Run(bctx, chromedp.Evaluate[string](`[...document.querySelectorAll("tr")].find((r) => r.cells[0].textContent === "`+c1+`").querySelector("a").href`))
	if err != nil {
		t.Fatal(err)
	}
	do(chromedp.Navigate(href), chromedp.WaitVisible(chromedp.ID("pages")))
	doc := text("main")
	for _, want := range []string{"Trang / Page 1", "Trang / Page 3", "PHIẾU TIẾP NHẬN", "PDF tìm kiếm được", "mã / codes: " + c1} {
		if !strings.Contains(doc, want) {
			t.Errorf("document page lacks %q", want)
		}
	}
	// Each page's clean image, as the OCR read it, under its text.
	width, err := chromedp.Run(bctx, chromedp.Poll[int](`(() => { const d = document.querySelector("main details.page"); if (!d) return -1; d.open = true;
		const i = d.querySelector("img"); return i.complete && i.naturalWidth > 0 ? i.naturalWidth : null; })()`))
	if err != nil || width < 1000 {
		t.Errorf("the first page's image: %d px wide (%v), want the 200-DPI page", width, err)
	}
	do(chromedp.SendKeys("#pages", "3"), chromedp.SendKeys("#dossier", c3), chromedp.Submit("#pages"), chromedp.Sleep(500*time.Millisecond),
		chromedp.WaitVisible(chromedp.CSS("main h1")))
	if flash := text("main"); !strings.Contains(flash, "Đã chuyển trang") {
		t.Errorf("after the move: %q", flash)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var typ, state string
		err := a.db.Pool.QueryRow(ctx, `SELECT d.doc_type, o.state FROM documents d JOIN dossiers o ON o.id = d.dossier_id WHERE o.code = $1`, c3).Scan(&typ, &state)
		if err == nil && typ == "giay_chung_nhan_ket_hon" && state == "digitized" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the moved page: %s in a %s dossier (%v)", typ, state, err)
		}
		time.Sleep(300 * time.Millisecond)
	}
	var clDoc string
	if err := a.db.Pool.QueryRow(ctx, `SELECT d.id FROM documents d JOIN dossiers o ON o.id = d.dossier_id WHERE o.code = $1`, c3).Scan(&clDoc); err != nil {
		t.Fatal(err)
	}
	// The type form: the clerk confirms the moved page's type.
	do(chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("type")), chromedp.SetValue("#type", "giay_chung_nhan_ket_hon"), chromedp.Submit("#type"),
		chromedp.Sleep(500*time.Millisecond), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if page := text("main"); !strings.Contains(page, "Đã ghi loại tài liệu") || !strings.Contains(page, c3) {
		t.Errorf("after confirming the type: %q", page)
	}
	// The document's history says who moved its page in and who confirmed its type.
	if h := text("#history"); !strings.Contains(h, "lan") || !strings.Contains(h, "chuyển vào từ") || !strings.Contains(h, "→") {
		t.Errorf("the document's corrections: %q", h)
	}
	// Its searchable PDF, shown in the page, and the original file as uploaded (the whole stack
	// the page came from) downloaded with the clerk's session.
	do(chromedp.Click(chromedp.CSS("details#pdf summary")))
	pdfURL := "/api/v1/documents/" + clDoc + "/pdf"
	for deadline := time.Now().Add(20 * time.Second); len(watched(bctx).received(pdfURL)) == 0 && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	if got := watched(bctx).received(pdfURL); len(got) == 0 || got[0].Status != 200 || got[0].MimeType != "application/pdf" {
		t.Errorf("the PDF framed in its document's page: %+v, want 200 application/pdf", got)
	}
	cookies, err := chromedp.Call(bctx, network.GetCookies, network.GetCookiesParams{URLs: []string{srv.URL}})
	if err != nil {
		t.Fatal(err)
	}
	original, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.querySelector("#original").href`))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("GET", original, nil)
	for _, c := range cookies.Cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Error(err)
	} else {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		stack, _ := os.ReadFile(filepath.Join(dir, "chong", "stack.tif"))
		if resp.StatusCode != 200 || !bytes.Equal(b, stack) || resp.Header.Get("Content-Disposition") != "attachment; filename=stack.tif" {
			t.Errorf("the original's download: %d, %d bytes of %d, %q", resp.StatusCode, len(b), len(stack), resp.Header.Get("Content-Disposition"))
		}
	}
	do(chromedp.Sleep(time.Second)) // the framed PDF loads: a refused frame would be a console error
	if shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(80)); err == nil {
		_ = os.MkdirAll("../../test-artifacts", 0o755)
		_ = os.WriteFile("../../test-artifacts/clerk-document.jpg", shot, 0o644)
	}
	// Search, review, failures.
	do(chromedp.Navigate(srv.URL+"/search?q=giay+khai+sinh"), chromedp.WaitVisible(chromedp.CSS("main")))
	if s := text("main"); !strings.Contains(s, c1) {
		t.Errorf("search page: %q", s)
	}
	// Filters narrow it: another type, or dossiers received later, find nothing; the receipt's
	// dossier code finds it.
	for _, f := range []struct {
		query string
		found bool
	}{{"&type=don_dang_ky_dat_dai", false}, {"&from=2099-01-01", false}, {"&role=input&dossier=" + c1, true}} {
		do(chromedp.Navigate(srv.URL+"/search?q=giay+khai+sinh"+f.query), chromedp.WaitVisible(chromedp.CSS("main h1")))
		if s := text("main"); strings.Contains(s, c1) != f.found {
			t.Errorf("search with %s: %q, want found %v", f.query, s, f.found)
		}
	}
	do(chromedp.Navigate(srv.URL+"/search?q=giay+khai+sinh"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if marked, err := chromedp.Run(bctx, chromedp.Evaluate[string](`[...document.querySelectorAll("main mark")].map((m) => m.textContent).join(" ")`)); err != nil ||
		!strings.Contains(strings.ToUpper(marked), "KHAI") {
		t.Errorf("search page highlights %q (%v), want the words found", marked, err)
	}
	do(chromedp.Navigate(srv.URL+"/failures"), chromedp.WaitVisible(chromedp.CSS("main")))
	if s := text("main"); !strings.Contains(s, "hong.png") || !strings.Contains(s, "corrupt") || strings.Contains(s, "Chạy lại") {
		t.Errorf("a clerk's failures page (no retry control): %q", s)
	}
	do(chromedp.Navigate(srv.URL+"/review"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if s := text("main"); strings.Contains(s, "hong.png") {
		t.Errorf("the review list holds a refused file: %q", s)
	}
	// From the keyboard: j and k pick a row, c confirms the picked row's type, and it leaves the list.
	if s := text("main"); !strings.Contains(s, "stack.tif") {
		t.Errorf("the review list lacks the receipt's document (typed for review): %q", s)
	} else {
		picked := func() int {
			t.Helper()
			i, err := chromedp.Run(bctx, chromedp.Evaluate[int](`[...document.querySelectorAll("#queue tr.item")].findIndex((r) => r.classList.contains("current"))`))
			if err != nil {
				t.Fatal(err)
			}
			return i
		}
		rows, _ := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll("#queue tr.item").length`))
		if picked() != 0 {
			t.Errorf("the review list picks row %d first, want 0", picked())
		}
		do(chromedp.KeyEvent("j"))
		if want := min(1, rows-1); picked() != want {
			t.Errorf("after j: row %d picked of %d, want %d", picked(), rows, want)
		}
		do(chromedp.KeyEvent("k"))
		if picked() != 0 {
			t.Errorf("after j, k: row %d picked, want 0", picked())
		}
		if over, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`)); err != nil || over > 0 {
			t.Errorf("the review list at 390 px: %d px wider than the screen (%v)", over, err)
		}
		if shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(80)); err == nil {
			_ = os.WriteFile("../../test-artifacts/clerk-review-390.jpg", shot, 0o644)
		}
		do(chromedp.KeyEvent("c"), chromedp.Sleep(500*time.Millisecond), chromedp.WaitVisible(chromedp.CSS("main h1")))
		if after := text("main"); !strings.Contains(after, "Đã ghi loại tài liệu") || strings.Count(after, "stack.tif") >= strings.Count(s, "stack.tif") {
			t.Errorf("after a one-click confirm: %q (before: %q)", after, s)
		}
	}
	do(chromedp.Navigate(srv.URL+"/dossiers"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if s := text("main"); !strings.Contains(s, c3) || !strings.Contains(s, "đã số hóa") {
		t.Errorf("dossiers page: %q", s)
	}
	// The clerk uploads a dossier from the browser, with the session and no key, and follows
	// the batch's link to its page.
	scan, _ := filepath.Abs("../../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/02-giay-chung-sinh.png")
	do(chromedp.Navigate(srv.URL+"/upload"), chromedp.WaitVisible(chromedp.ID("send")), chromedp.SetValue("#dossier", "HS-LAN-1"),
		chromedp.SetUploadFiles("#files", []string{scan}), chromedp.WaitVisible(chromedp.ID("row-0")), chromedp.Click(chromedp.ID("send")))
	if status, err := chromedp.Run(bctx, chromedp.Poll[string](`(() => { const s = document.getElementById('status'); return s.dataset.finished ? s.textContent : null; })()`)); err != nil ||
		!strings.HasSuffix(status, "✓") {
		t.Errorf("the clerk's upload: %q (%v)", status, err)
	}
	do(chromedp.Click(chromedp.ID("batchhref")), chromedp.WaitVisible(chromedp.CSS("main table")))
	if s := text("main"); !strings.Contains(s, "HS-LAN-1") || !strings.Contains(s, "Giấy chứng sinh") {
		t.Errorf("the uploaded batch's page: %q", s)
	}
	do(chromedp.Navigate(srv.URL+"/documents/"+other.String()), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if s := text("main"); !strings.Contains(s, "Không tìm thấy") {
		t.Errorf("another desk's document: %q, want not found", s)
	}
	// Every page fits a phone: nothing wider than the screen but the text blocks' own scroll.
	pagesToSee := []string{link, href}
	for _, p := range []string{"/batches", "/search?q=giay+khai+sinh", "/dossiers", "/review", "/failures", "/upload"} {
		pagesToSee = append(pagesToSee, srv.URL+p)
	}
	for _, p := range pagesToSee {
		do(chromedp.Navigate(p), chromedp.WaitVisible(chromedp.CSS("body")))
		if over, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`)); err != nil || over > 0 {
			t.Errorf("%s at 390 px: %d px wider than the screen (%v)", p, over, err)
		}
	}
	do(chromedp.Navigate(srv.URL+"/batches"), chromedp.WaitVisible(chromedp.CSS("table")))
	if shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(80)); err == nil {
		_ = os.MkdirAll("../../test-artifacts", 0o755)
		_ = os.WriteFile("../../test-artifacts/clerk-batches.jpg", shot, 0o644)
	}
	do(chromedp.Click(chromedp.CSS("header button")), chromedp.WaitVisible(chromedp.ID("name")))

	// A form posted without the session's token (another site's forged form, even from a
	// browser that sends this site's Origin) is refused.
	forged := newBrowser(t, srv.URL)
	if code := forged.login("lan", "mat-khau-lan-2026"); code != http.StatusSeeOther {
		t.Fatalf("sign in: %d", code)
	}
	for _, body := range []string{"type=unknown", "type=unknown&csrf=0123456789abcdef0123456789abcdef"} {
		if code, _ := forged.do("POST", "/documents/"+clDoc+"/type", srv.URL, strings.NewReader(body), "application/x-www-form-urlencoded"); code != http.StatusForbidden {
			t.Errorf("a form without the session's token (%s): %d, want 403", body, code)
		}
	}

	// A reviewer opens every desk's documents, and may not run an admin's operations.
	reviewer := newBrowser(t, srv.URL)
	if code := reviewer.login("minh", "mat-khau-minh-2026"); code != http.StatusSeeOther {
		t.Fatalf("reviewer sign in: %d", code)
	}
	if code, body := reviewer.do("GET", "/documents/"+other.String(), "", nil, ""); code != http.StatusOK || !strings.Contains(body, "x.png") {
		t.Errorf("a reviewer on another desk's document: %d", code)
	}
	if code, _ := reviewer.do("GET", "/admin/queues/", "", nil, ""); code != http.StatusForbidden {
		t.Errorf("a reviewer on asynqmon: %d, want 403", code)
	}

	// A reviewer corrects the marriage certificate's type to an input in the browser: the desk's
	// count of digitized results follows, and follows back when it is put right.
	results := func() int {
		t.Helper()
		var cov struct {
			Rows []pipeline.CoverageRow `json:"rows"`
		}
		resp := get(t, "", srv.URL+"/api/v1/coverage?level=desk")
		defer resp.Body.Close()
		if err := json.NewDecoder(resp.Body).Decode(&cov); err != nil {
			t.Fatal(err)
		}
		for _, r := range cov.Rows {
			if r.Code == "CL" {
				return r.ResultsDigitized
			}
		}
		t.Fatalf("desk CL is not in the coverage report: %+v", cov.Rows)
		return 0
	}
	login("minh")
	for _, step := range []struct {
		typ    string
		change int
	}{{"don_dang_ky_dat_dai", -1}, {"giay_chung_nhan_ket_hon", +1}} {
		before := results()
		do(chromedp.Navigate(srv.URL+"/documents/"+clDoc), chromedp.WaitVisible(chromedp.ID("type")), chromedp.SetValue("#type", step.typ), chromedp.Submit("#type"),
			chromedp.Sleep(500*time.Millisecond), chromedp.WaitVisible(chromedp.CSS("main h1")))
		if page := text("main"); !strings.Contains(page, "Đã ghi loại tài liệu") || !strings.Contains(text("#history"), "minh") {
			t.Errorf("the reviewer's correction to %s: %q", step.typ, page)
		}
		deadline := time.Now().Add(time.Minute)
		for results() != before+step.change {
			if time.Now().After(deadline) {
				t.Fatalf("desk CL's digitized results after the reviewer typed %s: %d, want %d", step.typ, results(), before+step.change)
			}
			time.Sleep(300 * time.Millisecond)
		}
	}
	do(chromedp.Click(chromedp.CSS("header button")), chromedp.WaitVisible(chromedp.ID("name")))

	// Reporting staff read figures, not documents.
	login("hoa")
	do(chromedp.WaitVisible(chromedp.CSS("main h1")))
	if s := text("main"); !strings.Contains(s, "reporting staff read figures") {
		t.Errorf("staff on /batches: %q, want refused", s)
	}
	do(chromedp.Click(chromedp.CSS("header button")), chromedp.WaitVisible(chromedp.ID("name")))

	// An admin retries the corrupt class from the failures page.
	login("an")
	do(chromedp.Navigate(srv.URL+"/failures"), chromedp.WaitVisible(chromedp.ID("class")))
	// Each failure links to its task in asynqmon (admins).
	if link, err := chromedp.Run(bctx, chromedp.Evaluate[string](`(document.querySelector('a[href^="/admin/queues/queues/"]') || {}).href || ""`)); err != nil ||
		!strings.Contains(link, "/tasks/sohoa:") {
		t.Errorf("the failures page's task link: %q (%v)", link, err)
	}
	// A failed page picked and retried.
	do(chromedp.Click(chromedp.CSS(`input[name="page"]`)), chromedp.Click(chromedp.ID("retry-selected")),
		chromedp.Sleep(500*time.Millisecond), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if s := text("main"); !strings.Contains(s, "Đã gửi chạy lại") {
		t.Errorf("after the admin's retry of a picked page: %q", s)
	}
	do(chromedp.WaitVisible(chromedp.ID("class")), chromedp.SetValue("#class", "corrupt"), chromedp.Submit("#class"),
		chromedp.Sleep(500*time.Millisecond), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if s := text("main"); !strings.Contains(s, "Đã gửi chạy lại") {
		t.Errorf("after the admin's retry: %q", s)
	}

	// The same pages on a desktop screen, as the admin sees them (every desk): each fits, and
	// each is kept as a screenshot in test-artifacts/.
	wide, cancelWide := headlessFor(t, 1280, 900, 2*time.Minute)
	defer cancelWide()
	if err := chromedp.Do(wide, chromedp.Navigate(srv.URL+"/login?next=/batches"), chromedp.WaitVisible(chromedp.ID("name")),
		chromedp.SendKeys("#name", "an"), chromedp.SendKeys("#password", "mat-khau-an-2026"), chromedp.Click("#submit"),
		chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
		t.Fatalf("admin at 1280 px: %v", err)
	}
	for i, p := range pagesToSee {
		if err := chromedp.Do(wide, chromedp.Navigate(p), chromedp.WaitVisible(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		if over, err := chromedp.Run(wide, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`)); err != nil || over > 0 {
			t.Errorf("%s at 1280 px: %d px wider than the screen (%v)", p, over, err)
		}
		if shot, err := chromedp.Run(wide, chromedp.FullScreenshot(80)); err == nil {
			_ = os.WriteFile(fmt.Sprintf("../../test-artifacts/page-%d-1280.jpg", i), shot, 0o644)
		}
	}
}
