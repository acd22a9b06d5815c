package ocr

import (
	"context"
	"errors"
	"image"
	"image/color"
	"testing"
)

// Language strings a desk key sends are made canonical and the instances they load bounded:
// 28 batches with different "lang" values once grew a worker from 174 to 920 MB.
func TestLanguageSetsBounded(t *testing.T) {
	e, err := New(Config{Languages: []string{"vie", "vie"}, Slots: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if e.Languages() != "vie" {
		t.Errorf("configured %q, want vie", e.Languages())
	}
	for in, want := range map[string]string{"vie+vie": "vie", "osd+vie": "vie", "eng+vie+eng": "eng+vie", " fra ": "fra"} {
		if got, err := CanonicalLanguages(in); got != want || err != nil {
			t.Errorf("CanonicalLanguages(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "osd", "+", "xyz", "vie+eng+fra+deu+ita+spa+por"} {
		if _, err := CanonicalLanguages(bad); !errors.Is(err, ErrLanguage) {
			t.Errorf("CanonicalLanguages(%q): %v, want ErrLanguage", bad, err)
		}
	}
	g := image.NewGray(image.Rect(0, 0, 200, 80))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	g.SetGray(10, 10, color.Gray{})
	ctx := context.Background()
	for _, langs := range []string{"eng", "vie+vie", "osd+vie", "fra", "eng+fra", "vie+fra", "deu", "ita", "spa+eng", "por", "vie+eng"} {
		r, err := e.Recognize(ctx, g, 300, Options{Languages: langs, AsIs: true})
		if err != nil {
			t.Fatalf("%s: %v", langs, err)
		}
		if n := e.loaded(); n > MaxLanguageSets {
			t.Fatalf("after %s (read as %s): %d instances loaded, at most %d", langs, r.Languages, n, MaxLanguageSets)
		}
	}
	// The configured set stays loaded however many others came and went.
	if _, ok := e.all[0].langs["vie"]; !ok {
		t.Error("the configured language set was freed")
	}
}

// loaded is how many Tesseract instances the slots hold.
func (e *Engine) loaded() int {
	n := 0
	for _, s := range e.all {
		n += len(s.langs)
	}
	return n
}
