package pipeline

import (
	"context"
	"errors"
	"fmt"

	"github.com/hibiken/asynq"
	"github.com/sohoa/sohoa/scan"
)

// Failure classes recorded on pages. Refusals of the input are permanent; everything else
// (storage, database, queue down, timeouts) is transient and retried with backoff.
const (
	ClassEmpty       = string(scan.Empty)
	ClassCorrupt     = string(scan.Corrupt)
	ClassUnsupported = string(scan.Unsupported)
	ClassTooLarge    = string(scan.TooLarge)
	ClassEncrypted   = string(scan.Encrypted)
	ClassMissing     = "missing"      // the uploaded object is gone from storage
	ClassOCR         = "ocr"          // Tesseract refused the page or ran past its deadline
	ClassLanguage    = "language"     // the desk's OCR language data is not installed
	ClassTransient   = "transient"    // retries exhausted on a dependency failure
	ClassUnknownDesk = "unknown_desk" // upload under a desk code nobody registered
	ClassExists      = "exists"       // another file was already uploaded under this name
	ClassChanged     = "changed"      // the stored original is not the file checked at upload
)

// ErrExists refuses a re-upload of a different file under a name already used in the batch:
// the first stays the document (a new S3 version of it would never be read), so the desk must
// say which it means.
var ErrExists = errors.New("another file was already uploaded under this name in this batch and dossier: upload the corrected scan under a new name (for example with -v2) or in a new batch")

// Failure is a permanent failure of one page or document, with the class recorded for it.
type Failure struct {
	Class string
	Err   error
}

func (f *Failure) Error() string { return f.Class + ": " + f.Err.Error() }
func (f *Failure) Unwrap() error { return f.Err }

// permanent marks err so that Asynq archives the task instead of retrying it.
func permanent(class string, err error) error {
	return fmt.Errorf("%w: %w", &Failure{Class: class, Err: err}, asynq.SkipRetry)
}

// classify maps an error to its failure class, and whether it is permanent.
func classify(err error) (class string, isPermanent bool) {
	var f *Failure
	if errors.As(err, &f) {
		return f.Class, true
	}
	if c := scan.ClassOf(err); c != "" {
		return string(c), true
	}
	if errors.Is(err, ErrNotFound) {
		return ClassMissing, true
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timeout", false
	}
	return ClassTransient, false
}

// ClassOf returns the failure class of err ("" for nil).
func ClassOf(err error) string {
	if err == nil {
		return ""
	}
	c, _ := classify(err)
	return c
}

// OtherFile reports whether sum names another file than the one registered under a name
// (either may be unknown: "").
func OtherFile(registered, sum string) bool {
	return registered != "" && sum != "" && registered != sum
}
