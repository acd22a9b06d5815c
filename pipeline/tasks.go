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

// Queues: OCR work is CPU-bound and kept apart from the cheap bookkeeping stages.
const (
	QueueOCR     = "ocr"
	QueueDefault = "default"
)

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

// NewTask builds the task of a stage for a row. Page and ingest stages carry a TaskID so that
// a duplicate enqueue (reconciler, retry of an enqueue) does not run expensive work twice;
// classify and finalize recompute from facts and may run any number of times.
func NewTask(typ string, id uuid.UUID) *asynq.Task {
	b, _ := json.Marshal(Payload{ID: id})
	opts := []asynq.Option{asynq.MaxRetry(MaxRetry), asynq.Timeout(timeouts[typ]), asynq.Queue(QueueDefault)}
	switch typ {
	case TypePrepare, TypeOCR:
		opts = append(opts, asynq.Queue(QueueOCR), asynq.TaskID(typ+":"+id.String()))
	case TypeIngest:
		opts = append(opts, asynq.TaskID(typ+":"+id.String()))
	}
	return asynq.NewTask(typ, b, opts...)
}

func payloadOf(t *asynq.Task) (uuid.UUID, error) {
	var p Payload
	if err := json.Unmarshal(t.Payload(), &p); err != nil || p.ID == uuid.Nil {
		return uuid.Nil, permanent("bad_task", fmt.Errorf("payload of %s: %v", t.Type(), err))
	}
	return p.ID, nil
}
