# Multi-stage build of the one sohoa binary. cgo links Tesseract and Leptonica (the OCR, OSD and
# TIFF bindings), so the build stage has their -dev packages and the runtime stage the same
# Tesseract 5.3 from Debian 12 with the Vietnamese, English, French and orientation models, and
# poppler-utils (scanned PDFs are read and page PDFs joined by its tools).
#
# --build-arg ENGINE=pix links the optimised engine instead (deploy/engine/build.sh: Debian's
# own libtesseract 5.3.0 source with -DTESSERACT_IMAGEDATA_AS_PIX, same text, faster), built in
# a stage of its own and shipped under /opt/sohoa/tesseract; the default, stock, is Debian's.
ARG ENGINE=stock

FROM golang:1.26.11-bookworm AS base
RUN apt-get update && apt-get install -y --no-install-recommends libtesseract-dev libleptonica-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*

FROM base AS engine-stock
RUN mkdir -p /opt/sohoa/tesseract/lib

FROM base AS engine-pix
COPY deploy/engine/build.sh /tmp/engine-build.sh
RUN bash /tmp/engine-build.sh && rm -rf /var/lib/apt/lists/* /var/cache/sohoa/src

FROM engine-${ENGINE} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# With the optimised engine, pkg-config finds its tesseract.pc and the binary gets an rpath to it.
RUN if [ -f /opt/sohoa/tesseract/lib/pkgconfig/tesseract.pc ]; then . deploy/engine/env.sh; fi \
    && CGO_ENABLED=1 go build -trimpath -ldflags="-s -w" -o /out/sohoa ./cmd/sohoa

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-osd ca-certificates \
      poppler-utils \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 sohoa
COPY --from=build /out/sohoa /usr/local/bin/sohoa
# Empty with the stock engine; the optimised libtesseract (and its CLI) with ENGINE=pix.
COPY --from=build /opt/sohoa/tesseract /opt/sohoa/tesseract
COPY testdata/demo /usr/share/sohoa/demo
# Tesseract's OpenMP reads this when the library loads: one thread per OCR slot, or OCR on a
# small machine runs several times slower.
ENV OMP_THREAD_LIMIT=1 \
    SOHOA_HTTP_ADDR=0.0.0.0:8080
USER sohoa
EXPOSE 8080
ENTRYPOINT ["sohoa"]
CMD ["serve"]
