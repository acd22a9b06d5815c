package synth

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"image"
)

// Receipt is the receipt a one-stop desk puts on top of a dossier (phiếu tiếp nhận hồ sơ và hẹn
// trả kết quả), with its dossier code.
func Receipt(code string) Page {
	return Page{Lines: []Line{
		{Text: "ỦY BAN NHÂN DÂN PHƯỜNG ĐIỆN BIÊN", Bold: true, Align: Center},
		{Text: "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ", Bold: true, Align: Center}, {},
		{Text: "PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", Size: 15, Bold: true, Align: Center}, {},
		{Text: "Mã hồ sơ: " + code},
		{Text: "Tiếp nhận hồ sơ của: Ông (bà) Nguyễn Văn Bình"},
		{Text: "Địa chỉ: số 12 phố Hoàng Diệu, phường Điện Biên"},
		{Text: "Ngày hẹn trả kết quả: ngày 20 tháng 12 năm 2026"},
	}}
}

// TIFF joins pages into one multi-page TIFF (8-bit gray, Deflate, with its resolution),
// as a feeder's driver writes a stack.
func TIFF(pages []*image.Gray, dpi int) []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	b.WriteString("II*\x00")
	_ = binary.Write(&b, le, uint32(0)) // the first IFD's offset, patched below
	next := 4                           // where the previous IFD's "next" pointer is
	for _, g := range pages {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		_, _ = zw.Write(g.Pix)
		_ = zw.Close()
		strip := b.Len()
		b.Write(z.Bytes())
		if b.Len()%2 == 1 {
			b.WriteByte(0)
		}
		res := b.Len()
		_ = binary.Write(&b, le, [2]uint32{uint32(dpi), 1})
		ifd := b.Len()
		le.PutUint32(b.Bytes()[next:], uint32(ifd))
		w, h := uint32(g.Rect.Dx()), uint32(g.Rect.Dy())
		entries := [][3]uint32{{256, 4, w}, {257, 4, h}, {258, 3, 8}, {259, 3, 8}, {262, 3, 1}, {273, 4, uint32(strip)},
			{277, 3, 1}, {278, 4, h}, {279, 4, uint32(z.Len())}, {282, 5, uint32(res)}, {283, 5, uint32(res)}, {296, 3, 2}}
		_ = binary.Write(&b, le, uint16(len(entries)))
		for _, e := range entries {
			_ = binary.Write(&b, le, uint16(e[0]))
			_ = binary.Write(&b, le, uint16(e[1]))
			_ = binary.Write(&b, le, uint32(1))
			_ = binary.Write(&b, le, e[2])
		}
		next = b.Len()
		_ = binary.Write(&b, le, uint32(0))
	}
	return b.Bytes()
}
