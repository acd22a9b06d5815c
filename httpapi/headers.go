package httpapi

import "net/http"

// securityHeaders puts on every response what no page of sohoa needs to be without: no framing
// by another site (clickjacking of the review and admin actions), no type sniffing, no referrer
// to other sites. Pages set a stricter Content-Security-Policy of their own (pageHeaders).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

// pageHeaders mark a server-rendered page, under a policy that runs no script and loads
// nothing from elsewhere (securityHeaders gave the rest); allow adds what a page may load from
// this site ("img-src 'self'").
func pageHeaders(w http.ResponseWriter, allow ...string) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	policy := "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
	for _, a := range allow {
		policy += "; " + a
	}
	h.Set("Content-Security-Policy", policy)
}
