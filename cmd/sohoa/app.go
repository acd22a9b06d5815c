package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/redis/go-redis/v9"
	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/httpapi"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
	"github.com/sohoa/sohoa/storage/postgres"
	"github.com/sohoa/sohoa/storage/s3"
)

// app holds the connections every service-backed subcommand shares.
type app struct {
	cfg       *Config
	log       *slog.Logger
	db        *postgres.DB
	objects   *s3.Objects // derived artifacts
	originals *s3.Objects // uploads, versioned and object-locked
	redis     asynq.RedisConnOpt
	queue     *asynq.Client
	inspector *asynq.Inspector
	registry  *prometheus.Registry
	metrics   *pipeline.Metrics
}

func newLogger(format string) *slog.Logger {
	if format == "text" {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewJSONHandler(os.Stderr, nil))
}

func openApp(ctx context.Context, cfg *Config, log *slog.Logger) (*app, error) {
	db, err := postgres.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	objects, err := s3.Open(cfg.S3)
	if err != nil {
		db.Close()
		return nil, err
	}
	redis, err := redisConn(cfg)
	if err != nil {
		db.Close()
		return nil, err
	}
	a := &app{cfg: cfg, log: log, db: db, objects: objects, originals: objects.WithBucket(cfg.OriginalsBucket()), redis: redis, queue: asynq.NewClient(redis),
		inspector: asynq.NewInspector(redis), registry: prometheus.NewRegistry()}
	a.registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		pipeline.QueueCollector{Inspector: a.inspector})
	a.metrics = pipeline.NewMetrics(a.registry)
	return a, nil
}

func (a *app) close() {
	a.queue.Close()
	a.inspector.Close()
	a.db.Close()
}

func (a *app) metricsHandler() http.Handler {
	return promhttp.HandlerFor(a.registry, promhttp.HandlerOpts{})
}

// shutdownTimeout is how long a stopping worker waits for tasks in flight before Asynq puts
// them back in their queue (they run again and count once): above a typical OCR time.
func (a *app) shutdownTimeout() time.Duration {
	if a.cfg.ShutdownTimeout > 0 {
		return a.cfg.ShutdownTimeout
	}
	return 20 * time.Second
}

func (a *app) retryDelay() asynq.RetryDelayFunc {
	if a.cfg.RetryBase > 0 {
		return pipeline.Backoff(a.cfg.RetryBase)
	}
	return pipeline.RetryDelay
}

func (a *app) retrier() *pipeline.Retrier {
	return &pipeline.Retrier{Store: a.db, Queue: a.queue, Inspector: a.inspector}
}

// migrate applies the database migrations and makes sure the bucket exists.
func (a *app) migrate(ctx context.Context) error {
	applied, err := a.db.Migrate(ctx)
	if err != nil {
		return err
	}
	for _, m := range applied {
		a.log.Info("migration applied", "name", m)
	}
	if err := a.objects.EnsureBucket(ctx); err != nil {
		return err
	}
	days := a.cfg.RetentionDays
	if days == 0 {
		days = 3650
	}
	return a.originals.EnsureLockedBucket(ctx, days)
}

func (a *app) ready(ctx context.Context) error {
	var errs []error
	if err := a.db.Pool.Ping(ctx); err != nil {
		errs = append(errs, fmt.Errorf("postgres: %w", err))
	}
	if err := a.queue.Ping(); err != nil {
		errs = append(errs, fmt.Errorf("redis: %w", err))
	}
	if err := a.objects.Ping(ctx); err != nil {
		errs = append(errs, fmt.Errorf("s3: %w", err))
	}
	return errors.Join(errs...)
}

func (a *app) intake() *pipeline.Intake {
	return &pipeline.Intake{Store: a.db, Objects: a.originals, Queue: a.queue}
}

// apiServer builds the HTTP server; the caller listens.
func (a *app) apiServer() *http.Server {
	// No ReadTimeout or WriteTimeout: uploads of 2 GB and large PDFs take as long as the link
	// needs; a stalled body is cut by httpapi.BodyStall, idle keep-alives after two minutes.
	return &http.Server{Handler: a.api().Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
}

// api is the API's configuration on this app's services.
func (a *app) api() *httpapi.Server {
	return &httpapi.Server{Store: a.db, Intake: a.intake(), Objects: a.objects, Originals: a.originals, Queue: a.queue, Review: a.db, Log: a.log,
		Users: a.db, Retrier: a.retrier(), Registry: a.db, Keys: a.db, Uploads: &pipeline.Batches{Objects: a.originals, Known: a.db, Intake: a.intake(),
			MaxFile: scan.DefaultLimits.MaxBytes, MaxBatch: 20 << 30, TTL: 15 * time.Minute}, RateLimit: httpapi.NewLimiter(20, 200), LoginLimit: httpapi.NewLimiter(1.0/6, 10), PublicLimit: httpapi.NewLimiter(10, 100), SecureCookies: a.cfg.SecureCookies, Redis: a.redis, Metrics: a.metricsHandler(), MaxUpload: 2 << 30, MaxFile: scan.DefaultLimits.MaxBytes, Ready: a.ready}
}

// serveHTTP serves on ln until ctx ends, then drains for up to 10 s.
func serveHTTP(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	}
}

