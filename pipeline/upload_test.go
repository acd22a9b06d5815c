package pipeline

import (
	"errors"
	"strings"
	"testing"
)

// A manifest is bounded before any object is read: too many entries or too many bytes are
// refused as a whole, and a file listed twice is checked once.
func TestManifestBounded(t *testing.T) {
	b := &Batches{MaxFile: 200 << 20, MaxBatch: 1 << 30}
	sum := strings.Repeat("a", 64)
	f := UploadFile{Dossier: "HS-1", Filename: "p.png", Size: 1000, SHA256: sum}
	out, err := b.checkManifest("D1", "b", []UploadFile{f, f, f})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Error != "" || out[1].Error == "" || out[2].Error == "" {
		t.Errorf("a file listed three times: %q %q %q", out[0].Error, out[1].Error, out[2].Error)
	}
	many := make([]UploadFile, MaxManifest+1)
	for i := range many {
		many[i] = UploadFile{Dossier: "HS-1", Filename: strings.Repeat("x", 1+i%50) + ".png", Size: 1, SHA256: sum}
	}
	var fl *Failure
	if _, err := b.checkManifest("D1", "b", many); !errors.As(err, &fl) || fl.Class != ClassTooLarge {
		t.Errorf("a manifest of %d files: %v, want too_large", len(many), err)
	}
	big := []UploadFile{{Dossier: "HS-1", Filename: "a.pdf", Size: 150 << 20, SHA256: sum}}
	for i := 0; i < 7; i++ {
		big = append(big, UploadFile{Dossier: "HS-1", Filename: strings.Repeat("b", i+1) + ".pdf", Size: 150 << 20, SHA256: sum})
	}
	if _, err := b.checkManifest("D1", "b", big); !errors.As(err, &fl) || fl.Class != ClassTooLarge {
		t.Errorf("a manifest of 1.2 GB in a 1 GB batch: %v, want too_large", err)
	}
}
