package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sohoa/sohoa/internal/cer"
	"github.com/sohoa/sohoa/internal/evalset"
	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

func childMaxRSS() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru)
	return ru.Maxrss * 1024
}

type benchPage struct {
	name     string
	data     []byte
	straight []byte   // the same page scanned perfectly straight, for the CLI's floor
	refs     []string // reference texts, one per reading order; none when there is no exact one
}

// throughputPages are the 48 pages of the evaluation set (seed 1: the six desk scanner
// profiles, 150 to 600 DPI, skewed, every fifth turned, with their straight twins) and the real
// third-party scans of testdata/realscans (linn.png in two columns, phototest.tif and a turned
// copy, eurotext.tif in six languages) with their reference texts.
func throughputPages(b *testing.B) []benchPage {
	pages, err := evalset.Pages(1, 1, nil)
	if err != nil {
		b.Fatal(err)
	}
	var out []benchPage
	for _, p := range pages {
		file, twin, err := p.Files()
		if err != nil {
			b.Fatal(err)
		}
		refs, err := p.References()
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, benchPage{name: p.Name, data: file, straight: twin, refs: refs})
	}
	for _, f := range []struct{ name, truth string }{
		{"linn.png", "linn.txt"}, {"phototest.tif", "phototest.txt"}, {"phototest-rotated-R.png", "phototest.txt"}, {"eurotext.tif", "eurotext.txt"},
	} {
		data, err := os.ReadFile(filepath.Join("../../testdata/realscans", f.name))
		if err != nil {
			b.Fatal(err)
		}
		truth, err := os.ReadFile(filepath.Join("../../testdata/realscans", f.truth))
		if err != nil {
			b.Fatal(err)
		}
		// A real scan is its own straight twin: it is what the CLI is given at its best.
		out = append(out, benchPage{name: f.name, data: data, straight: data, refs: []string{string(truth)}})
	}
	return out
}

// workerCmd is a `sohoa worker` process of bin on cfg's services (its OCR slots, vie), metrics
// on metricsAddr ("" for none).
func workerCmd(bin string, cfg *Config, metricsAddr, reconcileAge string) *exec.Cmd {
	cmd := exec.Command(bin, "worker", "-reconcile-age", reconcileAge)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1", "SOHOA_DATABASE_URL="+cfg.DatabaseURL, "SOHOA_REDIS_ADDR="+cfg.RedisAddr,
		fmt.Sprintf("SOHOA_REDIS_DB=%d", cfg.RedisDB), "SOHOA_S3_ENDPOINT="+cfg.S3.Endpoint, "SOHOA_S3_BUCKET="+cfg.S3.Bucket,
		"SOHOA_METRICS_ADDR="+metricsAddr, fmt.Sprintf("SOHOA_CONCURRENCY=%d", cfg.Concurrency), "SOHOA_OCR_LANG=vie")
	return cmd
}

// benchApp is an app on fresh test services (a Redis db of its own), its bucket made and desk
// registered, with slots OCR slots; closed when b ends.
func benchApp(b *testing.B, slots int, desk string) (*app, *Config) {
	db, dbURL := testenv.Postgres(b)
	_, s3cfg := testenv.Bucket(b)
	redis := testenv.Redis(b)
	cfg := &Config{DatabaseURL: dbURL, RedisAddr: redis.Addr, RedisDB: redis.DB, S3: s3cfg, Languages: "vie", Concurrency: slots}
	ctx := context.Background()
	a, err := openApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(a.close)
	if err := a.objects.EnsureBucket(ctx); err != nil {
		b.Fatal(err)
	}
	if err := db.UpsertDesk(ctx, pipeline.Desk{Code: desk, Name: desk, Kind: pipeline.Locality}); err != nil {
		b.Fatal(err)
	}
	return a, cfg
}

// benchEngine is a sohoa binary built for the benchmarks: against Debian's libtesseract
// (stock), or the optimised one of `make engine` (pix).
type benchEngine struct{ name, bin string }

// benchEngines builds stock, and pix when the optimised library is installed, into dir.
func benchEngines(b *testing.B, dir string) []benchEngine {
	out := []benchEngine{{"stock", filepath.Join(dir, "sohoa-stock")}}
	buildSohoa(b, out[0].bin, "")
	if _, err := os.Stat(filepath.Join(enginePrefix(), "lib", "pkgconfig", "tesseract.pc")); err == nil {
		out = append(out, benchEngine{"pix", filepath.Join(dir, "sohoa-pix")})
		buildSohoa(b, out[1].bin, enginePrefix())
	}
	return out
}

