package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/sohoa/sohoa/httpapi"
	"github.com/sohoa/sohoa/pipeline"
)

// repairPermit is a page of a layout the catalogue's rules cannot read: a permit to repair a
// building, whose title is none of the type's titles. i varies the people and figures.
func repairPermit(i int) string {
	families := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Hồ", "Mai", "Trịnh"}
	given := []string{"Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Đức Hùng", "Thanh Lan", "Hữu Nghĩa", "Ngọc Oanh", "Công Phúc", "Thị Quyên", "Văn Sơn", "Bảo Trâm", "Xuân Vinh", "Hải Yến"}
	works := []string{"thay mái tôn, gia cố móng", "nâng nền, lát lại sàn", "sửa tường bao, chống thấm", "cải tạo mặt tiền, thay cửa", "gia cố cột, sửa cầu thang"}
	return fmt.Sprintf(`ỦY BAN NHÂN DÂN QUẬN %d
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
GIẤY PHÉP SỬA CHỮA, CẢI TẠO CÔNG TRÌNH
Số: %d/GPSC
Cấp cho: Ông/bà %s %s
Địa chỉ: số %d đường Nguyễn Trãi, phường %d
Được phép sửa chữa, cải tạo công trình nhà ở riêng lẻ
Nội dung sửa chữa, cải tạo: %s
Diện tích sàn sau cải tạo: %d m2; chiều cao công trình %d,%d m; số tầng: %d
Chủ đầu tư phải thông báo ngày khởi công cho cơ quan cấp phép trước khi khởi công
Giấy phép này có hiệu lực khởi công trong thời hạn 12 tháng kể từ ngày cấp`,
		i%12+1, 100+i*7, families[i%len(families)], given[(i*7)%len(given)], 10+i*3, i%9+1, works[i%len(works)], 60+i*5, 7+i%6, i%10, 1+i%4)
}

