package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"runtime"
	"strconv"
	"time"

	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/storage/s3"
)

// Config is read from SOHOA_* environment variables; flags override them.
type Config struct {
	DatabaseURL string
	RedisAddr   string
	RedisDB     int
	RedisURL    string // overrides RedisAddr and RedisDB (redisconn.go)
	// RedisPassword is read from SOHOA_REDIS_PASSWORD_FILE; a password in RedisURL wins.
	RedisPassword string
	S3            s3.Config
	HTTPAddr      string
	MetricsAddr   string
	// SecureCookies: serve sits behind a TLS-terminating proxy.
	SecureCookies bool
	// ShutdownTimeout and DelayedCheck tune the worker; zero keeps the defaults.
	ShutdownTimeout time.Duration
	DelayedCheck    time.Duration
	RetryBase       time.Duration
	// TaskCheck is how long an idle worker waits before looking at empty queues again.
	TaskCheck time.Duration
	// ClassifierRefresh is how often a worker loads a newly trained model and catalogue edits.
	ClassifierRefresh time.Duration
	// Originals is the bucket uploads land in (default: the bucket's name + "-originals"),
	// object-locked for RetentionDays.
	Originals     string
	RetentionDays uint
	Languages     string
	PSM           int
	Concurrency   int
	LogFormat     string
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

func envInt(key string, def int, errs *[]error) int {
	v := env(key, "")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		*errs = append(*errs, fmt.Errorf("%s=%q: not a number", key, v))
	}
	return n
}

