package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"os"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/pipeline"
)

// The client's mistakes answer 4xx and log nothing at ERROR (nor the file names they carry);
// a multipart upload is all or nothing: a refused part leaves no earlier part registered.
func TestClientErrors4xxAllOrNothing(t *testing.T) {
	a, logs := loggedApp(t)
	ctx := context.Background()
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "CE", Name: "Client errors", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	key := deskKey(t, a, "CE")
	api := a.api()
	api.MaxFile = 1 << 20
	srv := httptest.NewServer(api.Handler())
	defer srv.Close()
	page, err := os.ReadFile("../../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png")
	if err != nil {
		t.Fatal(err)
	}

	type part struct {
		dossier, name string
		data          []byte
	}
	multipartBody := func(parts []part, cut int) (*bytes.Buffer, string) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		for _, p := range parts {
			h := textproto.MIMEHeader{}
			// Written by hand: multipart.Writer would escape what a hostile client sends raw.
			h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, p.dossier, p.name))
			w, _ := mw.CreatePart(h)
			w.Write(p.data)
		}
		mw.Close()
		if cut > 0 {
			body.Truncate(body.Len() - cut)
		}
		return &body, mw.FormDataContentType()
	}
	post := func(name, path string, body io.Reader, ctype string) (int, string) {
		req, _ := http.NewRequest("POST", srv.URL+path, body)
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", ctype)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	good := part{"HS-GOOD", "Nguyễn Văn Bình - tờ khai.png", page}
	for _, c := range []struct {
		name  string
		parts []part
		cut   int
		want  int
	}{
		// Go's MIME reader refuses the header line itself.
		{"control character in a file name", []part{good, {"HS-GOOD", "Trần\x01Thị.png", page}}, 0, http.StatusBadRequest},
		{"path in a file name", []part{good, {"HS-GOOD", `..\\Trần Thị.png`, page}}, 0, http.StatusUnprocessableEntity},
		{"oversized second part", []part{good, {"HS-GOOD", "Lê Văn Cường.png", bytes.Repeat([]byte{0x89}, 2<<20)}}, 0, http.StatusRequestEntityTooLarge},
		{"body cut short", []part{good, {"HS-GOOD", "Phạm Thị Dung.png", page}}, 100, http.StatusBadRequest},
	} {
		body, ctype := multipartBody(c.parts, c.cut)
		code, resp := post(c.name, "/api/v1/batches?name="+strings.ReplaceAll(c.name, " ", "-"), body, ctype)
		if code != c.want {
			t.Errorf("%s: %d %s, want %d", c.name, code, resp, c.want)
		}
		var docs int
		if err := a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM documents`).Scan(&docs); err != nil {
			t.Fatal(err)
		}
		if docs != 0 {
			t.Fatalf("%s: %d documents registered from a refused upload, want none", c.name, docs)
		}
	}
	for _, u := range []string{"/api/v1/search?q=a%00b", "/api/v1/coverage?within=P%00", "/api/v1/coverage?within=" + strings.Repeat("P", 100)} {
		req, _ := http.NewRequest("GET", srv.URL+u, nil)
		req.Header.Set("Authorization", "Bearer "+key)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode/100 != 4 {
			t.Errorf("GET %s: %d, want 4xx", u, resp.StatusCode)
		}
	}
	// The same good file alone goes through.
	body, ctype := multipartBody([]part{good}, 0)
	if code, resp := post("good", "/api/v1/batches?name=good", body, ctype); code != http.StatusAccepted {
		t.Fatalf("good upload: %d %s", code, resp)
	}
	for _, l := range strings.Split(logs.String(), "\n") {
		if strings.Contains(l, `"level":"ERROR"`) {
			t.Errorf("logged at ERROR: %s", l)
		}
		for _, name := range []string{"Nguyễn", "Trần", "Cường", "Dung"} {
			if strings.Contains(l, name) {
				t.Errorf("log line carries the name %q: %s", name, l)
			}
		}
	}
}
