package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/sohoa/sohoa/classify"
)

// Labels returns every confirmed label, for training.
func (db *DB) Labels(ctx context.Context) ([]classify.Label, error) {
	rows, err := db.Pool.Query(ctx, `SELECT doc_type, text FROM labels ORDER BY created_at, document_id`)
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (classify.Label, error) {
		var l classify.Label
		err := r.Scan(&l.Type, &l.Text)
		return l, err
	})
}

// SaveModel stores a trained model as the next version and returns that version.
func (db *DB) SaveModel(ctx context.Context, m *classify.Model) (int, error) {
	var v int
	err := pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT nextval(pg_get_serial_sequence('models', 'version'))`).Scan(&v); err != nil {
			return err
		}
		m.Version = v
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO models (version, labels, data) VALUES ($1, $2, $3)`, v, m.Labels, b)
		return err
	})
	return v, err
}

// LatestModel returns the newest trained model, or nil when none was trained.
func (db *DB) LatestModel(ctx context.Context, newerThan int) (*classify.Model, error) {
	var b []byte
	err := db.Pool.QueryRow(ctx, `SELECT data FROM models WHERE version > $1 ORDER BY version DESC LIMIT 1`, newerThan).Scan(&b)
	if err == pgx.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var m classify.Model
	return &m, json.Unmarshal(b, &m)
}

// TypeOverrides returns the catalogue types defined in the database.
func (db *DB) TypeOverrides(ctx context.Context) ([]classify.Type, error) {
	rows, err := db.Pool.Query(ctx, `SELECT definition FROM doc_type_overrides ORDER BY code`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (classify.Type, error) {
		var t classify.Type
		err := r.Scan(&t)
		return t, err
	})
}

// PutTypeOverride stores a catalogue type, and who changed it, with what it replaced, in the
// catalogue's history.
func (db *DB) PutTypeOverride(ctx context.Context, t classify.Type, by string) error {
	return db.putOverride(ctx, "type", t.Code, t, by, `SELECT definition FROM doc_type_overrides WHERE code = $1`,
		`INSERT INTO doc_type_overrides (code, definition) VALUES ($1, $2)
			ON CONFLICT (code) DO UPDATE SET definition = EXCLUDED.definition, updated_at = now()`)
}

// ProcedureOverrides returns the procedures defined in the database.
func (db *DB) ProcedureOverrides(ctx context.Context) ([]classify.Procedure, error) {
	rows, err := db.Pool.Query(ctx, `SELECT definition FROM procedure_overrides ORDER BY code`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (classify.Procedure, error) {
		var p classify.Procedure
		err := r.Scan(&p)
		return p, err
	})
}

// PutProcedureOverride stores a procedure, with its history.
func (db *DB) PutProcedureOverride(ctx context.Context, p classify.Procedure, by string) error {
	return db.putOverride(ctx, "procedure", p.Code, p, by, `SELECT definition FROM procedure_overrides WHERE code = $1`,
		`INSERT INTO procedure_overrides (code, definition) VALUES ($1, $2)
			ON CONFLICT (code) DO UPDATE SET definition = EXCLUDED.definition, updated_at = now()`)
}

// putOverride runs its caller's two constant statements (read the current override, upsert
// the new one) and records the change.
func (db *DB) putOverride(ctx context.Context, kind, code string, def any, by, read, write string) error {
	return pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		// One change at a time per entry, so each history row's previous is the one it replaced.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('catalogue:' || $1 || ':' || $2))`, kind, code); err != nil {
			return err
		}
		var previous []byte
		err := tx.QueryRow(ctx, read, code).Scan(&previous)
		if err != nil && err != pgx.ErrNoRows {
			return err
		}
		if _, err := tx.Exec(ctx, write, code, def); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO catalogue_history (kind, code, definition, previous, changed_by) VALUES ($1, $2, $3, $4, $5)`,
			kind, code, def, previous, by)
		return err
	})
}

// CatalogueHistory lists the latest catalogue changes, newest first.
func (db *DB) CatalogueHistory(ctx context.Context, limit int) ([]classify.Change, error) {
	rows, err := db.Pool.Query(ctx, `SELECT kind, code, definition, previous, changed_by, changed_at FROM catalogue_history
		ORDER BY changed_at DESC, id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (classify.Change, error) {
		var c classify.Change
		err := r.Scan(&c.Kind, &c.Code, &c.Definition, &c.Previous, &c.By, &c.At)
		return c, err
	})
}

// ReviewQueue lists a desk's documents that need review (all desks when desk is ""), with
// their personal fields masked.
func (db *DB) ReviewQueue(ctx context.Context, desk string, limit int) ([]classify.ReviewItem, error) {
	rows, err := db.Pool.Query(ctx, `SELECT d.id, o.desk_code, o.code, d.filename, d.doc_type, d.confidence, d.reason, d.fields
		FROM documents d JOIN dossiers o ON o.id = d.dossier_id
		WHERE d.needs_review AND ($1 = '' OR o.desk_code = $1) AND d.state NOT IN ('emptied', 'duplicate')
		  -- a refused file (corrupt, unsupported...) has nothing to type: it is a failure, not a review
		  AND EXISTS (SELECT 1 FROM pages p WHERE p.document_id = d.id AND p.state = 'done')
		ORDER BY d.created_at LIMIT $2`, desk, limit)
	if err != nil {
		return nil, fmt.Errorf("review queue: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (classify.ReviewItem, error) {
		var it classify.ReviewItem
		err := r.Scan(&it.Document, &it.Desk, &it.Dossier, &it.Filename, &it.Type, &it.Confidence, &it.Reason, &it.Fields)
		it.Fields = it.Fields.Masked()
		return it, err
	})
}

// ConfirmType records a person's confirmation or correction of a document's type: the
// document takes it, leaves review, and the label (with the text) becomes training data.
// It returns the dossier, whose completeness must be recomputed. by (who) goes in the
// document's history of corrections.
func (db *DB) ConfirmType(ctx context.Context, id uuid.UUID, typ, role, by string) (uuid.UUID, error) {
	var dossier uuid.UUID
	err := pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		var before string
		if err := tx.QueryRow(ctx, `SELECT doc_type FROM documents WHERE id = $1 AND state IN ('classified', 'failed') FOR UPDATE`, id).Scan(&before); err != nil {
			return notFound(err)
		}
		err := tx.QueryRow(ctx, `UPDATE documents SET doc_type = $2, role = $3, confidence = 1, needs_review = false,
				reason = 'confirmed in review', updated_at = now()
			WHERE id = $1 RETURNING dossier_id`, id, typ, role).Scan(&dossier)
		if err != nil {
			return notFound(err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO corrections (document_id, by_user, kind, from_type, to_type) VALUES ($1, $2, 'type', $3, $4)`,
			id, by, before, typ); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO labels (document_id, doc_type, text)
			SELECT $1, $2, COALESCE(string_agg(text, E'\n\n' ORDER BY index), '') FROM pages WHERE document_id = $1 AND state = 'done'
			ON CONFLICT (document_id) DO UPDATE SET doc_type = EXCLUDED.doc_type, text = EXCLUDED.text, created_at = now()`, id, typ)
		return err
	})
	return dossier, err
}
