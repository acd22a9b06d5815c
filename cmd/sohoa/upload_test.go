package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/sohoa/sohoa/pipeline"
)

// countingTransport counts PUTs and, once `failAfter` have gone through, cuts the connection
// on the next ones, as a commune office's link does.
type countingTransport struct {
	puts      atomic.Int32
	failAfter int32
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodPut {
		if n := c.puts.Add(1); c.failAfter > 0 && n > c.failAfter {
			return nil, errors.New("connection reset by peer")
		}
	}
	return http.DefaultTransport.RoundTrip(r)
}

// `sohoa upload` interrupted halfway resumes without sending again what arrived, and waits for
// each file's result.
func TestUploadResumes(t *testing.T) {
	a, _ := testApp(t)
	ctx := context.Background()
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "UP", Name: "Upload desk", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	key := deskKey(t, a, "UP")
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()
	runWorker(t, a)

	dir := filepath.Join(t.TempDir(), "lo-2026-11-30")
	for _, f := range []struct{ src, dst string }{
		{"HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png", "HS-1/01.png"},
		{"HN-BADINH-DIENBIEN/HS-KS-0001/03-giay-khai-sinh.png", "HS-1/02.png"},
		{"BKHDT-DKKD/DN-0201/01-de-nghi.jpg", "HS-2/01.jpg"},
		{"HCM-Q1-BENNGHE/HS-CT-0101/02-xac-nhan-cu-tru.png", "HS-3/01.png"},
	} {
		b, err := os.ReadFile("../../testdata/demo/batch/" + f.src)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, f.dst)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		_ = os.WriteFile(p, b, 0o644)
	}
	args := []string{"--server", srv.URL, "--key", key, "--parallel", "1"}

	cut := &countingTransport{failAfter: 2}
	var out bytes.Buffer
	err := uploadCmd(ctx, append(args, "--wait=false", dir), &out, &http.Client{Transport: cut})
	if err == nil || !strings.Contains(err.Error(), "run the same command again") {
		t.Fatalf("interrupted upload: %v\n%s", err, out.String())
	}

	again := &countingTransport{}
	out.Reset()
	if err := uploadCmd(ctx, append(args, dir), &out, &http.Client{Transport: again}); err != nil {
		t.Fatalf("resumed upload: %v\n%s", err, out.String())
	}
	t.Log("\n" + out.String())
	if n := again.puts.Load(); n != 2 {
		t.Errorf("the resumed upload sent %d files, want the 2 missing", n)
	}
	for _, want := range []string{"2 already uploaded, 2 to send", "batch registered: " + srv.URL + "/api/v1/batches/",
		"HS-1/02.png: giay_khai_sinh", "HS-3/01.png: xac_nhan_cu_tru"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	var docs int
	_ = a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM documents WHERE state = 'classified'`).Scan(&docs)
	if docs != 4 {
		t.Errorf("%d documents classified, want 4", docs)
	}

	// Originals are immutable: each document records its version in the locked bucket, and
	// that version cannot be deleted (GOVERNANCE retention).
	var src, version, sum string
	if err := a.db.Pool.QueryRow(ctx, `SELECT source_key, version_id, sha256 FROM documents LIMIT 1`).Scan(&src, &version, &sum); err != nil {
		t.Fatal(err)
	}
	if version == "" {
		t.Fatal("no version recorded for the original")
	}
	err = a.originals.Client.RemoveObject(ctx, a.originals.Bucket, src, minio.RemoveObjectOptions{VersionID: version})
	if err == nil {
		t.Error("deleting a locked original succeeded")
	}
	if err := a.originals.Put(ctx, src, []byte("overwritten"), "image/png"); err != nil {
		t.Fatal(err)
	}
	obj, err := a.originals.Client.GetObject(ctx, a.originals.Bucket, src, minio.GetObjectOptions{VersionID: version})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(obj)
	obj.Close()
	if h := sha256.Sum256(b); hex.EncodeToString(h[:]) != sum {
		t.Error("the recorded version of the original no longer holds the uploaded bytes")
	}
}

// The upload CLI waits out an API that cannot reach its database (503, Retry-After) instead of
// giving up, and gives up at once on a refused key.
func TestUploadWaitsOutUnavailable(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "Bearer bad" {
			http.Error(w, `{"error":"unknown or revoked API key"}`, http.StatusUnauthorized)
			return
		}
		if calls.Add(1) <= 2 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, `{"error":"database"}`, http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte(`{"ok": true}`))
	}))
	defer srv.Close()
	var log strings.Builder
	u := &uploader{server: srv.URL, key: "good", client: srv.Client(), log: &log}
	var out struct{ OK bool }
	start := time.Now()
	if err := u.call(context.Background(), "GET", "/api/v1/batches/x", nil, &out); err != nil || !out.OK {
		t.Fatalf("call: %v %+v", err, out)
	}
	if calls.Load() != 3 || time.Since(start) < 2*time.Second || !strings.Contains(log.String(), "retrying") {
		t.Errorf("%d calls in %v; told %q", calls.Load(), time.Since(start), log.String())
	}
	u.key = "bad"
	start = time.Now()
	if err := u.call(context.Background(), "GET", "/api/v1/batches/x", nil, &out); err == nil || time.Since(start) > time.Second {
		t.Errorf("a refused key: %v after %v", err, time.Since(start))
	}
}
