package pipeline

import (
	"context"
	"log/slog"
	"strings"
	"time"
)

// Listing is one object in the bucket.
type Listing struct {
	Key  string
	Size int64
}

// Lister lists the bucket's incoming objects.
type Lister interface {
	ListIncoming(ctx context.Context) ([]Listing, error)
}

// KnownSources tells which keys are already documents, each with the SHA-256 (hex) of the file
// registered there ("" while unknown).
type KnownSources interface {
	KnownSources(ctx context.Context, keys []string) (map[string]string, error)
}

// Pickup finds files that any S3 client (aws-cli, rclone, scanner firmware) wrote under
// incoming/<desk>/<batch>/<dossier>/ and registers them, by a periodic listing: plain S3, no
// MinIO-only notifications. A key is registered once; the ingest TaskID absorbs a second
// enqueue.
type Pickup struct {
	Objects Lister
	Known   KnownSources
	Intake  *Intake
	Every   time.Duration
	Log     *slog.Logger
}

// Run scans every p.Every until ctx ends.
func (p *Pickup) Run(ctx context.Context) {
	t := time.NewTicker(p.Every)
	defer t.Stop()
	for {
		if n, err := p.Once(ctx); err != nil {
			p.Log.WarnContext(ctx, "pickup", "error", err)
		} else if n > 0 {
			p.Log.InfoContext(ctx, "picked up files written to the bucket", "files", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Once registers every new incoming object and returns how many it registered. Objects whose
// key is not incoming/<desk>/<batch>/<dossier>/<file>, or whose desk is unknown, are logged and
// left alone.
func (p *Pickup) Once(ctx context.Context) (int, error) {
	objs, err := p.Objects.ListIncoming(ctx)
	if err != nil {
		return 0, err
	}
	keys := make([]string, 0, len(objs))
	for _, o := range objs {
		keys = append(keys, o.Key)
	}
	known, err := p.Known.KnownSources(ctx, keys)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, o := range objs {
		if _, ok := known[o.Key]; ok || strings.HasSuffix(o.Key, "/") {
			continue
		}
		u, err := ParseKey(o.Key)
		if err != nil {
			p.Log.WarnContext(ctx, "pickup: key not in the incoming layout", "key", o.Key, "error", err)
			continue
		}
		u.Size = o.Size
		if _, _, err := p.Intake.Register(ctx, u); err != nil {
			p.Log.WarnContext(ctx, "pickup: cannot register", "key", o.Key, "class", ClassOf(err), "error", err)
			continue
		}
		n++
	}
	return n, nil
}
