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
	"image"
	"unsafe"
)

func init() {
	// Leptonica prints every warning on stderr; sohoa reports what matters itself.
	C.setMsgSeverity(C.L_SEVERITY_ERROR)
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
