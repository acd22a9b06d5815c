package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sohoa/sohoa/internal/evalset"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
)

// stackPages is how many pages a large file has: a day's stack through a desk's feeder.
const stackPages = 200

// largeFiles writes a 200-page scanned PDF (gray JPEG pages at 200 DPI, as feeders write them,
// joined by img2pdf without re-encoding) and a 200-page TIFF (black and white, CCITT Group 4,
// 300 DPI, joined by Debian's Pillow), from 20 distinct evaluation pages taken ten times over.
func largeFiles(b *testing.B, dir string) (pdfPath, tiffPath string) {
	py := "/usr/bin/python3" // Debian's, which has Pillow with img2pdf; not a pyenv one on PATH
	if _, err := exec.LookPath("img2pdf"); err != nil {
		testenv.Unavailable(b, "img2pdf (apt-get install img2pdf)", err)
	}
	if err := exec.Command(py, "-c", "import PIL").Run(); err != nil {
		testenv.Unavailable(b, "Debian's Pillow (apt-get install python3-pil)", err)
	}
	pages, err := evalset.Pages(7, 1, nil)
	if err != nil {
		b.Fatal(err)
	}
	pages = pages[:20]
	var jpegs, pngs []string
	for i, p := range pages {
		gray := p
		// The evaluation set's gray feeder: JPEG at 200 DPI (at 300 DPI its noisy pages take
		// 1.2 MB each, and 200 of them pass the 200 MB a file sohoa accepts).
		gray.Scanner.Source, gray.Scanner.DPI, gray.Scanner.Format, gray.Scanner.Quality = "feeder", 200, "jpeg", 75
		gray.Scanner.Colour, gray.Scanner.Bilevel, gray.Scanner.NoDPI, gray.Scanner.DPIY = false, false, false, 0
		bw := gray
		bw.Scanner.Format, bw.Scanner.Bilevel = "png", true
		for _, v := range []struct {
			p    evalset.Page
			ext  string
			list *[]string
		}{{gray, "jpg", &jpegs}, {bw, "png", &pngs}} {
			data, _, err := v.p.Files()
			if err != nil {
				b.Fatal(err)
			}
			f := filepath.Join(dir, fmt.Sprintf("p%02d.%s", i, v.ext))
			if err := os.WriteFile(f, data, 0o644); err != nil {
				b.Fatal(err)
			}
			*v.list = append(*v.list, f)
		}
	}
	repeat := func(list []string) []string {
		var out []string
		for len(out) < stackPages {
			out = append(out, list[len(out)%len(list)])
		}
		return out
	}
	pdfPath, tiffPath = filepath.Join(dir, "stack.pdf"), filepath.Join(dir, "stack.tif")
	if out, err := exec.Command("img2pdf", append(repeat(jpegs), "-o", pdfPath)...).CombinedOutput(); err != nil {
		b.Fatalf("img2pdf: %v %s", err, out)
	}
	script := `import sys
from PIL import Image
out, files = sys.argv[1], sys.argv[2:]
pages = [Image.open(f).convert("1") for f in files]
pages[0].save(out, save_all=True, append_images=pages[1:], compression="group4", dpi=(300, 300))`
	if out, err := exec.Command(py, append([]string{"-c", script, tiffPath}, repeat(pngs)...)...).CombinedOutput(); err != nil {
		b.Fatalf("pillow: %v %s", err, out)
	}
	return pdfPath, tiffPath
}

func freeAddr(b *testing.B) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// s3Read is what a worker's /metrics says it read from S3, by object.
func s3Read(b *testing.B, addr string) map[string]float64 {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		b.Fatalf("metrics of %s: %v", addr, err)
	}
	defer resp.Body.Close()
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, `sohoa_s3_read_bytes_total{object="`); ok {
			obj, val, _ := strings.Cut(rest, `"} `)
			v, _ := strconv.ParseFloat(val, 64)
			out[obj] = v
		}
	}
	return out
}

