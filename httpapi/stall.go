package httpapi

import (
	"io"
	"net/http"
	"time"
)

// BodyStall is how long a request body may send nothing: a client sending a byte every few
// seconds held a connection for minutes. Each read that brings bytes grants this much more,
// so a 2 GB upload on a slow but steady link is never cut.
var BodyStall = 60 * time.Second

// stallGuard gives the request's body a read deadline that moves with its progress.
func stallGuard(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil && r.Body != http.NoBody {
			rc := http.NewResponseController(w)
			if rc.SetReadDeadline(time.Now().Add(BodyStall)) == nil {
				r.Body = &progressBody{ReadCloser: r.Body, rc: rc}
			}
		}
		h.ServeHTTP(w, r)
	})
}

type progressBody struct {
	io.ReadCloser
	rc *http.ResponseController
}

func (b *progressBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if n > 0 {
		_ = b.rc.SetReadDeadline(time.Now().Add(BodyStall))
	}
	return n, err
}
