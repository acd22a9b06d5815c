package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/sohoa/sohoa/httpapi"
	"github.com/sohoa/sohoa/pipeline"
)

// usersCmd: sohoa users add NAME -role admin|staff|clerk|reviewer [-desk CODE] (password from
// SOHOA_PASSWORD or stdin).
const usersUsage = `usage: sohoa users add NAME -role admin|staff|clerk|reviewer [-desk CODE]   (a clerk works for one desk; also changes a password or role; ends the user's sessions)
       sohoa users list
       sohoa users remove NAME                      (and their sessions)
       sohoa users logout NAME                      (ends every session of NAME)`

func usersCmd(ctx context.Context, a *app, args []string, stdin io.Reader, out io.Writer) error {
	if len(args) == 1 && args[0] == "list" {
		us, err := a.db.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range us {
			fmt.Fprintf(out, "%s\t%s\t%s\n", u.Name, u.Role, u.Desk)
		}
		return nil
	}
	if len(args) == 2 && args[0] == "remove" {
		if err := a.db.DeleteUser(ctx, args[1]); err != nil {
			return fmt.Errorf("remove user %s: %w", args[1], err)
		}
		fmt.Fprintf(out, "user %s removed, sessions ended\n", args[1])
		return nil
	}
	if len(args) == 2 && args[0] == "logout" {
		n, err := a.db.EndSessions(ctx, args[1])
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%d sessions of %s ended\n", n, args[1])
		return nil
	}
	if len(args) < 2 || args[0] != "add" {
		return errors.New(usersUsage)
	}
	name := args[1]
	fs := flag.NewFlagSet("users add", flag.ContinueOnError)
	role := fs.String("role", httpapi.RoleStaff, "admin, staff, clerk or reviewer")
	desk := fs.String("desk", "", "the desk a clerk works for")
	if err := fs.Parse(args[2:]); err != nil {
		return err
	}
	if !slices.Contains([]string{httpapi.RoleAdmin, httpapi.RoleStaff, httpapi.RoleClerk, httpapi.RoleReviewer}, *role) {
		return fmt.Errorf("role %q: want admin, staff, clerk or reviewer", *role)
	}
	if (*role == httpapi.RoleClerk) != (*desk != "") {
		return errors.New("a clerk needs -desk, and only a clerk has one")
	}
	pw := os.Getenv("SOHOA_PASSWORD")
	if pw == "" {
		fmt.Fprint(out, "password: ")
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && line == "" {
			return fmt.Errorf("no password given")
		}
		pw = strings.TrimRight(line, "\r\n")
	}
	hash, err := httpapi.HashPassword(pw)
	if err != nil {
		return err
	}
	if err := a.db.PutUser(ctx, httpapi.User{Name: name, PasswordHash: hash, Role: *role, Desk: *desk}); err != nil {
		return err
	}
	fmt.Fprintf(out, "user %s (%s) saved; any sessions of theirs ended\n", name, *role)
	return nil
}

// retryCmd: sohoa retry [-desk D] [-batch B] [-stage prepare|ocr] [-class transient,...] [-since 24h].
func retryCmd(ctx context.Context, a *app, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("retry", flag.ContinueOnError)
	var f pipeline.RetryFilter
	fs.StringVar(&f.Desk, "desk", "", "only this desk")
	fs.StringVar(&f.Batch, "batch", "", "only this batch (name or id)")
	fs.StringVar(&f.Stage, "stage", "", "only pages that failed at prepare or ocr")
	class := fs.String("class", "", "failure classes, comma-separated; transient means every transient class")
	since := fs.Duration("since", 90*24*time.Hour, "only failures this recent")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *class != "" {
		f.Classes = strings.Split(*class, ",")
	}
	f.From = time.Now().Add(-*since)
	n, err := a.retrier().Retry(ctx, f)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d pages sent again\n", n)
	return nil
}

// serveMetrics exposes the metrics (stage durations, OCR confidence, queues, Go and process) on
// their own address, for Prometheus: a worker has no API server, and the API's /metrics is for
// signed-in operators.
func (a *app) serveMetrics(ctx context.Context, addr string) {
	if addr == "" {
		return
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		a.log.Warn("metrics listener", "addr", addr, "error", err)
		return
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", a.metricsHandler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	go func() { _ = serveHTTP(ctx, &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}, ln) }()
}

// keysCmd: sohoa keys create -desk CODE [-name N]. The key is printed once; only its hash is kept.
const keysUsage = `usage: sohoa keys create -desk CODE [-name NAME]   (prints the key, once)
       sohoa keys list [-desk CODE]                  (ids, never keys)
       sohoa keys revoke ID                          (a key id from list, 8+ hex digits)
       sohoa keys revoke -desk CODE                  (every key of the desk)`

func keysCmd(ctx context.Context, a *app, args []string, out io.Writer) error {
	if len(args) >= 1 && (args[0] == "list" || args[0] == "revoke") {
		fs := flag.NewFlagSet("keys "+args[0], flag.ContinueOnError)
		desk := fs.String("desk", "", "only this desk's keys")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if args[0] == "list" {
			keys, err := a.db.Keys(ctx, *desk)
			if err != nil {
				return err
			}
			for _, k := range keys {
				state := "live"
				if k.Revoked != nil {
					state = "revoked " + k.Revoked.Format(time.DateTime)
				}
				fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%s\n", k.ID, k.Desk, k.Name, k.Created.Format(time.DateTime), state)
			}
			return nil
		}
		id := fs.Arg(0)
		if (id == "") == (*desk == "") || fs.NArg() > 1 {
			return errors.New(keysUsage)
		}
		n, err := a.db.RevokeKeys(ctx, *desk, id)
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("no live key matched: %w", pipeline.ErrNotFound)
		}
		fmt.Fprintf(out, "%d keys revoked\n", n)
		return nil
	}
	if len(args) < 1 || args[0] != "create" {
		return errors.New(keysUsage)
	}
	fs := flag.NewFlagSet("keys create", flag.ContinueOnError)
	desk := fs.String("desk", "", "the desk the key acts for")
	name := fs.String("name", "", "what the key is for (a scanner, a town hall)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *desk == "" {
		return fmt.Errorf("-desk is required")
	}
	key, hash := httpapi.NewKey()
	if err := a.db.CreateKey(ctx, hash, *desk, *name); err != nil {
		return fmt.Errorf("create key for %s: %w", *desk, err)
	}
	fmt.Fprintf(out, "%s\n", key)
	return nil
}
