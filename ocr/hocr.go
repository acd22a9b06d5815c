package ocr

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// parseHOCR reads words, lines and blocks from Tesseract's hOCR output, so one recognition
// gives text, boxes and confidences (asking gosseract for text and then boxes recognises twice).
func parseHOCR(h string) (*Result, error) {
	dec := xml.NewDecoder(strings.NewReader(h))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	r := &Result{}
	var (
		text      strings.Builder
		lineWords []string
		lineNo    = -1
		inWord    bool
		word      Word
		wordText  strings.Builder
		depth     []string // class of each open element
		blockOpen bool
		blockNo   = -1
	)
	flushLine := func() {
		if len(lineWords) > 0 {
			text.WriteString(strings.Join(lineWords, " "))
			text.WriteByte('\n')
			lineWords = lineWords[:0]
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			class, title := "", ""
			for _, a := range t.Attr {
				switch a.Name.Local {
				case "class":
					class = a.Value
				case "title":
					title = a.Value
				}
			}
			depth = append(depth, class)
			switch class {
			case "ocr_carea":
				flushLine()
				if blockOpen && text.Len() > 0 {
					text.WriteByte('\n')
				}
				blockOpen = true
				blockNo++
			case "ocr_line", "ocr_caption", "ocr_textfloat", "ocr_header":
				flushLine()
				lineNo++
			case "ocrx_word":
				inWord = true
				wordText.Reset()
				word = Word{Line: lineNo, Block: max(blockNo, 0)}
				parseTitle(title, &word)
			}
		case xml.EndElement:
			if len(depth) == 0 {
				continue
			}
			class := depth[len(depth)-1]
			depth = depth[:len(depth)-1]
			if class == "ocrx_word" {
				inWord = false
				word.Text = norm.NFC.String(strings.TrimSpace(wordText.String()))
				if word.Text != "" {
					r.Words = append(r.Words, word)
					lineWords = append(lineWords, word.Text)
				}
			}
		case xml.CharData:
			if inWord {
				wordText.Write(t)
			}
		}
	}
	flushLine()
	r.EngineText = strings.TrimRight(text.String(), "\n")
	r.Text = readingOrder(r.Words)
	if n := len(r.Words); n > 0 {
		var sum float64
		low := 0
		for _, w := range r.Words {
			sum += w.Confidence
			if w.Confidence < LowConfidence {
				low++
			}
		}
		r.MeanConfidence = sum / float64(n)
		r.LowConfidenceShare = float64(low) / float64(n)
	}
	return r, nil
}

// parseTitle reads "bbox 1 2 3 4; x_wconf 96".
func parseTitle(title string, w *Word) {
	for _, part := range strings.Split(title, ";") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		switch f[0] {
		case "bbox":
			if len(f) == 5 {
				for i := 0; i < 4; i++ {
					w.Box[i], _ = strconv.Atoi(f[i+1])
				}
			}
		case "x_wconf":
			if len(f) == 2 {
				w.Confidence, _ = strconv.ParseFloat(f[1], 64)
			}
		}
	}
}
