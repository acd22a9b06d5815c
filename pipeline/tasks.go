package pipeline

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/hibiken/asynq"
)

// Task types, one per stage. The handler of each is the method of the same name on Stages.
const (
	TypeIngest   = "sohoa:ingest"   // Stages.Ingest
	TypePrepare  = "sohoa:prepare"  // Stages.Prepare
	TypeOCR      = "sohoa:ocr"      // Stages.OCR
	TypeClassify = "sohoa:classify" // Stages.Classify
	TypeFinalize = "sohoa:finalize" // Stages.Finalize
)

// Queues, served in strict priority (Priorities): cheap bookkeeping first, then pages waiting
// for recognition, then new pages. A worker thus finishes the pages it has started before it
// prepares new ones: few prepared images wait at once, and OCR usually runs in the process
// that has just prepared the page (Stages' in-memory handoff).
const (
	QueueDefault = "default" // ingest, classify, finalize
	QueueOCR     = "ocr"     // prepared pages waiting for recognition
	QueuePages   = "pages"   // pages waiting for preparation
)

// Priorities for asynq.Config.Queues, with StrictPriority set.
var Priorities = map[string]int{QueueDefault: 3, QueueOCR: 2, QueuePages: 1}

// QueueOf is the queue a stage's tasks go to.
func QueueOf(typ string) string {
	switch typ {
	case TypePrepare:
		return QueuePages
	case TypeOCR:
		return QueueOCR
	}
	return QueueDefault
}

// Payload names the row a task works on. Tasks carry only IDs: the row holds the truth.
type Payload struct {
	ID uuid.UUID `json:"id"`
}

// MaxRetry for transient failures; with RetryDelay this spans about four hours.
const MaxRetry = 6

// RetryDelay is min(2^n · 30 s, 1 h): quick enough for a restarted dependency, bounded for an
// outage.
func RetryDelay(n int, err error, t *asynq.Task) time.Duration {
	return Backoff(30*time.Second)(n, err, t)
}

// Backoff is min(2^n · base, 1 h); tests use a small base.
func Backoff(base time.Duration) asynq.RetryDelayFunc {
	return func(n int, _ error, _ *asynq.Task) time.Duration {
		return min(base<<min(n, 10), time.Hour)
	}
}

// Timeouts per stage, well above their p99 on an A4 300-DPI page (OCR about 1 s per core).
var timeouts = map[string]time.Duration{
	TypeIngest:   2 * time.Minute,
	TypePrepare:  2 * time.Minute,
	TypeOCR:      5 * time.Minute,
	TypeClassify: time.Minute,
	TypeFinalize: time.Minute,
}

// MaxTimeout is the longest any stage may run.
func MaxTimeout() time.Duration {
	var m time.Duration
	for _, d := range timeouts {
		m = max(m, d)
	}
	return m
}

// NewTask builds the task of a stage for a row. Page and ingest stages carry a TaskID so that
// a duplicate enqueue (reconciler, retry of an enqueue) does not run expensive work twice;
// classify and finalize recompute from facts and may run any number of times.
func NewTask(typ string, id uuid.UUID) *asynq.Task {
	b, _ := json.Marshal(Payload{ID: id})
	opts := []asynq.Option{asynq.MaxRetry(MaxRetry), asynq.Timeout(timeouts[typ]), asynq.Queue(QueueOf(typ))}
	switch typ {
	case TypePrepare, TypeOCR, TypeIngest:
		opts = append(opts, asynq.TaskID(TaskIDOf(typ, id)))
	}
	return asynq.NewTask(typ, b, opts...)
}

// TaskIDOf is the Asynq task ID of a page or ingest task for a row.
func TaskIDOf(typ string, id uuid.UUID) string { return typ + ":" + id.String() }

func payloadOf(t *asynq.Task) (uuid.UUID, error) {
	var p Payload
	if err := json.Unmarshal(t.Payload(), &p); err != nil || p.ID == uuid.Nil {
		return uuid.Nil, permanent("bad_task", fmt.Errorf("payload of %s: %v", t.Type(), err))
	}
	return p.ID, nil
}
