package main

import (
	"flag"
	"strings"
	"testing"
)

// The local gateway's development secret is refused for any S3 server not on this machine, so a
// deployment that forgot its secret stops at start instead of running with a known one.
func TestDevelopmentSecretOnlyOnLoopback(t *testing.T) {
	for endpoint, ok := range map[string]bool{
		"127.0.0.1:7070": true, "localhost:9000": true, "[::1]:7070": true,
		"s3.sohoa.gov.vn:443": false, "10.0.4.7:9000": false,
	} {
		t.Setenv("SOHOA_S3_ENDPOINT", endpoint)
		t.Setenv("SOHOA_S3_SECRET_KEY", "")
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		_, check := bindConfig(fs)
		if err := fs.Parse(nil); err != nil {
			t.Fatal(err)
		}
		err := check()
		if refused := err != nil && strings.Contains(err.Error(), "development secret"); refused == ok {
			t.Errorf("%s: %v", endpoint, err)
		}
	}
	t.Setenv("SOHOA_S3_ENDPOINT", "s3.sohoa.gov.vn:443")
	t.Setenv("SOHOA_S3_SECRET_KEY", "a-real-secret")
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	_, check := bindConfig(fs)
	_ = fs.Parse(nil)
	if err := check(); err != nil {
		t.Errorf("a real secret refused: %v", err)
	}
}
