package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/google/uuid"
	"github.com/sohoa/sohoa/httpapi"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/report"
)

// demoManifest is what cmd/synth wrote next to the demo batch.
type demoManifest struct {
	Units []pipeline.Unit `json:"units"`
	Desks []pipeline.Desk `json:"desks"`
	Files map[string]struct {
		Type      string `json:"type"`
		Role      string `json:"role"`
		FailClass string `json:"fail_class"`
	} `json:"files"`
}

func readManifest(dir string) (demoManifest, error) {
	var m demoManifest
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return m, fmt.Errorf("demo batch: %w (run from the repository root, or pass -data)", err)
	}
	return m, json.Unmarshal(b, &m)
}

// demo runs the whole pipeline in this process on the demo batch: migrate, register desks,
// start the API and a worker, upload through the API, wait, then print each desk's figures.
func demo(ctx context.Context, cfg *Config, log *slog.Logger, dir string, timeout time.Duration, out io.Writer) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	m, err := readManifest(dir)
	if err != nil {
		return err
	}
	// The demo's own output is the progress and the table; services only speak up on trouble.
	quiet := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	a, err := openApp(ctx, cfg, quiet)
	if err != nil {
		return err
	}
	defer a.close()
	return runDemo(ctx, a, m, dir, out)
}

// runDemo is the demo on an open app (its metrics registry stays readable afterwards).
func runDemo(ctx context.Context, a *app, m demoManifest, dir string, out io.Writer) error {
	cfg, log := a.cfg, a.log
	fmt.Fprintln(out, "sohoa demo: migrating the database and creating the bucket")
	if err := a.migrate(ctx); err != nil {
		return err
	}
	for _, u := range m.Units {
		if err := a.db.UpsertUnit(ctx, u); err != nil {
			return err
		}
	}
	keys := map[string]string{}
	for _, d := range m.Desks {
		if err := a.db.UpsertDesk(ctx, d); err != nil {
			return err
		}
		// Each desk uploads with its own API key, as a desk's scanner would.
		key, hash := httpapi.NewKey()
		if err := a.db.CreateKey(ctx, hash, d.Code, "demo"); err != nil {
			return err
		}
		keys[d.Code] = key
	}
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		ln, err = net.Listen("tcp", "127.0.0.1:0") // the usual port is taken: any free one will do
		if err != nil {
			return err
		}
	}
	base := "http://" + ln.Addr().String()
	svcCtx, stopSvc := context.WithCancel(context.WithoutCancel(ctx))
	defer stopSvc()
	httpDone := make(chan error, 1)
	go func() { httpDone <- serveHTTP(svcCtx, a.apiServer(), ln) }()
	workerDone := make(chan error, 1)
	go func() { workerDone <- a.worker(svcCtx, 30*time.Second) }()
	defer func() {
		stopSvc()
		<-httpDone
		if err := <-workerDone; err != nil {
			log.Error("worker", "error", err)
		}
	}()

	fmt.Fprintf(out, "sohoa demo: API on %s, worker with %d OCR slots (%s)\n", base, cfg.Concurrency, cfg.Languages)
	batches, err := uploadDemo(ctx, base, filepath.Join(dir, "batch"), keys, out)
	if err != nil {
		return err
	}
	statuses, err := waitBatches(ctx, a, batches, out)
	if err != nil {
		return err
	}
	return printDemoReport(ctx, a, m, statuses, out)
}

// uploadDemo posts each desk's folder as one batch, one multipart field per dossier.
func uploadDemo(ctx context.Context, base, dir string, keys map[string]string, out io.Writer) (map[string]uuid.UUID, error) {
	desks, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	batches := map[string]uuid.UUID{}
	for _, desk := range desks {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		n := 0
		dossiers, _ := os.ReadDir(filepath.Join(dir, desk.Name()))
		for _, dossier := range dossiers {
			files, _ := os.ReadDir(filepath.Join(dir, desk.Name(), dossier.Name()))
			for _, f := range files {
				b, err := os.ReadFile(filepath.Join(dir, desk.Name(), dossier.Name(), f.Name()))
				if err != nil {
					return nil, err
				}
				w, _ := mw.CreateFormFile(dossier.Name(), f.Name())
				_, _ = w.Write(b)
				n++
			}
		}
		mw.Close()
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/batches?name=demo", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer "+keys[desk.Name()])
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		var res struct {
			Batch uuid.UUID `json:"batch"`
			Error string    `json:"error"`
		}
		_ = json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		if resp.StatusCode != http.StatusAccepted {
			return nil, fmt.Errorf("upload %s: %s: %s", desk.Name(), resp.Status, res.Error)
		}
		batches[desk.Name()] = res.Batch
		fmt.Fprintf(out, "  uploaded %2d files for desk %-20s batch %s\n", n, desk.Name(), res.Batch)
	}
	return batches, nil
}

