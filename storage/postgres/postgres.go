// Package postgres is sohoa's record in PostgreSQL (pgx): embedded, numbered migrations and the
// queries behind the pipeline's Store. State moves only through guarded updates and desk
// figures are recomputed from facts under a per-desk advisory lock, so at-least-once task
// delivery never counts anything twice.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/sohoa/sohoa/pipeline"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is the pool and every query sohoa makes.
type DB struct {
	Pool *pgxpool.Pool
}

// Open connects and checks the connection.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	// JIT compiling took 50-60 ms of a national report that runs in 30 without it; sohoa's
	// queries are short and planned for their arguments.
	if _, set := cfg.ConnConfig.RuntimeParams["jit"]; !set {
		cfg.ConnConfig.RuntimeParams["jit"] = "off"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return &DB{Pool: pool}, nil
}

// Close closes the pool.
func (db *DB) Close() { db.Pool.Close() }

// migrationVersion is the number a migration's file name starts with ("0015_upload_sum.sql").
func migrationVersion(name string) (int, error) {
	return strconv.Atoi(strings.SplitN(strings.TrimPrefix(name, "migrations/"), "_", 2)[0])
}

// Migrate applies every embedded migration not yet applied, each in its own transaction, under
// an advisory lock so that several processes starting together apply each one once.
func (db *DB) Migrate(ctx context.Context) (applied []string, err error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	// Up to date: nothing to do, and nothing asked of the role. The services' least-privilege
	// roles (deploy/postgres) can run this without any right to create.
	latest := -1
	var exists bool
	if err := db.Pool.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	if exists {
		if err := db.Pool.QueryRow(ctx, `SELECT COALESCE(max(version), 0) FROM schema_migrations`).Scan(&latest); err != nil {
			return nil, fmt.Errorf("migrate: %w", err)
		}
	}
	if last, err := migrationVersion(names[len(names)-1]); err == nil && latest >= last {
		return nil, nil
	}
	conn, err := db.Pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	defer conn.Release()
	const lock = 0x736f686f61 // "sohoa"
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, lock); err != nil {
		return nil, fmt.Errorf("migrate: lock: %w", err)
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1)`, lock) //nolint:errcheck
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		v, err := migrationVersion(name)
		if err != nil {
			return applied, fmt.Errorf("migrate: %s: name must start with its number", base)
		}
		var done bool
		if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`, v).Scan(&done); err != nil {
			return applied, fmt.Errorf("migrate: %w", err)
		}
		if done {
			continue
		}
		sql, err := migrations.ReadFile(name)
		if err != nil {
			return applied, err
		}
		err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, string(sql)); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, v, base)
			return err
		})
		if err != nil {
			return applied, fmt.Errorf("migrate: %s: %w", base, err)
		}
		applied = append(applied, base)
	}
	return applied, nil
}

// notFound translates the driver's no-rows error at the edge.
func notFound(err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return pipeline.ErrNotFound
	}
	return err
}
