package scan

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A born-digital PDF (an e-form, a result issued from software) carries its exact text: reading
// it beats OCR in accuracy and speed. A scanned PDF may carry a text layer too, often an
// invisible OCR layer of unknown quality, or text in an 8-bit Vietnamese font (TCVN3, VNI)
// without a Unicode map, which extracts as mojibake ("Céng hßa x· héi"). The rule, in order:
//
//  1. a page drawn with Tesseract's GlyphLessFont carries an OCR layer: it is OCR'd again, so
//     every scanned page is read by one engine, at one quality;
//  2. a page with fewer than MinLayerLetters letters has no text layer worth the name (a scan,
//     perhaps with a stamp's caption): OCR;
//  3. a text layer with more than MaxLayerOdd of its characters outside the letters of
//     Vietnamese, English and French, digits, punctuation and spaces (or any U+FFFD, private-use
//     or control character among them) is in a wrong encoding: OCR;
//  4. otherwise the page is read from its text layer (`text_from: "pdf"`).
const (
	MinLayerLetters = 20
	MaxLayerOdd     = 0.03
)

// LayerWord is a word of a PDF page's text layer, its box in points from the page's top left.
type LayerWord struct {
	Text        string
	Box         [4]float64 // xMin, yMin, xMax, yMax
	Block, Line int        // poppler's blocks and lines, numbered across the page
}

// TextLayer is what a PDF page's text layer says, and whether it is to be read instead of OCR.
type TextLayer struct {
	Words             []LayerWord
	WidthPt, HeightPt float64
	Usable            bool
	Why               string // why the page is OCR'd after all ("" when usable)
}

var (
	layerPageRE  = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)"`)
	layerWordRE  = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	layerBlockRE = regexp.MustCompile(`<block `)
	layerLineRE  = regexp.MustCompile(`<line `)
)

// TextLayer reads page index's text layer with poppler (pdftotext -bbox-layout, pdffonts)
// and judges it by the rule above. Files other than PDF have none.
func (s *Source) TextLayer(ctx context.Context, index int, lim Limits) (TextLayer, error) {
	if s.format != PDF {
		return TextLayer{Why: "not a PDF"}, nil
	}
	if index < 0 || index >= s.pages {
		return TextLayer{}, refuse(Corrupt, nil, "page %d does not exist (file has %d)", index, s.pages)
	}
	fonts, err := s.fontList(ctx, lim)
	if err != nil {
		return TextLayer{}, err
	}
	// A PDF without a single font (every scanner's) has no text on any page.
	if len(strings.Split(strings.TrimSpace(fonts), "\n")) <= 2 {
		return TextLayer{Why: "no text layer (the PDF uses no font): read by OCR"}, nil
	}
	n := strconv.Itoa(index + 1)
	var tl TextLayer
	pageFonts := fonts
	err = withPDF(s.data, s.path, func(path, dir string) error {
		out := filepath.Join(dir, "layer.html")
		if _, err := poppler(ctx, lim, "pdftotext", "-f", n, "-l", n, "-bbox-layout", "-enc", "UTF-8", path, out); err != nil {
			return err
		}
		b, err := os.ReadFile(out)
		if err != nil {
			return err
		}
		tl = parseLayer(b)
		// Only a file with an OCR layer somewhere needs to know which pages carry it.
		if strings.Contains(fonts, "GlyphLessFont") {
			out, err := poppler(ctx, lim, "pdffonts", "-f", n, "-l", n, path)
			pageFonts = string(out)
			return err
		}
		return nil
	})
	if err != nil {
		return TextLayer{}, err
	}
	tl.Usable, tl.Why = judgeLayer(tl.Words, pageFonts)
	return tl, nil
}

