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
)

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
