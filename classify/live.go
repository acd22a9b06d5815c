package classify

import (
	"context"
	"sync/atomic"

	"github.com/google/uuid"
	"github.com/sohoa/sohoa/pipeline"
)

// Source is where trained models and catalogue overrides live (PostgreSQL).
type Source interface {
	LatestModel(ctx context.Context, newerThan int) (*Model, error)
	TypeOverrides(ctx context.Context) ([]Type, error)
	ProcedureOverrides(ctx context.Context) ([]Procedure, error)
}

// Live is a classifier that picks up newly trained models and catalogue overrides without a
// restart. Safe for concurrent use.
type Live struct {
	cur atomic.Pointer[Classifier]
}

// NewLive starts from c.
func NewLive(c *Classifier) *Live {
	l := &Live{}
	l.cur.Store(c)
	return l
}

// Current is the classifier in use.
func (l *Live) Current() *Classifier { return l.cur.Load() }

// Classify implements pipeline.Classifier.
func (l *Live) Classify(text string) pipeline.Classification { return l.Current().Classify(text) }

// Missing implements pipeline.Classifier.
func (l *Live) Missing(procedure string, have []string) (string, []string) {
	return l.Current().Missing(procedure, have)
}

// Refresh loads a newer model and the current overrides from src.
func (l *Live) Refresh(ctx context.Context, src Source) error {
	cur := l.Current()
	version := -1
	if cur.model != nil {
		version = cur.model.Version
	}
	m, err := src.LatestModel(ctx, version)
	if err != nil {
		return err
	}
	if m == nil {
		m = cur.model
	}
	over, err := src.TypeOverrides(ctx)
	if err != nil {
		return err
	}
	procs, err := src.ProcedureOverrides(ctx)
	if err != nil {
		return err
	}
	l.cur.Store(New(Builtin().WithOverrides(over).WithProcedures(procs), m))
	return nil
}

// ReviewItem is a document waiting for a person to confirm its type.
type ReviewItem struct {
	Document   uuid.UUID `json:"document"`
	Desk       string    `json:"desk"`
	Dossier    string    `json:"dossier"`
	Filename   string    `json:"filename"`
	Type       string    `json:"type"`
	Confidence float64   `json:"confidence"`
	Reason     string    `json:"reason"`
	Fields     Fields    `json:"fields"`
}

// Title is the current classifier's Title.
func (l *Live) Title(text string) string { return l.Current().Title(text) }
