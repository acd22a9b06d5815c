//go:build chaos

package chaos

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/scan"
)

// 2,000 small synthetic pages across 50 desks through two worker processes (one OCR slot each,
// on this machine's two cores): every page ends done or failed with a reason, none is lost or
// counted twice, and every desk's figures equal a recount. Reports throughput and the median
// and p95 of each stage from the ledger.
func TestLoad2000Pages(t *testing.T) {
	const pages, desks = 2000, 50
	variants := smallPages(t)
	s := sharedStack(t)
	codes := make([]string, desks)
	for i := range codes {
		codes[i] = fmt.Sprintf("L%02d", i)
	}
	s.upload(codes, pages, variants)
	start := time.Now()
	s.startWorker()
	s.startWorker()
	s.waitEnded(pages, 40*time.Minute)
	took := time.Since(start)
	t.Logf("%d pages over %d desks in %v: %.1f pages/min through two workers", pages, desks, took.Round(time.Second), float64(pages)/took.Minutes())

	if got := s.count(`SELECT count(*) FROM pages`); got != pages {
		t.Errorf("%d pages registered, want %d", got, pages)
	}
	if got := s.count(`SELECT count(*) FROM pages WHERE NOT (state = 'done' OR (state = 'failed' AND error_class <> ''))`); got != 0 {
		t.Errorf("%d pages neither done nor failed with a reason", got)
	}
	t.Logf("pages failed (with a reason): %d", s.count(`SELECT count(*) FROM pages WHERE state = 'failed'`))
	if dup := s.count(`SELECT count(*) FROM (SELECT page_id, kind FROM artifacts WHERE page_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) x`); dup != 0 {
		t.Errorf("%d page artifacts recorded twice", dup)
	}
	s.checkFigures()
	if got := s.count(`SELECT count(*) FROM desk_figures`); got != desks {
		t.Errorf("%d desks with figures, want %d", got, desks)
	}

	// Wall time of each attempt, and the same without the wait for the worker's OCR slot.
	rows, err := s.db.Pool.Query(context.Background(), `SELECT task_type, count(*),
			percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - started_at) * 1000),
			percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - started_at) * 1000),
			percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - started_at) * 1000 - slot_wait_ms),
			percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - started_at) * 1000 - slot_wait_ms)
		FROM stage_attempts WHERE outcome = 'ok' GROUP BY 1 ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	t.Logf("%-16s %6s %8s %8s %12s %12s", "stage", "runs", "p50 ms", "p95 ms", "p50 working", "p95 working")
	for rows.Next() {
		var typ string
		var n int
		var p50, p95, w50, w95 float64
		if err := rows.Scan(&typ, &n, &p50, &p95, &w50, &w95); err != nil {
			t.Fatal(err)
		}
		t.Logf("%-16s %6d %8.0f %8.0f %12.0f %12.0f", typ, n, p50, p95, w50, w95)
	}
}

// smallPages are 20 small synthetic receipts (A4 at 150 DPI, four lines, skews -3 to +3°):
// about 0.3 s of work each, so a test measures the pipeline around OCR.
func smallPages(t *testing.T) [][]byte {
	var variants [][]byte
	for i := 0; i < 20; i++ {
		p := synth.Page{Lines: []synth.Line{
			{Text: "BIÊN NHẬN HỒ SƠ", Size: 16, Bold: true, Align: synth.Center},
			{Text: fmt.Sprintf("Số: %03d/BN-UBND", i+1)},
			{Text: fmt.Sprintf("Ông/bà: Trần Thị Mai %d, đã nộp hồ sơ đăng ký khai sinh.", i+1)},
			{Text: "Ngày hẹn trả kết quả: 05/12/2026."},
		}}
		g, err := synth.Render(p, synth.Options{DPI: 150, Skew: float64(i%7) - 3, Noise: 0.001, Seed: uint64(i)})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := scan.EncodePNG(&b, g, 150); err != nil {
			t.Fatal(err)
		}
		variants = append(variants, b.Bytes())
	}
	return variants
}
