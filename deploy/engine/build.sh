#!/usr/bin/env bash
# Builds the optimised Tesseract engine (`make engine`): Debian 12's own libtesseract 5.3.0
# source package, configured as Debian configures it, plus -DTESSERACT_IMAGEDATA_AS_PIX, which
# keeps each text line's image as a Leptonica Pix instead of an in-memory PNG (the stock build
# encodes and decodes a PNG for every line it recognises). Installed under its own prefix
# (SOHOA_ENGINE_PREFIX, default /opt/sohoa/tesseract); sohoa links against it when built with
# PKG_CONFIG_PATH=$prefix/lib/pkgconfig and an rpath to $prefix/lib (deploy/engine/env.sh).
#
# Idempotent: the sources are kept in SOHOA_ENGINE_SRC (default /var/cache/sohoa/src) and
# checked against the sums of Debian's tesseract_5.3.0-2.dsc; a finished install is reused.
set -euo pipefail

PREFIX=${SOHOA_ENGINE_PREFIX:-/opt/sohoa/tesseract}
SRC=${SOHOA_ENGINE_SRC:-/var/cache/sohoa/src}
MIRROR=${SOHOA_DEBIAN_MIRROR:-http://deb.debian.org/debian}
VERSION=5.3.0
DEBIAN_REV=2
STAMP="$PREFIX/.sohoa-engine-$VERSION-$DEBIAN_REV"

say() { printf '\033[1m[engine]\033[0m %s\n' "$*"; }

if [[ -f $STAMP && -f $PREFIX/lib/pkgconfig/tesseract.pc ]]; then
	say "already built: $PREFIX ($(cat "$STAMP"))"
	exit 0
fi

# Build tools and the stock library's dependencies (the headers and the data it reads).
need=()
for p in autoconf automake libtool autoconf-archive pkg-config g++ make curl xz-utils \
	libleptonica-dev libarchive-dev libcurl4-openssl-dev tesseract-ocr-vie tesseract-ocr-eng; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if ((${#need[@]})); then
	say "installing ${need[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# Debian's source package: the upstream tarball and Debian's packaging, as pinned by the .dsc.
mkdir -p "$SRC"
declare -A SUM=(
	[tesseract_5.3.0.orig.tar.gz]=7e70870f8341e5ea228af2836ce79a36eefa11b01b56177b4a8997f330c014b8
	[tesseract_5.3.0-2.debian.tar.xz]=25f7cc88884a1873a2f8f6ea9175655f99b0613e8b6cf612d9a9cf6ebd120fe5
)
for f in "${!SUM[@]}"; do
	if ! echo "${SUM[$f]}  $SRC/$f" | sha256sum -c --quiet - 2>/dev/null; then
		say "downloading $f"
		curl -fsSL -o "$SRC/$f.part" "$MIRROR/pool/main/t/tesseract/$f"
		echo "${SUM[$f]}  $SRC/$f.part" | sha256sum -c --quiet -
		mv "$SRC/$f.part" "$SRC/$f"
	fi
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
tar -xzf "$SRC/tesseract_5.3.0.orig.tar.gz" -C "$WORK"
cd "$WORK/tesseract-$VERSION"
tar -xJf "$SRC/tesseract_5.3.0-2.debian.tar.xz"
# Debian's quilt series (helptext only on amd64; the other entries are commented out there).
while read -r patch; do
	[[ -z $patch || $patch == \#* ]] && continue
	patch -p1 -s <"debian/patches/$patch"
done <debian/patches/series

# Debian's flags (debian/rules: dpkg-buildflags with hardening=+all, -Wall -g -fPIC, the data
# directory of tesseract-ocr-*), so that only the image-data change differs from the stock
# library: the same compiler and flags give the same floating point, hence the same text.
CFLAGS="$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get CFLAGS) -Wall -g -fPIC"
CFLAGS+=" -DTESSDATA_PREFIX='\"/usr/share/tesseract-ocr/5\"' -DTESSERACT_IMAGEDATA_AS_PIX"
LDFLAGS="$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get LDFLAGS)"

say "configuring (prefix $PREFIX)"
./autogen.sh >/dev/null 2>&1
./configure --disable-tessdata-prefix --prefix="$PREFIX" --disable-doc \
	CXXFLAGS="$CFLAGS" LDFLAGS="-llept -Wl,-z,defs $LDFLAGS" >"$WORK/configure.log" 2>&1 ||
	{ tail -30 "$WORK/configure.log"; exit 1; }
say "building with $(nproc) jobs (about 10 minutes on 2 cores)"
make -j"$(nproc)" >"$WORK/make.log" 2>&1 || { tail -30 "$WORK/make.log"; exit 1; }
make install >"$WORK/install.log" 2>&1 || { tail -30 "$WORK/install.log"; exit 1; }
# The CLI of the same build, for the side-by-side benchmark.
"$PREFIX/bin/tesseract" --version 2>&1 | head -1
echo "tesseract $VERSION-$DEBIAN_REV -DTESSERACT_IMAGEDATA_AS_PIX $(date -u +%F)" >"$STAMP"
say "installed in $PREFIX; build sohoa against it with: source deploy/engine/env.sh"
