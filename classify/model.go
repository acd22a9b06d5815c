package classify

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"math"
	"sort"
	"strings"
	"unicode"
)

// Label is a document's text with its confirmed type: the seed set built into the binary, and
// every correction made in review.
type Label struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

//go:embed seed.jsonl
var seedJSONL []byte

// SeedLabels is the built-in training set: OCR text of generated pages of every type and of
// foreign-language pages (type unknown), written by `go run ./cmd/synth -classify`. It is kept
// apart from the evaluation set in testdata/classify.
func SeedLabels() []Label {
	var out []Label
	sc := bufio.NewScanner(bytes.NewReader(seedJSONL))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var l Label
		if json.Unmarshal(sc.Bytes(), &l) == nil && l.Type != "" {
			out = append(out, l)
		}
	}
	return out
}

// Model is a multinomial naive Bayes model over word unigrams and bigrams of folded text.
type Model struct {
	Version int                  `json:"version"`
	Labels  int                  `json:"labels"`
	Classes []string             `json:"classes"`
	Prior   map[string]float64   `json:"prior"`  // log P(class)
	LogP    map[string][]float64 `json:"logp"`   // per class, log P(feature | class), by Vocab index
	Unseen  map[string]float64   `json:"unseen"` // per class, log P of a feature never seen with it
	Vocab   map[string]int       `json:"vocab"`
}

// features are the words (letters and digits, two or more) and word pairs of folded text.
func features(folded string) []string {
	words := strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := make([]string, 0, 2*len(words))
	prev := ""
	for _, w := range words {
		if len([]rune(w)) < 2 {
			prev = ""
			continue
		}
		out = append(out, w)
		if prev != "" {
			out = append(out, prev+"_"+w)
		}
		prev = w
	}
	return out
}

// Train fits a model to labels with add-one smoothing.
func Train(labels []Label, version int) (*Model, error) {
	if len(labels) == 0 {
		return nil, errors.New("classify: no labels to train on")
	}
	counts := map[string]map[string]float64{}
	docs := map[string]int{}
	vocab := map[string]int{}
	for _, l := range labels {
		if counts[l.Type] == nil {
			counts[l.Type] = map[string]float64{}
		}
		docs[l.Type]++
		for _, f := range features(Fold(l.Text)) {
			counts[l.Type][f]++
			if _, ok := vocab[f]; !ok {
				vocab[f] = len(vocab)
			}
		}
	}
	m := &Model{Version: version, Labels: len(labels), Prior: map[string]float64{}, LogP: map[string][]float64{},
		Unseen: map[string]float64{}, Vocab: vocab}
	for c := range counts {
		m.Classes = append(m.Classes, c)
	}
	sort.Strings(m.Classes)
	v := float64(len(vocab))
	for _, c := range m.Classes {
		total := 0.0
		for _, n := range counts[c] {
			total += n
		}
		m.Prior[c] = math.Log(float64(docs[c]) / float64(len(labels)))
		lp := make([]float64, len(vocab))
		denom := math.Log(total + v)
		for f, i := range vocab {
			lp[i] = math.Log(counts[c][f]+1) - denom
		}
		m.LogP[c] = lp
		m.Unseen[c] = -denom
	}
	return m, nil
}

// Prob is a class with its posterior probability.
type Prob struct {
	Type string
	P    float64
}

// Predict returns the classes by posterior probability, best first. Features never seen in
// training are ignored. Naive Bayes is overconfident on long texts, so the log-likelihood is
// tempered by the number of features before the softmax.
func (m *Model) Predict(folded string) []Prob {
	fs := features(folded)
	n := 0
	score := map[string]float64{}
	for _, c := range m.Classes {
		score[c] = 0
	}
	for _, f := range fs {
		i, ok := m.Vocab[f]
		if !ok {
			continue
		}
		n++
		for _, c := range m.Classes {
			score[c] += m.LogP[c][i]
		}
	}
	if n == 0 {
		return nil
	}
	temper := 1 + float64(n)/25
	best := math.Inf(-1)
	for _, c := range m.Classes {
		score[c] = m.Prior[c] + score[c]/temper
		best = max(best, score[c])
	}
	var sum float64
	out := make([]Prob, 0, len(m.Classes))
	for _, c := range m.Classes {
		p := math.Exp(score[c] - best)
		sum += p
		out = append(out, Prob{Type: c, P: p})
	}
	for i := range out {
		out[i].P /= sum
	}
	sort.Slice(out, func(i, j int) bool { return out[i].P > out[j].P })
	return out
}
