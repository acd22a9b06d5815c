//go:build !cgo

package scan

import "image"

// decodeTIFF needs Leptonica (tiff.go); a build without cgo (CGO_ENABLED=0: the API and the
// classifier, which read no pages) refuses TIFF pages clearly instead of not building.
func decodeTIFF(data []byte, pages []tiffPage, index int, lim Limits) (*image.Gray, Meta, error) {
	return nil, Meta{}, refuse(Unsupported, nil, "TIFF pages need sohoa built with cgo (Leptonica)")
}
