// Command sohoa digitizes the scanned dossiers of one-stop desks: it serves the API, runs the
// pipeline workers, applies migrations, runs a demo batch end to end and inspects local files.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
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
		fmt.Fprintln(os.Stderr, "sohoa:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cmd string, args []string) error {
	switch cmd {
	case "inspect":
		return inspectCmd(ctx, args, os.Stdout)
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
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	cfg, check := bindConfig(fs)
	var (
		dataDir = "testdata/demo"
		timeout = 10 * time.Minute
		age     = 2 * time.Minute
	)
	switch cmd {
	case "demo":
		fs.StringVar(&dataDir, "data", dataDir, "folder of the demo batch")
		fs.DurationVar(&timeout, "timeout", timeout, "give up after this long")
	case "worker":
		fs.DurationVar(&age, "reconcile-age", age, "re-send the task of a row stuck this long")
	case "migrate", "serve", "classify-train":
	default:
		fmt.Fprint(os.Stderr, usage)
		return fmt.Errorf("unknown command %q", cmd)
	}
	if err := fs.Parse(args); err != nil {
		return err
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
		return serveHTTP(ctx, a.apiServer(), ln)
	case "worker":
		return a.worker(ctx, age)
	case "classify-train":
		return a.train(ctx, os.Stdout)
	}
	return nil
}
