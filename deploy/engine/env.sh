# Source this to build sohoa against the optimised engine of deploy/engine/build.sh:
#   . deploy/engine/env.sh && go build -o bin/sohoa ./cmd/sohoa
# pkg-config then finds that build's tesseract.pc first, and the rpath makes the binary load
# that libtesseract at run time instead of the system's (ldd bin/sohoa shows which).
SOHOA_ENGINE_PREFIX=${SOHOA_ENGINE_PREFIX:-/opt/sohoa/tesseract}
export PKG_CONFIG_PATH="$SOHOA_ENGINE_PREFIX/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export CGO_LDFLAGS="-Wl,-rpath,$SOHOA_ENGINE_PREFIX/lib${CGO_LDFLAGS:+ $CGO_LDFLAGS}"
