package pipeline_test

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
)

// Generated hostile files through the stages, each in its own dossier of one batch beside a
// good page: every one ends with a clear class (or is read, when it is a real image under a
// disguise) within seconds, and the good page is digitized.
func TestHostileFiles(t *testing.T) {
	testenv.Short(t, "runs the stages on about 20 files")
	r := newRig(t)
	ctx := context.Background()
	good, err := os.ReadFile("../testdata/demo/batch/HN-BADINH-DIENBIEN/HS-KS-0001/01-to-khai.png")
	if err != nil {
		t.Fatal(err)
	}
	jpg, err := os.ReadFile("../testdata/demo/batch/BKHDT-DKKD/DN-0201/01-de-nghi.jpg")
	if err != nil {
		t.Fatal(err)
	}
	locked, err := os.ReadFile("../testdata/formats/scan-locked.pdf") // scan-dct.pdf, user password
	if err != nil {
		t.Fatal(err)
	}
	scanned, err := os.ReadFile("../testdata/formats/scan-dct.pdf")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, file string
		data       []byte
		want       string // the page's class; "" for a page read and done
	}{
		{"good page", "good.png", good, ""},
		{"zero bytes", "empty.png", nil, "empty"},
		{"truncated JPEG", "cut.jpg", jpg[:len(jpg)/3], "corrupt"},
		{"truncated PNG", "cut.png", good[:len(good)/3], "corrupt"},
		{"PNG header claiming 100000 x 100000", "huge.png", pngHeader(100_000, 100_000), "too_large"},
		{"TIFF of 10,000 pages", "many.tif", manyPageTIFF(10_000), "too_large"},
		{"PDF of 100,000 pages", "many.pdf", manyPagePDF(100_000), "too_large"},
		{"PDF with a 50000 x 50000 deflated image (decompression bomb)", "bomb.pdf", imageBombPDF(50_000), "too_large"},
		{"polyglot: a PNG with a ZIP archive appended", "poly.png", append(append([]byte{}, good...), zipOf("run.sh", "rm -rf /")...), ""},
		{"polyglot: a PDF header over JPEG bytes", "poly.pdf", append([]byte("%PDF-1.7\n"), jpg...), "corrupt"},
		{"wrong extension: a JPEG named .pdf", "scan.pdf", jpg, ""},
		{"HTML named .png", "page.png", []byte("<!doctype html><script>alert(1)</script>"), "unsupported"},
		{"GIF (not a scan format)", "anim.png", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), "unsupported"},
		{"a PDF locked with a password (not corrupt: the desk can send it unlocked)", "locked.pdf", locked, "encrypted"},
		{"a PDF with bytes before its header (some scanners and mail gateways)", "prefixed.pdf", append([]byte("X-Gateway: scan-to-mail\r\n\r\n"), scanned...), ""},
	}
	extraPages := 0 // pages beyond one a readable file
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "hostile", Dossier: fmt.Sprintf("H-%02d", i), Filename: c.file}, c.data, "application/octet-stream")
			if err != nil {
				t.Fatal(err)
			}
			pages := r.process(t, doc)
			took := time.Since(start)
			t.Logf("%s (%d bytes): %d page rows in %v", c.file, len(c.data), len(pages), took.Round(time.Millisecond))
			if took > 30*time.Second {
				t.Errorf("took %v", took)
			}
			if len(pages) == 0 {
				t.Fatal("no page row: the refusal is not recorded")
			}
			if c.want == "" {
				extraPages += len(pages) - 1
			}
			for _, p := range pages {
				switch {
				case c.want == "" && p.state != pipeline.PageDone:
					t.Errorf("page %d: %s %q, want done", p.index, p.state, p.class)
				case c.want != "" && (p.state != pipeline.PageFailed || p.class != c.want):
					t.Errorf("page %d: %s %q, want failed %q", p.index, p.state, p.class, c.want)
				}
			}
		})
	}
	// Names that would leave the desk's folder, or hide as look-alikes, never reach storage.
	for _, name := range []string{"../../etc/passwd.png", `..\..\boot.ini`, "a/../../b.png", "..", "x\x00.png", "line\nbreak.png"} {
		_, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "hostile", Dossier: "N", Filename: name}, good, "image/png")
		var f *pipeline.Failure
		if !errors.As(err, &f) || f.Class != "bad_name" {
			t.Errorf("name %q: %v, want a bad_name refusal", name, err)
		}
	}
	for _, name := range []string{"../x.png", "D1/../D2", "\u2215etc", "\uff0e\uff0e", "%2e%2e%2fSEC-B", "HS\u200b-1", "HS-1\u202e", "a\uff0fb"} {
		_, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "hostile", Dossier: name, Filename: "p.png"}, good, "image/png")
		if err == nil {
			t.Errorf("dossier %q accepted", name)
		}
	}
	// A name in decomposed Unicode (as macOS writes it) is stored composed (NFC).
	decomposed := "Nguye\u0302\u0303n Va\u0306n A.png"
	doc, _, err := r.intake.Accept(ctx, pipeline.Upload{Desk: "D1", Batch: "hostile", Dossier: "NFC", Filename: decomposed}, good, "image/png")
	if err != nil {
		t.Fatal(err)
	}
	var filename, key string
	if err := r.db.Pool.QueryRow(ctx, `SELECT filename, source_key FROM documents WHERE id = $1`, doc).Scan(&filename, &key); err != nil {
		t.Fatal(err)
	}
	if filename != "Nguyễn Văn A.png" || !strings.HasSuffix(key, "/D1/hostile/NFC/Nguyễn Văn A.png") {
		t.Errorf("non-NFC name stored as %q under %q", filename, key)
	}
	r.process(t, doc)
	// Nothing else was disturbed: every dossier finalizes, the good ones are digitized, and the
	// desk's figures count each hostile file once, as received and failed.
	rows, _ := r.db.Pool.Query(ctx, `SELECT id FROM dossiers`)
	var dossiers []uuid.UUID
	for rows.Next() {
		var id uuid.UUID
		_ = rows.Scan(&id)
		dossiers = append(dossiers, id)
	}
	for _, id := range dossiers {
		if err := r.stages.Finalize(ctx, task(pipeline.TypeFinalize, id)); err != nil {
			t.Fatal(err)
		}
	}
	readable, refused := 1, 0 // the NFC-named page is readable
	for _, c := range cases {
		if c.want == "" {
			readable++
		} else {
			refused++
		}
	}
	figs, _ := r.db.DeskFigures(ctx)
	if len(figs) != 1 || figs[0].Dossiers != len(cases)+1 || figs[0].DossiersDigitized != readable || figs[0].PagesDone != readable+extraPages || figs[0].PagesFailed != refused {
		t.Errorf("figures: %+v, want %d dossiers, %d digitized, %d pages done, %d failed", figs, len(cases)+1, readable, readable+extraPages, refused)
	}
	t.Logf("peak RSS of the test process: %d MB", testenv.ProcStatus("VmHWM")>>20)
}

