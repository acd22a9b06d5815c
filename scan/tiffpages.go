package scan

import (
	"encoding/binary"
	"fmt"
)

// The TIFF page table is read in Go, with or without cgo: every page's size is checked before a
// decoder sees the bytes.

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
