package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/sohoa/sohoa/pipeline"
)

// A presigned PUT is bound to the size and sha256 the manifest declared (the S3 server refuses
// any other length or content, during the upload and after completion), and a different file
// under a name already used is refused (409 / a slot error), never registered as the old
// document while its new bytes go unread.
func TestReuploadAndPresignBound(t *testing.T) {
	a, _ := testApp(t)
	ctx := context.Background()
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "RU", Name: "Re-upload", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	key := deskKey(t, a, "RU")
	srv := httptest.NewServer(a.apiServer().Handler)
	defer srv.Close()
	first, err := os.ReadFile("../../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png")
	if err != nil {
		t.Fatal(err)
	}
	second, err := os.ReadFile("../../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/03-giay-khai-sinh.png")
	if err != nil {
		t.Fatal(err)
	}
	hexSum := func(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
	api := func(method, path string, body io.Reader, ctype string) (int, []byte) {
		req, _ := http.NewRequest(method, srv.URL+path, body)
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", ctype)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	put := func(s pipeline.UploadSlot, body []byte, headers map[string]string) int {
		req, _ := http.NewRequest("PUT", s.URL, bytes.NewReader(body))
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			// The server may answer a PUT it refuses from its headers and close the connection
			// while the body is still being sent: the client sees a broken pipe.
			t.Logf("PUT: %v", err)
			return -1
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	refused := func(c int) bool { return c < 0 || c >= 400 }
	manifest := func(path string, data []byte) []pipeline.UploadSlot {
		m, _ := json.Marshal(map[string]any{"name": "b1", "files": []pipeline.UploadFile{{Dossier: "HS-1", Filename: "to-khai.png", Size: int64(len(data)), SHA256: hexSum(data)}}})
		code, body := api("POST", path, bytes.NewReader(m), "application/json")
		if code != http.StatusOK {
			t.Fatalf("%s: %d %s", path, code, body)
		}
		var out struct{ Files []pipeline.UploadSlot }
		if err := json.Unmarshal(body, &out); err != nil {
			t.Fatal(err)
		}
		return out.Files
	}

	slots := manifest("/api/v1/batches/presign", first)
	s := slots[0]
	if s.URL == "" || s.Headers["x-amz-checksum-sha256"] == "" {
		t.Fatalf("presign: %+v, want a URL and its checksum header", s)
	}
	// Other bytes of the same length with the declared checksum, the declared bytes without
	// the header, and a longer body: all refused by the S3 server itself.
	other := bytes.Repeat([]byte{7}, len(first))
	if c := put(s, other, s.Headers); !refused(c) {
		t.Errorf("PUT of other bytes: %d, want refused", c)
	}
	if c := put(s, first, nil); !refused(c) {
		t.Errorf("PUT without the signed checksum header: %d, want refused", c)
	}
	if c := put(s, append(append([]byte{}, first...), 0), s.Headers); !refused(c) {
		t.Errorf("PUT of a longer body: %d, want refused", c)
	}
	if c := put(s, first, s.Headers); c != http.StatusOK {
		t.Fatalf("PUT of the declared file: %d", c)
	}
	if done := manifest("/api/v1/batches/complete", first); !done[0].Done || done[0].Error != "" {
		t.Fatalf("complete: %+v", done[0])
	}
	// The URL is still within its 15 minutes: it still takes nothing but the declared file.
	if c := put(s, other, s.Headers); !refused(c) {
		t.Errorf("PUT of other bytes after completion: %d, want refused", c)
	}
	// The same name with another file: presign says so, complete refuses it.
	if again := manifest("/api/v1/batches/presign", second); again[0].Error == "" || again[0].URL != "" || again[0].Done {
		t.Errorf("presign of another file under a used name: %+v, want an error", again[0])
	}
	if again := manifest("/api/v1/batches/presign", first); !again[0].Done {
		t.Errorf("presign of the same file again: %+v, want done", again[0])
	}

	// The multipart API: the same file again is the same document (a retried upload), another
	// file under the same name is 409 and stored nowhere.
	multipartOf := func(data []byte) (*bytes.Buffer, string) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		w, _ := mw.CreateFormFile("HS-2", "don.png")
		w.Write(data)
		mw.Close()
		return &b, mw.FormDataContentType()
	}
	body, ctype := multipartOf(first)
	code, resp1 := api("POST", "/api/v1/batches?name=b2", body, ctype)
	if code != http.StatusAccepted {
		t.Fatalf("first multipart upload: %d %s", code, resp1)
	}
	body, ctype = multipartOf(first)
	code, resp2 := api("POST", "/api/v1/batches?name=b2", body, ctype)
	if code != http.StatusAccepted || !bytes.Equal(docOf(t, resp1), docOf(t, resp2)) {
		t.Errorf("the same file again: %d %s, want 202 and the same document", code, resp2)
	}
	body, ctype = multipartOf(second)
	if code, resp := api("POST", "/api/v1/batches?name=b2", body, ctype); code != http.StatusConflict || !strings.Contains(string(resp), `"exists"`) {
		t.Errorf("another file under a used name: %d %s, want 409 exists", code, resp)
	}
	var docs int
	if err := a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM documents`).Scan(&docs); err != nil || docs != 2 {
		t.Errorf("%d documents (%v), want 2", docs, err)
	}
	versions := 0
	for o := range a.originals.Client.ListObjects(ctx, a.cfg.OriginalsBucket(), minio.ListObjectsOptions{Prefix: "incoming/RU/b2/HS-2/", WithVersions: true, Recursive: true}) {
		if o.Err != nil {
			t.Fatal(o.Err)
		}
		versions++
	}
	if versions != 1 {
		t.Errorf("%d versions of the multipart upload's original, want 1 (the refused file stored nowhere)", versions)
	}
}

func docOf(t *testing.T, resp []byte) []byte {
	var v struct {
		Files []struct{ Document json.RawMessage }
	}
	if err := json.Unmarshal(resp, &v); err != nil || len(v.Files) != 1 {
		t.Fatalf("upload response %s: %v", resp, err)
	}
	return v.Files[0].Document
}
