package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/sohoa/sohoa/pipeline"
)

type localFile struct {
	pipeline.UploadFile
	path string
}

// scanDir reads DIR/<dossier>/<file>, with each file's size and sha256.
func scanDir(dir string) ([]localFile, error) {
	dossiers, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []localFile
	for _, d := range dossiers {
		if !d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			continue
		}
		files, err := os.ReadDir(filepath.Join(dir, d.Name()))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if f.IsDir() || strings.HasPrefix(f.Name(), ".") {
				continue
			}
			p := filepath.Join(dir, d.Name(), f.Name())
			fh, err := os.Open(p)
			if err != nil {
				return nil, err
			}
			h := sha256.New()
			n, err := io.Copy(h, fh)
			fh.Close()
			if err != nil {
				return nil, err
			}
			out = append(out, localFile{UploadFile: pipeline.UploadFile{Dossier: d.Name(), Filename: f.Name(), Size: n,
				SHA256: hex.EncodeToString(h.Sum(nil))}, path: p})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s holds no files: put each dossier's scans in a subfolder named by its code", dir)
	}
	return out, nil
}

type uploader struct {
	server, key string
	client      *http.Client
	log         io.Writer // where waits are told; nil for none
}

// callPatience is how long a call waits out a server that cannot serve (503, 502, 504, no
// connection): a database restart or a deploy, not a reason to tell a clerk to start again.
var callPatience = 10 * time.Minute

// call sends one API request; the API's calls are idempotent (presign, complete and status
// answer the same when repeated), so an unavailable server is retried until callPatience,
// honouring Retry-After.
func (u *uploader) call(ctx context.Context, method, path string, body, out any) error {
	var payload []byte
	if body != nil {
		payload, _ = json.Marshal(body)
	}
	deadline := time.Now().Add(callPatience)
	for {
		retryAfter, err := u.callOnce(ctx, method, path, payload, out)
		if retryAfter == 0 || time.Now().Add(retryAfter).After(deadline) {
			return err
		}
		if u.log != nil {
			fmt.Fprintf(u.log, "server unavailable (%v); retrying in %s\n", err, retryAfter.Round(time.Second))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(retryAfter):
		}
	}
}

// callOnce returns, with the error, how long to wait before trying again when the failure is
// the server's availability (0 when it is final).
func (u *uploader) callOnce(ctx context.Context, method, path string, payload []byte, out any) (time.Duration, error) {
	var rd io.Reader
	if payload != nil {
		rd = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(u.server, "/")+path, rd)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+u.key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := u.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return 0, err
		}
		return 5 * time.Second, err // no connection: the API restarting
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		err := fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, strings.TrimSpace(string(msg)))
		switch resp.StatusCode {
		case http.StatusServiceUnavailable, http.StatusBadGateway, http.StatusGatewayTimeout:
			after := 5 * time.Second
			if n, perr := strconv.Atoi(resp.Header.Get("Retry-After")); perr == nil && n > 0 {
				after = time.Duration(min(n, 60)) * time.Second
			}
			return after, err
		}
		return 0, err
	}
	return 0, json.NewDecoder(resp.Body).Decode(out)
}

// put sends one file to its presigned URL with its real length and the headers the URL was
// signed with (its checksum).
func (u *uploader) put(ctx context.Context, url string, headers map[string]string, f localFile) error {
	fh, err := os.Open(f.path)
	if err != nil {
		return err
	}
	defer fh.Close()
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, url, fh)
	if err != nil {
		return err
	}
	req.ContentLength = f.Size
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := u.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 2048))
		return fmt.Errorf("upload %s/%s: %s %s", f.Dossier, f.Filename, resp.Status, msg)
	}
	return nil
}