// runSohoa digitizes pages end to end (upload, ingest, prepare, OCR, classify, finalize, every
// artifact written) with one worker of `slots` OCR slots and returns the texts by file. The
// worker runs in this process, or, when bin is not empty, as that sohoa binary's `worker` (the
// optimised engine's build), whose CPU is counted when it has stopped.
func runSohoa(b *testing.B, pages []benchPage, slots int, bin string) (time.Duration, testenv.CPUTime, map[string]string) {
	a, cfg := benchApp(b, slots, "BENCH")
	db := a.db
	ctx := context.Background()
	stopWorker := func() {}
	if bin == "" {
		wctx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- a.worker(wctx, time.Minute) }()
		stopWorker = func() { stop(); <-done }
	} else {
		cmd := workerCmd(bin, cfg, "", "1m")
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		stopWorker = func() { _ = cmd.Process.Signal(syscall.SIGTERM); _ = cmd.Wait() }
	}
	defer func() { stopWorker() }()
	time.Sleep(2 * time.Second) // engine loaded before the clock starts
	start, cpu := time.Now(), testenv.ReadCPUTime()
	for i, p := range pages {
		u := pipeline.Upload{Desk: "BENCH", Batch: "b", Dossier: fmt.Sprintf("D%03d", i/4), Filename: p.name}
		if _, _, err := a.intake().Accept(ctx, u, p.data, mime.TypeByExtension(filepath.Ext(p.name))); err != nil {
			b.Fatal(err)
		}
	}
	for {
		var open int
		if err := db.Pool.QueryRow(ctx, `SELECT count(*) FROM dossiers WHERE state = 'open'`).Scan(&open); err != nil {
			b.Fatal(err)
		}
		if open == 0 {
			break
		}
		time.Sleep(25 * time.Millisecond) // the end to within a few ms: the CLI run ends when its last page does
	}
	elapsed := time.Since(start)
	if bin != "" {
		stopWorker() // its CPU is the children's once it has exited
		stopWorker = func() {}
	}
	used := testenv.ReadCPUTime().Since(cpu)
	texts := map[string]string{}
	rows, _ := db.Pool.Query(ctx, `SELECT d.filename, p.text FROM pages p JOIN documents d ON d.id = p.document_id`)
	for rows.Next() {
		var f, t string
		_ = rows.Scan(&f, &t)
		texts[f] = t
	}
	return elapsed, used, texts
}

