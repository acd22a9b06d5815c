package postgres

import (
	"context"
	"time"

	"github.com/sohoa/sohoa/pipeline"
)

// PutUser creates or updates an operator.
func (db *DB) PutUser(ctx context.Context, u pipeline.User) error {
	_, err := db.Pool.Exec(ctx, `INSERT INTO users (name, password_hash, role) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role`, u.Name, u.PasswordHash, u.Role)
	return err
}

// User returns an operator.
func (db *DB) User(ctx context.Context, name string) (pipeline.User, error) {
	var u pipeline.User
	err := db.Pool.QueryRow(ctx, `SELECT name, password_hash, role FROM users WHERE name = $1`, name).Scan(&u.Name, &u.PasswordHash, &u.Role)
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
	err := db.Pool.QueryRow(ctx, `SELECT u.name, u.password_hash, u.role FROM sessions s JOIN users u ON u.name = s.user_name
		WHERE s.token_hash = $1 AND s.expires_at > now()`, tokenHash).Scan(&u.Name, &u.PasswordHash, &u.Role)
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

// KeyDesk returns the desk of a live API key.
func (db *DB) KeyDesk(ctx context.Context, keyHash string) (string, error) {
	var desk string
	err := db.Pool.QueryRow(ctx, `SELECT desk_code FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`, keyHash).Scan(&desk)
	return desk, notFound(err)
}
