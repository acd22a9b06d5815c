// Package editdist is the Levenshtein distance on runes, shared by the classifier's fuzzy
// titles and the character error rate of benchmarks.
package editdist

// Runes is the number of single-rune insertions, deletions and substitutions that turn a into b.
func Runes(a, b []rune) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
