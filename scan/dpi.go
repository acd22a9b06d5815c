package scan

import (
	"bytes"
	"encoding/binary"
)

// dpiOf reads the resolution a file declares, or 0. Scanners usually write it; phones do not.
func dpiOf(f Format, data []byte) int {
	switch f {
	case PNG:
		return pngDPI(data)
	case JPEG:
		return jfifDPI(data)
	}
	return 0
}

func pngDPI(b []byte) int {
	for i := 8; i+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		if typ == "IDAT" || n < 0 || i+12+n > len(b) {
			return 0
		}
		if typ == "pHYs" && n == 9 && b[i+16] == 1 {
			ppm := binary.BigEndian.Uint32(b[i+8:])
			return int(float64(ppm)*0.0254 + 0.5)
		}
		i += 12 + n
	}
	return 0
}

func jfifDPI(b []byte) int {
	// APP0 "JFIF\0", version(2), units(1), Xdensity(2), Ydensity(2)
	i := bytes.Index(b[:min(len(b), 64)], []byte("JFIF\x00"))
	if i < 0 || i+12 > len(b) {
		return 0
	}
	units, x := b[i+7], int(binary.BigEndian.Uint16(b[i+8:]))
	switch units {
	case 1:
		return x
	case 2:
		return int(float64(x)*2.54 + 0.5)
	}
	return 0
}
