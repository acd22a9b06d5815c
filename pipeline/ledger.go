package pipeline

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/sohoa/sohoa/ocr"
)

// Ledger records every stage attempt in PostgreSQL.
type Ledger interface {
	BeginAttempt(ctx context.Context, a Attempt) (int64, error)
	// EndAttempt closes the row; waited is the part of its time spent waiting for OCR slots.
	EndAttempt(ctx context.Context, id int64, outcome, class, msg string, waited time.Duration) error
}

// Attempt is one delivery of a stage task.
type Attempt struct {
	TaskID, TaskType string
	RowID            uuid.UUID
	Attempt          int
	Worker           string
}

// Metrics of the stages. Labels are bounded: stage, outcome, reason, rotation.
type Metrics struct {
	Duration   *prometheus.HistogramVec
	Pages      *prometheus.CounterVec
	Confidence prometheus.Histogram
	Rejected   *prometheus.CounterVec
	Skew       prometheus.Histogram
	// Read counts the bytes the stages read from S3, by object kind: what a large file costs
	// the store when its pages are prepared by several workers.
	Read *prometheus.CounterVec
}

// NewMetrics registers the stage metrics on reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "sohoa_stage_duration_seconds", Help: "Time a stage task takes, by stage and outcome.",
			Buckets: []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120, 300}}, []string{"stage", "outcome"}),
		Pages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sohoa_tasks_total", Help: "Stage task attempts by stage and outcome (ok, retry, archived)."}, []string{"stage", "outcome"}),
		Confidence: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "sohoa_ocr_mean_confidence", Help: "Mean word confidence of recognised pages (0-100).",
			Buckets: prometheus.LinearBuckets(0, 10, 11)}),
		Rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sohoa_pages_rejected_total", Help: "Pages refused or failed for good, by failure class."}, []string{"reason"}),
		Skew: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "sohoa_deskew_angle_degrees", Help: "Detected skew of prepared pages.",
			Buckets: []float64{-15, -10, -5, -2, -1, -0.5, -0.1, 0.1, 0.5, 1, 2, 5, 10, 15}}),
		Read: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sohoa_s3_read_bytes_total", Help: "Bytes the stages read from S3, by object (original, page_image, page_pdf)."}, []string{"object"}),
	}
	reg.MustRegister(m.Duration, m.Pages, m.Confidence, m.Rejected, m.Skew, m.Read)
	return m
}

var stageOf = map[string]string{TypeIngest: "ingest", TypePrepare: "prepare", TypeOCR: "ocr", TypeClassify: "classify", TypeFinalize: "finalize"}

type ctxKey int

const loggerKey ctxKey = 0

// Logger returns the task's logger (with task_id, stage, attempt) or l.
func Logger(ctx context.Context, l *slog.Logger) *slog.Logger {
	if tl, ok := ctx.Value(loggerKey).(*slog.Logger); ok {
		return tl
	}
	return l
}

// Middleware records each attempt in the ledger and the metrics and gives the handler a logger
// carrying task_id, stage and attempt. The outcome is decided here, in one place: ok; retry; or
// archived when the error skips retry or retries are used up.
func Middleware(ledger Ledger, m *Metrics, log *slog.Logger) asynq.MiddlewareFunc {
	host, _ := os.Hostname()
	worker := host + ":" + strconv.Itoa(os.Getpid())
	return func(next asynq.Handler) asynq.Handler {
		return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
			stage := stageOf[t.Type()]
			id, _ := asynq.GetTaskID(ctx)
			retried, _ := asynq.GetRetryCount(ctx)
			maxRetry, _ := asynq.GetMaxRetry(ctx)
			row, _ := payloadOf(t)
			tl := log.With("task_id", id, "stage", stage, "attempt", retried+1)
			ctx = context.WithValue(ctx, loggerKey, tl)
			lid, lerr := ledger.BeginAttempt(ctx, Attempt{TaskID: id, TaskType: t.Type(), RowID: row, Attempt: retried + 1, Worker: worker})
			if lerr != nil {
				tl.WarnContext(ctx, "ledger: cannot record the attempt", "error", lerr)
			}
			ctx, wait := ocr.WithWaitMeter(ctx)
			start := time.Now()
			err := next.ProcessTask(ctx, t)
			outcome, class, msg := "ok", "", ""
			if err != nil {
				class, msg = ClassOf(err), err.Error()
				outcome = "retry"
				if errors.Is(err, asynq.SkipRetry) || retried >= maxRetry {
					outcome = "archived"
				}
				tl.WarnContext(ctx, "stage failed", "outcome", outcome, "class", class, "error", msg)
			}
			m.Duration.WithLabelValues(stage, outcome).Observe(time.Since(start).Seconds())
			m.Pages.WithLabelValues(stage, outcome).Inc()
			if outcome == "archived" {
				m.Rejected.WithLabelValues(class).Inc()
			}
			if lerr == nil {
				// Record the end even if the task's context was cancelled (shutdown, timeout).
				if e := ledger.EndAttempt(context.WithoutCancel(ctx), lid, outcome, class, msg, wait.Waited()); e != nil {
					tl.WarnContext(ctx, "ledger: cannot record the outcome", "error", e)
				}
			}
			return err
		})
	}
}
