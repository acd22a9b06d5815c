package main

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
)

// zeros is an endless-looking reader of n zero bytes that counts what was taken from it.
type zeros struct {
	n    int64
	read atomic.Int64
}

func (z *zeros) Read(p []byte) (int, error) {
	left := z.n - z.read.Load()
	if left <= 0 {
		return 0, io.EOF
	}
	k := int64(len(p))
	if k > left {
		k = left
	}
	clear(p[:k])
	z.read.Add(k)
	return int(k), nil
}

// A 2 GB upload is refused with a clear class, without the server reading it all, and the
// desk's next upload goes through as if nothing happened.
func TestUpload2GB(t *testing.T) {
	testenv.Short(t, "sends a few hundred MB over loopback")
	a, _ := testApp(t)
	ctx := context.Background()
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "BIG", Name: "Big", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	key := deskKey(t, a, "BIG")
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()
	const size = 2 << 30

	post := func(body io.Reader, ctype string, length int64) (int, string, error) {
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/batches?name=big", body)
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", ctype)
		req.ContentLength = length
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, "", err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), nil
	}

	// Declared size over the limit: refused before the body is read.
	z := &zeros{n: size + 1024}
	start := time.Now()
	code, body, err := post(z, "multipart/form-data; boundary=x", size+1024)
	t.Logf("declared 2 GB: %d %s (%v, %d MB sent)", code, body, time.Since(start).Round(time.Millisecond), z.read.Load()>>20)
	if err == nil && code != http.StatusRequestEntityTooLarge {
		t.Errorf("declared 2 GB upload: %d %s, want 413", code, body)
	}
	if z.read.Load() > 64<<20 {
		t.Errorf("%d MB of a refused upload were sent", z.read.Load()>>20)
	}

	// Streamed (chunked, no length) as one 2 GB file: refused once the file passes the per-file
	// limit; the rest is never read.
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	z = &zeros{n: size}
	go func() {
		part, _ := mw.CreateFormFile("HS-BIG", "scan.tif")
		_, err := io.Copy(part, z)
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	// Linux: "5" resets the peak resident size, so the peak after is this upload's.
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	before := testenv.ProcStatus("VmRSS")
	start = time.Now()
	code, body, err = post(pr, mw.FormDataContentType(), -1)
	took := time.Since(start)
	growth := testenv.ProcStatus("VmHWM") - before
	t.Logf("streamed 2 GB: %d %s err=%v (%v, %d MB sent, peak RSS %d MB above where it was)", code, body, err, took.Round(time.Millisecond), z.read.Load()>>20, growth>>20)
	if growth > 64<<20 {
		t.Errorf("the refused upload raised the server's memory by %d MB: files must be spooled, not held", growth>>20)
	}
	if err == nil && code != http.StatusRequestEntityTooLarge {
		t.Errorf("streamed 2 GB upload: %d %s, want 413", code, body)
	}
	if z.read.Load() >= size {
		t.Errorf("the whole 2 GB was sent")
	}
	var docs int
	_ = a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM documents`).Scan(&docs)
	if docs != 0 {
		t.Errorf("%d documents recorded from refused uploads", docs)
	}

	// The desk's next, ordinary upload is accepted.
	png, err := os.ReadFile("../../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	mw = multipart.NewWriter(&b)
	part, _ := mw.CreateFormFile("HS-1", "01.png")
	_, _ = part.Write(png)
	_ = mw.Close()
	code, body, err = post(&b, mw.FormDataContentType(), int64(b.Len()))
	if err != nil || code != http.StatusAccepted {
		t.Errorf("ordinary upload after the refused ones: %d %s %v", code, body, err)
	}
}
