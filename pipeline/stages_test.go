package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
	"github.com/sohoa/sohoa/storage/postgres"
)

type rig struct {
	db     *postgres.DB
	stages *pipeline.Stages
	intake *pipeline.Intake
	queue  *asynq.Client
	insp   *asynq.Inspector
}

func newRig(t *testing.T) *rig {
	t.Helper()
	db, _ := testenv.Postgres(t)
	objects, _ := testenv.Bucket(t)
	redis := testenv.Redis(t)
	q := asynq.NewClient(redis)
	t.Cleanup(func() { q.Close() })
	insp := asynq.NewInspector(redis)
	t.Cleanup(func() { insp.Close() })
	eng, err := ocr.New(ocr.Config{Slots: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(eng.Close)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx := context.Background()
	if err := db.UpsertDesk(ctx, pipeline.Desk{Code: "D1", Name: "Desk one", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	return &rig{
		db: db, queue: q, insp: insp,
		stages: &pipeline.Stages{Store: db, Objects: objects, Queue: q, Engine: eng, Classifier: classify.Default(), Limits: scan.DefaultLimits, Log: log},
		intake: &pipeline.Intake{Store: db, Objects: objects, Queue: q},
	}
}

// snapshot is every figure and state the pipeline keeps, for comparing runs.
func (r *rig) snapshot(t *testing.T) map[string]any {
	t.Helper()
	ctx := context.Background()
	figs, err := r.db.DeskFigures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range figs {
		figs[i].UpdatedAt = time.Time{} // when it was recomputed is a clock, not a figure
	}
	var states []string
	rows, _ := r.db.Pool.Query(ctx, `SELECT p.state || ' ' || d.state || ' ' || o.state || ' ' || d.doc_type || ' ' || p.text
		FROM pages p JOIN documents d ON d.id = p.document_id JOIN dossiers o ON o.id = d.dossier_id ORDER BY p.index`)
	for rows.Next() {
		var s string
		_ = rows.Scan(&s)
		states = append(states, s)
	}
	var artifacts, pages int
	_ = r.db.Pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM artifacts), (SELECT count(*) FROM pages)`).Scan(&artifacts, &pages)
	return map[string]any{"figures": figs, "states": states, "artifacts": artifacts, "pages": pages}
}

func task(typ string, id uuid.UUID) *asynq.Task { return pipeline.NewTask(typ, id) }

// Every stage handler run three times on the same row, as at-least-once delivery does after a
// lease expiry, a shutdown or a reconciler pass, leaves every row and figure as one run left it.
func TestEachStageThreeTimes(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	data, err := os.ReadFile("../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png")
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "b1", Dossier: "HS-1", Filename: "p.png"}, data, "image/png")
	if err != nil {
		t.Fatal(err)
	}
	var page, dossier uuid.UUID
	steps := []struct {
		typ string
		id  func() uuid.UUID
	}{
		{pipeline.TypeIngest, func() uuid.UUID { return doc }},
		{pipeline.TypePrepare, func() uuid.UUID { return page }},
		{pipeline.TypeOCR, func() uuid.UUID { return page }},
		{pipeline.TypeClassify, func() uuid.UUID { return doc }},
		{pipeline.TypeFinalize, func() uuid.UUID { return dossier }},
	}
	handlers := map[string]asynq.HandlerFunc{
		pipeline.TypeIngest: r.stages.Ingest, pipeline.TypePrepare: r.stages.Prepare, pipeline.TypeOCR: r.stages.OCR,
		pipeline.TypeClassify: r.stages.Classify, pipeline.TypeFinalize: r.stages.Finalize,
	}
	for _, s := range steps {
		if err := handlers[s.typ](ctx, task(s.typ, s.id())); err != nil {
			t.Fatalf("%s: %v", s.typ, err)
		}
		if s.typ == pipeline.TypeIngest {
			ids, err := r.db.SplitDocument(ctx, doc, "", 0, "", 0)
			if err != nil || len(ids) != 1 {
				t.Fatalf("after ingest: %v pages, %v", ids, err)
			}
			page = ids[0]
			d, _ := r.db.Document(ctx, doc)
			dossier = d.DossierID
		}
		once := r.snapshot(t)
		for n := 2; n <= 3; n++ {
			if err := handlers[s.typ](ctx, task(s.typ, s.id())); err != nil {
				t.Fatalf("%s, delivery %d: %v", s.typ, n, err)
			}
			if diff := cmp.Diff(once, r.snapshot(t)); diff != "" {
				t.Errorf("%s delivered %d times changed the record (-once +again):\n%s", s.typ, n, diff)
			}
		}
	}
	figs, _ := r.db.DeskFigures(ctx)
	if len(figs) != 1 || figs[0].Dossiers != 1 || figs[0].DossiersDigitized != 1 || figs[0].Percentage != 100 || figs[0].PagesDone != 1 {
		t.Errorf("figures after the chain: %+v", figs)
	}
}

// When Redis loses its tasks (a flush, a failover), the reconciler finds the unfinished rows in
// PostgreSQL and sends their tasks again.
func TestReconcilerResendsLostTasks(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	for _, name := range []string{"a.png", "b.png"} {
		if _, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "b", Dossier: "HS-2", Filename: name}, []byte("not yet read"), "image/png"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.insp.DeleteAllPendingTasks(pipeline.QueueDefault); err != nil {
		t.Fatal(err)
	}
	rec := &pipeline.Reconciler{Store: r.db, Queue: r.queue, Age: 0, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	n, err := rec.Once(ctx)
	if err != nil {
		t.Fatal(err)
	}
	info, err := r.insp.GetQueueInfo(pipeline.QueueDefault)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || info.Pending != 2 {
		t.Errorf("reconciler sent %d tasks, %d pending; want 2 ingest tasks", n, info.Pending)
	}
	// Sending again while the tasks wait is absorbed by their TaskIDs.
	if _, err := rec.Once(ctx); err != nil {
		t.Fatal(err)
	}
	if info, _ = r.insp.GetQueueInfo(pipeline.QueueDefault); info.Pending != 2 {
		t.Errorf("%d pending after a second pass, want 2", info.Pending)
	}
}

// With more waiting pages than one pass re-sends, successive passes walk on through the
// backlog instead of re-sending its first pages again, so a lost task further on is found.
func TestReconcilerWalksABacklog(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	data, err := os.ReadFile("../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "b", Dossier: fmt.Sprintf("HS-%d", i), Filename: "p.png"}, data, "image/png")
		if err != nil {
			t.Fatal(err)
		}
		if err := r.stages.Ingest(ctx, task(pipeline.TypeIngest, doc)); err != nil {
			t.Fatal(err)
		}
	}
	// Redis loses every page task.
	if _, err := r.insp.DeleteAllPendingTasks(pipeline.QueuePages); err != nil {
		t.Fatal(err)
	}
	rec := &pipeline.Reconciler{Store: r.db, Queue: r.queue, Age: 0, Limit: 2, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	pending := func() int {
		info, err := r.insp.GetQueueInfo(pipeline.QueuePages)
		if err != nil {
			t.Fatal(err)
		}
		return info.Pending
	}
	for pass, want := range []int{2, 4, 5, 5} {
		if _, err := rec.Once(ctx); err != nil {
			t.Fatal(err)
		}
		if got := pending(); got != want {
			t.Errorf("after pass %d: %d page tasks waiting, want %d", pass+1, got, want)
		}
	}
}

// A worker killed mid-task leaves its ledger row running; the reconciler closes it as
// abandoned once no task could still be running, and leaves a live attempt alone.
func TestReconcilerClosesAbandonedAttempts(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	dead, err := r.db.BeginAttempt(ctx, pipeline.Attempt{TaskID: "sohoa:ocr:x", TaskType: pipeline.TypeOCR, Attempt: 1, Worker: "gone"})
	if err != nil {
		t.Fatal(err)
	}
	live, _ := r.db.BeginAttempt(ctx, pipeline.Attempt{TaskID: "sohoa:ocr:y", TaskType: pipeline.TypeOCR, Attempt: 1, Worker: "alive"})
	if _, err := r.db.Pool.Exec(ctx, `UPDATE stage_attempts SET started_at = now() - interval '1 hour' WHERE id = $1`, dead); err != nil {
		t.Fatal(err)
	}
	rec := &pipeline.Reconciler{Store: r.db, Ledger: r.db, Queue: r.queue, Age: time.Hour, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if _, err := rec.Once(ctx); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[int64]string{dead: "abandoned", live: "running"} {
		var got string
		_ = r.db.Pool.QueryRow(ctx, `SELECT outcome FROM stage_attempts WHERE id = $1`, id).Scan(&got)
		if got != want {
			t.Errorf("attempt %d: %s, want %s", id, got, want)
		}
	}
}

// A desk whose OCR language is not installed gets a clear, permanent failure on its pages; a
// batch may ask for another language set.
func TestLanguages(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	data, err := os.ReadFile("../testdata/demo/batch/BKHDT-DKKD/DN-0201/02-giay-chung-nhan.png")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.db.UpsertDesk(ctx, pipeline.Desk{Code: "D2", Name: "Desk two", Kind: pipeline.Locality, Languages: "klingon"}); err != nil {
		t.Fatal(err)
	}
	doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D2", Batch: "b", Dossier: "X", Filename: "p.png"}, data, "image/png")
	if err != nil {
		t.Fatal(err)
	}
	pages := r.process(t, doc)
	if len(pages) != 1 || pages[0].state != pipeline.PageFailed || pages[0].class != pipeline.ClassLanguage {
		t.Errorf("page of a desk reading klingon: %+v, want failed %q", pages, pipeline.ClassLanguage)
	}
	doc, _, err = r.intake.Accept(ctx, pipeline.Upload{Desk: "D2", Batch: "b2", Dossier: "Y", Filename: "p.png", Languages: "vie+eng"}, data, "image/png")
	if err != nil {
		t.Fatal(err)
	}
	pages = r.process(t, doc)
	if len(pages) != 1 || pages[0].state != pipeline.PageDone || !strings.Contains(pages[0].text, "GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP") {
		t.Errorf("page of a vie+eng batch: %+v", pages)
	}
	if _, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D2", Batch: "b3", Dossier: "Z", Filename: "p.png", Languages: "vie; DROP"}, data, "image/png"); pipeline.ClassOf(err) != "bad_language" {
		t.Errorf("a malformed language list: %v", err)
	}
}

// The same scan uploaded twice into one dossier (under another name, or by two clients) is read
// once: the second file is recorded as a duplicate and counts nowhere.
func TestDuplicateFile(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	data, err := os.ReadFile("../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/03-giay-khai-sinh.png")
	if err != nil {
		t.Fatal(err)
	}
	var docs []uuid.UUID
	for _, name := range []string{"kq.png", "kq-ban-sao.png"} {
		doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "b", Dossier: "HS-DUP", Filename: name}, data, "image/png")
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	first := r.process(t, docs[0])
	second := r.process(t, docs[1])
	if len(first) != 1 || first[0].state != pipeline.PageDone || len(second) != 0 {
		t.Fatalf("pages: first %+v, second %+v; want one page done and none for the copy", first, second)
	}
	d, _ := r.db.Document(ctx, docs[1])
	if d.State != pipeline.DocDuplicate {
		t.Errorf("the copy is %s, want %s", d.State, pipeline.DocDuplicate)
	}
	if err := r.stages.Finalize(ctx, task(pipeline.TypeFinalize, d.DossierID)); err != nil {
		t.Fatal(err)
	}
	figs, _ := r.db.DeskFigures(ctx)
	if len(figs) != 1 || figs[0].Dossiers != 1 || figs[0].DossiersDigitized != 1 || figs[0].PagesDone != 1 {
		t.Errorf("figures with a duplicate: %+v", figs)
	}
}

// countingObjects counts reads per key.
type countingObjects struct {
	pipeline.Objects
	mu    sync.Mutex
	reads map[string]int
}

func (c *countingObjects) Get(ctx context.Context, key string, max int64) ([]byte, error) {
	c.mu.Lock()
	c.reads[key]++
	c.mu.Unlock()
	return c.Objects.Get(ctx, key, max)
}

// A multi-page PDF is read from storage and its page table asked of poppler once, by ingest;
// its pages' prepare tasks in the same worker reuse both.
func TestMultiPageFileReadOnce(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	counting := &countingObjects{Objects: r.stages.Objects, reads: map[string]int{}}
	r.stages.Objects = counting
	r.stages.Metrics = pipeline.NewMetrics(prometheus.NewRegistry())
	data, err := os.ReadFile("../testdata/formats/scan-flate.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "b", Dossier: "HS-PDF", Filename: "scan.pdf"}, data, "application/pdf")
	if err != nil {
		t.Fatal(err)
	}
	pages := r.process(t, doc)
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3", len(pages))
	}
	for _, p := range pages {
		if p.state != pipeline.PageDone {
			t.Errorf("page %d: %s %s", p.index, p.state, p.class)
		}
	}
	d, _ := r.db.Document(ctx, doc)
	if n := counting.reads[d.SourceKey]; n != 1 {
		t.Errorf("the original was read %d times for 3 pages, want once", n)
	}
	// What an operator sees of it: the original's bytes once; the page images came from the
	// handoff, not from S3.
	read := r.stages.Metrics.Read
	if got := testutil.ToFloat64(read.WithLabelValues("original")); got != float64(len(data)) {
		t.Errorf("sohoa_s3_read_bytes_total{object=original} = %v, want %d", got, len(data))
	}
	if got := testutil.ToFloat64(read.WithLabelValues("page_image")); got != 0 {
		t.Errorf("sohoa_s3_read_bytes_total{object=page_image} = %v, want 0", got)
	}
}

// Through a real S3 client (a Spooler), a PDF original is streamed to a file once and its pages
// rendered from that file: read from S3 once, never held in memory, and poppler's scratch
// directories gone afterwards.
func TestPDFOriginalSpooledOnce(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	r := newRig(t)
	ctx := context.Background()
	r.stages.Metrics = pipeline.NewMetrics(prometheus.NewRegistry())
	r.stages.SpillAt = 1 // to disk, as a 100 MB stack would go
	data, err := os.ReadFile("../testdata/formats/scan-dct.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "b", Dossier: "HS-SPOOL", Filename: "scan.pdf"}, data, "application/pdf")
	if err != nil {
		t.Fatal(err)
	}
	pages := r.process(t, doc)
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3", len(pages))
	}
	for _, p := range pages {
		if p.state != pipeline.PageDone || !strings.Contains(p.text, " ") {
			t.Errorf("page %d: %s %s %q", p.index, p.state, p.class, p.text)
		}
	}
	if got := testutil.ToFloat64(r.stages.Metrics.Read.WithLabelValues("original")); got != float64(len(data)) {
		t.Errorf("read %v bytes of the original from S3, want %d (once)", got, len(data))
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "*"))
	var spooled []string
	for _, f := range left {
		if strings.HasPrefix(filepath.Base(f), "sohoa-original-") {
			spooled = append(spooled, f)
		} else if strings.HasPrefix(filepath.Base(f), "sohoa-pdf-") {
			t.Errorf("poppler's scratch directory %s left behind", f)
		}
	}
	// The one spooled copy is the cached Source's, kept for the file's next pages.
	if len(spooled) != 1 {
		t.Errorf("spooled files %v, want the cached one", spooled)
	}
}

// One worker at a time holds the reconciler's lease; it renews it while it lives, and another
// takes it over once it lapses.
func TestReconcilerLease(t *testing.T) {
	opt := testenv.Redis(t)
	rc := redis.NewClient(&redis.Options{Addr: opt.Addr, DB: opt.DB})
	defer rc.Close()
	ctx := context.Background()
	a := &pipeline.Lease{Client: rc, Key: "sohoa:test-lease", Holder: "a", TTL: 500 * time.Millisecond}
	b := &pipeline.Lease{Client: rc, Key: "sohoa:test-lease", Holder: "b", TTL: 500 * time.Millisecond}
	hold := func(l *pipeline.Lease, want bool) {
		t.Helper()
		got, err := l.Hold(ctx)
		if err != nil || got != want {
			t.Fatalf("%s holds: %v %v, want %v", l.Holder, got, err, want)
		}
	}
	hold(a, true)
	hold(b, false)
	for i := 0; i < 3; i++ { // a renews past the first TTL
		time.Sleep(300 * time.Millisecond)
		hold(a, true)
		hold(b, false)
	}
	time.Sleep(700 * time.Millisecond) // a stopped renewing
	hold(b, true)
	hold(a, false)
}

// A worker's spool directory is its own; one left by a process that died is swept when the
// next worker starts, and a live process's is left alone.
func TestSpoolDirSweepsTheDead(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(tmp, fmt.Sprintf("sohoa-spool-%d-1", dead.Process.Pid))
	live := filepath.Join(tmp, "sohoa-spool-1-1") // pid 1 runs
	for _, d := range []string{stale, live} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	dir, err := pipeline.SpoolDir()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the dead process's %s is still there", stale)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the live process's directory was removed: %v", err)
	}
	if !strings.HasPrefix(filepath.Base(dir), fmt.Sprintf("sohoa-spool-%d-", os.Getpid())) {
		t.Errorf("spool directory %s", dir)
	}
}

// A task naming a row that does not exist (a finalize for an unknown dossier was retried 6
// times) is archived at once: no stage retries it.
func TestMissingRowArchivedAtOnce(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	handlers := map[string]asynq.HandlerFunc{
		pipeline.TypeIngest: r.stages.Ingest, pipeline.TypePrepare: r.stages.Prepare, pipeline.TypeOCR: r.stages.OCR,
		pipeline.TypeClassify: r.stages.Classify, pipeline.TypeFinalize: r.stages.Finalize,
	}
	for typ, h := range handlers {
		err := h(ctx, task(typ, uuid.New()))
		// Classify first asks whether the document's pages have all ended: none have, so it
		// waits for the last page's task (nil, nothing to retry).
		if typ == pipeline.TypeClassify && err == nil {
			continue
		}
		if err == nil || !errors.Is(err, asynq.SkipRetry) || !errors.Is(err, pipeline.ErrNotFound) {
			t.Errorf("%s of a row that does not exist: %v, want not found and no retry", typ, err)
		}
	}
}

// An original written again between the upload's check and the ingest (a presigned URL used a
// second time) is refused as changed: what was checked is what is read, or nothing is.
func TestOriginalChangedAfterUploadRefused(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	first, err := os.ReadFile("../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png")
	if err != nil {
		t.Fatal(err)
	}
	second, err := os.ReadFile("../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/03-giay-khai-sinh.png")
	if err != nil {
		t.Fatal(err)
	}
	u := pipeline.Upload{Desk: "D1", Batch: "b", Dossier: "HS-CH", Filename: "p.png"}
	doc, _, err := r.intake.Accept(ctx, u, first, "image/png")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.stages.Objects.Put(ctx, pipeline.Key("D1", "b", "HS-CH", "p.png"), second, "image/png"); err != nil {
		t.Fatal(err)
	}
	_ = r.stages.Ingest(ctx, task(pipeline.TypeIngest, doc))
	var state, class string
	if err := r.db.Pool.QueryRow(ctx, `SELECT state, error_class FROM pages WHERE document_id = $1`, doc).Scan(&state, &class); err != nil {
		t.Fatal(err)
	}
	if state != pipeline.PageFailed || class != pipeline.ClassChanged {
		t.Fatalf("page %s %q, want failed %q", state, class, pipeline.ClassChanged)
	}
	// The same file accepted again is the same document; another under that name is refused.
	if again, _, err := r.intake.Accept(ctx, u, first, "image/png"); err != nil || again != doc {
		t.Errorf("the same file again: %v %v, want document %v", again, err, doc)
	}
	var f *pipeline.Failure
	if _, _, err := r.intake.Accept(ctx, u, second, "image/png"); !errors.As(err, &f) || f.Class != pipeline.ClassExists {
		t.Errorf("another file under the same name: %v, want %q", err, pipeline.ClassExists)
	}
}
