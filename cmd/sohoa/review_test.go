package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
)

// A correction made through the review API becomes training data: the next training run's
// model reads the corrected document's kind of text as the corrected type.
func TestReviewCorrectionTrainsModel(t *testing.T) {
	db, dbURL := testenv.Postgres(t)
	_, s3cfg := testenv.Bucket(t)
	redis := testenv.Redis(t)
	cfg := &Config{DatabaseURL: dbURL, RedisAddr: redis.Addr, RedisDB: redis.DB, S3: s3cfg, Languages: "vie", Concurrency: 1}
	ctx := context.Background()
	a, err := openApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	if err := db.UpsertDesk(ctx, pipeline.Desk{Code: "D1", Name: "Desk", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	// A document the catalogue's rules do not know: a request to re-issue a land certificate,
	// worded as no seed page is.
	text := "ĐƠN ĐỀ NGHỊ CẤP ĐỔI SỔ ĐỎ\nNgười đề nghị: Lưu Văn Khoa, Số định danh cá nhân: 036095001234\n" +
		"Lý do: sổ bị mối mọt, rách nát do ngập lụt, kênh mương tràn bờ\nThửa ruộng khoán ven kênh mương thủy lợi"
	doc, _, err := db.RegisterUpload(ctx, pipeline.Upload{Desk: "D1", Batch: "b", Dossier: "X1", Filename: "don.png", Key: "incoming/D1/b/X1/don.png"})
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := db.SplitDocument(ctx, doc, "", 1, "png", 1)
	_, _ = db.PagePrepared(ctx, pages[0], pipeline.Prepared{Width: 10, Height: 10, DPI: 300}, pipeline.Artifact{Kind: pipeline.ArtifactPageImage, Key: "k", SHA256: "s", ContentType: "image/png"})
	_, _ = db.PageRecognized(ctx, pages[0], pipeline.Recognized{Text: text}, nil)
	if _, err := db.ClassifyDocument(ctx, doc, classify.Default().Classify(text)); err != nil {
		t.Fatal(err)
	}

	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()
	var queue struct {
		Documents []classify.ReviewItem `json:"documents"`
	}
	key := deskKey(t, a, "D1")
	getAs(t, key, srv.URL+"/api/v1/review", &queue)
	if len(queue.Documents) != 1 || queue.Documents[0].Document != doc {
		t.Fatalf("review queue: %+v", queue.Documents)
	}
	if ids := queue.Documents[0].Fields.CitizenIDs; len(ids) != 1 || ids[0] != "036******234" {
		t.Errorf("citizen ID in the review list: %v, want it masked", ids)
	}

	const want = "don_dang_ky_dat_dai"
	score := func() float64 {
		m, err := db.LatestModel(ctx, 0)
		if err != nil || m == nil {
			t.Fatalf("latest model: %v", err)
		}
		for _, p := range m.Predict(classify.Fold(text)) {
			if p.Type == want {
				return p.P
			}
		}
		return 0
	}
	var out bytes.Buffer
	if err := a.train(ctx, &out); err != nil {
		t.Fatal(err)
	}
	before := score()

	body, _ := json.Marshal(map[string]string{"type": want})
	post := func(body io.Reader) *http.Response {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/documents/"+doc.String()+"/type", body)
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	resp := post(bytes.NewReader(body))
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("confirm type: %s", resp.Status)
	}
	resp = post(strings.NewReader(`{"type":"no_such_type"}`))
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a type outside the catalogue: %s, want 422", resp.Status)
	}
	getAs(t, key, srv.URL+"/api/v1/review", &queue)
	if len(queue.Documents) != 0 {
		t.Errorf("still in review after confirmation: %+v", queue.Documents)
	}

	out.Reset()
	if err := a.train(ctx, &out); err != nil {
		t.Fatal(err)
	}
	t.Log(strings.TrimSpace(out.String()))
	if !strings.Contains(out.String(), "(1 confirmed in review)") {
		t.Errorf("training did not use the correction: %s", out.String())
	}
	after := score()
	if after <= before || after < 0.5 {
		t.Errorf("P(%s) for the corrected text: %.3f before the correction, %.3f after; want it to rise above 0.5", want, before, after)
	}
}
