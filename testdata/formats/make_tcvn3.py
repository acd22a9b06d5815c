"""Writes tcvn3.pdf: a page of Vietnamese typed in an 8-bit TCVN3 (ABC) font without a Unicode
map, as old office PDFs are; its text extracts as mojibake ("Céng hßa x· héi ..."). The bytes
are TCVN3; the font is declared WinAnsi, which is what such PDFs say."""
lines = [
    "Céng hßa x· héi chñ nghÜa ViÖt Nam",
    "§éc lËp - Tù do - H¹nh phóc",
    "GiÊy x¸c nhËn th«ng tin vÒ c­ tró",
    "Uû ban nh©n d©n ph­êng §iÖn Biªn x¸c nhËn: «ng NguyÔn V¨n B×nh",
    "hiÖn c­ tró t¹i sè 12 phè Hoµng DiÖu, quËn Ba §×nh, Hµ Néi.",
]
content = b"BT /F1 14 Tf 72 760 Td 20 TL\n"
for l in lines:
    content += b"(" + l.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj T*\n"
content += b"ET\n"
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"endstream",
]
out = b"%PDF-1.4\n"
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += str(i).encode() + b" 0 obj\n" + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 " + str(len(objs) + 1).encode() + b"\n0000000000 65535 f \n"
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size " + str(len(objs) + 1).encode() + b" /Root 1 0 R >>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n"
open("tcvn3.pdf", "wb").write(out)
