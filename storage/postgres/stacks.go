package postgres

import (
	"context"
	"fmt"
	"slices"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/sohoa/sohoa/pipeline"
)

// Stack returns the document's splitting rules (the batch's, else the desk's) and its pages.
func (db *DB) Stack(ctx context.Context, doc uuid.UUID) (pipeline.Stack, error) {
	var st pipeline.Stack
	err := db.Pool.QueryRow(ctx, `SELECT COALESCE(NULLIF(b.split_rules, ''), k.split_rules), k.dossier_pattern, k.separator_code
		FROM documents d JOIN batches b ON b.id = d.batch_id JOIN desks k ON k.code = b.desk_code WHERE d.id = $1`, doc).
		Scan(&st.Split.Rules, &st.Split.Pattern, &st.Split.Separator)
	if err != nil {
		return st, notFound(err)
	}
	rows, err := db.Pool.Query(ctx, `SELECT index, codes, text, blank FROM pages WHERE document_id = $1 ORDER BY index`, doc)
	if err != nil {
		return st, err
	}
	st.Pages, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.StackPage, error) {
		var p pipeline.StackPage
		err := r.Scan(&p.Index, &p.Codes, &p.Text, &p.Blank)
		return p, err
	})
	return st, err
}

// SplitStack applies a stack's split in one transaction, once: the row lock and split_done
// make a second delivery return the parts the first made.
func (db *DB) SplitStack(ctx context.Context, doc uuid.UUID, segs []pipeline.Segment) (parts []uuid.UUID, emptied uuid.UUID, err error) {
	err = pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		parts, emptied = nil, uuid.Nil
		var (
			dossier, batch                   uuid.UUID
			desk, key, name, format, version string
			done                             bool
		)
		if err := tx.QueryRow(ctx, `SELECT d.dossier_id, d.batch_id, o.desk_code, d.source_key, d.filename, d.format, d.version_id, d.split_done
			FROM documents d JOIN dossiers o ON o.id = d.dossier_id WHERE d.id = $1 FOR UPDATE OF d`, doc).
			Scan(&dossier, &batch, &desk, &key, &name, &format, &version, &done); err != nil {
			return notFound(err)
		}
		if done {
			rows, err := tx.Query(ctx, `SELECT id FROM documents WHERE stack_id = $1 ORDER BY source_key`, doc)
			if err != nil {
				return err
			}
			if parts, err = pgx.CollectRows(rows, pgx.RowTo[uuid.UUID]); err != nil {
				return err
			}
			var state string
			if err := tx.QueryRow(ctx, `SELECT state FROM dossiers WHERE id = $1`, dossier).Scan(&state); err != nil {
				return err
			}
			if state == "emptied" {
				emptied = dossier
			}
			return nil
		}
		for i, seg := range segs {
			target := dossier
			if seg.Dossier != "" {
				// A dossier met for the first time is created; one that had ended is reopened
				// by its new document.
				if err := tx.QueryRow(ctx, `INSERT INTO dossiers (desk_code, code) VALUES ($1, $2)
					ON CONFLICT (desk_code, code) DO UPDATE SET state = 'open', ended_at = NULL RETURNING id`, desk, seg.Dossier).Scan(&target); err != nil {
					return fmt.Errorf("dossier %s: %w", seg.Dossier, err)
				}
			}
			part := doc
			if i == 0 {
				if _, err := tx.Exec(ctx, `UPDATE documents SET dossier_id = $2, split_by = $3, updated_at = now() WHERE id = $1`, doc, target, seg.By); err != nil {
					return err
				}
			} else {
				first := seg.Pages
				if len(first) == 0 {
					first = seg.Separators
				}
				if err := tx.QueryRow(ctx, `INSERT INTO documents (dossier_id, batch_id, source_key, filename, format, state, stack_id, split_by, split_done)
					VALUES ($1, $2, $3, $4, $5, 'split', $6, $7, true) RETURNING id`,
					target, batch, fmt.Sprintf("%s#p%d", key, first[0]), name, format, doc, seg.By).Scan(&part); err != nil {
					return err
				}
				parts = append(parts, part)
				idx := append(append([]int{}, seg.Pages...), seg.Separators...)
				if _, err := tx.Exec(ctx, `UPDATE pages SET document_id = $2, updated_at = now() WHERE document_id = $1 AND index = ANY($3)`, doc, part, idx); err != nil {
					return err
				}
				if _, err := tx.Exec(ctx, `UPDATE artifacts SET document_id = $1 WHERE page_id IN (SELECT id FROM pages WHERE document_id = $1)`, part); err != nil {
					return err
				}
			}
			if len(seg.Separators) > 0 {
				if _, err := tx.Exec(ctx, `UPDATE pages SET separator = true WHERE document_id = $1 AND index = ANY($2)`, part, seg.Separators); err != nil {
					return err
				}
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE documents SET split_done = true WHERE id = $1`, doc); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE dossiers o SET state = 'emptied', ended_at = now() WHERE id = $1
			AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.dossier_id = o.id AND d.state <> 'emptied')`, dossier)
		if err == nil && tag.RowsAffected() > 0 {
			emptied = dossier
		}
		return err
	})
	if err != nil {
		return nil, uuid.Nil, fmt.Errorf("split stack %s: %w", doc, err)
	}
	return parts, emptied, nil
}

