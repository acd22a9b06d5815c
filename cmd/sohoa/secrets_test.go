package main

import (
	"bytes"
	"context"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sohoa/sohoa/httpapi"
	"github.com/sohoa/sohoa/pipeline"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Secrets come only from the environment (or files) and never reach the logs: the S3 secret,
// database credentials, users' passwords (right or wrong), desks' API keys and session cookies
// are absent from everything the API and a worker log at debug level while they serve sign-ins,
// uploads, refused keys and a page through every stage.
func TestSecretsNeverLogged(t *testing.T) {
	a, logs := loggedApp(t)
	cfg := a.cfg
	ctx := context.Background()
	const password, wrong = "mật-khẩu-Ω-7f3a9c", "đoán-sai-Ω-1b2c3d"
	h, _ := httpapi.HashPassword(password)
	if err := a.db.PutUser(ctx, httpapi.User{Name: "an", PasswordHash: h, Role: httpapi.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "SEC", Name: "Secret desk", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	key := deskKey(t, a, "SEC")
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()
	runWorker(t, a)

	b := newBrowser(t, srv.URL)
	b.login("an", wrong)
	if code := b.login("an", password); code != http.StatusSeeOther {
		t.Fatalf("login: %d", code)
	}
	var session string
	for _, c := range b.c.Jar.Cookies(mustURL(srv.URL)) {
		session += c.Value
	}
	if session == "" {
		t.Fatal("no session cookie")
	}
	b.do("GET", "/admin/queues/api/queues", "", nil, "")
	for _, k := range []string{key, key + "x", "sk_" + strings.Repeat("z", 40)} {
		req, _ := http.NewRequest("GET", srv.URL+"/api/v1/search?q=giay", nil)
		req.Header.Set("Authorization", "Bearer "+k)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}
	png, err := os.ReadFile("../../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png")
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	part, _ := mw.CreateFormFile("HS-1", "01.png")
	_, _ = part.Write(png)
	_ = mw.Close()
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/batches?name=sec", &body)
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusAccepted {
		t.Fatalf("upload: %v %v", resp, err)
	}
	resp.Body.Close()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var n int
		_ = a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM dossiers WHERE state <> 'open'`).Scan(&n)
		if n == 1 || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	// A database URL with a password in it, unreachable: the error names the host, not the password.
	err = run(ctx, "migrate", []string{"-database-url", "postgres://sohoa:pw-not-to-log-42@127.0.0.1:1/x?connect_timeout=2"})
	if err == nil || strings.Contains(err.Error(), "pw-not-to-log-42") {
		t.Errorf("migrate with an unreachable database: %v", err)
	}

	out := logs.String()
	if !strings.Contains(out, "recognized") {
		t.Fatalf("the worker logged no page: is the logger wired? %.500s", out)
	}
	// The access log says who did what, without the query (search terms are personal data).
	for _, want := range []string{`"path":"/api/v1/batches","status":202`, `"desk":"SEC"`, `"path":"/admin/queues/api/queues","status":200`, `"user":"an"`, `"path":"/api/v1/search","status":401`} {
		if !strings.Contains(out, want) {
			t.Errorf("the access log lacks %s", want)
		}
	}
	if strings.Contains(out, "giay") {
		t.Errorf("a search term reached the logs")
	}
	for name, secret := range map[string]string{"S3 secret key": cfg.S3.SecretKey, "password": password, "wrong password": wrong,
		"API key": key, "session cookie": session, "database credentials": "sohoa:sohoa@"} {
		if strings.Contains(out, secret) {
			i := strings.Index(out, secret)
			t.Errorf("the %s appears in the logs: …%s…", name, out[max(0, i-200):min(len(out), i+100)])
		}
	}
	t.Logf("%d log lines checked", strings.Count(out, "\n"))
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// loggedApp is testApp whose every log line, at debug level, is kept for the test to read.
func loggedApp(t *testing.T) (*app, *lockedBuffer) {
	t.Helper()
	logs := &lockedBuffer{}
	return appLogging(t, slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))), logs
}
