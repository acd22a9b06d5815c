package ocr

// gosseract has no orientation call (DetectOrientationScript was merged and reverted upstream),
// so this file binds the one Tesseract C API function needed. The image is handed over as raw
// gray pixels that sohoa decoded and checked itself: Leptonica never parses uploaded bytes.

/*
#cgo pkg-config: tesseract
#include <stdlib.h>
#include <tesseract/capi.h>

static TessBaseAPI* sohoa_osd_new(const char* datapath, int* rc) {
	TessBaseAPI* api = TessBaseAPICreate();
	*rc = TessBaseAPIInit3(api, datapath, "osd");
	if (*rc != 0) { TessBaseAPIDelete(api); return NULL; }
	TessBaseAPISetPageSegMode(api, PSM_OSD_ONLY);
	// OSD warns on stderr about resolution for every page; sohoa records what matters itself.
	TessBaseAPISetVariable(api, "debug_file", "/dev/null");
	return api;
}

static int sohoa_osd_detect(TessBaseAPI* api, const unsigned char* pix, int w, int h, int stride, int dpi,
                            int* deg, float* conf, float* sconf, char* script, int scriptLen) {
	const char* name = NULL;
	TessBaseAPISetImage(api, pix, w, h, 1, stride);
	TessBaseAPISetSourceResolution(api, dpi);
	BOOL ok = TessBaseAPIDetectOrientationScript(api, deg, conf, &name, sconf);
	if (ok && name != NULL) {
		int i = 0;
		for (; name[i] && i < scriptLen - 1; i++) script[i] = name[i];
		script[i] = 0;
	}
	TessBaseAPIClear(api);
	return ok ? 1 : 0;
}
*/
import "C"

import (
	"errors"
	"image"
	"unsafe"
)

// osd is one Tesseract handle loaded with the orientation model. Not safe for concurrent use.
type osd struct{ api *C.TessBaseAPI }

func newOSD(datapath string) (*osd, error) {
	var cpath *C.char
	if datapath != "" {
		cpath = C.CString(datapath)
		defer C.free(unsafe.Pointer(cpath))
	}
	var rc C.int
	api := C.sohoa_osd_new(cpath, &rc)
	if api == nil {
		return nil, errors.New("ocr: cannot load the orientation model osd.traineddata (install tesseract-ocr-osd)")
	}
	return &osd{api: api}, nil
}

func (o *osd) close() {
	if o.api != nil {
		C.TessBaseAPIEnd(o.api)
		C.TessBaseAPIDelete(o.api)
		o.api = nil
	}
}

// detect returns the clockwise rotation of the page content as Tesseract reports it
// (0, 90, 180, 270) with its confidences; ok is false when the page has too little text.
func (o *osd) detect(g *image.Gray, dpi int) (deg int, conf, scriptConf float64, script string, ok bool) {
	var cdeg C.int
	var cconf, csconf C.float
	buf := make([]byte, 32)
	r := C.sohoa_osd_detect(o.api, (*C.uchar)(unsafe.Pointer(&g.Pix[0])), C.int(g.Rect.Dx()), C.int(g.Rect.Dy()),
		C.int(g.Stride), C.int(dpi), &cdeg, &cconf, &csconf, (*C.char)(unsafe.Pointer(&buf[0])), C.int(len(buf)))
	if r == 0 {
		return 0, 0, 0, "", false
	}
	return int(cdeg), float64(cconf), float64(csconf), C.GoString((*C.char)(unsafe.Pointer(&buf[0]))), true
}