// BenchmarkLargeFiles uploads a 200-page scanned PDF and a 200-page TIFF, each as one file of
// one dossier, to two `sohoa worker` processes of one OCR slot each (the stock engine, and the
// optimised one when `make engine` has installed it), and reports the time to the first page
// done, to the last, and to the dossier finished (document PDF joined), and the bytes each
// page cost the S3 store, from the workers' sohoa_s3_read_bytes_total.
//
//	go test -run '^$' -bench LargeFiles -benchtime 1x -timeout 60m ./cmd/sohoa/
func BenchmarkLargeFiles(b *testing.B) {
	dir := b.TempDir()
	pdfPath, tiffPath := largeFiles(b, dir)
	for _, e := range benchEngines(b, dir) {
		bin := e.bin
		for _, f := range []struct{ name, path, ctype string }{
			{"pdf", pdfPath, "application/pdf"}, {"tiff", tiffPath, "image/tiff"},
		} {
			b.Run(f.name+"-"+e.name, func(b *testing.B) {
				data, err := os.ReadFile(f.path)
				if err != nil {
					b.Fatal(err)
				}
				for n := 0; n < b.N; n++ {
					runLarge(b, bin, filepath.Base(f.path), f.ctype, data)
				}
			})
		}
	}
}

func runLarge(b *testing.B, bin, name, ctype string, data []byte) {
	a, cfg := benchApp(b, 1, "LARGE")
	db := a.db
	ctx := context.Background()
	type worker struct {
		cmd     *exec.Cmd
		metrics string
	}
	var workers []worker
	for i := 0; i < 2; i++ {
		w := worker{metrics: freeAddr(b)}
		w.cmd = workerCmd(bin, cfg, w.metrics, "5m")
		if err := w.cmd.Start(); err != nil {
			b.Fatal(err)
		}
		defer func() { _ = w.cmd.Process.Signal(syscall.SIGTERM); _ = w.cmd.Wait() }()
		workers = append(workers, w)
	}
	time.Sleep(2 * time.Second) // engines loaded before the clock starts
	b.ResetTimer()
	start := time.Now()
	u := pipeline.Upload{Desk: "LARGE", Batch: "stack", Dossier: "STACK", Filename: name}
	if _, _, err := a.intake().Accept(ctx, u, data, ctype); err != nil {
		b.Fatal(err)
	}
	var first, last, finished time.Duration
	for finished == 0 {
		var done, ended, open int
		if err := db.Pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state IN ('done', 'failed')),
				(SELECT count(*) FROM dossiers WHERE state = 'open') FROM pages`).Scan(&done, &ended, &open); err != nil {
			b.Fatal(err)
		}
		now := time.Since(start)
		if first == 0 && done > 0 {
			first = now
		}
		if last == 0 && ended >= stackPages {
			last = now
			if done < stackPages {
				b.Fatalf("%d of %d pages done", done, stackPages)
			}
		}
		if last != 0 && open == 0 {
			finished = now
		} else if open == 0 && ended > 0 {
			var why string
			_ = db.Pool.QueryRow(ctx, `SELECT COALESCE(string_agg(DISTINCT error_message, '; '), '') FROM pages WHERE state = 'failed'`).Scan(&why)
			b.Fatalf("the dossier ended with %d of %d pages: %s", ended, stackPages, why)
		}
		if now > 40*time.Minute {
			b.Fatalf("%d pages ended after %v", ended, now)
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.StopTimer()
	read := map[string]float64{}
	var rss int64
	for _, w := range workers {
		for k, v := range s3Read(b, w.metrics) {
			read[k] += v
		}
		rss = max(rss, testenv.ProcStatusOf(w.cmd.Process.Pid, "VmHWM"))
	}
	var total float64
	for _, v := range read {
		total += v
	}
	b.ReportMetric(first.Seconds(), "first_page_s")
	b.ReportMetric(last.Seconds(), "last_page_s")
	b.ReportMetric(finished.Seconds(), "dossier_done_s")
	b.ReportMetric(float64(stackPages)/last.Minutes(), "pages/min")
	b.ReportMetric(float64(len(data))/stackPages/1024, "file_KB/page")
	b.ReportMetric(read["original"]/stackPages/1024, "original_read_KB/page")
	b.ReportMetric(total/stackPages/1024, "s3_read_KB/page")
	b.ReportMetric(float64(rss)/(1<<20), "worker_peak_rss_MB")
	b.Logf("%s: %d bytes, S3 reads by object %v", name, len(data), read)
}
