package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/hibiken/asynq"
)

// Transient failure classes: dependencies were down. "--class transient" selects them all.
var transientClasses = []string{ClassTransient, "timeout"}

// RetryFilter selects failed pages for a bulk retry.
type RetryFilter struct {
	Desk    string   `json:"desk"`
	Batch   string   `json:"batch"`
	Stage   string   `json:"stage"` // prepare or ocr; empty for both
	Classes []string `json:"classes"`
	// Pages limits the retry to these failed pages; none for every page the rest selects.
	Pages []uuid.UUID `json:"pages,omitempty"`
	From  time.Time   `json:"from"`
	To    time.Time   `json:"to"`
}

// RetryCandidate is a failed page.
type RetryCandidate struct {
	Page     uuid.UUID
	Class    string
	HasImage bool
}

// RetryStore finds failed pages.
type RetryStore interface {
	RetryCandidates(ctx context.Context, f RetryFilter) ([]RetryCandidate, error)
}

// TaskInspector is the part of *asynq.Inspector a retry needs.
type TaskInspector interface {
	GetTaskInfo(queue, id string) (*asynq.TaskInfo, error)
	RunTask(queue, id string) error
	DeleteTask(queue, id string) error
}

// Retrier re-runs failed pages in bulk from the ledger of record (PostgreSQL), whatever Asynq
// still remembers: an archived task is run again with RunTask (as asynqmon's "Run" does), a task
// Asynq has forgotten is enqueued anew, and an archived task of the page's other stage is
// deleted so that its TaskID cannot block the page's way forward.
type Retrier struct {
	Store     RetryStore
	Queue     Queue
	Inspector TaskInspector
}

// ParseClasses expands "transient" into every transient class.
func ParseClasses(classes []string) []string {
	var out []string
	for _, c := range classes {
		if c == "transient" {
			out = append(out, transientClasses...)
		} else if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// Retry re-runs every failed page that f selects and returns how many.
func (r *Retrier) Retry(ctx context.Context, f RetryFilter) (int, error) {
	if f.To.IsZero() {
		f.To = time.Now().Add(time.Minute)
	}
	f.Classes = ParseClasses(f.Classes)
	cands, err := r.Store.RetryCandidates(ctx, f)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, c := range cands {
		stage := TypePrepare
		if c.HasImage {
			stage = TypeOCR
		}
		if f.Stage != "" && stageOf[stage] != f.Stage {
			continue
		}
		if err := r.retryPage(ctx, c.Page, stage); err != nil {
			return n, fmt.Errorf("retry page %s: %w", c.Page, err)
		}
		n++
	}
	return n, nil
}

func (r *Retrier) retryPage(ctx context.Context, page uuid.UUID, stage string) error {
	ran := false
	for _, typ := range []string{TypePrepare, TypeOCR} {
		id := typ + ":" + page.String()
		info, err := r.Inspector.GetTaskInfo(QueueOf(typ), id)
		if errors.Is(err, asynq.ErrTaskNotFound) || errors.Is(err, asynq.ErrQueueNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if info.State != asynq.TaskStateArchived {
			if typ == stage {
				ran = true // already waiting or running: it will revive the page itself
			}
			continue
		}
		if typ == stage {
			if err := r.Inspector.RunTask(QueueOf(typ), id); err != nil {
				return err
			}
			ran = true
			continue
		}
		if err := r.Inspector.DeleteTask(QueueOf(typ), id); err != nil && !errors.Is(err, asynq.ErrTaskNotFound) {
			return err
		}
	}
	if ran {
		return nil
	}
	_, err := r.Queue.EnqueueContext(ctx, NewTask(stage, page))
	if errors.Is(err, asynq.ErrTaskIDConflict) {
		return nil
	}
	return err
}
