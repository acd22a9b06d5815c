package main

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/sohoa/sohoa/pipeline"
)

// A worker stopped (SIGTERM) while a page is in OCR puts the page back; the next worker runs it
// again, and every page and figure is counted once.
func TestShutdownMidOCR(t *testing.T) {
	a, _ := testApp(t)
	a.cfg.ShutdownTimeout = 200 * time.Millisecond // shorter than one page's OCR
	ctx := context.Background()
	if err := a.db.UpsertDesk(ctx, pipeline.Desk{Code: "S", Name: "S", Kind: pipeline.Locality}); err != nil {
		t.Fatal(err)
	}
	files := []string{"HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png", "HN-BADINH-DIENBIEN/HS-KS-0001/03-giay-khai-sinh.png",
		"BKHDT-DKKD/DN-0202/01-hop-dong.png", "BKHDT-DKKD/DN-0202/02-quyet-dinh.png"}
	for i, f := range files {
		b, err := os.ReadFile("../../testdata/demo/batch/" + f)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := a.intake().Accept(ctx, pipeline.Upload{Desk: "S", Batch: "b", Dossier: fmt.Sprintf("D%d", i/2), Filename: fmt.Sprintf("p%d.png", i)}, b, "image/png"); err != nil {
			t.Fatal(err)
		}
	}
	count := func(q string) int {
		var n int
		if err := a.db.Pool.QueryRow(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- a.worker(wctx, time.Hour) }()
	deadline := time.Now().Add(60 * time.Second)
	for count(`SELECT count(*) FROM stage_attempts WHERE task_type = 'sohoa:ocr' AND outcome = 'running'`) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no OCR started")
		}
		time.Sleep(20 * time.Millisecond)
	}
	stop() // as SIGTERM does: Asynq stops taking tasks and waits ShutdownTimeout
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// The stop came while the first OCR ran, with two more pages not yet past prepare and a
	// 200 ms wait: pages must be left. If none is, the test did not test a shutdown: fail, never
	// skip.
	if n := count(`SELECT count(*) FROM pages WHERE state = 'done'`); n == len(files) {
		t.Fatal("every page finished before the shutdown took effect: the shutdown was not mid-OCR")
	}

	wctx, stop = context.WithCancel(ctx)
	go func() { done <- a.worker(wctx, time.Hour) }()
	defer func() { stop(); <-done }()
	deadline = time.Now().Add(90 * time.Second)
	for count(`SELECT count(*) FROM dossiers WHERE state = 'open'`) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("pages done after restart: %d of %d", count(`SELECT count(*) FROM pages WHERE state = 'done'`), len(files))
		}
		time.Sleep(100 * time.Millisecond)
	}
	if n := count(`SELECT count(*) FROM pages WHERE state = 'done'`); n != len(files) {
		t.Errorf("%d pages done, want %d", n, len(files))
	}
	if n := count(`SELECT count(*) FROM (SELECT page_id, kind FROM artifacts WHERE page_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) d`); n != 0 {
		t.Errorf("%d page artifacts recorded twice", n)
	}
	figs, _ := a.db.DeskFigures(ctx)
	if len(figs) != 1 || figs[0].PagesDone != len(files) || figs[0].Dossiers != 2 || figs[0].DossiersDigitized != 2 {
		t.Errorf("figures after the restart: %+v", figs)
	}
	if n := count(`SELECT count(*) FROM stage_attempts WHERE task_type = 'sohoa:ocr'`); n <= len(files) {
		t.Logf("%d OCR attempts for %d pages: the cut-off one ran again", n, len(files))
	}
}
