package synth

import (
	"strings"

	"github.com/sohoa/sohoa/internal/editdist"
)

// CER is the character error rate of got against the ground truth want: edit distance over
// the length of want, on runes, with white space folded (line breaks are layout, not text).
func CER(got, want string) float64 {
	a := []rune(strings.Join(strings.Fields(got), " "))
	b := []rune(strings.Join(strings.Fields(want), " "))
	if len(b) == 0 {
		return 0
	}
	return float64(editdist.Runes(a, b)) / float64(len(b))
}