// bindConfig registers the configuration flags on fs, defaulting to the environment, and
// returns a function that checks everything at once after parsing.
func bindConfig(fs *flag.FlagSet) (*Config, func() error) {
	var errs []error
	c := &Config{}
	fs.StringVar(&c.DatabaseURL, "database-url", env("SOHOA_DATABASE_URL", "postgres://sohoa:sohoa@127.0.0.1:5432/sohoa?sslmode=disable"), "PostgreSQL URL (SOHOA_DATABASE_URL)")
	fs.StringVar(&c.RedisAddr, "redis-addr", env("SOHOA_REDIS_ADDR", "127.0.0.1:6379"), "Redis address for Asynq (SOHOA_REDIS_ADDR)")
	fs.IntVar(&c.RedisDB, "redis-db", envInt("SOHOA_REDIS_DB", 0, &errs), "Redis database number (SOHOA_REDIS_DB)")
	fs.StringVar(&c.RedisURL, "redis-url", env("SOHOA_REDIS_URL", ""), "Redis URL: redis://, rediss:// (TLS) or redis-sentinel://; overrides -redis-addr and -redis-db (SOHOA_REDIS_URL)")
	fs.StringVar(&c.S3.Endpoint, "s3-endpoint", env("SOHOA_S3_ENDPOINT", "127.0.0.1:7070"), "S3 host:port (SOHOA_S3_ENDPOINT)")
	fs.StringVar(&c.S3.Bucket, "s3-bucket", env("SOHOA_S3_BUCKET", "sohoa"), "S3 bucket (SOHOA_S3_BUCKET)")
	fs.BoolVar(&c.S3.Secure, "s3-tls", env("SOHOA_S3_TLS", "false") == "true", "use HTTPS to S3 (SOHOA_S3_TLS)")
	fs.StringVar(&c.Originals, "s3-originals-bucket", env("SOHOA_S3_ORIGINALS_BUCKET", ""), "bucket of originals, versioned and object-locked (SOHOA_S3_ORIGINALS_BUCKET; default <bucket>-originals)")
	c.RetentionDays = uint(envInt("SOHOA_RETENTION_DAYS", 3650, &errs))
	c.S3.AccessKey = env("SOHOA_S3_ACCESS_KEY", "sohoa")
	c.S3.SecretKey = env("SOHOA_S3_SECRET_KEY", devS3Secret)
	if v, err := secretFile("SOHOA_S3_SECRET_KEY_FILE"); err != nil {
		errs = append(errs, err)
	} else if v != "" {
		c.S3.SecretKey = v
	}
	if v, err := secretFile("SOHOA_REDIS_PASSWORD_FILE"); err != nil {
		errs = append(errs, err)
	} else {
		c.RedisPassword = v
	}
	fs.StringVar(&c.HTTPAddr, "http-addr", env("SOHOA_HTTP_ADDR", "127.0.0.1:8080"), "API listen address (SOHOA_HTTP_ADDR)")
	fs.BoolVar(&c.SecureCookies, "secure-cookies", env("SOHOA_SECURE_COOKIES", "false") == "true", "mark session cookies Secure: serve is behind a proxy that terminates TLS (SOHOA_SECURE_COOKIES)")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", env("SOHOA_METRICS_ADDR", "127.0.0.1:9091"), "worker metrics listen address, empty for none (SOHOA_METRICS_ADDR)")
	fs.StringVar(&c.Languages, "lang", env("SOHOA_OCR_LANG", "vie"), "Tesseract languages, e.g. vie or vie+eng (SOHOA_OCR_LANG)")
	fs.IntVar(&c.PSM, "psm", envInt("SOHOA_OCR_PSM", ocr.PSMAuto, &errs), "Tesseract page segmentation mode: 3 automatic layout analysis (columns, header and signature blocks), 4 one column, 6 one uniform block, 11 sparse text (SOHOA_OCR_PSM)")
	fs.IntVar(&c.Concurrency, "concurrency", envInt("SOHOA_CONCURRENCY", runtime.NumCPU(), &errs), "OCR slots per worker (SOHOA_CONCURRENCY)")
	base, err := time.ParseDuration(env("SOHOA_RETRY_BASE", "30s"))
	if err != nil {
		errs = append(errs, fmt.Errorf("SOHOA_RETRY_BASE: %w", err))
	}
	fs.DurationVar(&c.RetryBase, "retry-base", base, "first retry delay of a failed stage, doubled each time up to 1 h (SOHOA_RETRY_BASE)")
	check, err := time.ParseDuration(env("SOHOA_TASK_CHECK_INTERVAL", "100ms"))
	if err != nil {
		errs = append(errs, fmt.Errorf("SOHOA_TASK_CHECK_INTERVAL: %w", err))
	}
	// Asynq polls rather than blocks: at its default of 1 s an idle handler sleeps up to 1.5 s
	// after a page's next stage is queued, which cost a quarter of the throughput here.
	fs.DurationVar(&c.TaskCheck, "task-check-interval", check, "how often an idle worker polls empty queues (SOHOA_TASK_CHECK_INTERVAL)")
	refresh, err := time.ParseDuration(env("SOHOA_CLASSIFIER_REFRESH", "30s"))
	if err != nil || refresh <= 0 {
		errs = append(errs, fmt.Errorf("SOHOA_CLASSIFIER_REFRESH: want a positive duration (%v)", err))
	}
	fs.DurationVar(&c.ClassifierRefresh, "classifier-refresh", refresh, "how often a worker loads a newly trained model and catalogue edits (SOHOA_CLASSIFIER_REFRESH)")
	fs.StringVar(&c.LogFormat, "log-format", env("SOHOA_LOG_FORMAT", "json"), "json or text (SOHOA_LOG_FORMAT)")
	return c, func() error {
		if err := ocr.CheckPSM(c.PSM); err != nil {
			errs = append(errs, err)
		}
		if c.Concurrency < 1 {
			errs = append(errs, fmt.Errorf("concurrency must be at least 1"))
		}
		if c.LogFormat != "json" && c.LogFormat != "text" {
			errs = append(errs, fmt.Errorf("log format %q: want json or text", c.LogFormat))
		}
		if c.S3.Bucket == "" || c.S3.Endpoint == "" {
			errs = append(errs, fmt.Errorf("S3 endpoint and bucket are required"))
		}
		if c.S3.SecretKey == devS3Secret && !loopback(c.S3.Endpoint) {
			errs = append(errs, fmt.Errorf("S3 at %s with the local development secret: set SOHOA_S3_SECRET_KEY or SOHOA_S3_SECRET_KEY_FILE", c.S3.Endpoint))
		}
		return errors.Join(errs...)
	}
}

// devS3Secret is the local gateway's development secret (deploy/local/up.sh): accepted only for
// an S3 server on this machine's loopback.
const devS3Secret = "sohoa-local-secret"

// loopback tells an endpoint (host:port) on this machine's loopback.
func loopback(endpoint string) bool {
	host, _, err := net.SplitHostPort(endpoint)
	if err != nil {
		host = endpoint
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// OriginalsBucket is the bucket of originals.
func (c *Config) OriginalsBucket() string {
	if c.Originals != "" {
		return c.Originals
	}
	return c.S3.Bucket + "-originals"
}
