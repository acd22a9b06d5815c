package scan

import (
	"bytes"
	"encoding/binary"
)

// dpiOf reads the horizontal and vertical resolution a file declares, or 0. Scanners usually
// write it; phones do not; faxes have half the lines an inch they have dots.
func dpiOf(f Format, data []byte) (x, y int) {
	switch f {
	case PNG:
		return pngDPI(data)
	case JPEG:
		return jfifDPI(data)
	}
	return 0, 0
}

func pngDPI(b []byte) (x, y int) {
	for i := 8; i+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		if typ == "IDAT" || n < 0 || i+12+n > len(b) {
			return 0, 0
		}
		if typ == "pHYs" && n == 9 && b[i+16] == 1 {
			px, py := binary.BigEndian.Uint32(b[i+8:]), binary.BigEndian.Uint32(b[i+12:])
			return int(float64(px)*0.0254 + 0.5), int(float64(py)*0.0254 + 0.5)
		}
		i += 12 + n
	}
	return 0, 0
}

func jfifDPI(b []byte) (x, y int) {
	// APP0 "JFIF\0", version(2), units(1), Xdensity(2), Ydensity(2)
	i := bytes.Index(b[:min(len(b), 64)], []byte("JFIF\x00"))
	if i < 0 || i+12 > len(b) {
		return 0, 0
	}
	units, x, y := b[i+7], int(binary.BigEndian.Uint16(b[i+8:])), int(binary.BigEndian.Uint16(b[i+10:]))
	switch units {
	case 1:
		return x, y
	case 2:
		return int(float64(x)*2.54 + 0.5), int(float64(y)*2.54 + 0.5)
	}
	return 0, 0
}
