package evalset

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/pipeline"
)

// FieldNames are the fields the evaluation scores, in the order its reports list them.
var FieldNames = []string{"number", "issued_on", "authority", "citizen_ids", "names", "parcel", "map_sheet", "enterprise_code", "book", "dossier_code"}

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

// FieldsRead are the fields of the type a page is (what a desk reads off it), from got, its
// classification: the classifier's own when it typed the page right, else the rules of the
// right type t on its text.
func FieldsRead(got pipeline.Classification, t classify.Type, text string) classify.Fields {
	if got.Type != t.Code {
		return classify.ExtractFor(t, text)
	}
	var f classify.Fields
	_ = json.Unmarshal(got.Fields, &f)
	return f
}

// FieldDiff is one field of a page compared with its truth, each list sorted: the values read
// right, those read that the truth does not hold, and those of the truth not read.
type FieldDiff struct{ Right, Wrong, Missed []string }

// Compare compares a page's truth with the fields read, for each of FieldNames.
func Compare(truth Fields, read classify.Fields) map[string]FieldDiff {
	want, have := Values(truth), Values(read)
	out := make(map[string]FieldDiff, len(FieldNames))
	for _, k := range FieldNames {
		var d FieldDiff
		for _, v := range dedup(have[k]) {
			if slices.Contains(want[k], v) {
				d.Right = append(d.Right, v)
			} else {
				d.Wrong = append(d.Wrong, v)
			}
		}
		for _, v := range dedup(want[k]) {
			if !slices.Contains(have[k], v) {
				d.Missed = append(d.Missed, v)
			}
		}
		out[k] = d
	}
	return out
}

// dedup is vs sorted, each value once (a name read twice counts once, as a set).
func dedup(vs []string) []string { return slices.Compact(slices.Sorted(slices.Values(vs))) }
