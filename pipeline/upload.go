package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// UploadFile is one file of a batch manifest.
type UploadFile struct {
	Dossier  string `json:"dossier"`
	Filename string `json:"filename"`
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
}

// UploadSlot tells a client where to PUT a file, or that it is already there.
type UploadSlot struct {
	UploadFile
	Key   string `json:"key"`
	URL   string `json:"url,omitempty"`
	Done  bool   `json:"done,omitempty"` // already uploaded (same size and sha256): skip it
	Error string `json:"error,omitempty"`
}

// Presigner makes upload URLs and reads uploaded objects back to check them.
type Presigner interface {
	PresignPut(ctx context.Context, key string, ttl time.Duration) (string, error)
	Get(ctx context.Context, key string, maxBytes int64) ([]byte, error)
}

// Batches hands out server-chosen keys with short-lived presigned PUT URLs for a desk's batch,
// then checks every uploaded object (size and our own sha256: an S3 ETag is not a content hash
// for multipart uploads) before registering it.
type Batches struct {
	Objects  Presigner
	Known    KnownSources
	Intake   *Intake
	MaxFile  int64
	MaxBatch int64 // all files of one manifest; 0 for no cap
	TTL      time.Duration
}

// sameObject reports whether key holds exactly size bytes hashing to sum. One read: Get refuses
// an object larger than size before downloading it.
func (b *Batches) sameObject(ctx context.Context, key string, size int64, sum string) bool {
	data, err := b.Objects.Get(ctx, key, size)
	if err != nil || int64(len(data)) != size {
		return false
	}
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:]) == sum
}

// Presign answers a manifest: for each file its key and either a PUT URL or done, when that
// very content is already there (an upload resumed after an interruption).
func (b *Batches) Presign(ctx context.Context, desk, batch string, files []UploadFile) ([]UploadSlot, error) {
	var total int64
	for _, f := range files {
		total += max(f.Size, 0)
	}
	if b.MaxBatch > 0 && total > b.MaxBatch {
		return nil, &Failure{Class: ClassTooLarge, Err: fmt.Errorf("batch of %d bytes, over the limit of %d: split it", total, b.MaxBatch)}
	}
	out := make([]UploadSlot, len(files))
	keys := make([]string, len(files))
	for i, f := range files {
		u := Upload{Desk: desk, Batch: batch, Dossier: f.Dossier, Filename: f.Filename}
		out[i].UploadFile = f
		if err := u.clean(); err != nil {
			out[i].Error = err.Error()
			continue
		}
		if f.Size <= 0 || f.Size > b.MaxFile {
			out[i].Error = fmt.Sprintf("size %d: want 1 to %d bytes", f.Size, b.MaxFile)
			continue
		}
		if len(f.SHA256) != 64 {
			out[i].Error = "sha256 must be 64 hex digits"
			continue
		}
		out[i].Key = Key(u.Desk, u.Batch, u.Dossier, u.Filename)
		keys[i] = out[i].Key
	}
	known, err := b.Known.KnownSources(ctx, keys)
	if err != nil {
		return nil, err
	}
	for i := range out {
		s := &out[i]
		if s.Error != "" {
			continue
		}
		if known[s.Key] || b.sameObject(ctx, s.Key, s.Size, s.SHA256) {
			s.Done = true
			continue
		}
		if s.URL, err = b.Objects.PresignPut(ctx, s.Key, b.TTL); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Complete checks each uploaded object against its manifest entry and registers it (which
// enqueues its ingestion). Files that do not match are reported and not registered.
func (b *Batches) Complete(ctx context.Context, desk, batch, languages string, files []UploadFile) ([]UploadSlot, uuid.UUID, error) {
	out := make([]UploadSlot, len(files))
	var batchID uuid.UUID
	for i, f := range files {
		u := Upload{Desk: desk, Batch: batch, Dossier: f.Dossier, Filename: f.Filename, Languages: languages}
		out[i].UploadFile = f
		if err := u.clean(); err != nil {
			out[i].Error = err.Error()
			continue
		}
		u.Key = Key(u.Desk, u.Batch, u.Dossier, u.Filename)
		u.Size = f.Size
		out[i].Key = u.Key
		if !b.sameObject(ctx, u.Key, f.Size, f.SHA256) {
			out[i].Error = "the uploaded object is missing or does not match its size and sha256"
			continue
		}
		_, id, err := b.Intake.Register(ctx, u)
		var fl *Failure
		if errors.As(err, &fl) {
			out[i].Error = err.Error()
			continue
		}
		if err != nil {
			return nil, uuid.Nil, err
		}
		batchID = id
		out[i].Done = true
	}
	return out, batchID, nil
}
