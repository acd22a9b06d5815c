package scan

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"

	"github.com/klauspost/compress/zlib"
)

// EncodePNG writes g as an 8-bit gray PNG that records its resolution (pHYs), so that
// Tesseract and any viewer know the real DPI.
//
// Written here rather than with image/png because image/png tries every row filter on every
// row: on a clean 220-DPI A4 page that took 59 ms of a page's preparation. Rows go unfiltered
// (white paper compresses as well unfiltered as filtered, and scanner noise worse filtered)
// through klauspost/compress's zlib at its fastest level: 10 ms, and files 3 % smaller
// (BenchmarkEncodePNG).
func EncodePNG(w io.Writer, g *image.Gray, dpi int) error {
	width, height := g.Rect.Dx(), g.Rect.Dy()
	var idat bytes.Buffer
	idat.Grow(width * height / 8)
	z, err := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
	if err != nil {
		return err
	}
	row := make([]byte, 1+width) // filter type 0 (none), then the pixels
	for y := 0; y < height; y++ {
		off := g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y)
		copy(row[1:], g.Pix[off:off+width])
		if _, err := z.Write(row); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}

	var head bytes.Buffer
	head.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(width))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(height))
	ihdr = append(ihdr, 8, 0, 0, 0, 0) // depth 8, gray, deflate, adaptive filtering, no interlace
	writeChunk(&head, "IHDR", ihdr)
	if dpi > 0 {
		ppm := uint32(float64(dpi)/0.0254 + 0.5)
		phys := binary.BigEndian.AppendUint32(nil, ppm)
		phys = binary.BigEndian.AppendUint32(phys, ppm)
		writeChunk(&head, "pHYs", append(phys, 1)) // unit: metre
	}
	if _, err := w.Write(head.Bytes()); err != nil {
		return err
	}
	// IDAT chunks of 1 MiB: a chunk may hold up to 2^31-1 bytes, and a huge noisy page could
	// compress past that.
	var tail bytes.Buffer
	for data := idat.Bytes(); len(data) > 0; {
		n := min(len(data), 1<<20)
		writeChunk(&tail, "IDAT", data[:n])
		if _, err := w.Write(tail.Bytes()); err != nil {
			return err
		}
		tail.Reset()
		data = data[n:]
	}
	writeChunk(&tail, "IEND", nil)
	_, err = w.Write(tail.Bytes())
	return err
}

func writeChunk(b *bytes.Buffer, kind string, data []byte) {
	b.Write(binary.BigEndian.AppendUint32(nil, uint32(len(data))))
	b.WriteString(kind)
	b.Write(data)
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	b.Write(binary.BigEndian.AppendUint32(nil, crc.Sum32()))
}
