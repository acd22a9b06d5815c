package scan

// Multi-page TIFF, in every compression scanners write (CCITT G3/G4, LZW, Deflate, PackBits,
// JPEG-in-TIFF), is decoded by Leptonica, already linked for Tesseract: golang.org/x/image/tiff
// reads only the first page and no JPEG-in-TIFF. Leptonica has no size guard, so tiffPages walks
// the IFDs in Go first and every page's dimensions are checked before Leptonica sees the bytes.

/*
#cgo pkg-config: lept
#include <stdlib.h>
#include <leptonica/allheaders.h>

// sohoa_tiff_page decodes page n to 8-bit gray into out (w*h bytes). Returns 0 on success.
static int sohoa_tiff_page(const l_uint8* data, size_t size, int n, int w, int h, unsigned char* out) {
	PIX* pix = pixReadMemTiff(data, size, n);
	if (pix == NULL) return 1;
	PIX* g = pixConvertTo8(pix, 0);
	pixDestroy(&pix);
	if (g == NULL) return 2;
	if (pixGetWidth(g) != w || pixGetHeight(g) != h) { pixDestroy(&g); return 3; }
	l_uint32* base = pixGetData(g);
	int wpl = pixGetWpl(g);
	for (int y = 0; y < h; y++) {
		l_uint32* line = base + y * wpl;
		for (int x = 0; x < w; x++) out[y * w + x] = GET_DATA_BYTE(line, x);
	}
	pixDestroy(&g);
	return 0;
}
*/
import "C"

import (
	"encoding/binary"
	"fmt"
	"image"
	"unsafe"
)

func init() {
	// Leptonica prints every warning on stderr; sohoa reports what matters itself.
	C.setMsgSeverity(C.L_SEVERITY_ERROR)
}

type tiffPage struct{ w, h, dpi, dpiY int }

// tiffPages walks the IFD chain: page count and dimensions, without decoding anything.
func tiffPages(b []byte, lim Limits) ([]tiffPage, error) {
	if len(b) < 8 {
		return nil, refuse(Corrupt, nil, "TIFF header is truncated")
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if b[0] == 'M' {
		bo = binary.BigEndian
	}
	var pages []tiffPage
	seen := map[uint32]bool{}
	for off := bo.Uint32(b[4:]); off != 0; {
		if seen[off] {
			return nil, refuse(Corrupt, nil, "TIFF pages form a loop")
		}
		seen[off] = true
		if len(pages) >= lim.MaxPages {
			return nil, refuse(TooLarge, nil, "TIFF has more than %d pages", lim.MaxPages)
		}
		o := int(off)
		if o+2 > len(b) || o < 8 {
			return nil, refuse(Corrupt, nil, "TIFF page %d lies outside the file", len(pages))
		}
		n := int(bo.Uint16(b[o:]))
		end := o + 2 + 12*n
		if end+4 > len(b) {
			return nil, refuse(Corrupt, nil, "TIFF page %d directory is truncated", len(pages))
		}
		var p tiffPage
		unit, xres, yres := 2, 0, 0
		for e := 0; e < n; e++ {
			f := b[o+2+12*e:]
			tag, typ := bo.Uint16(f), bo.Uint16(f[2:])
			val := func() int {
				if typ == 3 { // SHORT
					return int(bo.Uint16(f[8:]))
				}
				return int(bo.Uint32(f[8:]))
			}
			switch tag {
			case 256:
				p.w = val()
			case 257:
				p.h = val()
			case 296:
				unit = val()
			case 282, 283:
				if typ == 5 {
					ro := int(bo.Uint32(f[8:]))
					if ro > 0 && ro+8 <= len(b) {
						if den := bo.Uint32(b[ro+4:]); den != 0 {
							if tag == 282 {
								xres = int(bo.Uint32(b[ro:]) / den)
							} else {
								yres = int(bo.Uint32(b[ro:]) / den)
							}
						}
					}
				}
			}
		}
		p.dpi, p.dpiY = xres, yres
		if unit == 3 {
			p.dpi, p.dpiY = int(float64(xres)*2.54+0.5), int(float64(yres)*2.54+0.5)
		}
		if err := checkSize(p.w, p.h, lim); err != nil {
			return nil, fmt.Errorf("TIFF page %d: %w", len(pages), err)
		}
		pages = append(pages, p)
		off = bo.Uint32(b[end:])
	}
	if len(pages) == 0 {
		return nil, refuse(Corrupt, nil, "TIFF has no pages")
	}
	return pages, nil
}

// decodeTIFF decodes page index with Leptonica, from the page table (every page's size
// checked) that tiffPages read.
func decodeTIFF(data []byte, pages []tiffPage, index int, lim Limits) (*image.Gray, Meta, error) {
	if index < 0 || index >= len(pages) {
		return nil, Meta{}, refuse(Corrupt, nil, "page %d does not exist (file has %d)", index, len(pages))
	}
	p := pages[index]
	g := image.NewGray(image.Rect(0, 0, p.w, p.h))
	rc := C.sohoa_tiff_page((*C.l_uint8)(unsafe.Pointer(&data[0])), C.size_t(len(data)), C.int(index),
		C.int(p.w), C.int(p.h), (*C.uchar)(unsafe.Pointer(&g.Pix[0])))
	if rc != 0 {
		return nil, Meta{}, refuse(Corrupt, nil, "cannot decode TIFF page %d (leptonica code %d)", index, int(rc))
	}
	return squarePixels(g, Meta{Format: TIFF, Width: p.w, Height: p.h, DPI: p.dpi}, p.dpiY, lim)
}
