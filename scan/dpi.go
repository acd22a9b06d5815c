package scan

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
)

func crc32IEEE(b []byte) uint32 { return crc32.ChecksumIEEE(b) }

// dpiOf reads the resolution a file declares, or 0. Scanners usually write it; phones do not.
func dpiOf(f Format, data []byte) int {
	switch f {
	case PNG:
		return pngDPI(data)
	case JPEG:
		return jfifDPI(data)
	case TIFF:
		return tiffDPI(data)
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

func tiffDPI(b []byte) int {
	if len(b) < 8 {
		return 0
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if b[0] == 'M' {
		bo = binary.BigEndian
	}
	ifd := int(bo.Uint32(b[4:]))
	if ifd+2 > len(b) {
		return 0
	}
	n := int(bo.Uint16(b[ifd:]))
	unit, x := 2, 0
	for e := 0; e < n; e++ {
		o := ifd + 2 + 12*e
		if o+12 > len(b) {
			return 0
		}
		tag, typ := bo.Uint16(b[o:]), bo.Uint16(b[o+2:])
		switch {
		case tag == 296 && typ == 3: // ResolutionUnit
			unit = int(bo.Uint16(b[o+8:]))
		case tag == 282 && typ == 5: // XResolution, RATIONAL at an offset
			off := int(bo.Uint32(b[o+8:]))
			if off+8 <= len(b) {
				num, den := bo.Uint32(b[off:]), bo.Uint32(b[off+4:])
				if den != 0 {
					x = int(num / den)
				}
			}
		}
	}
	if unit == 3 {
		return int(float64(x)*2.54 + 0.5)
	}
	return x
}
