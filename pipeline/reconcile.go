package pipeline

import (
	"context"
	"log/slog"
	"time"
)

// StuckFinder lists rows whose task may have been lost.
type StuckFinder interface {
	Stuck(ctx context.Context, age time.Duration, limit int) ([]Work, error)
}

// Reconciler re-sends the task of every row stuck in a non-terminal state. PostgreSQL is the
// record: Asynq can lose an enqueue on a Redis failover or flush and forgets archived tasks.
// Re-sending is safe because every handler is idempotent and page tasks carry a TaskID.
type Reconciler struct {
	Store StuckFinder
	// Ledger, when set, has attempts whose worker died closed as abandoned.
	Ledger AttemptCloser
	Queue  Queue
	Every  time.Duration // how often to look
	Age    time.Duration // how long a row may sit before it counts as stuck
	Log    *slog.Logger
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
		if n, err := r.Once(ctx); err != nil {
			r.Log.WarnContext(ctx, "reconcile", "error", err)
		} else if n > 0 {
			r.Log.InfoContext(ctx, "reconciled stuck work", "tasks", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Once re-sends the tasks of stuck rows and returns how many it sent.
func (r *Reconciler) Once(ctx context.Context) (int, error) {
	work, err := r.Store.Stuck(ctx, r.Age, 1000)
	if err != nil {
		return 0, err
	}
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
