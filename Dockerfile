# Multi-stage build of the one sohoa binary. cgo links Tesseract and Leptonica (the OCR, OSD and
# TIFF bindings), so the build stage has their -dev packages and the runtime stage the same
# Tesseract 5.3 from Debian 12 with the Vietnamese, English, French and orientation models, and
# poppler-utils (scanned PDFs are read and page PDFs joined by its tools).
FROM golang:1.26.11-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libtesseract-dev libleptonica-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags="-s -w" -o /out/sohoa ./cmd/sohoa

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-osd ca-certificates \
      poppler-utils \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 sohoa
COPY --from=build /out/sohoa /usr/local/bin/sohoa
COPY testdata/demo /usr/share/sohoa/demo
# Tesseract's OpenMP reads this when the library loads: one thread per OCR slot, or OCR on a
# small machine runs several times slower.
ENV OMP_THREAD_LIMIT=1 \
    SOHOA_HTTP_ADDR=0.0.0.0:8080
USER sohoa
EXPOSE 8080
ENTRYPOINT ["sohoa"]
CMD ["serve"]
