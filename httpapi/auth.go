package httpapi

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/sohoa/sohoa/pipeline"
	"golang.org/x/crypto/bcrypt"
)

// Roles of people who operate sohoa.
const (
	RoleAdmin    = "admin"    // retries, asynqmon with its actions
	RoleStaff    = "staff"    // reporting staff: asynqmon read-only
	RoleClerk    = "clerk"    // a desk's clerk: that desk's records, as its API keys see them
	RoleReviewer = "reviewer" // every desk's records, to review and correct; no operations
)

// User is an operator (pipeline.User: storage keeps it without importing this package).
type User = pipeline.User

// Users is the record of operators and their sessions.
type Users interface {
	User(ctx context.Context, name string) (User, error)
	CreateSession(ctx context.Context, tokenHash, user string, expires time.Time) error
	SessionUser(ctx context.Context, tokenHash string) (User, error)
	DeleteSession(ctx context.Context, tokenHash string) error
}

const (
	sessionCookie = "sohoa_session"
	sessionTTL    = 12 * time.Hour
)

func hashToken(t string) string {
	h := sha256.Sum256([]byte(t))
	return hex.EncodeToString(h[:])
}

var loginTmpl = template.Must(template.New("login").Parse(`<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sohoa: đăng nhập</title><style>body{font-family:"Noto Sans",sans-serif;margin:3rem}form{max-width:20rem}
label{display:block;margin:.6rem 0 .2rem}input{width:100%;padding:.4rem}button{margin-top:1rem;padding:.4rem 1rem}
.err{color:#b3261e}</style></head><body><h1>sohoa</h1>
{{if .Err}}<p class="err" id="error">{{.Err}}</p>{{end}}
<form method="post" action="/login"><input type="hidden" name="next" value="{{.Next}}">
<label for="name">Tên đăng nhập / User</label><input id="name" name="name" autocomplete="username" required>
<label for="password">Mật khẩu / Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button id="submit" type="submit">Đăng nhập / Log in</button></form></body></html>`))

// safeNext keeps a post-login redirect on this site: a clean absolute path of printable
// ASCII, no backslash (browsers read "/\\evil.example" as another host), no "//", no scheme.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || next == "" || u.IsAbs() || u.Host != "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.ContainsAny(next, "\\") || strings.IndexFunc(next, func(r rune) bool { return r <= ' ' || r >= 0x7f }) >= 0 {
		return "/dashboard"
	}
	return next
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	pageHeaders(w)
	_ = loginTmpl.Execute(w, map[string]string{"Next": safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) {
		http.Error(w, "cross-site request refused", http.StatusForbidden)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 1<<14)
	name, pw, next := r.PostFormValue("name"), r.PostFormValue("password"), safeNext(r.PostFormValue("next"))
	if !s.allowLogin(name, r.RemoteAddr) {
		s.Log.WarnContext(r.Context(), "login throttled")
		w.Header().Set("Retry-After", "60")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusTooManyRequests)
		_ = loginTmpl.Execute(w, map[string]string{"Next": next, "Err": "Quá nhiều lần thử; hãy đợi một phút / Too many attempts; wait a minute"})
		return
	}
	u, err := s.Users.User(r.Context(), name)
	// Compare against a hash even for an unknown user, so timing does not tell who exists.
	hash := []byte("$2a$10$7EqJtq98hPqEX7fNZaFWoOa0Ss0i1RK1Sx5d8rF/mGYtY8M7b9Y2a")
	if err == nil {
		hash = []byte(u.PasswordHash)
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(pw)) != nil || err != nil {
		s.Log.WarnContext(r.Context(), "login refused") // never the name typed: it may be a password
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusUnauthorized)
		_ = loginTmpl.Execute(w, map[string]string{"Next": next, "Err": "Sai tên đăng nhập hoặc mật khẩu / Wrong user or password"})
		return
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	token := hex.EncodeToString(b)
	if err := s.Users.CreateSession(r.Context(), hashToken(token), u.Name, time.Now().Add(sessionTTL)); err != nil {
		s.fail(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: r.TLS != nil || s.SecureCookies,
		SameSite: http.SameSiteLaxMode, Expires: time.Now().Add(sessionTTL)})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) { // another site must not sign an operator out
		http.Error(w, "cross-site request refused", http.StatusForbidden)
		return
	}
	// The pages' sign-out form carries the session's token; a request without a form (a
	// script's POST) is judged by its origin alone, as before.
	if r.PostFormValue("csrf") != "" && !csrfOK(r) {
		http.Error(w, "the form has expired; reload the page", http.StatusForbidden)
		return
	}
	if c, err := r.Cookie(sessionCookie); err == nil {
		_ = s.Users.DeleteSession(r.Context(), hashToken(c.Value))
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: r.TLS != nil || s.SecureCookies})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// sameOrigin is the CSRF check for state-changing requests made with a session cookie: the
// browser says where the request comes from (Sec-Fetch-Site, or Origin) and it must be here.
func sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "same-origin", "none":
		return true
	case "":
	default:
		return false
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true // not a browser cross-site request: browsers send Origin on cross-site POSTs
	}
	u, err := url.Parse(o)
	return err == nil && u.Host == r.Host
}

type userKey struct{}

// CurrentUser returns the signed-in operator of a request.
func CurrentUser(ctx context.Context) (User, bool) {
	u, ok := ctx.Value(userKey{}).(User)
	return u, ok
}

var errNoSession = errors.New("no session")

func (s *Server) sessionUser(r *http.Request) (User, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return User{}, errNoSession
	}
	return s.Users.SessionUser(r.Context(), hashToken(c.Value))
}

// requireRole lets through only signed-in operators with one of roles; unsafe methods must also
// come from this site.
func (s *Server) requireRole(h http.Handler, roles ...string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, err := s.sessionUser(r)
		if err != nil && !errors.Is(err, errNoSession) && !errors.Is(err, pipeline.ErrNotFound) {
			s.unavailable(w, r, err)
			return
		}
		if err != nil {
			if r.Method == http.MethodGet && !strings.Contains(r.URL.Path, "/api/") {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "sign in first"})
			return
		}
		noteWho(r.Context(), Principal{Role: u.Role, Name: u.Name})
		if !slices.Contains(roles, u.Role) {
			writeJSON(w, http.StatusForbidden, map[string]string{"error": "your role may not do this"})
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodOptions && !sameOrigin(r) {
			writeJSON(w, http.StatusForbidden, map[string]string{"error": "cross-site request refused"})
			return
		}
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
	})
}

// HashPassword is how operators' passwords are stored.
func HashPassword(pw string) (string, error) {
	if len(pw) < 10 {
		return "", errors.New("a password needs at least 10 characters")
	}
	b, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
	return string(b), err
}

// allowLogin throttles sign-in attempts per account and per client address (guessing one
// password or many accounts from one place); both must allow.
func (s *Server) allowLogin(name, remote string) bool {
	if s.LoginLimit == nil {
		return true
	}
	host := hostOf(remote)
	now := time.Now()
	byName := s.LoginLimit.allow("user:"+strings.ToLower(strings.TrimSpace(name)), now)
	byAddr := s.LoginLimit.allow("addr:"+host, now)
	return byName && byAddr
}
