package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
)

// versitygw is the local S3 server's binary, for its admin commands.
func versitygw(t *testing.T) string {
	dir := os.Getenv("SOHOA_CACHE_DIR")
	if dir == "" {
		dir = "/var/cache/sohoa"
	}
	if bin := filepath.Join(dir, "bin", "versitygw"); fileExists(bin) {
		return bin
	}
	bin, err := exec.LookPath("versitygw")
	if err != nil {
		testenv.Unavailable(t, "the versitygw binary (deploy/local/up.sh builds it)", err)
	}
	return bin
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// account makes an S3 account of role user on the local gateway, removed when t ends.
func account(t *testing.T, root testenvS3, name string) (access, secret string) {
	t.Helper()
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	access, secret = name+"-"+hex.EncodeToString(b[:4]), hex.EncodeToString(b)
	admin := func(args ...string) ([]byte, error) {
		cmd := exec.Command(versitygw(t), append([]string{"admin", "--access", root.access, "--secret", root.secret,
			"--endpoint-url", "http://" + root.endpoint}, args...)...)
		return cmd.CombinedOutput()
	}
	if out, err := admin("create-user", "--access", access, "--secret", secret, "--role", "user"); err != nil {
		testenv.Unavailable(t, "S3 accounts on the local gateway (versitygw --iam-dir: deploy/local/up.sh starts it so)", &cmdError{err, out})
	}
	t.Cleanup(func() { _, _ = admin("delete-user", "--access", access) })
	return access, secret
}

type testenvS3 struct{ endpoint, access, secret string }

type cmdError struct {
	err error
	out []byte
}

func (e *cmdError) Error() string { return e.err.Error() + ": " + strings.TrimSpace(string(e.out)) }

// The production S3 layout: the API and the workers each with credentials of their own, scoped
// by the bucket policies of deploy/s3 (the API writes originals once, reads them back for
// download, and reads artifacts; the workers read originals and write artifacts; nobody
// deletes), and a page goes from upload to its searchable PDF under them. What each may not do is refused by the S3 server.
func TestScopedS3Credentials(t *testing.T) {
	_, dbURL := testenv.Postgres(t)
	root, s3cfg := testenv.Bucket(t)
	redis := testenv.Redis(t)
	ctx := context.Background()
	rootEnv := testenvS3{s3cfg.Endpoint, s3cfg.AccessKey, s3cfg.SecretKey}
	apiAccess, apiSecret := account(t, rootEnv, "sohoa-api")
	workerAccess, workerSecret := account(t, rootEnv, "sohoa-worker")
	originals := s3cfg.Bucket + "-originals"
	for file, bucket := range map[string]string{"originals-policy.json": originals, "artifacts-policy.json": s3cfg.Bucket} {
		b, err := os.ReadFile("../../deploy/s3/" + file)
		if err != nil {
			t.Fatal(err)
		}
		p := strings.NewReplacer(`"sohoa-api"`, `"`+apiAccess+`"`, `"sohoa-worker"`, `"`+workerAccess+`"`,
			"arn:aws:s3:::sohoa-originals", "arn:aws:s3:::"+originals, "arn:aws:s3:::sohoa", "arn:aws:s3:::"+s3cfg.Bucket).Replace(string(b))
		if err := root.Client.SetBucketPolicy(ctx, bucket, p); err != nil {
			t.Fatalf("policy %s on %s: %v", file, bucket, err)
		}
	}

	cfgAs := func(access, secret string) *Config {
		c := &Config{DatabaseURL: dbURL, RedisAddr: redis.Addr, RedisDB: redis.DB, S3: s3cfg, Languages: "vie", Concurrency: 1}
		c.S3.AccessKey, c.S3.SecretKey = access, secret
		return c
	}
	discard := slog.New(slog.NewTextHandler(io.Discard, nil))
	apiApp, err := openApp(ctx, cfgAs(apiAccess, apiSecret), discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(apiApp.close)
	workerApp, err := openApp(ctx, cfgAs(workerAccess, workerSecret), discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(workerApp.close)
	if err := apiApp.db.UpsertDesk(ctx, pipeline.Desk{Code: "S3", Name: "Scoped", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	key := deskKey(t, apiApp, "S3")
	srv := httptest.NewServer(apiApp.apiServer().Handler)
	defer srv.Close()
	runWorker(t, workerApp)
	if err := apiApp.ready(ctx); err != nil {
		t.Errorf("API ready under its scoped credentials: %v", err)
	}

	page, err := os.ReadFile("../../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png")
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("HS-1", "to-khai.png")
	w.Write(page)
	mw.Close()
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/batches?name=scoped", &body)
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	rb, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("upload with the API's credentials: %d %s", resp.StatusCode, rb)
	}
	deadline := time.Now().Add(2 * time.Minute)
	var doc, state string
	for {
		_ = apiApp.db.Pool.QueryRow(ctx, `SELECT d.id::text, o.state FROM documents d JOIN dossiers o ON o.id = d.dossier_id`).Scan(&doc, &state)
		if state == "digitized" {
			break
		}
		if time.Now().After(deadline) {
			var class, msg string
			_ = apiApp.db.Pool.QueryRow(ctx, `SELECT error_class, error_message FROM pages LIMIT 1`).Scan(&class, &msg)
			t.Fatalf("dossier %q after 2 minutes under the workers' credentials (page %s %s)", state, class, msg)
		}
		time.Sleep(300 * time.Millisecond)
	}
	pdf := get(t, key, srv.URL+"/api/v1/documents/"+doc+"/pdf")
	pb, _ := io.ReadAll(pdf.Body)
	pdf.Body.Close()
	if pdf.StatusCode != http.StatusOK || !bytes.HasPrefix(pb, []byte("%PDF")) {
		t.Errorf("the searchable PDF through the API's credentials: %d", pdf.StatusCode)
	}
	// The original, as uploaded, at the version the workers read (a locked bucket keeps versions).
	orig := get(t, key, srv.URL+"/api/v1/documents/"+doc+"/original")
	ob, _ := io.ReadAll(orig.Body)
	orig.Body.Close()
	if orig.StatusCode != http.StatusOK || !bytes.Equal(ob, page) || !strings.HasPrefix(orig.Header.Get("Content-Disposition"), "attachment;") {
		t.Errorf("the original through the API's credentials: %d, %d bytes of %d, %q", orig.StatusCode, len(ob), len(page), orig.Header.Get("Content-Disposition"))
	}

	// What each may not do, straight to the S3 server.
	client := func(access, secret string) *minio.Client {
		c, err := minio.New(s3cfg.Endpoint, &minio.Options{Creds: credentials.NewStaticV4(access, secret, ""), Region: "us-east-1", BucketLookup: minio.BucketLookupPath})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	api, worker := client(apiAccess, apiSecret), client(workerAccess, workerSecret)
	var original, artifact string
	for o := range root.Client.ListObjects(ctx, originals, minio.ListObjectsOptions{Recursive: true}) {
		original = o.Key
	}
	for o := range root.Client.ListObjects(ctx, s3cfg.Bucket, minio.ListObjectsOptions{Recursive: true, Prefix: "artifacts/page_pdf/"}) {
		artifact = o.Key
	}
	if original == "" || artifact == "" {
		t.Fatalf("original %q, artifact %q", original, artifact)
	}
	put := func(c *minio.Client, bucket, key string) error {
		_, err := c.PutObject(ctx, bucket, key, strings.NewReader("x"), 1, minio.PutObjectOptions{})
		return err
	}
	for _, c := range []struct {
		who string
		err error
	}{
		{"API deletes an original", api.RemoveObject(ctx, originals, original, minio.RemoveObjectOptions{})},
		{"API writes an artifact", put(api, s3cfg.Bucket, "artifacts/page_pdf/00/forged.pdf")},
		{"API lists the originals", firstErr(api.ListObjects(ctx, originals, minio.ListObjectsOptions{Recursive: true}))},
		{"API writes outside incoming/", put(api, originals, "elsewhere/x")},
		{"worker writes an original", put(worker, originals, "incoming/S3/scoped/HS-1/forged.png")},
		{"worker deletes an original", worker.RemoveObject(ctx, originals, original, minio.RemoveObjectOptions{})},
		{"worker deletes an artifact", worker.RemoveObject(ctx, s3cfg.Bucket, artifact, minio.RemoveObjectOptions{})},
		{"worker changes a bucket policy", worker.SetBucketPolicy(ctx, originals, "")},
		{"API makes a bucket", api.MakeBucket(ctx, s3cfg.Bucket+"-x", minio.MakeBucketOptions{})},
	} {
		if c.err == nil {
			t.Errorf("%s: allowed", c.who)
		} else if r := minio.ToErrorResponse(c.err); r.Code != "AccessDenied" {
			t.Errorf("%s: %v, want AccessDenied", c.who, c.err)
		}
	}
}

func firstErr(ch <-chan minio.ObjectInfo) error {
	var err error
	for o := range ch {
		if o.Err != nil && err == nil {
			err = o.Err
		}
	}
	return err
}