// BenchmarkThroughput compares, on the same pages, the same language (vie) and the same page
// segmentation mode (3, automatic layout analysis: the CLI's default and sohoa's), (a) the
// tesseract CLI under xargs -P <cores> (the physical limit: OCR only), (b) OCRmyPDF with
// --deskew --rotate-pages, and (c) sohoa end to end with all artifacts written.
//
//	make bench-ocr   (go test -run '^$' -bench Throughput -benchtime 1x ./cmd/sohoa/)
func BenchmarkThroughput(b *testing.B) {
	cores := runtime.NumCPU()
	pages := throughputPages(b)
	dir := b.TempDir()
	var files, straight []string
	for _, p := range pages {
		f := filepath.Join(dir, p.name)
		_ = os.WriteFile(f, p.data, 0o644)
		files = append(files, f)
		if p.straight != nil {
			sf := filepath.Join(dir, "straight-"+p.name)
			_ = os.WriteFile(sf, p.straight, 0o644)
			straight = append(straight, sf)
		}
	}
	perMin := func(d time.Duration) float64 { return float64(len(pages)) / d.Minutes() }
	// Where the run's core-seconds went: CPU a page (of the process named, children included),
	// and the share of the machine's cores left idle while it ran.
	reportCPU := func(b *testing.B, c testenv.CPUTime, own time.Duration) {
		b.ReportMetric(own.Seconds()/float64(len(pages)), "cpu_s/page")
		b.ReportMetric(c.IdlePercent(), "idle_%")
	}
	meanCER := func(text func(p benchPage) string) float64 {
		var sum float64
		n := 0
		for _, p := range pages {
			if len(p.refs) > 0 {
				r, _ := cer.Best(text(p), p.refs)
				sum += r
				n++
			}
		}
		return 100 * sum / float64(n)
	}
	xargs := func(list []string, outDir string) (time.Duration, testenv.CPUTime) {
		_ = os.MkdirAll(outDir, 0o755)
		var in bytes.Buffer
		for _, f := range list {
			in.WriteString(f + "\n")
		}
		cmd := exec.Command("xargs", "-P", strconv.Itoa(cores), "-I{}", "sh", "-c",
			`f="{}"; n=$(basename "$f"); tesseract "$f" "`+outDir+`/${n%.*}" -l vie --psm 3 >/dev/null 2>&1`) // sohoa's mode too
		cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
		cmd.Stdin = &in
		start, cpu := time.Now(), testenv.ReadCPUTime()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("xargs tesseract: %v %s", err, out)
		}
		return time.Since(start), testenv.ReadCPUTime().Since(cpu)
	}
	read := func(outDir, name string) string {
		t, _ := os.ReadFile(filepath.Join(outDir, strings.TrimSuffix(name, filepath.Ext(name))+".txt"))
		return string(t)
	}

	var aRate float64
	b.Run("a-tesseract-cli", func(b *testing.B) {
		for n := 0; n < b.N; n++ {
			d, aCPU := xargs(files, filepath.Join(dir, "a"))
			aRate = perMin(d)
			b.ReportMetric(aRate, "pages/min")
			reportCPU(b, aCPU, aCPU.Children)
			b.ReportMetric(meanCER(func(p benchPage) string { return read(filepath.Join(dir, "a"), p.name) }), "cer_%")
			xargs(straight, filepath.Join(dir, "a-straight"))
			b.ReportMetric(meanCER(func(p benchPage) string { return read(filepath.Join(dir, "a-straight"), "straight-"+p.name) }), "cer_straight_%")
			b.ReportMetric(float64(childMaxRSS())/(1<<20), "peak_rss_MB")
		}
	})

	// (b) is the command as written, so OCRmyPDF's default output, PDF/A, which it makes
	// with Ghostscript; (b-pdf) adds --output-type pdf, the same work without the PDF/A
	// conversion, closer to what sohoa writes (its PDFs are not PDF/A). Both ratios are reported.
	ocrmypdf := func(b *testing.B, name string, extra ...string) (time.Duration, testenv.CPUTime, []string) {
		if _, err := exec.LookPath("ocrmypdf"); err != nil {
			testenv.Unavailable(b, "ocrmypdf (apt-get install ocrmypdf)", err)
		}
		out := filepath.Join(dir, name)
		_ = os.MkdirAll(out, 0o755)
		// One PDF of all pages, as a desk's batch, so --jobs can spread pages over cores; made
		// once for every run.
		in := filepath.Join(dir, "batch.pdf")
		if _, err := os.Stat(in); err != nil {
			if o, err := exec.Command("img2pdf", append(files, "-o", in)...).CombinedOutput(); err != nil {
				_ = os.Remove(in)
				testenv.Unavailable(b, "img2pdf", fmt.Errorf("%v %s", err, o))
			}
		}
		args := append([]string{"--jobs", strconv.Itoa(cores), "--deskew", "--rotate-pages", "-l", "vie", "--tesseract-pagesegmode", "3"}, extra...)
		cmd := exec.Command("ocrmypdf", append(args, "--sidecar", filepath.Join(out, "text.txt"), in, filepath.Join(out, "out.pdf"))...)
		cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
		start, cpu := time.Now(), testenv.ReadCPUTime()
		if o, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("ocrmypdf: %v %s", err, o)
		}
		d, used := time.Since(start), testenv.ReadCPUTime().Since(cpu)
		side, _ := os.ReadFile(filepath.Join(out, "text.txt"))
		return d, used, strings.Split(string(side), "\f") // the sidecar holds the pages in the batch's order
	}
	reportOCRmyPDF := func(b *testing.B, name string, extra ...string) float64 {
		d, used, texts := ocrmypdf(b, name, extra...)
		rate := perMin(d)
		b.ReportMetric(rate, "pages/min")
		reportCPU(b, used, used.Children)
		b.ReportMetric(meanCER(func(p benchPage) string {
			if j := slices.IndexFunc(pages, func(pg benchPage) bool { return pg.name == p.name }); j >= 0 && j < len(texts) {
				return texts[j]
			}
			return ""
		}), "cer_%")
		b.ReportMetric(float64(childMaxRSS())/(1<<20), "peak_rss_MB")
		return rate
	}
	var bRate, bPDFRate float64
	b.Run("b-ocrmypdf", func(b *testing.B) {
		for n := 0; n < b.N; n++ {
			bRate = reportOCRmyPDF(b, "b")
		}
	})
	b.Run("b-ocrmypdf-pdf", func(b *testing.B) {
		for n := 0; n < b.N; n++ {
			bPDFRate = reportOCRmyPDF(b, "b-pdf", "--output-type", "pdf")
		}
	})

	b.Run("c-sohoa", func(b *testing.B) {
		for n := 0; n < b.N; n++ {
			d, cpu, texts := runSohoa(b, pages, cores, "")
			rate := perMin(d)
			b.ReportMetric(rate, "pages/min")
			reportCPU(b, cpu, cpu.Self+cpu.Children)
			b.ReportMetric(meanCER(func(p benchPage) string { return texts[p.name] }), "cer_%")
			b.ReportMetric(float64(testenv.ProcStatus("VmHWM"))/(1<<20), "peak_rss_MB")
			if aRate > 0 {
				b.ReportMetric(rate/aRate, "c/a")
			}
			if bRate > 0 {
				b.ReportMetric(rate/bRate, "c/b")
			}
			if bPDFRate > 0 {
				b.ReportMetric(rate/bPDFRate, "c/b-pdf")
			}
		}
	})

	// This machine's speed drifts between runs (the same code has taken 0.56 to 0.94 s of CPU a
	// page), so single runs minutes apart compare poorly. Here the runs alternate,
	// SOHOA_BENCH_ROUNDS times (default 5), and each ratio is taken within its round: a round
	// runs (b), (a), (c), (d), (a) again and (b-pdf), so that (c) and (d) stand between two
	// runs of (a), whose mean they are compared with. (c) and (d) are
	// both `sohoa worker` processes, built here: (c) against Debian's libtesseract, (d) against
	// the optimised one of `make engine` (left out when it is not installed).
	// SOHOA_BENCH_ROUNDS_OCRMYPDF=0 leaves OCRmyPDF out of the rounds.
	b.Run("d-rounds", func(b *testing.B) {
		rounds := 5
		if n, err := strconv.Atoi(os.Getenv("SOHOA_BENCH_ROUNDS")); err == nil && n > 0 {
			rounds = n
		}
		_, err := exec.LookPath("ocrmypdf")
		withB := err == nil && os.Getenv("SOHOA_BENCH_ROUNDS_OCRMYPDF") != "0"
		engines := benchEngines(b, dir)
		stock, pix := engines[0].bin, ""
		if len(engines) > 1 {
			pix = engines[1].bin
		}
		perPage := func(c testenv.CPUTime) float64 { return (c.Self + c.Children).Seconds() / float64(len(pages)) }
		var as, cs, ca, ds, da, cb, cbPDF []float64
		for r := 0; r < rounds; r++ {
			var bd, bPDFd time.Duration
			if withB {
				bd, _, _ = ocrmypdf(b, "b")
			}
			ad, aCPU := xargs(files, filepath.Join(dir, "a"))
			d, cpu, _ := runSohoa(b, pages, cores, stock)
			var dd time.Duration
			var dcpu testenv.CPUTime
			if pix != "" {
				dd, dcpu, _ = runSohoa(b, pages, cores, pix)
			}
			// (a) again after (c) and (d): their ratios are to the mean of the two, which a
			// machine slowing or speeding up steadily over the round does not bias much; how
			// far the two (a) runs differ is the round's drift.
			ad2, aCPU2 := xargs(files, filepath.Join(dir, "a"))
			a, a1, a2 := perMin((ad+ad2)/2), perMin(ad), perMin(ad2)
			aPage := (aCPU.Children + aCPU2.Children).Seconds() / float64(2*len(pages))
			c := perMin(d)
			as, cs, ca = append(as, a), append(cs, c), append(ca, c/a)
			b.Logf("round %d: a %.1f (%.1f, then %.1f: drift %+.1f %%), c %.1f pages/min, c/a %.3f; CPU a page a %.3f s, c %.3f s; idle a %.1f %%, c %.1f %%",
				r+1, a, a1, a2, 100*(a2/a1-1), c, c/a, aPage, perPage(cpu), aCPU.IdlePercent(), cpu.IdlePercent())
			if pix != "" {
				dr := perMin(dd)
				ds, da = append(ds, dr), append(da, dr/a)
				b.Logf("round %d: d %.1f pages/min, d/a %.3f, d/c %.3f; CPU a page d %.3f s; idle d %.1f %%",
					r+1, dr, dr/a, dr/c, perPage(dcpu), dcpu.IdlePercent())
			}
			if withB {
				bPDFd, _, _ = ocrmypdf(b, "b-pdf", "--output-type", "pdf")
				br, bPDFr := perMin(bd), perMin(bPDFd)
				cb, cbPDF = append(cb, c/br), append(cbPDF, c/bPDFr)
				b.Logf("round %d: b %.1f, b-pdf %.1f pages/min, c/b %.2f, c/b-pdf %.2f", r+1, br, bPDFr, c/br, c/bPDFr)
			}
		}
		b.ReportMetric(median(as), "a_pages/min")
		b.ReportMetric(median(cs), "c_pages/min")
		b.ReportMetric(median(ca), "c/a_median")
		b.ReportMetric(slices.Min(ca), "c/a_min")
		b.ReportMetric(slices.Max(ca), "c/a_max")
		if pix != "" {
			b.ReportMetric(median(ds), "d_pages/min")
			b.ReportMetric(median(da), "d/a_median")
			b.ReportMetric(slices.Min(da), "d/a_min")
			b.ReportMetric(slices.Max(da), "d/a_max")
		}
		if withB {
			b.ReportMetric(median(cb), "c/b_median")
			b.ReportMetric(slices.Min(cb), "c/b_min")
			b.ReportMetric(median(cbPDF), "c/b-pdf_median")
			b.ReportMetric(slices.Min(cbPDF), "c/b-pdf_min")
		}
	})
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// BenchmarkSoak runs 1,000 pages through one `sohoa worker` process with one OCR slot, built
// against Debian's libtesseract and, when `make engine` has installed it, against the optimised
// one, and reports the growth of the worker's resident memory between page 100 and page 1,000.
//
//	go test -run '^$' -bench Soak -benchtime 1x -timeout 60m ./cmd/sohoa/
func BenchmarkSoak(b *testing.B) {
	samples, err := synth.Corpus(10, 3)
	if err != nil {
		b.Fatal(err)
	}
	var imgs [][]byte
	for _, s := range samples {
		g, _ := s.Render()
		var buf bytes.Buffer
		_ = scan.EncodePNG(&buf, g, 300)
		imgs = append(imgs, buf.Bytes())
	}
	for _, e := range benchEngines(b, b.TempDir()) {
		b.Run(e.name, func(b *testing.B) {
			for n := 0; n < b.N; n++ {
				soak(b, e.bin, imgs)
			}
		})
	}
}