// uploadCmd: sohoa upload --server URL --key K [--batch NAME] [--parallel 4] [--lang vie] [--split barcode,patch] [--wait] DIR
// One subfolder per dossier. Files already uploaded (same sha256) are skipped, so running it
// again after an interruption sends only what is missing.
func uploadCmd(ctx context.Context, args []string, out io.Writer, client *http.Client) error {
	fs := flag.NewFlagSet("upload", flag.ContinueOnError)
	server := fs.String("server", env("SOHOA_SERVER", "http://127.0.0.1:8080"), "sohoa API (SOHOA_SERVER)")
	key := fs.String("key", env("SOHOA_KEY", ""), "the desk's API key (SOHOA_KEY)")
	batch := fs.String("batch", "", "batch name (default: the folder's name; the same name resumes)")
	parallel := fs.Int("parallel", 4, "files sent at once")
	lang := fs.String("lang", "", "OCR languages for this batch (default: the desk's)")
	split := fs.String("split", "", "how this batch's stacks are split: barcode, patch, title joined by commas, or off (default: the desk's)")
	wait := fs.Bool("wait", true, "wait for the batch to be processed and print each file's result")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *key == "" {
		return errors.New("usage: sohoa upload --server URL --key K [--batch NAME] DIR")
	}
	dir := fs.Arg(0)
	if *batch == "" {
		*batch = filepath.Base(filepath.Clean(dir))
	}
	files, err := scanDir(dir)
	if err != nil {
		return err
	}
	u := &uploader{server: *server, key: *key, client: client, log: out}
	var manifest struct {
		Files []pipeline.UploadSlot `json:"files"`
	}
	m := map[string]any{"name": *batch, "lang": *lang, "split": *split, "files": uploadFiles(files)}
	if err := u.call(ctx, http.MethodPost, "/api/v1/batches/presign", m, &manifest); err != nil {
		return err
	}
	byName := map[string]localFile{}
	for _, f := range files {
		byName[f.Dossier+"/"+f.Filename] = f
	}
	var todo []pipeline.UploadSlot
	var total, skipped int64
	for _, s := range manifest.Files {
		switch {
		case s.Error != "":
			return fmt.Errorf("%s/%s refused: %s", s.Dossier, s.Filename, s.Error)
		case s.Done:
			skipped++
		default:
			todo = append(todo, s)
			total += s.Size
		}
	}
	fmt.Fprintf(out, "batch %s: %d files, %d already uploaded, %d to send (%.1f MB)\n", *batch, len(files), skipped, len(todo), float64(total)/1e6)
	var sent atomic.Int64
	var mu sync.Mutex
	done := 0
	work := make(chan pipeline.UploadSlot)
	errc := make(chan error, len(todo))
	var wg sync.WaitGroup
	for i := 0; i < max(1, *parallel); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range work {
				f := byName[s.Dossier+"/"+s.Filename]
				if err := u.put(ctx, s.URL, s.Headers, f); err != nil {
					errc <- err
					continue
				}
				n := sent.Add(f.Size)
				mu.Lock()
				done++
				fmt.Fprintf(out, "  %s %3.0f%%  %d/%d  %s/%s\n", bar(n, total), 100*float64(n)/float64(max(total, 1)), done, len(todo), f.Dossier, f.Filename)
				mu.Unlock()
			}
		}()
	}
	for _, s := range todo {
		select {
		case work <- s:
		case <-ctx.Done():
		}
	}
	close(work)
	wg.Wait()
	close(errc)
	var errs []error
	for e := range errc {
		errs = append(errs, e)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("%d files not sent (run the same command again to resume): %w", len(errs), err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var completed struct {
		Files     []pipeline.UploadSlot `json:"files"`
		StatusURL string                `json:"status_url"`
	}
	if err := u.call(ctx, http.MethodPost, "/api/v1/batches/complete", m, &completed); err != nil {
		return err
	}
	for _, s := range completed.Files {
		if s.Error != "" {
			return fmt.Errorf("%s/%s: %s", s.Dossier, s.Filename, s.Error)
		}
	}
	fmt.Fprintf(out, "batch registered: %s%s\n", strings.TrimRight(*server, "/"), completed.StatusURL)
	if !*wait {
		return nil
	}
	return waitBatch(ctx, u, completed.StatusURL, out)
}

func uploadFiles(fs []localFile) []pipeline.UploadFile {
	out := make([]pipeline.UploadFile, len(fs))
	for i, f := range fs {
		out[i] = f.UploadFile
	}
	return out
}

func bar(n, total int64) string {
	const w = 20
	k := int(w * n / max(total, 1))
	return "[" + strings.Repeat("#", k) + strings.Repeat("-", w-k) + "]"
}

// waitBatch polls the batch until every file has ended, then prints each file's result.
func waitBatch(ctx context.Context, u *uploader, statusURL string, out io.Writer) error {
	last := ""
	for {
		var st pipeline.BatchStatus
		if err := u.call(ctx, http.MethodGet, statusURL, nil, &st); err != nil {
			return err
		}
		line := fmt.Sprintf("  pages: %d done, %d failed of %d", st.PagesDone, st.PagesFailed, st.Pages)
		if st.ETASeconds > 0 {
			line += fmt.Sprintf(", about %s left", (time.Duration(st.ETASeconds) * time.Second).String())
		}
		if line != last {
			fmt.Fprintln(out, line)
			last = line
		}
		if st.Finished {
			sort.Slice(st.Files, func(i, j int) bool {
				return st.Files[i].Dossier+st.Files[i].Filename < st.Files[j].Dossier+st.Files[j].Filename
			})
			split := map[uuid.UUID]bool{} // uploads split into several documents
			for _, f := range st.Files {
				if f.Stack != nil {
					split[*f.Stack] = true
				}
			}
			for _, f := range st.Files {
				res := f.Type
				if f.PagesFailed > 0 {
					res = "FAILED " + f.Error
				}
				if f.Stack != nil || split[f.Document] || f.SplitBy != pipeline.SplitByFile {
					// One document of a split stack: which of the file's pages it holds.
					fmt.Fprintf(out, "  %s/%s pages %s (by %s): %s\n", f.Dossier, f.Filename, pipeline.PageRanges(f.PageIndexes), f.SplitBy, res)
					continue
				}
				fmt.Fprintf(out, "  %s/%s: %s\n", f.Dossier, f.Filename, res)
			}
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}
