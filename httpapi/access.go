package httpapi

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"

	"github.com/sohoa/sohoa/pipeline"
)

// Keys is the record of desks' API keys.
type Keys interface {
	KeyDesk(ctx context.Context, keyHash string) (string, error)
}

// Principal is who makes a request: a desk (by its API key or a clerk's session), or an
// operator (by session) who sees every desk.
type Principal struct {
	Desk string // "" for admins and staff
	Role string // "desk", admin, staff or clerk
	Name string
}

type principalKey struct{}

func principalOf(ctx context.Context) Principal {
	p, _ := ctx.Value(principalKey{}).(Principal)
	return p
}

// NewKey makes a desk API key: the value to hand over once, and the hash to store.
func NewKey() (key, hash string) {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	key = "sohoa_" + hex.EncodeToString(b)
	return key, hashToken(key)
}

// authenticated requires a desk API key (Authorization: Bearer ...) or an operator's session.
// A desk sees only its own batches, dossiers, documents and artifacts: anything of another desk
// answers 404, as if it did not exist.
func (s *Server) authenticated(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p Principal
		if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "Bearer ") {
			keyHash := hashToken(strings.TrimPrefix(auth, "Bearer "))
			desk, err := s.Keys.KeyDesk(r.Context(), keyHash)
			if err != nil && !errors.Is(err, pipeline.ErrNotFound) {
				s.unavailable(w, r, err) // the key store is down: the key may well be good
				return
			}
			if err != nil {
				writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "unknown or revoked API key"})
				return
			}
			p = Principal{Desk: desk, Role: "desk"}
			if !s.allow(keyHash) {
				writeJSON(w, http.StatusTooManyRequests, map[string]string{"error": "too many requests for this key; slow down"})
				return
			}
		} else if u, err := s.sessionUser(r); err != nil && !errors.Is(err, errNoSession) && !errors.Is(err, pipeline.ErrNotFound) {
			s.unavailable(w, r, err)
			return
		} else if err == nil {
			if r.Method != http.MethodGet && r.Method != http.MethodHead && !sameOrigin(r) {
				writeJSON(w, http.StatusForbidden, map[string]string{"error": "cross-site request refused"})
				return
			}
			p = Principal{Role: u.Role, Name: u.Name, Desk: u.Desk} // a clerk sees one desk
			if u.Role == RoleClerk && u.Desk == "" {
				writeJSON(w, http.StatusForbidden, map[string]string{"error": "a clerk without a desk"})
				return
			}
		} else {
			w.Header().Set("WWW-Authenticate", `Bearer realm="sohoa"`)
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "an API key or a session is needed"})
			return
		}
		noteWho(r.Context(), p)
		h(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, p)))
	})
}

// sees reports whether the request's principal may see desk's records.
func sees(ctx context.Context, desk string) bool {
	p := principalOf(ctx)
	return p.Desk == "" || p.Desk == desk
}

// scope is the desk a listing is limited to: the key's desk, or what an operator asked for.
func scope(r *http.Request) string {
	if p := principalOf(r.Context()); p.Desk != "" {
		return p.Desk
	}
	return r.URL.Query().Get("desk")
}

// unavailable answers 503 with Retry-After when what a request needs (the key or session store)
// cannot be reached: a database outage must not read as a revoked key.
func (s *Server) unavailable(w http.ResponseWriter, r *http.Request, err error) {
	s.Log.WarnContext(r.Context(), "store unavailable", "error", err)
	w.Header().Set("Retry-After", "5")
	writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "sohoa cannot reach its database just now; try again shortly"})
}

// notStaff refuses reporting staff: they read figures, not documents, and change nothing.
func notStaff(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if principalOf(r.Context()).Role == RoleStaff {
			writeJSON(w, http.StatusForbidden, map[string]string{"error": "reporting staff read figures, not documents"})
			return
		}
		h(w, r)
	}
}