// worker runs the stage handlers and the reconciler until ctx ends. OCR processes need
// OMP_THREAD_LIMIT=1 in their environment before start: Tesseract's OpenMP reads it when the
// library loads, so setting it from Go would be too late.
func (a *app) worker(ctx context.Context, reconcileAge time.Duration) error {
	if os.Getenv("OMP_THREAD_LIMIT") != "1" {
		a.log.Warn("OMP_THREAD_LIMIT is not 1: Tesseract's threads will fight over the cores and OCR will be several times slower")
	}
	engine, err := ocr.New(ocr.Config{Languages: strings.Split(a.cfg.Languages, "+"), Slots: a.cfg.Concurrency, PSM: a.cfg.PSM})
	if err != nil {
		return err
	}
	defer engine.Close()
	// The classifier picks up models trained by `sohoa classify train` and catalogue overrides.
	live := classify.NewLive(classify.Default())
	if err := live.Refresh(ctx, a.db); err != nil {
		return err
	}
	go func() {
		every := a.cfg.ClassifierRefresh
		if every <= 0 {
			every = 30 * time.Second
		}
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := live.Refresh(ctx, a.db); err != nil {
					a.log.Warn("classifier refresh", "error", err)
				}
			}
		}
	}()
	spool, err := pipeline.SpoolDir()
	if err != nil {
		return err
	}
	defer os.RemoveAll(spool)
	stages := &pipeline.Stages{Store: a.db, Originals: a.originals, Objects: a.objects, Queue: a.queue, Engine: engine,
		Classifier: live, Limits: scan.DefaultLimits, Log: a.log, Metrics: a.metrics, SpoolDir: spool}
	srv := asynq.NewServer(a.redis, asynq.Config{
		// Bookkeeping stages must not wait behind OCR: more handlers than OCR slots, and the
		// engine pool bounds the CPU-heavy work to one page per core.
		Concurrency:     a.cfg.Concurrency * 2,
		Queues:          pipeline.Priorities,
		StrictPriority:  true,
		RetryDelayFunc:  a.retryDelay(),
		ShutdownTimeout: a.shutdownTimeout(),
		// Retries and delayed tasks are moved to their queue this often.
		DelayedTaskCheckInterval: a.cfg.DelayedCheck,
		TaskCheckInterval:        cmp.Or(a.cfg.TaskCheck, 100*time.Millisecond),
		Logger:                   asynqLogger{a.log},
		ErrorHandler: asynq.ErrorHandlerFunc(func(ctx context.Context, t *asynq.Task, err error) {
			retried, _ := asynq.GetRetryCount(ctx)
			maxRetry, _ := asynq.GetMaxRetry(ctx)
			a.log.Warn("task failed", "task_type", t.Type(), "attempt", retried+1, "error", err)
			if retried >= maxRetry && !errors.Is(err, asynq.SkipRetry) {
				stages.Exhausted(context.WithoutCancel(ctx), t, err)
			}
		}),
	})
	mux := asynq.NewServeMux()
	mux.Use(pipeline.Middleware(a.db, a.metrics, a.log))
	stages.Register(mux)
	if err := srv.Start(mux); err != nil {
		return err
	}
	a.serveMetrics(ctx, a.cfg.MetricsAddr)
	pickup := &pipeline.Pickup{Objects: a.originals, Known: a.db, Intake: a.intake(), Every: 30 * time.Second, Log: a.log}
	go pickup.Run(ctx)
	rec := &pipeline.Reconciler{Store: a.db, Ledger: a.db, Queue: a.queue, Every: 15 * time.Second, Age: reconcileAge, Log: a.log}
	if rc, ok := a.redis.MakeRedisClient().(redis.UniversalClient); ok {
		defer rc.Close()
		host, _ := os.Hostname()
		// Held for two passes: when its worker stops, another takes over within 30 s.
		rec.Leader = &pipeline.Lease{Client: rc, Key: "sohoa:reconciler", Holder: fmt.Sprintf("%s:%d", host, os.Getpid()), TTL: 2 * rec.Every}
	}
	go rec.Run(ctx)
	<-ctx.Done()
	srv.Shutdown()
	return nil
}

// asynqLogger makes slog serve as Asynq's logger.
type asynqLogger struct{ l *slog.Logger }

func (a asynqLogger) Debug(args ...any) { a.l.Debug(fmt.Sprint(args...), "component", "asynq") }
func (a asynqLogger) Info(args ...any)  { a.l.Info(fmt.Sprint(args...), "component", "asynq") }
func (a asynqLogger) Warn(args ...any)  { a.l.Warn(fmt.Sprint(args...), "component", "asynq") }
func (a asynqLogger) Error(args ...any) { a.l.Error(fmt.Sprint(args...), "component", "asynq") }
func (a asynqLogger) Fatal(args ...any) {
	a.l.Error(fmt.Sprint(args...), "component", "asynq")
	os.Exit(1)
}

// train retrains the classifier's model from the built-in seed labels and every label
// confirmed in review, and stores it as the next version; workers pick it up within a minute.
func (a *app) train(ctx context.Context, out io.Writer) error {
	labels, err := a.db.Labels(ctx)
	if err != nil {
		return err
	}
	all := append(classify.SeedLabels(), labels...)
	m, err := classify.Train(all, 0)
	if err != nil {
		return err
	}
	v, err := a.db.SaveModel(ctx, m)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "model v%d trained on %d labels (%d confirmed in review), %d classes, %d features\n",
		v, len(all), len(labels), len(m.Classes), len(m.Vocab))
	return nil
}
