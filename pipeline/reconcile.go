package pipeline

import (
	"context"
	"log/slog"
	"time"

	"github.com/google/uuid"
)

// StuckFinder lists rows whose task may have been lost; pages come in id order after `after`,
// so that successive passes walk a backlog larger than one pass's limit.
type StuckFinder interface {
	Stuck(ctx context.Context, age time.Duration, limit int, after uuid.UUID) ([]Work, error)
}

// Reconciler re-sends the task of every row stuck in a non-terminal state. PostgreSQL is the
// record: Asynq can lose an enqueue on a Redis failover or flush and forgets archived tasks.
// Re-sending is safe because every handler is idempotent and page tasks carry a TaskID.
type Reconciler struct {
	Store StuckFinder
	// Ledger, when set, has attempts whose worker died closed as abandoned.
	Ledger AttemptCloser
	// Leader, when set, lets only the worker holding it make a pass (see Lease).
	Leader interface {
		Hold(ctx context.Context) (bool, error)
	}
	Queue Queue
	Every time.Duration // how often to look
	Age   time.Duration // how long a row may sit before it counts as stuck
	Log   *slog.Logger
	// Limit is how many rows of each kind one pass re-sends; default 1000.
	Limit int

	// after is the last page of the previous pass: with a backlog of waiting pages larger than
	// Limit, the next pass goes on from there instead of re-sending the same first pages (whose
	// tasks wait in the queue anyway) while a lost one further on waits for the backlog to drain.
	after uuid.UUID
}

// AttemptCloser closes ledger rows left running by a dead worker.
type AttemptCloser interface {
	AbandonAttempts(ctx context.Context, olderThan time.Duration) (int64, error)
}

// Run looks every r.Every until ctx ends.
func (r *Reconciler) Run(ctx context.Context) {
	t := time.NewTicker(r.Every)
	defer t.Stop()
	for {
		// Without an answer from Redis (an outage), pass anyway: re-sends are harmless, and
		// this is when tasks get lost.
		if lead, err := r.lead(ctx); lead || err != nil {
			if n, err := r.Once(ctx); err != nil {
				r.Log.WarnContext(ctx, "reconcile", "error", err)
			} else if n > 0 {
				r.Log.InfoContext(ctx, "reconciled stuck work", "tasks", n)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (r *Reconciler) lead(ctx context.Context) (bool, error) {
	if r.Leader == nil {
		return true, nil
	}
	return r.Leader.Hold(ctx)
}

// Once re-sends the tasks of stuck rows and returns how many it sent.
func (r *Reconciler) Once(ctx context.Context) (int, error) {
	limit := r.Limit
	if limit <= 0 {
		limit = 1000
	}
	work, err := r.Store.Stuck(ctx, r.Age, limit, r.after)
	if err != nil {
		return 0, err
	}
	pages, last := 0, uuid.Nil
	for _, w := range work {
		if w.Type == TypePrepare || w.Type == TypeOCR {
			pages++
			last = w.ID
		}
	}
	if pages < limit {
		last = uuid.Nil // the end of the backlog: start from the beginning next time
	}
	r.after = last
	s := &Stages{Queue: r.Queue}
	for _, w := range work {
		if err := s.enqueue(ctx, w.Type, w.ID); err != nil {
			return 0, err
		}
	}
	if r.Ledger != nil {
		// Past the longest timeout and Asynq's lease, a running row has no live worker.
		n, err := r.Ledger.AbandonAttempts(ctx, MaxTimeout()+time.Minute)
		if err != nil {
			return len(work), err
		}
		if n > 0 {
			r.Log.InfoContext(ctx, "closed abandoned ledger rows", "rows", n)
		}
	}
	return len(work), nil
}
