package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
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
	Key string `json:"key"`
	URL string `json:"url,omitempty"`
	// Headers must be sent with the PUT: the URL is signed for this length and checksum only.
	Headers map[string]string `json:"headers,omitempty"`
	Done    bool              `json:"done,omitempty"` // already uploaded (same size and sha256): skip it
	Error   string            `json:"error,omitempty"`
}

// Presigner makes upload URLs and reads uploaded objects back to check them.
type Presigner interface {
	PresignPut(ctx context.Context, key string, ttl time.Duration, size int64, sum string) (string, map[string]string, error)
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

// MaxManifest is the most files one manifest may list: a day's batch of a busy desk is a few
// hundred; each entry costs the API a read of its object.
const MaxManifest = 2000

// sameObject reports whether key holds exactly size bytes hashing to sum. One read, streamed
// through the hash when the bucket can (a 150 MB object listed 20 times took the API to 937 MB
// when each was read whole); either way an object larger than size is refused before reading.
func (b *Batches) sameObject(ctx context.Context, key string, size int64, sum string) bool {
	if sp, ok := b.Objects.(Spooler); ok {
		h := sha256.New()
		n, err := sp.Spool(ctx, key, "", size, h)
		return err == nil && n == size && hex.EncodeToString(h.Sum(nil)) == sum
	}
	data, err := b.Objects.Get(ctx, key, size)
	if err != nil || int64(len(data)) != size {
		return false
	}
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:]) == sum
}

// checkManifest refuses a manifest too long or too large as a whole, and marks entries it
// cannot take: a bad name, a size out of bounds, a malformed hash, a file listed twice (it
// would be checked twice).
func (b *Batches) checkManifest(desk, batch string, files []UploadFile) ([]UploadSlot, error) {
	if len(files) > MaxManifest {
		return nil, &Failure{Class: ClassTooLarge, Err: fmt.Errorf("manifest of %d files, over the limit of %d: split the batch", len(files), MaxManifest)}
	}
	var total int64
	for _, f := range files {
		total += max(f.Size, 0)
	}
	if b.MaxBatch > 0 && total > b.MaxBatch {
		return nil, &Failure{Class: ClassTooLarge, Err: fmt.Errorf("batch of %d bytes, over the limit of %d: split it", total, b.MaxBatch)}
	}
	out := make([]UploadSlot, len(files))
	seen := map[string]bool{}
	for i, f := range files {
		u := Upload{Desk: desk, Batch: batch, Dossier: f.Dossier, Filename: f.Filename}
		out[i].UploadFile = f
		if err := u.clean(); err != nil {
			out[i].Error = err.Error()
			continue
		}
		if f.Size <= 0 || (b.MaxFile > 0 && f.Size > b.MaxFile) {
			out[i].Error = fmt.Sprintf("size %d: want 1 to %d bytes", f.Size, b.MaxFile)
			continue
		}
		if len(f.SHA256) != 64 || strings.Trim(strings.ToLower(f.SHA256), "0123456789abcdef") != "" {
			out[i].Error = "sha256 must be 64 hex digits"
			continue
		}
		key := Key(u.Desk, u.Batch, u.Dossier, u.Filename)
		if seen[key] {
			out[i].Error = "listed twice in this manifest"
			continue
		}
		seen[key] = true
		out[i].Key = key
	}
	return out, nil
}

// Presign answers a manifest: for each file its key and either a PUT URL or done, when that
// very content is already there (an upload resumed after an interruption).
func (b *Batches) Presign(ctx context.Context, desk, batch string, files []UploadFile) ([]UploadSlot, error) {
	out, err := b.checkManifest(desk, batch, files)
	if err != nil {
		return nil, err
	}
	keys := make([]string, len(out))
	for i := range out {
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
		if sum, ok := known[s.Key]; ok {
			if OtherFile(sum, s.SHA256) {
				s.Error = ErrExists.Error()
			} else {
				s.Done = true
			}
			continue
		}
		if b.sameObject(ctx, s.Key, s.Size, s.SHA256) {
			s.Done = true
			continue
		}
		if s.URL, s.Headers, err = b.Objects.PresignPut(ctx, s.Key, b.TTL, s.Size, s.SHA256); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Complete checks each uploaded object against its manifest entry and registers it (which
// enqueues its ingestion). Files that do not match are reported and not registered.
// opts carries the batch's OCR languages and split rules (Upload's Languages and Split).
func (b *Batches) Complete(ctx context.Context, desk, batch string, opts Upload, files []UploadFile) ([]UploadSlot, uuid.UUID, error) {
	out, err := b.checkManifest(desk, batch, files)
	if err != nil {
		return nil, uuid.Nil, err
	}
	var batchID uuid.UUID
	for i, f := range files {
		if out[i].Error != "" {
			continue
		}
		u := Upload{Desk: desk, Batch: batch, Dossier: f.Dossier, Filename: f.Filename, Languages: opts.Languages, Split: opts.Split}
		if err := u.clean(); err != nil {
			out[i].Error = err.Error()
			continue
		}
		u.Key = out[i].Key
		u.Size = f.Size
		u.SHA256 = f.SHA256
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
