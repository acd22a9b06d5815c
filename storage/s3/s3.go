// Package s3 keeps originals and artifacts in any S3-compatible server through minio-go, using
// plain S3 calls only (no MinIO-only APIs), so Versity S3 Gateway, MinIO, SeaweedFS, Ceph RGW
// or a cloud S3 all work.
package s3

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

// Config of the bucket.
type Config struct {
	Endpoint  string // host:port
	AccessKey string
	SecretKey string
	Bucket    string
	Secure    bool
	Region    string
}

// Objects is one bucket.
type Objects struct {
	Client *minio.Client
	Bucket string
}

var _ pipeline.Objects = (*Objects)(nil)

// Open builds a client; it does not touch the network.
func Open(c Config) (*Objects, error) {
	region := c.Region
	if region == "" {
		region = "us-east-1"
	}
	cl, err := minio.New(c.Endpoint, &minio.Options{
		Creds:  credentials.NewStaticV4(c.AccessKey, c.SecretKey, ""),
		Secure: c.Secure, Region: region, BucketLookup: minio.BucketLookupPath,
	})
	if err != nil {
		return nil, fmt.Errorf("s3: %w", err)
	}
	return &Objects{Client: cl, Bucket: c.Bucket}, nil
}

// EnsureBucket creates the bucket when missing.
func (o *Objects) EnsureBucket(ctx context.Context) error {
	ok, err := o.Client.BucketExists(ctx, o.Bucket)
	if err != nil {
		return fmt.Errorf("s3: bucket %s: %w", o.Bucket, err)
	}
	if ok {
		return nil
	}
	if err := o.Client.MakeBucket(ctx, o.Bucket, minio.MakeBucketOptions{}); err != nil {
		return fmt.Errorf("s3: make bucket %s: %w", o.Bucket, err)
	}
	return nil
}

// Put stores data under key, passing its real size (a size of -1 would make minio-go buffer
// hundreds of MB per part).
func (o *Objects) Put(ctx context.Context, key string, data []byte, contentType string) error {
	_, err := o.Client.PutObject(ctx, o.Bucket, key, bytes.NewReader(data), int64(len(data)),
		minio.PutObjectOptions{ContentType: contentType})
	if err != nil {
		return fmt.Errorf("s3: put %s: %w", key, err)
	}
	return nil
}

// PutReader stores size bytes read from r under key: uploads are spooled to disk and streamed
// from there, never held in memory whole.
func (o *Objects) PutReader(ctx context.Context, key string, r io.Reader, size int64, contentType string) error {
	_, err := o.Client.PutObject(ctx, o.Bucket, key, r, size, minio.PutObjectOptions{ContentType: contentType})
	if err != nil {
		return fmt.Errorf("s3: put %s: %w", key, err)
	}
	return nil
}

// Get reads an object whole, refusing one larger than maxBytes before reading it.
func (o *Objects) Get(ctx context.Context, key string, maxBytes int64) ([]byte, error) {
	return o.get(ctx, key, minio.GetObjectOptions{}, maxBytes)
}

func (o *Objects) get(ctx context.Context, key string, opts minio.GetObjectOptions, maxBytes int64) ([]byte, error) {
	obj, err := o.Client.GetObject(ctx, o.Bucket, key, opts)
	if err != nil {
		return nil, fmt.Errorf("s3: get %s: %w", key, err)
	}
	defer obj.Close()
	st, err := obj.Stat()
	if err != nil {
		return nil, fmt.Errorf("s3: get %s: %w", key, translate(err))
	}
	if maxBytes > 0 && st.Size > maxBytes {
		return nil, &scan.Error{Class: scan.TooLarge, Msg: fmt.Sprintf("object is %d bytes, over the limit of %d", st.Size, maxBytes)}
	}
	b, err := io.ReadAll(io.LimitReader(obj, st.Size+1))
	if err != nil {
		return nil, fmt.Errorf("s3: read %s: %w", key, translate(err))
	}
	return b, nil
}

// Spool streams an object (that version, when version is set) to w, refusing one larger than
// maxBytes before reading it, and returns the bytes written.
func (o *Objects) Spool(ctx context.Context, key, version string, maxBytes int64, w io.Writer) (int64, error) {
	obj, err := o.Client.GetObject(ctx, o.Bucket, key, minio.GetObjectOptions{VersionID: version})
	if err != nil {
		return 0, fmt.Errorf("s3: get %s: %w", key, err)
	}
	defer obj.Close()
	st, err := obj.Stat()
	if err != nil {
		return 0, fmt.Errorf("s3: get %s: %w", key, translate(err))
	}
	if maxBytes > 0 && st.Size > maxBytes {
		return 0, &scan.Error{Class: scan.TooLarge, Msg: fmt.Sprintf("object is %d bytes, over the limit of %d", st.Size, maxBytes)}
	}
	n, err := io.Copy(w, io.LimitReader(obj, st.Size+1))
	if err != nil {
		return n, fmt.Errorf("s3: read %s: %w", key, translate(err))
	}
	return n, nil
}

