package cer

import (
	"math"
	"testing"
)

func TestRate(t *testing.T) {
	for _, c := range []struct {
		got, want string
		rate      float64
	}{
		{"abc", "abc", 0},
		{"a  b\n\nc", "a b c", 0}, // white space is layout
		{"“Độc lập – Tự do”", `"Độc lập - Tự do"`, 0}, // quotes and dashes folded
		{"Đo\u0302\u0301c", "Độc", 1.0 / 3},           // NFD read is NFC: only the wrong tone counts
		{"abd", "abc", 1.0 / 3},
		{"", "abcd", 1},
		{"x", "", 1},
		{"", "", 0},
	} {
		if got := Rate(c.got, c.want); math.Abs(got-c.rate) > 1e-9 {
			t.Errorf("Rate(%q, %q) = %v, want %v", c.got, c.want, got, c.rate)
		}
	}
}

func TestBest(t *testing.T) {
	r, i := Best("CỘNG HÒA ỦY BAN", []string{"ỦY BAN CỘNG HÒA", "CỘNG HÒA ỦY BAN"})
	if r != 0 || i != 1 {
		t.Errorf("Best = %v, %d; want 0, 1", r, i)
	}
}

func TestMarks(t *testing.T) {
	// "Việt Nam" read "Viet Nam": one marked letter of two, its mark lost.
	if e, m := Marks("Viet Nam", "Việt Nam"); e != 1 || m != 1 {
		t.Errorf("Marks = %d/%d, want 1/1", e, m)
	}
	// A wrong letter is not a mark error.
	if e, m := Marks("Viẹt Xam", "Việt Nam"); e != 1 || m != 1 {
		t.Errorf("Marks = %d/%d, want 1/1", e, m)
	}
	if e, _ := Marks("Việt Xam", "Việt Nam"); e != 0 {
		t.Errorf("a wrong bare letter counted as a mark error")
	}
	for r, want := range map[rune]rune{'ế': 'e', 'ư': 'u', 'ơ': 'o', 'ă': 'a', 'Đ': 'D', 'đ': 'd', 'ộ': 'o', 'x': 'x'} {
		if got := Strip(r); got != want {
			t.Errorf("Strip(%c) = %c, want %c", r, got, want)
		}
	}
	var c Counts
	c.Add("Viet Nam", "Việt Nam")
	c.Add("Hà Nội", "Hà Nội")
	if c.Rate() != 1.0/14 || c.MarkRate() != 1.0/3 {
		t.Errorf("Counts: rate %v mark %v", c.Rate(), c.MarkRate())
	}
}

// Counts are taken two pages at a time in the evaluations: Strip must be safe for that.
func TestStripConcurrent(t *testing.T) {
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 2000; i++ {
				if Strip('ế') != 'e' || Strip('ư') != 'u' || Strip('Đ') != 'D' || Strip('a') != 'a' {
					t.Error("Strip")
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}
