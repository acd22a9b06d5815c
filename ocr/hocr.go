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
				raw := norm.NFC.String(strings.TrimSpace(wordText.String()))
				word.Text = repairWord(raw)
				if word.Text != "" {
					r.Words = append(r.Words, word)
					lineWords = append(lineWords, raw) // the engine's own text stays the CLI's
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

// repairWord mends what the recogniser makes of Vietnamese letters and no Vietnamese text
// holds: the Icelandic eth (Ð, ð), which Tesseract's vie model emits beside or instead of Đ
// ("HĐCN" read "HĐÐĐCN"). A run of Đ and Ð with an eth in it is one Đ.
func repairWord(w string) string {
	if !strings.ContainsAny(w, "Ðð") {
		return w
	}
	var b strings.Builder
	r := []rune(w)
	for i := 0; i < len(r); i++ {
		upper := r[i] == 'Đ' || r[i] == 'Ð'
		lower := r[i] == 'đ' || r[i] == 'ð'
		if !upper && !lower {
			b.WriteRune(r[i])
			continue
		}
		j, eth := i, false
		for j < len(r) && (r[j] == 'Đ' || r[j] == 'Ð' || r[j] == 'đ' || r[j] == 'ð') {
			eth = eth || r[j] == 'Ð' || r[j] == 'ð'
			j++
		}
		if !eth {
			b.WriteString(string(r[i:j])) // "ĐĐ" as read, no eth in it
		} else if upper {
			b.WriteRune('Đ')
		} else {
			b.WriteRune('đ')
		}
		i = j - 1
	}
	return b.String()
}
