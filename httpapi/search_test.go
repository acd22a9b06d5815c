package httpapi

import (
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