func soak(b *testing.B, bin string, imgs [][]byte) {
	const total, mark = 1000, 100
	a, cfg := benchApp(b, 1, "SOAK")
	db := a.db
	ctx := context.Background()
	for i := 0; i < total; i++ {
		u := pipeline.Upload{Desk: "SOAK", Batch: "soak", Dossier: fmt.Sprintf("S%04d", i/10), Filename: fmt.Sprintf("p%04d.png", i)}
		if _, _, err := a.intake().Accept(ctx, u, imgs[i%len(imgs)], "image/png"); err != nil {
			b.Fatal(err)
		}
	}
	cmd := workerCmd(bin, cfg, "", "1h")
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { _ = cmd.Process.Signal(syscall.SIGTERM); _ = cmd.Wait() }()
	rss := func() int64 { return testenv.ProcStatusOf(cmd.Process.Pid, "VmRSS") }
	var rssAtMark int64
	for {
		var n int
		_ = db.Pool.QueryRow(ctx, `SELECT count(*) FROM pages WHERE state IN ('done', 'failed')`).Scan(&n)
		if n >= mark && rssAtMark == 0 {
			rssAtMark = rss()
		}
		if n >= total {
			break
		}
		time.Sleep(time.Second)
	}
	end := rss()
	b.ReportMetric(float64(rssAtMark)/(1<<20), "rss_at_100_MB")
	b.ReportMetric(float64(end)/(1<<20), "rss_at_1000_MB")
	b.ReportMetric(100*float64(end-rssAtMark)/float64(rssAtMark), "growth_%")
	b.ReportMetric(float64(total)/time.Since(start).Minutes(), "pages/min")
}
