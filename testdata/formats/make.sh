#!/usr/bin/env bash
# Regenerates the format fixtures from p0..p2.png (written by: go run ./cmd/synth -formats
# testdata/formats) with ImageMagick 6 and poppler from Debian 12. The outputs are committed;
# this records how they were made.
set -euo pipefail
CONVERT=${CONVERT:-/usr/bin/convert} # not a wrapper of the same name earlier on PATH
cd "$(dirname "$0")"
C="$CONVERT -define tiff:rows-per-strip=64"
# PNG variants
$CONVERT p0.png -type TrueColorAlpha -define png:color-type=6 rgba.png
$CONVERT p0.png -type Palette -colors 16 palette.png
$CONVERT p0.png -depth 16 -define png:bit-depth=16 gray16.png
# JPEG variants
$CONVERT p0.png -interlace JPEG -quality 85 progressive.jpg
$CONVERT p0.png -colorspace CMYK -quality 85 cmyk.jpg
# Multi-page TIFF in every compression scanners write
for c in Group4:g4 Fax:g3 LZW:lzw Zip:deflate RLE:packbits JPEG:jpeg; do
  comp=${c%%:*}; name=${c##*:}
  if [ "$comp" = Group4 ] || [ "$comp" = Fax ]; then mono=(-monochrome); else mono=(); fi
  $C p0.png p1.png p2.png "${mono[@]}" -compress "$comp" "multi-$name.tif"
done
# Scanned PDFs (img2pdf embeds without re-encoding): DCT (JPEG), Flate (PNG) and CCITT G4
# images, three pages; the CCITT one has /Rotate 90 on every page.
for i in 0 1 2; do $CONVERT p$i.png -quality 85 /tmp/sohoa-p$i.jpg; $CONVERT p$i.png -monochrome -compress Group4 /tmp/sohoa-p$i.tif; done
img2pdf /tmp/sohoa-p0.jpg /tmp/sohoa-p1.jpg /tmp/sohoa-p2.jpg -o scan-dct.pdf
img2pdf p0.png p1.png p2.png -o scan-flate.pdf
img2pdf --rotation=90 /tmp/sohoa-p0.tif /tmp/sohoa-p1.tif /tmp/sohoa-p2.tif -o scan-ccitt-rotate.pdf
rm -f /tmp/sohoa-p?.jpg /tmp/sohoa-p?.tif
# A PDF locked with a user password (refused as encrypted, not corrupt): pikepdf, from
# Debian's python3-pikepdf (OCRmyPDF's dependency).
/usr/bin/python3 -c "import pikepdf; pikepdf.open('scan-dct.pdf').save('scan-locked.pdf', encryption=pikepdf.Encryption(user='sohoa', owner='sohoa-owner', R=6))"
# Text layers (issue: born-digital and mixed PDFs). digital.pdf: digital.html printed by
# Debian's Chromium (`chromium --headless --no-sandbox --no-pdf-header-footer --print-to-pdf=digital.pdf
# digital.html`): DejaVu Serif embedded with its Unicode map. mixed.pdf: that page, then page 1 of
# scan-flate.pdf. ocrlayer.pdf: p0.png through `tesseract p0.png ocrlayer -l vie pdf` (an
# invisible GlyphLessFont layer over the scan). tcvn3.pdf: Vietnamese in an 8-bit TCVN3 font
# without a Unicode map (make_tcvn3.py).
pdfseparate -f 1 -l 1 scan-flate.pdf /tmp/sohoa-scan-p1.pdf
pdfunite digital.pdf /tmp/sohoa-scan-p1.pdf mixed.pdf
rm -f /tmp/sohoa-scan-p1.pdf
OMP_THREAD_LIMIT=1 tesseract p0.png ocrlayer -l vie pdf
python3 make_tcvn3.py
# signed.pdf: digital.pdf signed with a self-signed certificate ("UBND Phuong Dien Bien") by
# poppler's pdfsig (Debian's libnss3-tools for the NSS database):
#   openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 3650 \
#     -subj "/CN=UBND Phuong Dien Bien/O=Uy ban nhan dan phuong Dien Bien/C=VN"
#   openssl pkcs12 -export -inkey key.pem -in cert.pem -out signer.p12 -passout pass:test -name signer
#   certutil -N -d sql:nssdb --empty-password && pk12util -i signer.p12 -d sql:nssdb -W test
#   pdfsig -nssdir sql:nssdb -add-signature -nick signer -reason "Ký số kết quả" digital.pdf signed.pdf