// MovePages moves pages of a document (by their numbers in the uploaded file) to another
// document of the same file, or, with toDossier, to a new document of that dossier (created
// when new), as an operator corrects a split. Both documents go back to be classified again,
// a document left without pages and a dossier left without documents are emptied. It returns
// the documents to classify and the dossiers to finalize. by (who) goes in both documents'
// histories of corrections.
func (db *DB) MovePages(ctx context.Context, from uuid.UUID, pages []int, toDoc uuid.UUID, toDossier, by string) (docs, dossiers []uuid.UUID, err error) {
	err = pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		docs, dossiers = nil, nil
		var (
			root, fromDossier uuid.UUID
			desk, key, name   string
			format            string
			batch             uuid.UUID
		)
		if err := tx.QueryRow(ctx, `SELECT COALESCE(d.stack_id, d.id), d.dossier_id, o.desk_code, d.batch_id, d.format
			FROM documents d JOIN dossiers o ON o.id = d.dossier_id WHERE d.id = $1 FOR UPDATE OF d`, from).
			Scan(&root, &fromDossier, &desk, &batch, &format); err != nil {
			return notFound(err)
		}
		if err := tx.QueryRow(ctx, `SELECT source_key, filename FROM documents WHERE id = $1`, root).Scan(&key, &name); err != nil {
			return err
		}
		var moving int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM pages WHERE document_id = $1 AND index = ANY($2) AND state IN ('done', 'failed')`,
			from, pages).Scan(&moving); err != nil {
			return err
		}
		if len(pages) == 0 || moving != len(pages) {
			return &pipeline.Failure{Class: "bad_move", Err: fmt.Errorf("pages %v: not all are ended pages of document %s", pages, from)}
		}
		var toDossierID uuid.UUID
		switch {
		case toDoc != uuid.Nil:
			var toRoot uuid.UUID
			err := tx.QueryRow(ctx, `SELECT COALESCE(stack_id, id), dossier_id FROM documents WHERE id = $1 AND state <> 'duplicate' FOR UPDATE`, toDoc).
				Scan(&toRoot, &toDossierID)
			if err == pgx.ErrNoRows || (err == nil && toRoot != root) || toDoc == from {
				return &pipeline.Failure{Class: "bad_move", Err: fmt.Errorf("document %s is not another document of the same uploaded file", toDoc)}
			}
			if err != nil {
				return err
			}
		case toDossier != "":
			if err := tx.QueryRow(ctx, `INSERT INTO dossiers (desk_code, code) VALUES ($1, $2)
				ON CONFLICT (desk_code, code) DO UPDATE SET state = 'open', ended_at = NULL RETURNING id`, desk, toDossier).Scan(&toDossierID); err != nil {
				return err
			}
			if err := tx.QueryRow(ctx, `INSERT INTO documents (dossier_id, batch_id, source_key, filename, format, state, stack_id, split_by, split_done)
				VALUES ($1, $2, $3, $4, $5, 'split', $6, 'operator', true) RETURNING id`,
				toDossierID, batch, fmt.Sprintf("%s#m%s", key, uuid.NewString()[:8]), name, format, root).Scan(&toDoc); err != nil {
				return err
			}
		default:
			return &pipeline.Failure{Class: "bad_move", Err: fmt.Errorf("say where the pages go: a document or a dossier")}
		}
		if _, err := tx.Exec(ctx, `UPDATE pages SET document_id = $2, separator = false, updated_at = now() WHERE document_id = $1 AND index = ANY($3)`,
			from, toDoc, pages); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE artifacts SET document_id = $1 WHERE page_id IN (SELECT id FROM pages WHERE document_id = $1)`, toDoc); err != nil {
			return err
		}
		// Both documents' histories say so.
		if _, err := tx.Exec(ctx, `INSERT INTO corrections (document_id, by_user, kind, pages, from_document, to_document)
			SELECT d, $2::text, 'move', $3::int[], $1::uuid, $4::uuid FROM unnest(ARRAY[$1, $4]::uuid[]) d`, from, by, pages, toDoc); err != nil {
			return err
		}
		// Both documents are classified again; one with no page left is emptied.
		for _, d := range []uuid.UUID{from, toDoc} {
			var left bool
			if err := tx.QueryRow(ctx, `UPDATE documents d SET
					state = CASE WHEN EXISTS (SELECT 1 FROM pages WHERE document_id = d.id AND NOT separator) THEN 'split' ELSE 'emptied' END,
					split_by = CASE WHEN d.id = $2 THEN 'operator' ELSE split_by END, updated_at = now()
				WHERE id = $1 RETURNING state = 'split'`, d, toDoc).Scan(&left); err != nil {
				return err
			}
			if left {
				docs = append(docs, d)
			}
		}
		for _, o := range []uuid.UUID{fromDossier, toDossierID} {
			if _, err := tx.Exec(ctx, `UPDATE dossiers o SET
					state = CASE WHEN EXISTS (SELECT 1 FROM documents d WHERE d.dossier_id = o.id AND d.state <> 'emptied') THEN 'open' ELSE 'emptied' END,
					ended_at = NULL WHERE id = $1`, o); err != nil {
				return err
			}
			if !slices.Contains(dossiers, o) {
				dossiers = append(dossiers, o)
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("move pages of %s: %w", from, err)
	}
	return docs, dossiers, nil
}
