package httpapi

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	text := "QUẬN BA ĐÌNH\nỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN\nGIẤY CHỨNG NHẬN KẾT HÔN\nHọ, chữ đệm, tên chồng: Nguyễn Văn An"
	for _, c := range []struct{ q, want string }{
		{"giay chung nhan ket hon", "«GIẤY» «CHỨNG» «NHẬN» «KẾT» «HÔN»"},
		{"nguyen van an", "«Nguyễn» «Văn» «An»"},
		{"dien bien", "«ĐIỆN» «BIÊN»"},
	} {
		if got := snippet(text, c.q, 400); !strings.Contains(got, c.want) {
			t.Errorf("snippet for %q = %q, want it to hold %q", c.q, got, c.want)
		}
	}
}

// Post-login redirects stay on this site, whatever a link puts in next.
func TestSafeNext(t *testing.T) {
	for next, want := range map[string]string{
		"/dashboard?level=province": "/dashboard?level=province",
		"/upload":                   "/upload",
		"/\\evil.example":           "/dashboard",
		"/\\/evil.example":          "/dashboard",
		"//evil.example":            "/dashboard",
		"https://evil.example/":     "/dashboard",
		"/\tevil":                   "/dashboard",
		"":                          "/dashboard",
		"dashboard":                 "/dashboard",
	} {
		if got := safeNext(next); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", next, got, want)
		}
	}
}

// A search query is capped before it reaches PostgreSQL (750 KB took it 10 s, then a 500).
func TestSearchQueryCapped(t *testing.T) {
	s := &Server{}
	for _, q := range []string{strings.Repeat("giấy khai sinh ", 60000), "giay\x00khai"} {
		w := httptest.NewRecorder()
		s.search(w, httptest.NewRequest("GET", "/api/v1/search?q="+url.QueryEscape(q), nil))
		if w.Code != http.StatusBadRequest {
			t.Errorf("query of %d bytes: %d, want 400", len(q), w.Code)
		}
	}
}