func parseLayer(b []byte) TextLayer {
	var tl TextLayer
	if m := layerPageRE.FindSubmatch(b); m != nil {
		tl.WidthPt, _ = strconv.ParseFloat(string(m[1]), 64)
		tl.HeightPt, _ = strconv.ParseFloat(string(m[2]), 64)
	}
	block, line := -1, -1
	for _, l := range strings.Split(string(b), "\n") {
		switch {
		case layerBlockRE.MatchString(l):
			block++
		case layerLineRE.MatchString(l):
			line++
		}
		m := layerWordRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		w := LayerWord{Text: norm.NFC.String(html.UnescapeString(m[5])), Block: max(block, 0), Line: max(line, 0)}
		for i := range 4 {
			w.Box[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		if strings.TrimSpace(w.Text) != "" {
			tl.Words = append(tl.Words, w)
		}
	}
	return tl
}

// judgeLayer applies the rule of this file's comment.
func judgeLayer(words []LayerWord, fonts string) (bool, string) {
	if strings.Contains(fonts, "GlyphLessFont") {
		return false, "an OCR text layer (GlyphLessFont): read again by OCR"
	}
	letters, odd, total := 0, 0, 0
	for _, w := range words {
		for _, r := range w.Text {
			total++
			switch {
			case r == unicode.ReplacementChar || unicode.Is(unicode.Co, r) || unicode.IsControl(r):
				return false, "the text layer holds characters without a Unicode meaning: read by OCR"
			case layerLetter(r):
				letters++
			case unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune(layerPunct, r):
			default:
				odd++
			}
		}
	}
	if letters < MinLayerLetters {
		return false, "no text layer (fewer than 20 letters): read by OCR"
	}
	if float64(odd) > MaxLayerOdd*float64(total) {
		return false, "the text layer is in a wrong encoding (an 8-bit Vietnamese font without a Unicode map?): read by OCR"
	}
	return true, ""
}

// layerPunct is the punctuation of administrative documents.
const layerPunct = `!"#$%&'()*+,-./:;<=>?@[\]^_{|}~–—‘’“”…«»°§№•`

// layerLetter reports a letter of Vietnamese, English or French: a Latin base letter (or đ, œ,
// æ) with at most the marks those languages write.
func layerLetter(r rune) bool {
	d := norm.NFD.String(string(r))
	base := []rune(d)[0]
	if !(base >= 'a' && base <= 'z' || base >= 'A' && base <= 'Z' || strings.ContainsRune("đĐœŒæÆ", base)) {
		return false
	}
	for _, m := range []rune(d)[1:] {
		// grave, acute, circumflex, tilde, breve, diaeresis, hook above, horn, dot below, cedilla
		if !strings.ContainsRune("\u0300\u0301\u0302\u0303\u0306\u0308\u0309\u031b\u0323\u0327", m) {
			return false
		}
	}
	return true
}

// fontList is pdffonts' list of the whole file, read once a Source (a failed run is tried
// again): whether the file has fonts at all, and whether any is an OCR layer's.
func (s *Source) fontList(ctx context.Context, lim Limits) (string, error) {
	s.fonts.mu.Lock()
	defer s.fonts.mu.Unlock()
	if s.fonts.known {
		return s.fonts.list, nil
	}
	err := withPDF(s.data, s.path, func(path, _ string) error {
		out, err := poppler(ctx, lim, "pdffonts", path)
		s.fonts.list = string(out)
		return err
	})
	s.fonts.known = err == nil
	return s.fonts.list, err
}

// PagePDF is page index of a PDF as a PDF of its own (poppler's pdfseparate): a born-digital
// page is its own searchable copy, kept as authored.
func (s *Source) PagePDF(ctx context.Context, index int, lim Limits) ([]byte, error) {
	if s.format != PDF || index < 0 || index >= s.pages {
		return nil, refuse(Unsupported, nil, "page %d is not a page of a PDF", index)
	}
	n := strconv.Itoa(index + 1)
	var out []byte
	err := withPDF(s.data, s.path, func(path, dir string) error {
		dst := filepath.Join(dir, "page.pdf")
		if _, err := poppler(ctx, lim, "pdfseparate", "-f", n, "-l", n, path, dst); err != nil {
			return err
		}
		var err error
		out, err = os.ReadFile(dst)
		return err
	})
	return out, err
}
