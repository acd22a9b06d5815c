package postgres_test

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/storage/postgres"
)

// asRole opens a pool on url whose connections act as role (SET ROLE: the local sohoa login is
// a member of deploy/postgres/roles.sql's roles, so no password is set in a test).
func asRole(t *testing.T, url, role string) *postgres.DB {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.AfterConnect = func(ctx context.Context, c *pgx.Conn) error {
		_, err := c.Exec(ctx, "SET ROLE "+pgx.Identifier{role}.Sanitize())
		return err
	}
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return &postgres.DB{Pool: pool}
}

// The production roles: migrations run as sohoa_owner and own every table; the services'
// roles do their work (uploads, figures, sessions, keys) and nothing else: no DDL, no
// TRUNCATE, no DELETE but of sessions and operators, and `migrate` on an up-to-date schema
// asks nothing of them.
func TestLeastPrivilegeRoles(t *testing.T) {
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, testenv.DatabaseURL())
	if err != nil {
		testenv.Unavailable(t, "PostgreSQL", err)
	}
	defer admin.Close(ctx)
	var roles int
	if err := admin.QueryRow(ctx, `SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
		WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND r.rolname IN ('sohoa_owner', 'sohoa_api', 'sohoa_worker')`).Scan(&roles); err != nil || roles != 3 {
		testenv.Unavailable(t, "the roles of deploy/postgres/roles.sql, granted to the test login (deploy/local/up.sh)", err)
	}
	name := "sohoa_roles_" + strings.ReplaceAll(time.Now().Format("150405.000000"), ".", "")
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	u, _ := url.Parse(testenv.DatabaseURL())
	u.Path = "/" + name
	grants, err := os.ReadFile("../../deploy/postgres/grants.sql")
	if err != nil {
		t.Fatal(err)
	}
	dbOwner, err := pgx.Connect(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer dbOwner.Close(ctx)
	for i := 0; i < 2; i++ { // idempotent
		if _, err := dbOwner.Exec(ctx, string(grants)); err != nil {
			t.Fatalf("grants.sql, run %d: %v", i+1, err)
		}
	}

	owner := asRole(t, u.String(), "sohoa_owner")
	if _, err := owner.Migrate(ctx); err != nil {
		t.Fatalf("migrate as sohoa_owner: %v", err)
	}
	var foreign int
	if err := dbOwner.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'sohoa_owner'`).Scan(&foreign); err != nil || foreign != 0 {
		t.Errorf("%d tables not owned by sohoa_owner (%v)", foreign, err)
	}

	for _, role := range []string{"sohoa_worker", "sohoa_api"} {
		db := asRole(t, u.String(), role)
		if applied, err := db.Migrate(ctx); err != nil || len(applied) != 0 {
			t.Errorf("%s: migrate on an up-to-date schema: %v %v", role, applied, err)
		}
		desk := "D-" + role
		if err := db.UpsertDesk(ctx, pipeline.Desk{Code: desk, Name: "Bộ phận một cửa", Kind: pipeline.Locality}); err != nil {
			t.Fatalf("%s: upsert desk: %v", role, err)
		}
		doc, _, err := db.RegisterUpload(ctx, pipeline.Upload{Desk: desk, Batch: "b", Dossier: "HS-1", Filename: "a.png", Key: "incoming/" + desk + "/b/HS-1/a.png", Size: 10})
		if err != nil {
			t.Fatalf("%s: register: %v", role, err)
		}
		if _, err := db.SplitDocument(ctx, doc, strings.Repeat("a", 64), 10, "png", 1); err != nil {
			t.Fatalf("%s: split: %v", role, err)
		}
		d, err := db.Document(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.FinalizeDossier(ctx, d.DossierID, "", nil); err != nil {
			t.Fatalf("%s: finalize: %v", role, err)
		}
		if err := db.PutUser(ctx, pipeline.User{Name: "u-" + role, PasswordHash: "x", Role: "staff"}); err != nil {
			t.Fatalf("%s: put user: %v", role, err)
		}
		if err := db.CreateSession(ctx, "s-"+role, "u-"+role, time.Now().Add(time.Hour)); err != nil {
			t.Fatalf("%s: session: %v", role, err)
		}
		if err := db.DeleteSession(ctx, "s-"+role); err != nil {
			t.Errorf("%s: sign-out: %v", role, err)
		}
		if err := db.CreateKey(ctx, strings.Repeat("b", 60)+role[6:8], desk, "k"); err != nil {
			t.Fatalf("%s: key: %v", role, err)
		}
		if _, err := db.RevokeKeys(ctx, desk, ""); err != nil {
			t.Errorf("%s: revoke: %v", role, err)
		}
		if err := db.DeleteUser(ctx, "u-"+role); err != nil {
			t.Errorf("%s: remove operator: %v", role, err)
		}
		for _, q := range []string{
			`CREATE TABLE stolen (x int)`,
			`DROP TABLE pages`,
			`ALTER TABLE documents ADD COLUMN x int`,
			`TRUNCATE stage_attempts`,
			`DELETE FROM documents`,
			`DELETE FROM desk_daily`,
			`CREATE ROLE thief LOGIN`,
			`ALTER TABLE documents OWNER TO sohoa_app`,
			`CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
		} {
			if _, err := db.Pool.Exec(ctx, q); err == nil || !strings.Contains(err.Error(), "permission denied") && !strings.Contains(err.Error(), "must be owner") {
				t.Errorf("%s may %s (%v)", role, q, err)
			}
		}
	}
}
