package ocr

// Recognition goes through this small binding of Tesseract's C API rather than gosseract's
// Client, because gosseract v2.4.1 cannot meet two requirements:
//   - memory flat over a long run: its Text() and HOCRText() never free the C strings Tesseract
//     returns (hundreds of KB of hOCR per page);
//   - exactly one recognition per page: asking it for text, then boxes, recognises twice, and it
//     can only take images as encoded bytes that Leptonica parses.
// Here the page goes in as raw gray pixels that sohoa decoded and checked, is recognised once
// under a deadline, and the hOCR and the page's searchable PDF are both taken from that one
// recognition; every string Tesseract returns is freed.

/*
#cgo pkg-config: tesseract
#include <stdlib.h>
#include <tesseract/capi.h>

static TessBaseAPI* sohoa_tess_new(const char* datapath, const char* lang, int psm, int* rc) {
	TessBaseAPI* api = TessBaseAPICreate();
	*rc = TessBaseAPIInit3(api, datapath, lang);
	if (*rc != 0) { TessBaseAPIDelete(api); return NULL; }
	// The C API starts in PSM_SINGLE_BLOCK; the CLI, and sohoa, in PSM_AUTO (layout analysis:
	// columns, header and signature blocks found as blocks of their own).
	TessBaseAPISetPageSegMode(api, (TessPageSegMode)psm);
	// Tesseract warns on stderr for every page; sohoa records what matters itself.
	TessBaseAPISetVariable(api, "debug_file", "/dev/null");
	// The fixed-pitch test of the layout stage serves the legacy classifier's chopping; the
	// LSTM recogniser reads the same text without it, 2–4 % fewer instructions a page
	// (callgrind), and word boxes on typewritten pages no longer overlap.
	TessBaseAPISetVariable(api, "textord_disable_pitch_test", "1");
	return api;
}

// sohoa_tess_recognize recognises one page. *hocr must be freed with TessDeleteText. When
// pdfbase is not NULL, the page's searchable PDF (image with an invisible text layer) is
// written to pdfbase.pdf from the same recognition; when png is not NULL too, it names a PNG
// file of the very same pixels, whose compressed rows the PDF embeds as they are (Leptonica's
// Flate passthrough) instead of encoding the page as JPEG. Returns 0, or 1 when recognition
// failed or ran past its deadline.
static int sohoa_tess_recognize(TessBaseAPI* api, const unsigned char* pix, int w, int h, int stride, int dpi,
                                int deadline_ms, char** hocr, const char* pdfbase, const char* png, int* mean) {
	TessBaseAPISetImage(api, pix, w, h, 1, stride);
	TessBaseAPISetSourceResolution(api, dpi);
	ETEXT_DESC* mon = TessMonitorCreate();
	TessMonitorSetDeadlineMSecs(mon, deadline_ms);
	int rc = TessBaseAPIRecognize(api, mon);
	TessMonitorDelete(mon);
	if (rc != 0) { TessBaseAPIClear(api); return 1; }
	*hocr = TessBaseAPIGetHOCRText(api, 0);
	*mean = TessBaseAPIMeanTextConf(api);
	if (pdfbase != NULL) {
		TessResultRenderer* r = TessPDFRendererCreate(pdfbase, TessBaseAPIGetDatapath(api), 0);
		if (r != NULL) {
			// The renderer reads the input name, which stays set between pages: set on every
			// page, so a page without a PNG is never given an earlier page's.
			TessBaseAPISetInputName(api, png != NULL ? png : "");
			TessResultRendererBeginDocument(r, "sohoa");
			TessResultRendererAddImage(r, api);
			TessResultRendererEndDocument(r);
			TessDeleteResultRenderer(r);
		}
	}
	TessBaseAPIClear(api);
	return 0;
}
*/
import "C"

import (
	"fmt"
	"image"
	"sync/atomic"
	"time"
	"unsafe"
)

// recognitions counts every Tesseract recognition this process ran.
var recognitions atomic.Int64

// Recognitions is how many pages Tesseract has recognised in this process; tests use it to
// prove each page is recognised once.
func Recognitions() int64 { return recognitions.Load() }

// tess is one Tesseract instance for one language set. Not safe for concurrent use.
type tess struct {
	api  *C.TessBaseAPI
	lang string
}

func newTess(datapath, lang string, psm int) (*tess, error) {
	var cpath *C.char
	if datapath != "" {
		cpath = C.CString(datapath)
		defer C.free(unsafe.Pointer(cpath))
	}
	clang := C.CString(lang)
	defer C.free(unsafe.Pointer(clang))
	var rc C.int
	api := C.sohoa_tess_new(cpath, clang, C.int(psm), &rc)
	if api == nil {
		return nil, fmt.Errorf("%w: tesseract could not load %q (code %d)", ErrLanguage, lang, int(rc))
	}
	return &tess{api: api, lang: lang}, nil
}

func (t *tess) close() {
	if t.api != nil {
		C.TessBaseAPIEnd(t.api)
		C.TessBaseAPIDelete(t.api)
		t.api = nil
	}
}

// recognize reads g once; pdfBase, when not empty, receives the page's searchable PDF, whose
// image is the PNG file pngPath when not empty (it must hold exactly g's pixels).
func (t *tess) recognize(g *image.Gray, dpi int, deadline time.Duration, pdfBase, pngPath string) (hocr string, mean int, err error) {
	var cbase, cpng *C.char
	if pdfBase != "" {
		cbase = C.CString(pdfBase)
		defer C.free(unsafe.Pointer(cbase))
	}
	if pngPath != "" {
		cpng = C.CString(pngPath)
		defer C.free(unsafe.Pointer(cpng))
	}
	var out *C.char
	var cmean C.int
	recognitions.Add(1)
	rc := C.sohoa_tess_recognize(t.api, (*C.uchar)(unsafe.Pointer(&g.Pix[0])), C.int(g.Rect.Dx()), C.int(g.Rect.Dy()),
		C.int(g.Stride), C.int(dpi), C.int(deadline.Milliseconds()), &out, cbase, cpng, &cmean)
	if rc != 0 {
		return "", 0, fmt.Errorf("tesseract gave up on the page (deadline %s)", deadline)
	}
	defer C.TessDeleteText(out)
	return C.GoString(out), int(cmean), nil
}

// Version is the Tesseract library version.
func Version() string { return C.GoString(C.TessVersion()) }
