package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/report"
	"github.com/sohoa/sohoa/storage/postgres"
)

// readCSV reads a CSV file with a header line into maps keyed by column name.
func readCSV(path string, need ...string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for i := range head {
		head[i] = strings.TrimSpace(strings.TrimPrefix(head[i], "\ufeff"))
	}
	for _, n := range need {
		found := false
		for _, h := range head {
			found = found || h == n
		}
		if !found {
			return nil, fmt.Errorf("%s: column %q is missing (have %s)", path, n, strings.Join(head, ","))
		}
	}
	var out []map[string]string
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", path, line, err)
		}
		m := map[string]string{}
		for i, v := range rec {
			if i < len(head) {
				m[head[i]] = strings.TrimSpace(v)
			}
		}
		out = append(out, m)
	}
}

// importUnits reads code,name,name_en,level,parent rows (districts, communes, ministries...).
func importUnits(ctx context.Context, db *postgres.DB, path string, out io.Writer) error {
	rows, err := readCSV(path, "code", "name", "level", "parent")
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := db.UpsertUnit(ctx, pipeline.Unit{Code: r["code"], Name: r["name"], NameEN: r["name_en"], Level: r["level"], Parent: r["parent"]}); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "%d units imported\n", len(rows))
	return nil
}

// importDesks reads code,name,unit[,languages,split,dossier_pattern,separator_code] rows.
func importDesks(ctx context.Context, db *postgres.DB, path string, out io.Writer) error {
	rows, err := readCSV(path, "code", "name", "unit")
	if err != nil {
		return err
	}
	for _, r := range rows {
		d := pipeline.Desk{Code: r["code"], Name: r["name"], Unit: r["unit"], Languages: r["languages"], Kind: pipeline.Locality,
			Split: r["split"], DossierPattern: r["dossier_pattern"], Separator: r["separator_code"]}
		if err := d.CheckSplit(); err != nil {
			return fmt.Errorf("desk %s: %w", d.Code, err)
		}
		if err := db.UpsertDesk(ctx, d); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "%d desks imported\n", len(rows))
	return nil
}

// importDossiers reads the register: desk,code,procedure,received_on[,result_issued_on].
func importDossiers(ctx context.Context, db *postgres.DB, path string, out io.Writer) error {
	rows, err := readCSV(path, "desk", "code", "received_on")
	if err != nil {
		return err
	}
	recs := make([]pipeline.DossierRecord, 0, len(rows))
	for i, r := range rows {
		rec, err := dossierRecord(r)
		if err != nil {
			return fmt.Errorf("%s line %d: %w", path, i+2, err)
		}
		recs = append(recs, rec)
	}
	for len(recs) > 0 { // in chunks: one transaction each
		n := min(len(recs), 1000)
		if err := db.RegisterDossiers(ctx, recs[:n]); err != nil {
			return err
		}
		recs = recs[n:]
	}
	fmt.Fprintf(out, "%d dossiers registered\n", len(rows))
	return nil
}

func dossierRecord(r map[string]string) (pipeline.DossierRecord, error) {
	rec := pipeline.DossierRecord{Desk: r["desk"], Code: r["code"], Procedure: r["procedure"]}
	t, err := time.Parse(time.DateOnly, r["received_on"])
	if err != nil {
		return rec, fmt.Errorf("received_on %q: want YYYY-MM-DD", r["received_on"])
	}
	rec.ReceivedOn = t
	if s := r["result_issued_on"]; s != "" {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return rec, fmt.Errorf("result_issued_on %q: want YYYY-MM-DD", s)
		}
		rec.ResultIssuedOn = &t
	}
	if rec.Desk == "" || rec.Code == "" {
		return rec, errors.New("desk and code are required")
	}
	return rec, nil
}

// reportCmd prints coverage: sohoa report [-level province] [-from 2026-01-01] [-to 2026-10-01]
// [-within P11] [-compare] [-format table|csv|json].
func reportCmd(ctx context.Context, db *postgres.DB, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	level := fs.String("level", "desk", "desk, district, province, ministry or national")
	from := fs.String("from", "", "first day, YYYY-MM-DD (default: 1 January this year)")
	to := fs.String("to", "", "day after the last, YYYY-MM-DD (default: tomorrow)")
	within := fs.String("within", "", "only inside this unit (province, district or ministry code)")
	compare := fs.Bool("compare", false, "compare with the same period a year earlier")
	format := fs.String("format", "table", "table, csv or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	v := map[string][]string{"level": {*level}, "from": {*from}, "to": {*to}, "within": {*within}}
	if *compare {
		v["compare"] = []string{"prev_year"}
	}
	q, err := report.ParseQuery(v, time.Now())
	if err != nil {
		return err
	}
	rows, err := db.Coverage(ctx, q)
	if err != nil {
		return err
	}
	switch *format {
	case "csv":
		return report.CSV(out, rows)
	case "json":
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	return report.Table(out, q, rows)
}
