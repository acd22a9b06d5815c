package evalset

import "testing"

func BenchmarkFiles(b *testing.B) {
	pages, err := Pages(1, 1, nil)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		for _, p := range pages[:12] {
			if _, _, err := p.Files(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
