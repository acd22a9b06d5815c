// Command evalfields lists what the field extraction misses on development pages of the
// evaluation set (internal/evalset), the way rules for the fields are developed: every value
// missed or read wrong, with whether the truth is in sohoa's text at all (a rule can find it)
// or not (OCR lost it). Pages are read by sohoa as the tests read them (PreparePage, then the
// engine), once: their text is cached.
//
//	OMP_THREAD_LIMIT=1 go run ./cmd/evalfields -seeds 2,3 [-field names] [-family can_cuoc/b]
//
// Seeds 1 and 4 of families a to c and the held-out family d are what the tests measure the
// floors on (pipeline/classify_eval_test.go): they are not to be tuned on, so this command
// reads development seeds only, of families a to c and of the development-only families e,
// f and g (internal/evalset dev.go, devf.go, devg.go), whose layouts differ from a to c as
// d's do.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/internal/evalset"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

func main() {
	seeds := flag.String("seeds", "2,3", "development seeds of families a to c (1 and 4 are the test seeds)")
	cache := flag.String("cache", filepath.Join(os.TempDir(), "sohoa-evalfields"), "folder of the cached texts")
	field := flag.String("field", "", "show only this field's misses")
	family := flag.String("family", "", "only this layout family (\"can_cuoc/b\"), or every type's of one (\"e\")")
	showText := flag.Bool("text", false, "print the text of each page with a miss")
	fresh := flag.Bool("fresh", false, "read every page again (the cache holds the text of the OCR code that read it: reread after changing scan/ or ocr/)")
	source := flag.String("scanner", "", "only the pages of this scanner kind (\"feeder\", \"phone\" ...)")
	rounds := flag.Int("rounds", 1, "rounds of each seed: each round gives every layout the next scanner (a type's pages come from one scanner kind a round)")
	save := flag.String("save", "", "write the scanned files of the pages with a miss into this folder")
	flag.Parse()
	var pages []evalset.Page
	for _, s := range strings.Split(*seeds, ",") {
		seed, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
		if err != nil {
			log.Fatalf("seed %q: %v", s, err)
		}
		if seed == 1 || seed == 4 {
			log.Fatalf("seed %d is a test seed: the floors are measured on it, not developed on", seed)
		}
		ps, err := evalset.Pages(seed, *rounds, nil)
		if err != nil {
			log.Fatal(err)
		}
		ps = append(ps, evalset.DevPages(seed, *rounds)...) // the development-only families e, f and g
		for _, p := range ps {
			if (*family == "" || p.Family == *family || strings.HasSuffix(p.Family, "/"+*family)) && (*source == "" || p.Scanner.Source == *source) {
				pages = append(pages, p)
			}
		}
	}
	if *fresh {
		for _, p := range pages {
			_ = os.Remove(cachePath(*cache, p))
		}
	}
	texts, err := read(*cache, pages)
	if err != nil {
		log.Fatal(err)
	}
	c := classify.Default()
	type score struct{ right, wrong, missed, lost int }
	scores := map[string]*score{}
	for _, k := range evalset.FieldNames {
		scores[k] = &score{}
	}
	for i, p := range pages {
		if p.Type == "" {
			continue
		}
		wt, _ := c.Catalogue().Type(p.Type)
		got := c.Classify(texts[i])
		head := p.Name
		if got.Type != p.Type {
			head += fmt.Sprintf(" (typed %s)", got.Type)
		}
		diffs := evalset.Compare(p.Fields, evalset.FieldsRead(got, wt, texts[i]))
		folded := evalset.Norm(texts[i])
		var lines []string
		for _, k := range evalset.FieldNames {
			if *field != "" && k != *field {
				continue
			}
			d := diffs[k]
			scores[k].right += len(d.Right)
			scores[k].wrong += len(d.Wrong)
			for _, v := range d.Wrong {
				lines = append(lines, fmt.Sprintf("  %-15s WRONG   %q", k, v))
			}
			for _, v := range d.Missed {
				scores[k].missed++
				where := "in text"
				if !strings.Contains(folded, v) && !(k == "issued_on" && dateIn(folded, v)) {
					where = "absent"
					scores[k].lost++
				}
				lines = append(lines, fmt.Sprintf("  %-15s MISSED  %q (%s)", k, v, where))
			}
		}
		if len(lines) == 0 {
			continue
		}
		fmt.Println(head)
		fmt.Println(strings.Join(lines, "\n"))
		if *save != "" {
			if err := saveFile(*save, p); err != nil {
				log.Fatal(err)
			}
		}
		if *showText {
			fmt.Println("  ---\n" + indent(texts[i]) + "\n  ---")
		}
	}
	fmt.Printf("\n%d pages\n| field | right | wrong | missed (of which absent from the text) |\n|---|---|---|---|\n", len(pages))
	for _, k := range evalset.FieldNames {
		s := scores[k]
		fmt.Printf("| %s | %d | %d | %d (%d) |\n", k, s.right, s.wrong, s.missed, s.lost)
	}
}

