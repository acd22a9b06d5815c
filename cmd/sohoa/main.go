// Command sohoa digitizes the scanned dossiers of one-stop desks: it serves the API, runs the
// pipeline workers, applies migrations, runs a demo batch end to end and inspects local files.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"
)

const usage = `sohoa: digitize one-stop desk dossiers

Usage: sohoa <command> [flags]

Commands:
  migrate   apply database migrations and create the bucket
  serve     run the HTTP API
  worker    run the pipeline stages (needs OMP_THREAD_LIMIT=1 in the environment)
  demo      run the demo batch from testdata/demo end to end and print coverage
  inspect   prepare, OCR and classify local files with no service running
  classify train
            retrain the classifier from the seed and every label confirmed in review
  report    print coverage by desk, district, province, ministry or nation for a period
  users add NAME -role admin|staff|clerk|reviewer [-desk CODE]
            create an operator, or change one's password or role (password from SOHOA_PASSWORD
            or standard input); their sessions end
  users list | users remove NAME | users logout NAME
            list operators, remove one, end every session of one
  upload --server URL --key K [--batch NAME] DIR
            send a desk's scans (one subfolder per dossier), resumable, and wait for the results
  keys create -desk CODE [-name N]
            create a desk's API key (printed once)
  keys list [-desk CODE] | keys revoke ID | keys revoke -desk CODE
            list keys by id (never the keys), revoke one, or every key of a desk
  retry     send failed pages again in bulk: -desk, -batch, -stage, -class transient, -since
  seed      fill an empty database with a synthetic country (11,956 desks, 10 million dossiers)
  units import FILE    import units (code,name,name_en,level,parent): districts, communes...
  desks import FILE    import desks (code,name,unit[,languages])
  dossiers import FILE import the register (desk,code,procedure,received_on[,result_issued_on])

Configuration comes from SOHOA_* environment variables; flags override them.
Run 'sohoa <command> -h' for a command's flags.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1], os.Args[2:]); err != nil {
		if errors.Is(err, flag.ErrHelp) { // asking for help is not a failure: usage was printed
			return
		}
		fmt.Fprintln(os.Stderr, "sohoa:", err)
		os.Exit(1)
	}
}

// wantsHelp reports a -h among a command's own arguments.
func wantsHelp(args []string) bool {
	return slices.ContainsFunc(args, func(a string) bool { return a == "-h" || a == "-help" || a == "--help" })
}

func run(ctx context.Context, cmd string, args []string) error {
	switch cmd {
	case "inspect":
		return inspectCmd(ctx, args, os.Stdout)
	case "upload":
		return uploadCmd(ctx, args, os.Stdout, &http.Client{Timeout: 30 * time.Minute})
	case "help", "-h", "--help":
		fmt.Print(usage)
		return nil
	}
	if cmd == "classify" {
		if len(args) == 0 || args[0] != "train" {
			return errors.New("usage: sohoa classify train")
		}
		cmd, args = "classify-train", args[1:]
	}
	var importFile string
	if cmd == "units" || cmd == "desks" || cmd == "dossiers" {
		if len(args) < 2 || args[0] != "import" {
			return fmt.Errorf("usage: sohoa %s import FILE.csv", cmd)
		}
		cmd, importFile, args = cmd+"-import", args[len(args)-1], args[1:len(args)-1]
	}
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	cfg, check := bindConfig(fs)
	var (
		seedDesks    = 11956
		seedDossiers = 10_000_000
		dataDir      = "testdata/demo"
		timeout      = 10 * time.Minute
		age          = 2 * time.Minute
	)
	switch cmd {
	case "demo":
		fs.StringVar(&dataDir, "data", dataDir, "folder of the demo batch")
		fs.DurationVar(&timeout, "timeout", timeout, "give up after this long")
	case "worker":
		fs.DurationVar(&age, "reconcile-age", age, "re-send the task of a row stuck this long")
	case "seed":
		fs.IntVar(&seedDesks, "desks", seedDesks, "desks to create")
		fs.IntVar(&seedDossiers, "dossiers", seedDossiers, "dossiers to create")
	case "migrate", "serve", "classify-train", "units-import", "desks-import", "dossiers-import":
	case "report", "retry", "users", "keys":
		// their own flags follow the configuration ones
	default:
		fmt.Fprint(os.Stderr, usage)
		return fmt.Errorf("unknown command %q", cmd)
	}
	var rest []string
	if cmd == "report" || cmd == "retry" || cmd == "users" || cmd == "keys" {
		// Configuration flags may come first; the report's own flags are parsed by reportCmd.
		split := len(args)
		for i, a := range args {
			if name := strings.TrimLeft(strings.SplitN(a, "=", 2)[0], "-"); fs.Lookup(name) == nil && strings.HasPrefix(a, "-") {
				split = i
				break
			}
		}
		args, rest = args[:split], args[split:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	rest = append(fs.Args(), rest...)
	// A subcommand's help needs no service: shown before anything connects.
	if wantsHelp(rest) {
		switch cmd {
		case "report":
			return reportCmd(ctx, nil, rest, os.Stdout)
		case "retry":
			return retryCmd(ctx, nil, rest, os.Stdout)
		case "users":
			fmt.Println(usersUsage)
			return nil
		case "keys":
			fmt.Println(keysUsage)
			return nil
		}
	}
	if err := check(); err != nil {
		return fmt.Errorf("configuration:\n%w", err)
	}
	log := newLogger(cfg.LogFormat)
	if cmd == "demo" {
		return demo(ctx, cfg, log, dataDir, timeout, os.Stdout)
	}
	a, err := openApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	switch cmd {
	case "migrate":
		return a.migrate(ctx)
	case "serve":
		ln, err := net.Listen("tcp", cfg.HTTPAddr)
		if err != nil {
			return err
		}
		log.Info("serving API", "addr", ln.Addr().String())
		// Prometheus scrapes the metrics listener (no session); /metrics on the API port needs
		// an operator's.
		a.serveMetrics(ctx, cfg.MetricsAddr)
		return serveHTTP(ctx, a.apiServer(), ln)
	case "worker":
		return a.worker(ctx, age)
	case "classify-train":
		return a.train(ctx, os.Stdout)
	case "report":
		return reportCmd(ctx, a.db, rest, os.Stdout)
	case "retry":
		return retryCmd(ctx, a, rest, os.Stdout)
	case "users":
		return usersCmd(ctx, a, rest, os.Stdin, os.Stdout)
	case "keys":
		return keysCmd(ctx, a, rest, os.Stdout)
	case "units-import":
		return importUnits(ctx, a.db, importFile, os.Stdout)
	case "desks-import":
		return importDesks(ctx, a.db, importFile, os.Stdout)
	case "dossiers-import":
		return importDossiers(ctx, a.db, importFile, os.Stdout)
	case "seed":
		if _, err := a.db.Migrate(ctx); err != nil {
			return err
		}
		var n int
		if err := a.db.Pool.QueryRow(ctx, `SELECT count(*) FROM desks`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("seed: the database already has %d desks; seed an empty one", n)
		}
		start := time.Now()
		if err := a.db.Seed(ctx, seedDesks, seedDossiers, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), 0.42); err != nil {
			return err
		}
		fmt.Printf("seeded %d desks and %d dossiers in %v\n", seedDesks, seedDossiers, time.Since(start).Round(time.Second))
		return nil
	}
	return nil
}
