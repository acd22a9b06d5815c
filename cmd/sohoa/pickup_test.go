package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
)

// Files written into the incoming prefix by Debian's aws-cli, with no call to sohoa, are picked
// up by the worker's listing, processed, and registered once however often the bucket is listed.
func TestPickupFromAnyS3Client(t *testing.T) {
	aws := "/usr/bin/aws"
	if _, err := os.Stat(aws); err != nil {
		testenv.Unavailable(t, "aws-cli (apt-get install awscli)", err)
	}
	a, cfg := testApp(t)
	ctx := context.Background()
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "AWS", Name: "Desk written to by aws-cli", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range []struct{ src, dst string }{
		{"HN-BADINH-DIENBIEN/HS-KS-0001/03-giay-khai-sinh.png", "HS-9001/kq.png"},
		{"BKHDT-DKKD/DN-0201/01-de-nghi.jpg", "HS-9002/don.jpg"},
		// Names the API refuses are refused here too: look-alike separators and dots.
		{"BKHDT-DKKD/DN-0201/01-de-nghi.jpg", "\u2215etc/don.jpg"},
		{"BKHDT-DKKD/DN-0201/01-de-nghi.jpg", "\uff0e\uff0e/don.jpg"},
		{"BKHDT-DKKD/DN-0201/01-de-nghi.jpg", "%2e%2e%2fSEC-B/don.jpg"},
	} {
		b, err := os.ReadFile("../../testdata/demo/batch/" + f.src)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, f.dst)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(aws, "--endpoint-url", "http://"+cfg.S3.Endpoint, "s3", "cp", "--recursive", "--only-show-errors",
		dir, "s3://"+cfg.OriginalsBucket()+"/incoming/AWS/scanner-2026-11-30/")
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID="+cfg.S3.AccessKey, "AWS_SECRET_ACCESS_KEY="+cfg.S3.SecretKey,
		"AWS_DEFAULT_REGION=us-east-1", "AWS_EC2_METADATA_DISABLED=true")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("aws s3 cp: %v\n%s", err, out)
	}

	runWorker(t, a) // lists the bucket when it starts, then every 30 s
	deadline := time.Now().Add(90 * time.Second)
	for {
		var n int
		_ = a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM dossiers WHERE desk_code = 'AWS' AND state = 'digitized'`).Scan(&n)
		if n == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of 2 dossiers written by aws-cli digitized", n)
		}
		time.Sleep(300 * time.Millisecond)
	}
	p := &pipeline.Pickup{Objects: a.objects, Known: a.db, Intake: a.intake(), Log: a.log}
	if n, err := p.Once(ctx); err != nil || n != 0 {
		t.Errorf("listing again registered %d files (%v), want none", n, err)
	}
	var docs int
	_ = a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM documents`).Scan(&docs)
	if docs != 2 {
		t.Errorf("%d documents, want 2 (names the API refuses must not be registered)", docs)
	}
}