// Ping checks that the bucket answers.
func (o *Objects) Ping(ctx context.Context) error {
	_, err := o.Client.BucketExists(ctx, o.Bucket)
	return err
}

func translate(err error) error {
	var r minio.ErrorResponse
	if errors.As(err, &r) && (r.StatusCode == http.StatusNotFound || r.Code == "NoSuchKey") {
		return fmt.Errorf("%w: %s", pipeline.ErrNotFound, r.Message)
	}
	return err
}

// Listed is an object found by List.
type Listed struct {
	Key  string
	Size int64
}

// List returns every object under prefix, in key order.
func (o *Objects) List(ctx context.Context, prefix string) ([]Listed, error) {
	var out []Listed
	for obj := range o.Client.ListObjects(ctx, o.Bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true}) {
		if obj.Err != nil {
			return nil, fmt.Errorf("s3: list %s: %w", prefix, obj.Err)
		}
		out = append(out, Listed{Key: obj.Key, Size: obj.Size})
	}
	return out, nil
}

// ListIncoming lists the uploads waiting under incoming/.
func (o *Objects) ListIncoming(ctx context.Context) ([]pipeline.Listing, error) {
	ls, err := o.List(ctx, pipeline.IncomingPrefix)
	out := make([]pipeline.Listing, len(ls))
	for i, l := range ls {
		out[i] = pipeline.Listing{Key: l.Key, Size: l.Size}
	}
	return out, err
}

// PresignPut returns a URL that lets its holder PUT one object at key until ttl passes: exactly
// size bytes whose SHA-256 is sum (hex). The signature covers Content-Length and
// x-amz-checksum-sha256, so the S3 server refuses any other length (403) or content (400
// BadDigest); headers are what the client must send with the PUT.
func (o *Objects) PresignPut(ctx context.Context, key string, ttl time.Duration, size int64, sum string) (string, map[string]string, error) {
	raw, err := hex.DecodeString(sum)
	if err != nil || len(raw) != sha256.Size || size <= 0 {
		return "", nil, fmt.Errorf("s3: presign %s: want a size and a hex SHA-256", key)
	}
	headers := map[string]string{"x-amz-checksum-sha256": base64.StdEncoding.EncodeToString(raw)}
	h := http.Header{"Content-Length": {strconv.FormatInt(size, 10)}}
	for k, v := range headers {
		h.Set(k, v)
	}
	u, err := o.Client.PresignHeader(ctx, http.MethodPut, o.Bucket, key, ttl, nil, h)
	if err != nil {
		return "", nil, fmt.Errorf("s3: presign %s: %w", key, err)
	}
	return u.String(), headers, nil
}

// EnsureLockedBucket creates the bucket of originals when missing: versioned, with object lock
// and a default GOVERNANCE retention, so that an original cannot be overwritten or deleted for
// retentionDays (only by an account allowed to bypass governance, on purpose).
func (o *Objects) EnsureLockedBucket(ctx context.Context, retentionDays uint) error {
	ok, err := o.Client.BucketExists(ctx, o.Bucket)
	if err != nil {
		return fmt.Errorf("s3: bucket %s: %w", o.Bucket, err)
	}
	if !ok {
		if err := o.Client.MakeBucket(ctx, o.Bucket, minio.MakeBucketOptions{ObjectLocking: true}); err != nil {
			return fmt.Errorf("s3: make locked bucket %s: %w", o.Bucket, err)
		}
	}
	mode, unit := minio.Governance, minio.Days
	if err := o.Client.SetObjectLockConfig(ctx, o.Bucket, &mode, &retentionDays, &unit); err != nil {
		return fmt.Errorf("s3: object lock on %s (the S3 server must support it): %w", o.Bucket, err)
	}
	return nil
}

// Version returns the version ID of the current version of key ("" when unversioned).
func (o *Objects) Version(ctx context.Context, key string) (string, error) {
	st, err := o.Client.StatObject(ctx, o.Bucket, key, minio.StatObjectOptions{})
	if err != nil {
		return "", fmt.Errorf("s3: stat %s: %w", key, translate(err))
	}
	return st.VersionID, nil
}

// WithBucket is the same server's bucket named name.
func (o *Objects) WithBucket(name string) *Objects { return &Objects{Client: o.Client, Bucket: name} }

// GetVersion reads one version of an object whole, refusing one larger than maxBytes.
func (o *Objects) GetVersion(ctx context.Context, key, version string, maxBytes int64) ([]byte, error) {
	return o.get(ctx, key, minio.GetObjectOptions{VersionID: version}, maxBytes)
}