// pngHeader is a PNG signature and IHDR for a w x h gray image, a few bytes of IDAT and IEND.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		_ = binary.Write(&b, binary.BigEndian, uint32(len(data)))
		c := crc32.NewIEEE()
		c.Write([]byte(typ))
		c.Write(data)
		b.WriteString(typ)
		b.Write(data)
		_ = binary.Write(&b, binary.BigEndian, c.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 0 // 8-bit gray
	chunk("IHDR", ihdr)
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	_, _ = zw.Write(make([]byte, 1<<20))
	_ = zw.Close()
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return b.Bytes()
}

// manyPageTIFF is a little-endian TIFF of n 8x8 gray pages sharing one strip.
func manyPageTIFF(n int) []byte {
	const entries = 8
	ifdSize := 2 + entries*12 + 4
	strip := 8
	first := strip + 64
	var b bytes.Buffer
	b.WriteString("II*\x00")
	_ = binary.Write(&b, binary.LittleEndian, uint32(first))
	b.Write(make([]byte, 64)) // the strip, at offset 8
	for i := 0; i < n; i++ {
		_ = binary.Write(&b, binary.LittleEndian, uint16(entries))
		for _, e := range [][3]uint32{{256, 3, 8}, {257, 3, 8}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1}, {273, 4, uint32(strip)}, {278, 3, 8}, {279, 4, 64}} {
			_ = binary.Write(&b, binary.LittleEndian, uint16(e[0]))
			_ = binary.Write(&b, binary.LittleEndian, uint16(e[1]))
			_ = binary.Write(&b, binary.LittleEndian, uint32(1))
			_ = binary.Write(&b, binary.LittleEndian, e[2])
		}
		next := uint32(0)
		if i < n-1 {
			next = uint32(first + (i+1)*ifdSize)
		}
		_ = binary.Write(&b, binary.LittleEndian, next)
	}
	return b.Bytes()
}

// pdfWriter builds a PDF with a correct cross-reference table.
type pdfWriter struct {
	b       bytes.Buffer
	offsets []int
}

func (w *pdfWriter) obj(body string) {
	w.offsets = append(w.offsets, w.b.Len())
	fmt.Fprintf(&w.b, "%d 0 obj\n%s\nendobj\n", len(w.offsets), body)
}

func (w *pdfWriter) bytes() []byte {
	xref := w.b.Len()
	fmt.Fprintf(&w.b, "xref\n0 %d\n0000000000 65535 f \n", len(w.offsets)+1)
	for _, o := range w.offsets {
		fmt.Fprintf(&w.b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&w.b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(w.offsets)+1, xref)
	return w.b.Bytes()
}

// manyPagePDF is a PDF of n empty A4 pages.
func manyPagePDF(n int) []byte {
	w := &pdfWriter{}
	w.b.WriteString("%PDF-1.7\n")
	w.obj("<< /Type /Catalog /Pages 2 0 R >>")
	var kids strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&kids, "%d 0 R ", i+3)
	}
	w.obj(fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s] >>", n, kids.String()))
	for i := 0; i < n; i++ {
		w.obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
	}
	return w.bytes()
}

// imageBombPDF is one A4 page drawing a side x side gray image whose few KB of deflate would
// expand to side² bytes (2.5 GB for 50000).
func imageBombPDF(side int) []byte {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	_, _ = zw.Write(make([]byte, 4<<20)) // the start of the stream; a reader asks for side² bytes
	_ = zw.Close()
	w := &pdfWriter{}
	w.b.WriteString("%PDF-1.7\n")
	w.obj("<< /Type /Catalog /Pages 2 0 R >>")
	w.obj("<< /Type /Pages /Count 1 /Kids [3 0 R] >>")
	w.obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>")
	content := "q 595 0 0 842 0 0 cm /Im0 Do Q"
	w.obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	w.obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream",
		side, side, z.Len(), z.String()))
	return w.bytes()
}

func zipOf(name, content string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	f, _ := zw.Create(name)
	_, _ = f.Write([]byte(content))
	_ = zw.Close()
	return b.Bytes()
}
