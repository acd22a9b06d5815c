package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
	"unicode"

	"github.com/google/uuid"
	"golang.org/x/text/unicode/norm"
)

// IncomingPrefix is where uploads land: incoming/<desk>/<batch>/<dossier>/<filename>.
const IncomingPrefix = "incoming/"

// Registrar records uploads before their work is enqueued.
type Registrar interface {
	RegisterUpload(ctx context.Context, u Upload) (doc, batch uuid.UUID, err error)
	KnownSources
}

// Intake accepts uploaded files: it stores the original, records the document, then enqueues
// its ingestion (row first, so the reconciler finds it if the enqueue is lost).
type Intake struct {
	Store   Registrar
	Objects Objects
	Queue   Queue
}

// Accept stores and registers one file.
func (in *Intake) Accept(ctx context.Context, u Upload, data []byte, contentType string) (doc, batch uuid.UUID, err error) {
	if u.SHA256 == "" {
		sum := sha256.Sum256(data)
		u.SHA256 = hex.EncodeToString(sum[:])
	}
	return in.accept(ctx, u, int64(len(data)), func(key string) error {
		return in.Objects.Put(ctx, key, data, contentType)
	})
}

// ReaderPutter stores an object from a reader of known size; *s3.Objects is one.
type ReaderPutter interface {
	PutReader(ctx context.Context, key string, r io.Reader, size int64, contentType string) error
}

// AcceptReader stores and registers one file of size bytes read from r, streaming it to
// storage when the bucket can take a reader.
func (in *Intake) AcceptReader(ctx context.Context, u Upload, r io.Reader, size int64, contentType string) (doc, batch uuid.UUID, err error) {
	rp, ok := in.Objects.(ReaderPutter)
	if !ok {
		data, err := io.ReadAll(io.LimitReader(r, size))
		if err != nil {
			return uuid.Nil, uuid.Nil, err
		}
		return in.Accept(ctx, u, data, contentType)
	}
	return in.accept(ctx, u, size, func(key string) error {
		return rp.PutReader(ctx, key, r, size, contentType)
	})
}

// accept checks the upload's names, stores the file under its key with put, and registers it.
func (in *Intake) accept(ctx context.Context, u Upload, size int64, put func(key string) error) (doc, batch uuid.UUID, err error) {
	if err := u.clean(); err != nil {
		return uuid.Nil, uuid.Nil, err
	}
	u.Key = Key(u.Desk, u.Batch, u.Dossier, u.Filename)
	u.Size = size
	// A name already registered: the same file again (a retried upload) is that document, not
	// stored again; another file is refused before it is stored (the originals bucket keeps
	// every version, and a new version of a registered key would never be read).
	known, err := in.Store.KnownSources(ctx, []string{u.Key})
	if err != nil {
		return uuid.Nil, uuid.Nil, err
	}
	if sum, ok := known[u.Key]; ok {
		if OtherFile(sum, u.SHA256) {
			return uuid.Nil, uuid.Nil, &Failure{Class: ClassExists, Err: ErrExists}
		}
		return in.Register(ctx, u)
	}
	if err := put(u.Key); err != nil {
		return uuid.Nil, uuid.Nil, err
	}
	return in.Register(ctx, u)
}

// Register records a file already in storage and enqueues its ingestion.
func (in *Intake) Register(ctx context.Context, u Upload) (doc, batch uuid.UUID, err error) {
	doc, batch, err = in.Store.RegisterUpload(ctx, u)
	if err != nil {
		return uuid.Nil, uuid.Nil, err
	}
	s := &Stages{Queue: in.Queue}
	return doc, batch, s.enqueue(ctx, TypeIngest, doc)
}

// Key is the object key of an upload.
func Key(desk, batch, dossier, filename string) string {
	return IncomingPrefix + path.Join(desk, batch, dossier, filename)
}

// ParseKey reads desk, batch, dossier and file name back from an incoming key.
func ParseKey(key string) (Upload, error) {
	rest, ok := strings.CutPrefix(key, IncomingPrefix)
	parts := strings.Split(rest, "/")
	if !ok || len(parts) != 4 {
		return Upload{}, fmt.Errorf("key %q is not %s<desk>/<batch>/<dossier>/<file>", key, IncomingPrefix)
	}
	u := Upload{Desk: parts[0], Batch: parts[1], Dossier: parts[2], Filename: parts[3], Key: key}
	return u, u.clean()
}

// slashLike are characters drawn as a slash that NFKC leaves alone: a dossier "∕etc" would
// look like a path.
const slashLike = "\u2215\u2044\u29f8\u29f9\u2216\ufe68"

// escapedSeparator is a percent-escaped dot, slash or backslash: "%2e%2e%2fSEC-B" reads as
// "../SEC-B" wherever a name is unescaped once.
var escapedSeparator = regexp.MustCompile(`(?i)%(2e|2f|5c)`)

var languagesRE = regexp.MustCompile(`^[a-z_]{3,16}(\+[a-z_]{3,16}){0,4}$`)

// Check applies the upload path rules (clean) before anything is stored: the API refuses a
// whole multipart upload on one bad name.
func (u *Upload) Check() error { return u.clean() }

// CheckDossierCode applies the upload path's rules to a dossier code given elsewhere (a page
// moved to a dossier).
func CheckDossierCode(code string) error {
	_, err := cleanName(code)
	return err
}

// cleanName is one part of an upload path, NFKC and trimmed, or a bad_name failure. The same
// rules for the API and the bucket pickup: NFKC (fullwidth letters and dots read as what they
// look like), no separators or dot segments, not even look-alike ones (∕ ⁄ ＼, ．．, %2e%2e%2f),
// no control or invisible format characters (bidi overrides, zero-width spaces), bounded length.
func cleanName(s string) (string, error) {
	s = norm.NFKC.String(strings.TrimSpace(s))
	if s == "" || s == "." || s == ".." || len(s) > 200 || strings.ContainsAny(s, `/\`+slashLike) ||
		strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) >= 0 ||
		escapedSeparator.MatchString(s) {
		return "", &Failure{Class: "bad_name", Err: fmt.Errorf("name %q is not allowed in an upload path", s)}
	}
	return s, nil
}

func (u *Upload) clean() error {
	for _, p := range []*string{&u.Desk, &u.Batch, &u.Dossier, &u.Filename} {
		s, err := cleanName(*p)
		if err != nil {
			return err
		}
		*p = s
	}
	if u.Languages != "" && !languagesRE.MatchString(u.Languages) {
		return &Failure{Class: "bad_language", Err: fmt.Errorf("languages %q: want Tesseract codes joined by +, e.g. vie+eng", u.Languages)}
	}
	if u.Split != "" {
		if err := ValidSplit(u.Split); err != nil {
			return &Failure{Class: "bad_split", Err: err}
		}
	}
	return nil
}
