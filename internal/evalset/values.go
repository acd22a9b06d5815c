package evalset

import (
	"encoding/json"
	"strings"

	"github.com/sohoa/sohoa/classify"
)

// Values are a page's fields (Fields, or the classifier's classify.Fields) by their JSON name,
// each value normalised as the evaluation compares them (Norm): the tests and the field
// rules' development tool (cmd/evalfields) score the same way.
func Values(f any) map[string][]string {
	b, _ := json.Marshal(f)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	out := map[string][]string{}
	for k, v := range m {
		switch v := v.(type) {
		case string:
			out[k] = []string{Norm(v)}
		case []any:
			for _, x := range v {
				if s, ok := x.(string); ok {
					out[k] = append(out[k], Norm(s))
				}
			}
		}
	}
	return out
}

// Norm folds s as the classifier reads text (classify.Fold: lower case, no diacritics) with
// runs of spaces made one.
func Norm(s string) string { return strings.Join(strings.Fields(classify.Fold(s)), " ") }
