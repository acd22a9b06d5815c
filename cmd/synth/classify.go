package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/sohoa/sohoa/internal/synth"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

// labelled is one OCR'd page with its true type, as the classifier sees documents.
type labelled struct {
	Type    string `json:"type"`
	Variant string `json:"variant"`
	Text    string `json:"text"`
}

type variant struct {
	name string
	opts synth.Options
}

// writeClassifySets renders pages of every catalogue type and of pages outside it, reads them
// through the same preparation and OCR as the pipeline, and writes the training seed
// (classify/seed.jsonl) and the separate evaluation set (testdata/classify/eval.jsonl): other
// people, other authorities, other seeds.
func writeClassifySets(seedPath, evalPath string) error {
	eng, err := ocr.New(ocr.Config{Slots: 2})
	if err != nil {
		return err
	}
	defer eng.Close()
	trainPeople := []synth.Person{
		{Name: "Phạm Minh Tuấn", Born: "14/02/1988", CitizenID: "001088004321", Address: "Số 3 phố Tràng Tiền, phường Tràng Tiền, quận Hoàn Kiếm, Hà Nội", Child: "Phạm Gia Bảo", Spouse: "Ngô Thị Lan", Company: "Công ty TNHH Dịch vụ Hoàn Kiếm"},
		{Name: "Đặng Thu Hà", Born: "30/06/1995", CitizenID: "031195007788", Address: "Số 21 đường Lạch Tray, phường Lạch Tray, quận Ngô Quyền, Hải Phòng", Child: "Bùi Minh Châu", Spouse: "Bùi Quang Huy", Company: "Công ty Cổ phần Cảng biển Lạch Tray"},
	}
	trainAuth := []synth.Authority{
		{Name: "ỦY BAN NHÂN DÂN PHƯỜNG TRÀNG TIỀN", Parent: "QUẬN HOÀN KIẾM", Place: "Hà Nội", Number: "88/QĐ-UBND", IssuedOn: "ngày 12 tháng 3 năm 2024"},
		{Name: "ỦY BAN NHÂN DÂN PHƯỜNG LẠCH TRAY", Parent: "QUẬN NGÔ QUYỀN", Place: "Hải Phòng", Number: "305/QĐ-UBND", IssuedOn: "ngày 19 tháng 9 năm 2025"},
	}
	evalPeople := []synth.Person{
		{Name: "Võ Thanh Sơn", Born: "08/08/1980", CitizenID: "048080009911", Address: "Số 77 đường Bạch Đằng, phường Hải Châu 1, quận Hải Châu, Đà Nẵng", Child: "Võ Ngọc Anh", Spouse: "Lý Thị Mỹ", Company: "Công ty TNHH Du lịch Sông Hàn"},
		{Name: "Nguyễn Thị Kim Oanh", Born: "21/12/1991", CitizenID: "092191003344", Address: "Số 5 đường Hòa Bình, phường Tân An, quận Ninh Kiều, Cần Thơ", Child: "Trương Gia Hân", Spouse: "Trương Văn Phúc", Company: "Hợp tác xã Thủy sản Ninh Kiều"},
	}
	evalAuth := []synth.Authority{
		{Name: "ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU 1", Parent: "QUẬN HẢI CHÂU", Place: "Đà Nẵng", Number: "412/QĐ-UBND", IssuedOn: "ngày 07 tháng 5 năm 2025"},
		{Name: "ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN", Parent: "QUẬN NINH KIỀU", Place: "Cần Thơ", Number: "56/QĐ-UBND", IssuedOn: "ngày 25 tháng 12 năm 2024"},
	}
	train := []variant{
		{"clean", synth.Options{Skew: 1.5, Noise: 0.001, Blur: 0.5}},
		{"noisy", synth.Options{Skew: -2.5, Noise: 0.006, Blur: 1.0}},
		{"partial", synth.Options{Skew: 0.8, Noise: 0.002, Blur: 0.6, CropTop: 0.4}},
		{"turned", synth.Options{Skew: -4, Turn: 90, Noise: 0.002, Blur: 0.7}},
	}
	eval := []variant{
		{"clean", synth.Options{Skew: -1.2, Noise: 0.0015, Blur: 0.6}},
		{"noisy", synth.Options{Skew: 3.5, Noise: 0.01, Blur: 1.2}},
		{"partial", synth.Options{Skew: -0.6, Noise: 0.002, Blur: 0.5, CropTop: 0.45}},
		{"turned", synth.Options{Skew: 2.2, Turn: 180, Noise: 0.002, Blur: 0.7}},
	}
	if err := writeSet(eng, seedPath, trainPeople, trainAuth, train, 100); err != nil {
		return err
	}
	return writeSet(eng, evalPath, evalPeople, evalAuth, eval, 200)
}

func writeSet(eng *ocr.Engine, path string, people []synth.Person, auth []synth.Authority, variants []variant, seed uint64) error {
	type job struct {
		kind, label string
		v           variant
		i           int
	}
	var jobs []job
	for _, k := range synth.Kinds() {
		for _, v := range variants {
			jobs = append(jobs, job{kind: k, label: k, v: v})
		}
	}
	for _, k := range synth.Others() {
		for _, v := range variants[:2] {
			jobs = append(jobs, job{kind: k, label: "unknown", v: v})
		}
	}
	out := make([]labelled, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i := range jobs {
		jobs[i].i = i
		wg.Add(1)
		go func(j job) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			p, err := synth.Document(j.kind, people[j.i%len(people)], auth[j.i%len(auth)])
			if err != nil {
				errs[j.i] = err
				return
			}
			o := j.v.opts
			o.Seed = seed + uint64(j.i)
			g, err := synth.Render(p, o)
			if err != nil {
				errs[j.i] = err
				return
			}
			pp, err := pipeline.PreparePage(context.Background(), eng, encode(g), 0, scan.DefaultLimits)
			if err != nil {
				errs[j.i] = err
				return
			}
			r, err := eng.Recognize(context.Background(), pp.Image, pp.DPI, ocr.Options{AsIs: true})
			if err != nil {
				errs[j.i] = err
				return
			}
			out[j.i] = labelled{Type: j.label, Variant: j.v.name + ":" + j.kind, Text: r.Text}
		}(jobs[i])
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, l := range out {
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "%s: %d pages\n", path, len(out))
	return nil
}
