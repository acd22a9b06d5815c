package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/pipeline"
)

// PutUser creates or updates an operator. Saving a password or a role ends the operator's
// sessions: a password changed because it leaked must not leave a thief signed in.
func (db *DB) PutUser(ctx context.Context, u pipeline.User) error {
	return pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO users (name, password_hash, role, desk_code) VALUES ($1, $2, $3, NULLIF($4, ''))
			ON CONFLICT (name) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, desk_code = EXCLUDED.desk_code`,
			u.Name, u.PasswordHash, u.Role, u.Desk); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_name = $1`, u.Name)
		return err
	})
}

// Users lists the operators, without their password hashes.
func (db *DB) Users(ctx context.Context) ([]pipeline.User, error) {
	rows, err := db.Pool.Query(ctx, `SELECT name, role, COALESCE(desk_code, '') FROM users ORDER BY name`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.User, error) {
		var u pipeline.User
		return u, r.Scan(&u.Name, &u.Role, &u.Desk)
	})
}

// DeleteUser removes an operator; their sessions go with them.
func (db *DB) DeleteUser(ctx context.Context, name string) error {
	tag, err := db.Pool.Exec(ctx, `DELETE FROM users WHERE name = $1`, name)
	if err == nil && tag.RowsAffected() == 0 {
		return pipeline.ErrNotFound
	}
	return err
}

// EndSessions signs an operator out everywhere and says how many sessions ended.
func (db *DB) EndSessions(ctx context.Context, name string) (int64, error) {
	tag, err := db.Pool.Exec(ctx, `DELETE FROM sessions WHERE user_name = $1`, name)
	return tag.RowsAffected(), err
}

// User returns an operator.
func (db *DB) User(ctx context.Context, name string) (pipeline.User, error) {
	var u pipeline.User
	err := db.Pool.QueryRow(ctx, `SELECT name, password_hash, role, COALESCE(desk_code, '') FROM users WHERE name = $1`, name).
		Scan(&u.Name, &u.PasswordHash, &u.Role, &u.Desk)
	return u, notFound(err)
}

// CreateSession stores a session by the hash of its token.
func (db *DB) CreateSession(ctx context.Context, tokenHash, user string, expires time.Time) error {
	_, err := db.Pool.Exec(ctx, `INSERT INTO sessions (token_hash, user_name, expires_at) VALUES ($1, $2, $3)`, tokenHash, user, expires)
	return err
}

// SessionUser returns the operator of a live session.
func (db *DB) SessionUser(ctx context.Context, tokenHash string) (pipeline.User, error) {
	var u pipeline.User
	err := db.Pool.QueryRow(ctx, `SELECT u.name, u.password_hash, u.role, COALESCE(u.desk_code, '') FROM sessions s JOIN users u ON u.name = s.user_name
		WHERE s.token_hash = $1 AND s.expires_at > now()`, tokenHash).Scan(&u.Name, &u.PasswordHash, &u.Role, &u.Desk)
	return u, notFound(err)
}

// DeleteSession ends a session.
func (db *DB) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := db.Pool.Exec(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash)
	return err
}

// CreateKey stores a desk's API key by its hash.
func (db *DB) CreateKey(ctx context.Context, keyHash, desk, name string) error {
	_, err := db.Pool.Exec(ctx, `INSERT INTO api_keys (key_hash, desk_code, name) VALUES ($1, $2, $3)`, keyHash, desk, name)
	return err
}

// APIKey is a desk's key as operators see it: its id (the first 12 hex digits of its hash),
// never the key.
type APIKey struct {
	ID, Desk, Name string
	Created        time.Time
	Revoked        *time.Time
}

// Keys lists the API keys, of one desk or ("") all.
func (db *DB) Keys(ctx context.Context, desk string) ([]APIKey, error) {
	rows, err := db.Pool.Query(ctx, `SELECT left(key_hash, 12), desk_code, name, created_at, revoked_at FROM api_keys
		WHERE $1 = '' OR desk_code = $1 ORDER BY desk_code, created_at`, desk)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (APIKey, error) {
		var k APIKey
		return k, r.Scan(&k.ID, &k.Desk, &k.Name, &k.Created, &k.Revoked)
	})
}

// RevokeKeys revokes the live keys whose id starts with idPrefix (at least 8 hex digits, and it
// must name one key), or every live key of desk when idPrefix is empty, and says how many.
func (db *DB) RevokeKeys(ctx context.Context, desk, idPrefix string) (int64, error) {
	if idPrefix == "" && desk == "" {
		return 0, fmt.Errorf("revoke needs a key id or a desk")
	}
	if idPrefix != "" {
		if len(idPrefix) < 8 || strings.Trim(idPrefix, "0123456789abcdef") != "" {
			return 0, fmt.Errorf("key id %q: want at least 8 lower-case hex digits (sohoa keys list)", idPrefix)
		}
		var n int
		if err := db.Pool.QueryRow(ctx, `SELECT count(*) FROM api_keys WHERE starts_with(key_hash, $1)`, idPrefix).Scan(&n); err != nil {
			return 0, err
		}
		if n > 1 {
			return 0, fmt.Errorf("key id %q names %d keys: give more digits", idPrefix, n)
		}
	}
	tag, err := db.Pool.Exec(ctx, `UPDATE api_keys SET revoked_at = now() WHERE revoked_at IS NULL
		AND ($1 = '' OR starts_with(key_hash, $1)) AND ($2 = '' OR desk_code = $2)`, idPrefix, desk)
	return tag.RowsAffected(), err
}

// KeyDesk returns the desk of a live API key.
func (db *DB) KeyDesk(ctx context.Context, keyHash string) (string, error) {
	var desk string
	err := db.Pool.QueryRow(ctx, `SELECT desk_code FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`, keyHash).Scan(&desk)
	return desk, notFound(err)
}