// waitBatches polls until every batch has ended and every dossier of them is finalized. A
// database that does not answer for a while (a restart) is waited out, up to the context's
// deadline; a batch that does not exist is an error at once.
func waitBatches(ctx context.Context, a *app, batches map[string]uuid.UUID, out io.Writer) ([]pipeline.BatchStatus, error) {
	last := ""
	outage := false
	for {
		var (
			sts                 []pipeline.BatchStatus
			total, done, failed int
			finished            = true
			pollErr             error
		)
		for _, id := range batches {
			st, err := a.db.BatchStatus(ctx, id)
			if errors.Is(err, pipeline.ErrNotFound) {
				return nil, err
			}
			if err != nil {
				pollErr = err
				break
			}
			sts = append(sts, st)
			total, done, failed = total+st.Pages, done+st.PagesDone, failed+st.PagesFailed
			finished = finished && st.Finished
		}
		if finished && pollErr == nil {
			var open int
			desks := make([]string, 0, len(batches))
			for d := range batches {
				desks = append(desks, d)
			}
			pollErr = a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM dossiers WHERE state = 'open' AND desk_code = ANY($1)`, desks).Scan(&open)
			finished = open == 0
		}
		if pollErr != nil {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("demo did not finish: %w (the database: %v)", ctx.Err(), pollErr)
			}
			if !outage {
				fmt.Fprintf(out, "  the database does not answer (%v); waiting\n", pollErr)
				outage = true
			}
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
			continue
		}
		if outage {
			fmt.Fprintln(out, "  the database answers again")
			outage = false
		}
		line := fmt.Sprintf("  pages: %d done, %d failed, %d in work", done, failed, total-done-failed)
		if line != last {
			fmt.Fprintln(out, line)
			last = line
		}
		if finished {
			sort.Slice(sts, func(i, j int) bool { return sts[i].Desk < sts[j].Desk })
			return sts, nil
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("demo did not finish: %w (%s)", ctx.Err(), strings.TrimSpace(line))
		case <-time.After(500 * time.Millisecond):
		}
	}
}

func printDemoReport(ctx context.Context, a *app, m demoManifest, sts []pipeline.BatchStatus, out io.Writer) error {
	figs, err := a.db.DeskFigures(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "\nDigitization by desk")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "desk\tkind\tdossiers\tdigitized\tpercent\tpages done\tpages failed\t")
	for _, f := range figs {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.2f %%\t%d\t%d\t\n", f.Desk, f.Kind, f.Dossiers, f.DossiersDigitized, f.Percentage, f.PagesDone, f.PagesFailed)
	}
	tw.Flush()

	fmt.Fprintln(out, "\nDocuments")
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "desk\tdossier\tfile\ttype\trole\tconfidence\tresult")
	var unexpected []string
	for _, st := range sts {
		for _, f := range st.Files {
			result := "digitized"
			if f.PagesFailed > 0 {
				result = "FAILED " + f.Error
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%.2f\t%s\n", st.Desk, f.Dossier, f.Filename, f.Type, f.Role, f.Confidence, result)
			want := m.Files[st.Desk+"/"+f.Dossier+"/"+f.Filename]
			if f.PagesFailed > 0 && want.FailClass == "" {
				unexpected = append(unexpected, fmt.Sprintf("%s/%s/%s failed: %s", st.Desk, f.Dossier, f.Filename, f.Error))
			}
		}
	}
	tw.Flush()

	today := time.Now().UTC().Truncate(24 * time.Hour)
	q := pipeline.CoverageQuery{Level: pipeline.LevelProvince, From: time.Date(today.Year(), 1, 1, 0, 0, 0, 0, time.UTC), To: today.AddDate(0, 0, 1)}
	fmt.Fprintln(out)
	for _, level := range []string{pipeline.LevelNational, pipeline.LevelProvince, pipeline.LevelMinistry} {
		q.Level = level
		rows, err := a.db.Coverage(ctx, q)
		if err != nil {
			return err
		}
		var shown []pipeline.CoverageRow
		for _, r := range rows {
			if r.Desks > 0 && (level == pipeline.LevelNational || r.Received > 0) {
				shown = append(shown, r)
			}
		}
		if err := report.Table(out, q, shown); err != nil {
			return err
		}
	}
	dossiers, err := a.db.Dossiers(ctx, "", 100)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "\nDossier completeness")
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "desk\tdossier\tstate\tprocedure\tresult digitized\tmissing components")
	for _, d := range dossiers {
		missing := strings.Join(d.Missing, ", ")
		if missing == "" {
			missing = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%v\t%s\n", d.Desk, d.Code, d.State, d.Procedure, d.ResultDigitized, missing)
	}
	tw.Flush()

	fmt.Fprintf(out, `
Where to look next (start the API with: ./bin/sohoa serve)
  dashboard        %[1]s/dashboard
  coverage, JSON   %[1]s/api/v1/coverage?level=desk
  coverage, CSV    %[1]s/api/v1/coverage?level=desk&format=csv
  failed pages     %[1]s/api/v1/failures
  dossiers         %[1]s/api/v1/dossiers
  search           %[1]s/api/v1/search?q=giay+khai+sinh
  review queue     %[1]s/api/v1/review
  a batch          %[1]s/api/v1/batches/%[2]s
  artifacts        s3://%[3]s/artifacts/ (clean page images, text, hOCR, word boxes)
  one local file   OMP_THREAD_LIMIT=1 ./bin/sohoa inspect --json testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png
`, "http://"+a.cfg.HTTPAddr, sts[0].ID, a.cfg.S3.Bucket)
	if len(unexpected) > 0 {
		return errors.New("pages that should have been digitized failed:\n  " + strings.Join(unexpected, "\n  "))
	}
	return nil
}