// The catalogue grows without a release: an admin adds a document type on the catalogue page
// and a procedure through the API, each change kept with who made it and what it replaced;
// pages of a layout no rule knows come back unknown, ten of them confirmed in review and
// `sohoa classify train` make the running worker type the next ones right, and the dossier's
// missing components follow the new procedure.
func TestCatalogueGrows(t *testing.T) {
	a, _ := testApp(t)
	ctx := context.Background()
	a.cfg.ClassifierRefresh = 200 * time.Millisecond
	a.cfg.MetricsAddr = ""
	for _, u := range []struct{ name, role string }{{"an", httpapi.RoleAdmin}, {"binh", httpapi.RoleStaff}} {
		h, _ := httpapi.HashPassword("mat-khau-" + u.name + "-2026")
		if err := a.db.PutUser(ctx, httpapi.User{Name: u.name, PasswordHash: h, Role: u.role}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "CAT", Name: "Catalogue desk", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	key := deskKey(t, a, "CAT")
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()
	admin, staff := newBrowser(t, srv.URL), newBrowser(t, srv.URL)
	if admin.login("an", "mat-khau-an-2026") != http.StatusSeeOther || staff.login("binh", "mat-khau-binh-2026") != http.StatusSeeOther {
		t.Fatal("sign-in")
	}

	// The type, through the page.
	typ := `{"code":"giay_phep_xay_dung","name":"Giấy phép xây dựng","role":"result","titles":["GIẤY PHÉP XÂY DỰNG"],"procedures":["cap_giay_phep_xay_dung"]}`
	token := admin.csrf("/catalogue")
	if code, _ := admin.do("POST", "/catalogue", srv.URL, strings.NewReader(url.Values{"kind": {"type"}, "definition": {typ}}.Encode()), "application/x-www-form-urlencoded"); code != http.StatusForbidden {
		t.Errorf("the catalogue form without its token: %d, want 403", code)
	}
	form := url.Values{"kind": {"type"}, "definition": {typ}, "csrf": {token}}
	if code, body := admin.do("POST", "/catalogue", srv.URL, strings.NewReader(form.Encode()), "application/x-www-form-urlencoded"); code != http.StatusOK || !strings.Contains(body, "Đã lưu") {
		t.Fatalf("catalogue page, new type: %d %s", code, body)
	}
	if code, _ := staff.do("GET", "/catalogue", "", nil, ""); code != http.StatusForbidden {
		t.Errorf("staff on the catalogue page: %d, want 403", code)
	}
	bad := url.Values{"kind": {"procedure"}, "definition": {`{"code":"x","name":"X","required":["no_such_type"]}`}, "csrf": {token}}
	if code, body := admin.do("POST", "/catalogue", srv.URL, strings.NewReader(bad.Encode()), "application/x-www-form-urlencoded"); code != http.StatusUnprocessableEntity || !strings.Contains(body, "no_such_type") {
		t.Errorf("a procedure needing an unknown type: %d", code)
	}
	// The procedure, through the API, twice (the second replaces the first).
	for _, req := range []string{`["hop_dong"]`, `["giay_chung_nhan_qsdd", "hop_dong"]`} {
		p := `{"name":"Cấp giấy phép xây dựng, sửa chữa, cải tạo","required":` + req + `,"result":"giay_phep_xay_dung"}`
		if code, body := admin.do("PUT", "/api/v1/catalogue/procedures/cap_giay_phep_xay_dung", srv.URL, strings.NewReader(p), "application/json"); code != http.StatusOK {
			t.Fatalf("PUT procedure: %d %s", code, body)
		}
	}
	if code, _ := staff.do("PUT", "/api/v1/catalogue/procedures/cap_giay_phep_xay_dung", srv.URL, strings.NewReader(`{}`), "application/json"); code != http.StatusForbidden {
		t.Errorf("staff editing a procedure: %d, want 403", code)
	}
	code, body := staff.do("GET", "/api/v1/catalogue/history", "", nil, "")
	var hist struct {
		Changes []struct {
			Kind, Code string
			By         string          `json:"changed_by"`
			Previous   json.RawMessage `json:"previous"`
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(body), &hist); code != http.StatusOK || err != nil || len(hist.Changes) != 3 {
		t.Fatalf("history: %d %v %s", code, err, body)
	}
	if c := hist.Changes[0]; c.Kind != "procedure" || c.By != "an" || !strings.Contains(string(c.Previous), `"hop_dong"`) {
		t.Errorf("newest change %+v: want the procedure by an, with the version it replaced", c)
	}
	if c := hist.Changes[2]; c.Kind != "type" || c.Code != "giay_phep_xay_dung" || c.By != "an" || len(c.Previous) != 0 {
		t.Errorf("oldest change %+v: want the new type by an, with nothing before it", c)
	}

	// A registered dossier of that procedure, and a worker whose classifier refreshes fast.
	if code, body := admin.do("POST", "/api/v1/register", srv.URL, strings.NewReader(`[{"desk":"CAT","code":"GP-1","procedure":"cap_giay_phep_xay_dung","received_on":"2026-12-01T00:00:00Z"}]`), "application/json"); code != http.StatusOK {
		t.Fatalf("register: %d %s", code, body)
	}
	runWorker(t, a)

	// classified puts a page of text through the running worker's classify stage.
	n := 0
	classified := func(dossier, text string) (uuid.UUID, string) {
		t.Helper()
		n++
		doc, _, err := a.db.RegisterUpload(ctx, pipeline.Upload{Desk: "CAT", Batch: "b", Dossier: dossier, Filename: fmt.Sprintf("p%02d.png", n), Key: fmt.Sprintf("incoming/CAT/b/%s/p%02d.png", dossier, n)})
		if err != nil {
			t.Fatal(err)
		}
		pages, _ := a.db.SplitDocument(ctx, doc, fmt.Sprintf("%064d", n), 1, "png", 1)
		_, _ = a.db.PagePrepared(ctx, pages[0], pipeline.Prepared{Width: 10, Height: 10, DPI: 300}, pipeline.Artifact{Kind: pipeline.ArtifactPageImage, Key: "k", SHA256: "s", ContentType: "image/png"})
		_, _ = a.db.PageRecognized(ctx, pages[0], pipeline.Recognized{Text: text}, nil)
		if _, err := a.queue.Enqueue(pipeline.NewTask(pipeline.TypeClassify, doc)); err != nil {
			t.Fatal(err)
		}
		var typ, state string
		for deadline := time.Now().Add(time.Minute); state != "classified"; time.Sleep(50 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("document %d not classified: %q", n, state)
			}
			_ = a.db.Pool.QueryRow(ctx, `SELECT state, doc_type FROM documents WHERE id = $1`, doc).Scan(&state, &typ)
		}
		return doc, typ
	}
	var learnt []uuid.UUID
	for i := 0; i < 10; i++ {
		doc, typ := classified(fmt.Sprintf("X-%d", i), repairPermit(i))
		if typ == "giay_phep_xay_dung" {
			t.Fatalf("page %d of the new layout typed before any training: the test proves nothing", i)
		}
		learnt = append(learnt, doc)
	}
	for _, doc := range learnt { // the reviewer confirms each as the new type
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/documents/"+doc.String()+"/type", strings.NewReader(`{"type":"giay_phep_xay_dung"}`))
		req.Header.Set("Authorization", "Bearer "+key)
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("confirm: %v %v", resp.Status, err)
		}
		resp.Body.Close()
	}
	var out strings.Builder
	if err := a.train(ctx, &out); err != nil {
		t.Fatal(err)
	}
	t.Log(strings.TrimSpace(out.String()))
	time.Sleep(time.Second) // the worker's classifier refreshes every 200 ms here (30 s by default)
	right := 0
	for i := 10; i < 15; i++ {
		if _, typ := classified("GP-1", repairPermit(i)); typ == "giay_phep_xay_dung" {
			right++
		}
	}
	if right != 5 {
		t.Errorf("%d of 5 new pages of the learnt layout typed giay_phep_xay_dung after training on 10 confirmed ones", right)
	}
	// The dossier of the new procedure: its result is there, the applicant's papers are not.
	var missing []string
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if err := a.db.Pool.QueryRow(ctx, `SELECT missing FROM dossiers WHERE desk_code = 'CAT' AND code = 'GP-1'`).Scan(&missing); err != nil {
			t.Fatal(err)
		}
		if len(missing) > 0 || time.Now().After(deadline) {
			break
		}
	}
	slices.Sort(missing)
	if !slices.Equal(missing, []string{"giay_chung_nhan_qsdd", "hop_dong"}) {
		t.Errorf("dossier GP-1 missing %v, want the new procedure's two required components", missing)
	}
}
