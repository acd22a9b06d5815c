package main

import (
	"context"
	"errors"
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

// Asking a command for its help is not a failure and needs no service: `sohoa report -h` with
// no database reachable prints the report's flags and ends as help (exit 0), not as an error.
func TestHelpNeedsNoService(t *testing.T) {
	t.Setenv("SOHOA_DATABASE_URL", "postgres://nobody:x@127.0.0.1:1/none?connect_timeout=1")
	for _, c := range [][]string{{"report", "-h"}, {"retry", "-h"}, {"users", "-h"}, {"keys", "--help"}, {"serve", "-h"}, {"inspect", "-h"}} {
		err := run(context.Background(), c[0], c[1:])
		if err != nil && !errors.Is(err, flag.ErrHelp) {
			t.Errorf("sohoa %s: %v, want help", strings.Join(c, " "), err)
		}
	}
}