// read returns sohoa's text of every page, from the cache or read two at a time.
func read(cache string, pages []evalset.Page) ([]string, error) {
	texts := make([]string, len(pages))
	var todo []int
	for i, p := range pages {
		b, err := os.ReadFile(cachePath(cache, p))
		if err == nil {
			texts[i] = string(b)
			continue
		}
		todo = append(todo, i)
	}
	if len(todo) == 0 {
		return texts, nil
	}
	engine, err := ocr.New(ocr.Config{Languages: []string{"vie"}, Slots: 2})
	if err != nil {
		return nil, err
	}
	defer engine.Close()
	work := make(chan int)
	errs := make(chan error, 2)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				text, err := readPage(engine, pages[i])
				if err == nil {
					texts[i] = text
					err = os.MkdirAll(filepath.Dir(cachePath(cache, pages[i])), 0o755)
				}
				if err == nil {
					err = os.WriteFile(cachePath(cache, pages[i]), []byte(text), 0o644)
				}
				if err != nil {
					errs <- fmt.Errorf("%s: %w", pages[i].Name, err)
					return
				}
			}
		}()
	}
	for _, i := range todo {
		log.Printf("reading %s", pages[i].Name)
		work <- i
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errs:
		return nil, err
	default:
		return texts, nil
	}
}

func saveFile(dir string, p evalset.Page) error {
	file, _, err := p.Files()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, p.Name), file, 0o644)
}

func readPage(engine *ocr.Engine, p evalset.Page) (string, error) {
	file, _, err := p.Files()
	if err != nil {
		return "", err
	}
	pp, err := pipeline.PreparePage(context.Background(), engine, file, 0, scan.DefaultLimits)
	if err != nil {
		return "", err
	}
	r, err := engine.Recognize(context.Background(), pp.Image, pp.DPI, ocr.Options{AsIs: true})
	if err != nil {
		return "", err
	}
	return r.Text, nil
}

// cachePath keys a page's text by its name and scanner seed, which together fix its pixels.
func cachePath(cache string, p evalset.Page) string {
	return filepath.Join(cache, fmt.Sprintf("%d-%s.txt", p.Scanner.Seed, p.Name))
}

func indent(s string) string { return "  " + strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n  ") }

// dateIn: the ISO date v is printed in folded as a person writes it, in numbers ("05/3/2024")
// or in words ("ngay 5 thang 3 nam 2024"), with or without the zeros; OCR's misreadings of
// the words make it absent.
func dateIn(folded, v string) bool {
	var y, m, d int
	if _, err := fmt.Sscanf(v, "%d-%d-%d", &y, &m, &d); err != nil {
		return false
	}
	re := regexp.MustCompile(fmt.Sprintf(`(?:^|\D)0?%d\s*(?:[/.\-]\s*0?%d\s*[/.\-]|\s+thang\s+0?%d\s*,?\s*nam)\s*%d(?:\D|$)`, d, m, m, y))
	return re.MatchString(folded)
}
