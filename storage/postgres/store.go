package postgres

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/scan"
)

var _ pipeline.Store = (*DB)(nil)

// UpsertDesk creates or updates a desk. With a unit, its province, district and ministry are
// found up the unit tree and its kind follows from them.
func (db *DB) UpsertDesk(ctx context.Context, d pipeline.Desk) error {
	return pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('desk:' || $1))`, d.Code); err != nil {
			return err
		}
		var was [3]string
		err := tx.QueryRow(ctx, `SELECT province_code, district_code, ministry_code FROM desks WHERE code = $1`, d.Code).Scan(&was[0], &was[1], &was[2])
		moved := err == nil
		if err != nil && err != pgx.ErrNoRows {
			return fmt.Errorf("upsert desk %s: %w", d.Code, err)
		}
		var now [3]string
		if err := upsertDesk(ctx, tx, d).Scan(&now[0], &now[1], &now[2]); err != nil {
			return fmt.Errorf("upsert desk %s: %w", d.Code, err)
		}
		if !moved || was == now {
			return nil
		}
		// The desk moved to another cell: both cells are recounted on every day it has figures.
		return recomputeCells(ctx, tx, `SELECT $2::text, $3::text, $4::text, day FROM desk_daily WHERE desk_code = $1
			UNION ALL SELECT $5::text, $6::text, $7::text, day FROM desk_daily WHERE desk_code = $1`,
			d.Code, was[0], was[1], was[2], now[0], now[1], now[2])
	})
}

func upsertDesk(ctx context.Context, tx pgx.Tx, d pipeline.Desk) pgx.Row {
	return tx.QueryRow(ctx, `WITH RECURSIVE up AS (
			SELECT code, level, parent_code FROM units WHERE code = NULLIF($6, '')
			UNION ALL SELECT u.code, u.level, u.parent_code FROM units u JOIN up ON u.code = up.parent_code),
		anc AS (SELECT
			COALESCE(max(code) FILTER (WHERE level = 'province'), '') AS province,
			COALESCE(max(code) FILTER (WHERE level = 'district'), '') AS district,
			COALESCE(max(code) FILTER (WHERE level = 'ministry'), '') AS ministry FROM up)
		INSERT INTO desks (code, name, parent_unit, kind, ocr_languages, unit_code, province_code, district_code, ministry_code,
		                   split_rules, dossier_pattern, separator_code)
		SELECT $1, $2, $3, CASE WHEN anc.ministry <> '' THEN 'ministry' WHEN anc.province <> '' THEN 'locality' ELSE $4 END,
		       $5, NULLIF($6, ''), anc.province, anc.district, anc.ministry,
		       COALESCE(NULLIF($7, ''), 'barcode,patch'), $8, COALESCE(NULLIF($9, ''), 'PATCHT') FROM anc
		ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_unit = EXCLUDED.parent_unit, kind = EXCLUDED.kind,
			ocr_languages = EXCLUDED.ocr_languages, unit_code = EXCLUDED.unit_code, province_code = EXCLUDED.province_code,
			district_code = EXCLUDED.district_code, ministry_code = EXCLUDED.ministry_code,
			-- splitting settings are kept when a desk is saved without them
			split_rules = CASE WHEN $7 = '' THEN desks.split_rules ELSE $7 END,
			dossier_pattern = CASE WHEN $8 = '' THEN desks.dossier_pattern ELSE $8 END,
			separator_code = CASE WHEN $9 = '' THEN desks.separator_code ELSE $9 END
		RETURNING province_code, district_code, ministry_code`,
		d.Code, d.Name, d.ParentUnit, string(d.Kind), d.Languages, d.Unit, d.Split, d.DossierPattern, d.Separator)
}

// UpsertUnit creates or updates a unit of the administrative tree.
func (db *DB) UpsertUnit(ctx context.Context, u pipeline.Unit) error {
	_, err := db.Pool.Exec(ctx, `INSERT INTO units (code, name, name_en, level, parent_code) VALUES ($1, $2, $3, $4, NULLIF($5, ''))
		ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, level = EXCLUDED.level,
			parent_code = EXCLUDED.parent_code`, u.Code, u.Name, u.NameEN, u.Level, u.Parent)
	if err != nil {
		return fmt.Errorf("upsert unit %s: %w", u.Code, err)
	}
	return nil
}

// RegisterDossiers records dossiers received at desks (the register): new ones are created,
// known ones take the register's procedure and dates; the coverage of every day they touch is
// recomputed.
func (db *DB) RegisterDossiers(ctx context.Context, rs []pipeline.DossierRecord) error {
	return pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		type key struct {
			desk string
			day  time.Time
		}
		touched := map[key]bool{}
		for _, r := range rs {
			var old time.Time
			err := tx.QueryRow(ctx, `WITH prev AS (SELECT received_on FROM dossiers WHERE desk_code = $1 AND code = $2)
				INSERT INTO dossiers (desk_code, code, procedure_code, received_on, result_issued_on) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (desk_code, code) DO UPDATE SET procedure_code = CASE WHEN EXCLUDED.procedure_code = '' THEN dossiers.procedure_code ELSE EXCLUDED.procedure_code END,
					received_on = EXCLUDED.received_on, result_issued_on = EXCLUDED.result_issued_on
				RETURNING COALESCE((SELECT received_on FROM prev), $4)`,
				r.Desk, r.Code, r.Procedure, r.ReceivedOn, r.ResultIssuedOn).Scan(&old)
			if err != nil {
				return fmt.Errorf("register %s/%s: %w", r.Desk, r.Code, err)
			}
			touched[key{r.Desk, r.ReceivedOn}] = true
			touched[key{r.Desk, old}] = true
		}
		// Every desk's lock first, in one order (another import, or a finalize, takes them too;
		// cells are locked after desks, see recomputeCells).
		desks := map[string]bool{}
		for k := range touched {
			desks[k.desk] = true
		}
		for _, d := range slices.Sorted(maps.Keys(desks)) {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('desk:' || $1))`, d); err != nil {
				return err
			}
		}
		var cellDesks []string
		var cellDays []time.Time
		for k := range touched {
			if err := recomputeDay(ctx, tx, k.desk, k.day); err != nil {
				return err
			}
			cellDesks, cellDays = append(cellDesks, k.desk), append(cellDays, k.day)
		}
		if err := recomputeDayCells(ctx, tx, cellDesks, cellDays); err != nil {
			return err
		}
		for d := range desks {
			if err := recomputeDesk(ctx, tx, d); err != nil {
				return err
			}
		}
		return nil
	})
}

// RegisterUpload records an uploaded file as a document of its dossier (creating the batch and
// the dossier when unknown) before anything is enqueued. Registering the same key twice
// returns the same document.
func (db *DB) RegisterUpload(ctx context.Context, u pipeline.Upload) (doc, batch uuid.UUID, err error) {
	err = pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM desks WHERE code = $1)`, u.Desk).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return &pipeline.Failure{Class: pipeline.ClassUnknownDesk, Err: fmt.Errorf("desk %q is not registered", u.Desk)}
		}
		if err := tx.QueryRow(ctx, `INSERT INTO batches (desk_code, name, ocr_languages, split_rules) VALUES ($1, $2, $3, $4)
			ON CONFLICT (desk_code, name) DO UPDATE SET ocr_languages = CASE WHEN $3 = '' THEN batches.ocr_languages ELSE $3 END,
				split_rules = CASE WHEN $4 = '' THEN batches.split_rules ELSE $4 END
			RETURNING id`, u.Desk, u.Batch, u.Languages, u.Split).Scan(&batch); err != nil {
			return err
		}
		var dossier uuid.UUID
		if err := tx.QueryRow(ctx, `INSERT INTO dossiers (desk_code, code) VALUES ($1, $2)
			ON CONFLICT (desk_code, code) DO UPDATE SET code = EXCLUDED.code RETURNING id`, u.Desk, u.Dossier).Scan(&dossier); err != nil {
			return err
		}
		err := tx.QueryRow(ctx, `INSERT INTO documents (dossier_id, batch_id, source_key, filename, size, uploaded_sha256)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (source_key) DO NOTHING RETURNING id`,
			dossier, batch, u.Key, u.Filename, u.Size, u.SHA256).Scan(&doc)
		if err == pgx.ErrNoRows {
			// Registered before: the same file again is the same document; another file under
			// the same name is refused, never silently dropped.
			var sum string
			if err := tx.QueryRow(ctx, `SELECT id, COALESCE(NULLIF(uploaded_sha256, ''), sha256, '') FROM documents WHERE source_key = $1`, u.Key).Scan(&doc, &sum); err != nil {
				return err
			}
			if pipeline.OtherFile(sum, u.SHA256) {
				return &pipeline.Failure{Class: pipeline.ClassExists, Err: pipeline.ErrExists}
			}
			return nil
		}
		if err != nil {
			return err
		}
		// A new document reopens a dossier that had ended.
		_, err = tx.Exec(ctx, `UPDATE dossiers SET state = 'open', ended_at = NULL WHERE id = $1`, dossier)
		return err
	})
	if err != nil {
		return uuid.Nil, uuid.Nil, fmt.Errorf("register %s: %w", u.Key, err)
	}
	return doc, batch, nil
}

// Document returns a document with its dossier and desk.
func (db *DB) Document(ctx context.Context, id uuid.UUID) (pipeline.Document, error) {
	var d pipeline.Document
	err := db.Pool.QueryRow(ctx, `SELECT d.id, d.dossier_id, ds.desk_code, ds.code, d.source_key, d.filename, d.state, d.uploaded_sha256, d.split_done
		FROM documents d JOIN dossiers ds ON ds.id = d.dossier_id WHERE d.id = $1`, id).
		Scan(&d.ID, &d.DossierID, &d.Desk, &d.Dossier, &d.SourceKey, &d.Filename, &d.State, &d.UploadedSHA256, &d.SplitDone)
	return d, notFound(err)
}

// SplitDocument creates pages 0..n-1 once, when the document is still received; with n = 0 it
// only lists the pages. A document whose sha256 another document of its dossier already has
// becomes a duplicate of it instead, with no pages.
func (db *DB) SplitDocument(ctx context.Context, id uuid.UUID, sha string, size int64, format string, n int) ([]uuid.UUID, error) {
	if n > 0 {
		err := pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
			var dossier uuid.UUID
			if err := tx.QueryRow(ctx, `SELECT dossier_id FROM documents WHERE id = $1`, id).Scan(&dossier); err != nil {
				return notFound(err)
			}
			// Two copies ingested at once must not both pass the check.
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('dossier:' || $1::text))`, dossier); err != nil {
				return err
			}
			if sha != "" {
				tag, err := tx.Exec(ctx, `UPDATE documents d SET state = 'duplicate', sha256 = $2, size = GREATEST(size, $3), format = $4,
						duplicate_of = (SELECT o.id FROM documents o WHERE o.dossier_id = d.dossier_id AND o.id <> d.id
						                  AND o.sha256 = $2 AND o.state <> 'duplicate' ORDER BY o.created_at LIMIT 1),
						updated_at = now()
					WHERE id = $1 AND state = 'received'
					  AND EXISTS (SELECT 1 FROM documents o WHERE o.dossier_id = d.dossier_id AND o.id <> d.id
					                AND o.sha256 = $2 AND o.state <> 'duplicate')`, id, sha, size, format)
				if err != nil || tag.RowsAffected() > 0 {
					return err
				}
			}
			tag, err := tx.Exec(ctx, `UPDATE documents SET state = 'split', sha256 = $2, size = GREATEST(size, $3), format = $4, updated_at = now()
				WHERE id = $1 AND state = 'received'`, id, sha, size, format)
			if err != nil || tag.RowsAffected() == 0 {
				return err
			}
			_, err = tx.Exec(ctx, `INSERT INTO pages (document_id, index) SELECT $1, generate_series(0, $2 - 1)
				ON CONFLICT (document_id, index) DO NOTHING`, id, n)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("split %s: %w", id, err)
		}
	}
	rows, err := db.Pool.Query(ctx, `SELECT id FROM pages WHERE document_id = $1 ORDER BY index`, id)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[uuid.UUID])
}

// Page returns a page with what its stages need.
func (db *DB) Page(ctx context.Context, id uuid.UUID) (pipeline.Page, error) {
	var p pipeline.Page
	// A part of a split stack reads its pages from the stack's original.
	err := db.Pool.QueryRow(ctx, `SELECT p.id, p.document_id, d.dossier_id, ds.desk_code, p.index, p.state, COALESCE(st.source_key, d.source_key), p.dpi,
			COALESCE((SELECT object_key FROM artifacts a WHERE a.page_id = p.id AND a.kind = 'page_image'), ''),
			COALESCE(NULLIF(b.ocr_languages, ''), k.ocr_languages), COALESCE(st.version_id, d.version_id), p.text_from, p.blank,
			COALESCE(NULLIF(b.split_rules, ''), k.split_rules), k.dossier_pattern, k.separator_code, p.separator
		FROM pages p JOIN documents d ON d.id = p.document_id LEFT JOIN documents st ON st.id = d.stack_id
		JOIN dossiers ds ON ds.id = d.dossier_id JOIN batches b ON b.id = d.batch_id JOIN desks k ON k.code = ds.desk_code
		WHERE p.id = $1`, id).
		Scan(&p.ID, &p.DocumentID, &p.DossierID, &p.Desk, &p.Index, &p.State, &p.SourceKey, &p.DPI, &p.ImageKey, &p.Languages,
			&p.SourceVersion, &p.TextFrom, &p.Blank, &p.Split.Rules, &p.Split.Pattern, &p.Split.Separator, &p.Separator)
	return p, notFound(err)
}

// StartAttempt counts one more attempt at the page.
func (db *DB) StartAttempt(ctx context.Context, id uuid.UUID) error {
	_, err := db.Pool.Exec(ctx, `UPDATE pages SET attempts = attempts + 1 WHERE id = $1`, id)
	return err
}

func upsertArtifact(ctx context.Context, tx pgx.Tx, page uuid.UUID, a pipeline.Artifact) error {
	_, err := tx.Exec(ctx, `INSERT INTO artifacts (document_id, page_id, kind, object_key, sha256, size, content_type, engine)
		SELECT document_id, id, $2, $3, $4, $5, $6, $7 FROM pages WHERE id = $1
		ON CONFLICT (page_id, kind) WHERE page_id IS NOT NULL DO UPDATE
		SET object_key = EXCLUDED.object_key, sha256 = EXCLUDED.sha256, size = EXCLUDED.size,
		    content_type = EXCLUDED.content_type, engine = EXCLUDED.engine`,
		page, a.Kind, a.Key, a.SHA256, a.Size, a.ContentType, a.Engine)
	return err
}

// PageArtifacts lists one kind of artifact of the document's done pages, in page order.
func (db *DB) PageArtifacts(ctx context.Context, doc uuid.UUID, kind string) ([]pipeline.Artifact, error) {
	rows, err := db.Pool.Query(ctx, `SELECT a.kind, a.object_key, a.sha256, a.size, a.content_type, a.engine
		FROM artifacts a JOIN pages p ON p.id = a.page_id
		WHERE p.document_id = $1 AND p.state = 'done' AND NOT p.separator AND a.kind = $2 ORDER BY p.index`, doc, kind)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Artifact, error) {
		var a pipeline.Artifact
		err := r.Scan(&a.Kind, &a.Key, &a.SHA256, &a.Size, &a.ContentType, &a.Engine)
		return a, err
	})
}

// PutDocumentArtifact records an artifact of the whole document, replacing the previous one of
// its kind.
func (db *DB) PutDocumentArtifact(ctx context.Context, doc uuid.UUID, a pipeline.Artifact) error {
	_, err := db.Pool.Exec(ctx, `INSERT INTO artifacts (document_id, page_id, kind, object_key, sha256, size, content_type, engine)
		VALUES ($1, NULL, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (document_id, kind) WHERE page_id IS NULL DO UPDATE
		SET object_key = EXCLUDED.object_key, sha256 = EXCLUDED.sha256, size = EXCLUDED.size,
		    content_type = EXCLUDED.content_type, engine = EXCLUDED.engine`,
		doc, a.Kind, a.Key, a.SHA256, a.Size, a.ContentType, a.Engine)
	return err
}

// PagePrepared records the clean image and advances pending -> prepared.
func (db *DB) PagePrepared(ctx context.Context, id uuid.UUID, p pipeline.Prepared, img pipeline.Artifact) (advanced bool, err error) {
	err = pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE pages SET state = 'prepared', width = $2, height = $3, dpi = $4, rotated = $5,
			orientation_confidence = $6, skew_degrees = $7, skew_confidence = $8, orientation_by = $9,
			text_from = COALESCE(NULLIF($10, ''), 'ocr'), blank = $11, codes = $12, updated_at = now()
			WHERE id = $1 AND state = 'pending'`,
			id, p.Width, p.Height, p.DPI, p.Rotated, p.OrientationConfidence, p.SkewDegrees, p.SkewConfidence, p.OrientationBy, p.TextFrom, p.Blank,
			append([]string{}, p.Codes...))
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		advanced = true
		return upsertArtifact(ctx, tx, id, img)
	})
	return advanced, err
}

// PageRecognized records the text and its artifacts and advances prepared -> done.
func (db *DB) PageRecognized(ctx context.Context, id uuid.UUID, r pipeline.Recognized, arts []pipeline.Artifact) (advanced bool, err error) {
	err = pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE pages SET state = 'done', text = $2, mean_confidence = $3, low_confidence_share = $4,
			blank = $5, updated_at = now() WHERE id = $1 AND state = 'prepared'`, id, r.Text, r.MeanConfidence, r.LowConfidenceShare, r.Blank)
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		advanced = true
		for _, a := range arts {
			if err := upsertArtifact(ctx, tx, id, a); err != nil {
				return err
			}
		}
		return nil
	})
	return advanced, err
}

// FailPage ends a page that has not ended yet as failed, with its reason.
func (db *DB) FailPage(ctx context.Context, id uuid.UUID, class, msg string) (bool, error) {
	tag, err := db.Pool.Exec(ctx, `UPDATE pages SET state = 'failed', error_class = $2, error_message = left($3, 2000), updated_at = now()
		WHERE id = $1 AND state IN ('pending', 'prepared')`, id, class, msg)
	return err == nil && tag.RowsAffected() == 1, err
}

// DocumentEnded reports whether the document has pages and every one is done or failed.
func (db *DB) DocumentEnded(ctx context.Context, id uuid.UUID) (bool, error) {
	var ended bool
	err := db.Pool.QueryRow(ctx, `SELECT count(*) > 0 AND count(*) FILTER (WHERE state NOT IN ('done', 'failed')) = 0
		FROM pages WHERE document_id = $1`, id).Scan(&ended)
	return ended, err
}

// DocumentText is the text of the document's recognised pages, in page order.
func (db *DB) DocumentText(ctx context.Context, id uuid.UUID) (string, error) {
	var s string
	err := db.Pool.QueryRow(ctx, `SELECT COALESCE(string_agg(text, E'\n\n' ORDER BY index), '')
		FROM pages WHERE document_id = $1 AND state = 'done' AND NOT separator`, id).Scan(&s)
	return s, err
}

// ClassifyDocument ends a split document whose pages have all ended.
func (db *DB) ClassifyDocument(ctx context.Context, id uuid.UUID, c pipeline.Classification) (uuid.UUID, error) {
	var dossier uuid.UUID
	err := db.Pool.QueryRow(ctx, `UPDATE documents d SET
			state = CASE WHEN EXISTS (SELECT 1 FROM pages WHERE document_id = d.id AND state = 'failed') THEN 'failed' ELSE 'classified' END,
			error_class = COALESCE((SELECT error_class FROM pages WHERE document_id = d.id AND state = 'failed' ORDER BY index LIMIT 1), ''),
			doc_type = $2, role = $3, confidence = $4, reason = $5, needs_review = $6, fields = COALESCE($7::jsonb, '{}'),
			updated_at = now()
		WHERE id = $1 AND state = 'split'
		  AND NOT EXISTS (SELECT 1 FROM pages WHERE document_id = d.id AND state NOT IN ('done', 'failed'))
		RETURNING dossier_id`, id, c.Type, c.Role, c.Confidence, c.Reason, c.NeedsReview, nullJSON(c.Fields)).Scan(&dossier)
	if err == pgx.ErrNoRows {
		err = db.Pool.QueryRow(ctx, `SELECT dossier_id FROM documents WHERE id = $1`, id).Scan(&dossier)
	}
	return dossier, notFound(err)
}

func nullJSON(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return string(b)
}

// DossierTypes returns the dossier's procedure code and the types of its classified documents.
func (db *DB) DossierTypes(ctx context.Context, id uuid.UUID) (string, []string, error) {
	var proc string
	var types []string
	err := db.Pool.QueryRow(ctx, `SELECT o.procedure_code,
			COALESCE(array_agg(d.doc_type) FILTER (WHERE d.state = 'classified' AND d.doc_type <> ''), '{}')
		FROM dossiers o LEFT JOIN documents d ON d.dossier_id = o.id WHERE o.id = $1 GROUP BY o.id`, id).Scan(&proc, &types)
	return proc, types, notFound(err)
}

// FinalizeDossier ends the dossier if every document has ended, records its procedure and
// missing components, and recomputes the desk's figures from the rows, serialised per desk so
// concurrent finalizers cannot interleave.
func (db *DB) FinalizeDossier(ctx context.Context, id uuid.UUID, procedure string, missing []string) error {
	return pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		var desk string
		if err := tx.QueryRow(ctx, `SELECT desk_code FROM dossiers WHERE id = $1`, id).Scan(&desk); err != nil {
			return notFound(err)
		}
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('desk:' || $1))`, desk); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `WITH s AS (
				SELECT count(*) AS n,
				       count(*) FILTER (WHERE state IN ('received', 'split')) AS open,
				       count(*) FILTER (WHERE state = 'failed') AS failed
				FROM documents WHERE dossier_id = $1 AND state NOT IN ('duplicate', 'emptied')),
			next AS (SELECT CASE WHEN n = 0 AND (SELECT state FROM dossiers WHERE id = $1) = 'emptied' THEN 'emptied'
			                     WHEN n = 0 OR open > 0 THEN 'open' WHEN failed > 0 THEN 'incomplete' ELSE 'digitized' END AS state FROM s)
			UPDATE dossiers SET state = next.state,
				ended_at = CASE WHEN next.state = 'open' THEN NULL ELSE COALESCE(ended_at, now()) END,
				procedure_code = CASE WHEN procedure_code = '' THEN $2 ELSE procedure_code END,
				missing = $3,
				result_digitized = EXISTS (SELECT 1 FROM documents d WHERE d.dossier_id = $1 AND d.role = 'result' AND d.state = 'classified')
			FROM next WHERE id = $1`, id, procedure, append([]string{}, missing...)); err != nil {
			return err
		}
		var day time.Time
		if err := tx.QueryRow(ctx, `SELECT received_on FROM dossiers WHERE id = $1`, id).Scan(&day); err != nil {
			return err
		}
		if err := recomputeDay(ctx, tx, desk, day); err != nil {
			return err
		}
		if err := recomputeDayCells(ctx, tx, []string{desk}, []time.Time{day}); err != nil {
			return err
		}
		return recomputeDesk(ctx, tx, desk)
	})
}

// recomputeDay recounts a desk's coverage for one day of receipt, then its month, from the
// dossiers and pages themselves. Callers hold the desk's advisory lock.
func recomputeDay(ctx context.Context, tx pgx.Tx, desk string, day time.Time) error {
	if _, err := tx.Exec(ctx, `INSERT INTO desk_daily (desk_code, day, received, digitized, results_issued, results_digitized, pages_done, pages_failed)
		SELECT $1, $2::date, count(*),
		       count(*) FILTER (WHERE o.state = 'digitized'),
		       count(*) FILTER (WHERE o.result_issued_on IS NOT NULL OR o.result_digitized),
		       count(*) FILTER (WHERE o.result_digitized),
		       COALESCE(sum(pg.done), 0), COALESCE(sum(pg.failed), 0)
		FROM dossiers o
		LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE p.state = 'done') AS done, count(*) FILTER (WHERE p.state = 'failed') AS failed
		                     FROM documents d JOIN pages p ON p.document_id = d.id WHERE d.dossier_id = o.id) pg ON true
		WHERE o.desk_code = $1 AND o.received_on = $2::date AND o.state <> 'emptied'
		ON CONFLICT (desk_code, day) DO UPDATE SET received = EXCLUDED.received, digitized = EXCLUDED.digitized,
			results_issued = EXCLUDED.results_issued, results_digitized = EXCLUDED.results_digitized,
			pages_done = EXCLUDED.pages_done, pages_failed = EXCLUDED.pages_failed`, desk, day); err != nil {
		return fmt.Errorf("recompute %s %s: %w", desk, day.Format(time.DateOnly), err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO desk_monthly (desk_code, month, received, digitized, results_issued, results_digitized, pages_done, pages_failed)
		SELECT $1, date_trunc('month', $2::date)::date, COALESCE(sum(received), 0), COALESCE(sum(digitized), 0),
		       COALESCE(sum(results_issued), 0), COALESCE(sum(results_digitized), 0), COALESCE(sum(pages_done), 0), COALESCE(sum(pages_failed), 0)
		FROM desk_daily WHERE desk_code = $1 AND day >= date_trunc('month', $2::date) AND day < date_trunc('month', $2::date) + interval '1 month'
		ON CONFLICT (month, desk_code) DO UPDATE SET received = EXCLUDED.received, digitized = EXCLUDED.digitized,
			results_issued = EXCLUDED.results_issued, results_digitized = EXCLUDED.results_digitized,
			pages_done = EXCLUDED.pages_done, pages_failed = EXCLUDED.pages_failed`, desk, day); err != nil {
		return err
	}
	// The day's bit in desk_days: the string grows at either end to reach the day, then the
	// bit is set from the day's recount.
	if _, err := tx.Exec(ctx, `INSERT INTO desk_days AS t (desk_code, first_day, digitized) VALUES ($1, $2::date, B'0')
		ON CONFLICT (desk_code) DO UPDATE SET first_day = LEAST(t.first_day, $2::date),
			digitized = repeat('0', GREATEST(t.first_day - $2::date, 0))::varbit || t.digitized
			         || repeat('0', GREATEST($2::date - t.first_day + 1 - length(t.digitized), 0))::varbit`, desk, day); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `UPDATE desk_days SET digitized = set_bit(digitized, $2::date - first_day,
			(SELECT CASE WHEN COALESCE(bool_or(digitized > 0), false) THEN 1 ELSE 0 END FROM desk_daily WHERE desk_code = $1 AND day = $2::date))
		WHERE desk_code = $1`, desk, day)
	return err
}

// recomputeDayCells recounts the cells of these desks' days (desks[i] on days[i]), after
// recomputeDay has recounted the desks.
func recomputeDayCells(ctx context.Context, tx pgx.Tx, desks []string, days []time.Time) error {
	return recomputeCells(ctx, tx, `SELECT k.province_code, k.district_code, k.ministry_code, t.day
		FROM unnest($1::text[], $2::date[]) t(desk, day) JOIN desks k ON k.code = t.desk`, desks, days)
}

// recomputeCells recounts cell_daily for the cells and days the query selects, from desk_daily,
// and their cell_monthly rows. Each cell and month is locked first, in one order everywhere, and the lock is held to commit:
// whichever writer of a cell's desks recounts last sees every other's committed rows. Callers
// have taken their desks' locks already (desks before cells, so no cycle).
func recomputeCells(ctx context.Context, tx pgx.Tx, cells string, args ...any) error {
	rows, err := tx.Query(ctx, `SELECT DISTINCT * FROM (`+cells+`) c ORDER BY 1, 2, 3, 4`, args...)
	if err != nil {
		return fmt.Errorf("cells: %w", err)
	}
	type cell struct {
		province, district, ministry string
		day                          time.Time
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (cell, error) {
		var c cell
		err := r.Scan(&c.province, &c.district, &c.ministry, &c.day)
		return c, err
	})
	if err != nil {
		return fmt.Errorf("cells: %w", err)
	}
	for _, c := range list {
		// By month: the month's row is recounted from its days under the same lock.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('cell:' || $1 || '/' || $2 || '/' || $3 || '/' || to_char($4::date, 'YYYY-MM')))`,
			c.province, c.district, c.ministry, c.day); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO cell_daily (day, province_code, district_code, ministry_code, received, digitized,
				results_issued, results_digitized, pages_done, pages_failed)
			SELECT $4::date, $1, $2, $3, COALESCE(sum(f.received), 0), COALESCE(sum(f.digitized), 0), COALESCE(sum(f.results_issued), 0),
			       COALESCE(sum(f.results_digitized), 0), COALESCE(sum(f.pages_done), 0), COALESCE(sum(f.pages_failed), 0)
			FROM desks k JOIN desk_daily f ON f.desk_code = k.code AND f.day = $4::date
			WHERE k.province_code = $1 AND k.district_code = $2 AND k.ministry_code = $3
			ON CONFLICT (day, province_code, district_code, ministry_code) DO UPDATE SET received = EXCLUDED.received,
				digitized = EXCLUDED.digitized, results_issued = EXCLUDED.results_issued, results_digitized = EXCLUDED.results_digitized,
				pages_done = EXCLUDED.pages_done, pages_failed = EXCLUDED.pages_failed`,
			c.province, c.district, c.ministry, c.day); err != nil {
			return fmt.Errorf("recompute cell %s/%s/%s %s: %w", c.province, c.district, c.ministry, c.day.Format(time.DateOnly), err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO cell_monthly (month, province_code, district_code, ministry_code, received, digitized,
				results_issued, results_digitized, pages_done, pages_failed)
			SELECT date_trunc('month', $4::date)::date, $1, $2, $3, COALESCE(sum(received), 0), COALESCE(sum(digitized), 0),
			       COALESCE(sum(results_issued), 0), COALESCE(sum(results_digitized), 0), COALESCE(sum(pages_done), 0), COALESCE(sum(pages_failed), 0)
			FROM cell_daily WHERE province_code = $1 AND district_code = $2 AND ministry_code = $3
			  AND day >= date_trunc('month', $4::date) AND day < date_trunc('month', $4::date) + interval '1 month'
			ON CONFLICT (month, province_code, district_code, ministry_code) DO UPDATE SET received = EXCLUDED.received,
				digitized = EXCLUDED.digitized, results_issued = EXCLUDED.results_issued, results_digitized = EXCLUDED.results_digitized,
				pages_done = EXCLUDED.pages_done, pages_failed = EXCLUDED.pages_failed`,
			c.province, c.district, c.ministry, c.day); err != nil {
			return fmt.Errorf("recompute cell %s/%s/%s %s: %w", c.province, c.district, c.ministry, c.day.Format("2006-01"), err)
		}
	}
	return nil
}

func recomputeDesk(ctx context.Context, tx pgx.Tx, desk string) error {
	_, err := tx.Exec(ctx, `INSERT INTO desk_figures (desk_code, dossiers, dossiers_digitized, percentage, pages_done, pages_failed,
			pages_blank, pages_separator, updated_at)
		SELECT $1, ds.n, ds.digitized,
		       CASE WHEN ds.n = 0 THEN 0 ELSE round(100.0 * ds.digitized / ds.n, 2) END,
		       pg.done, pg.failed, pg.blank, pg.separator, now()
		FROM (SELECT count(*) AS n, count(*) FILTER (WHERE state = 'digitized') AS digitized FROM dossiers WHERE desk_code = $1 AND state <> 'emptied') ds,
		     (SELECT count(*) FILTER (WHERE p.state = 'done') AS done, count(*) FILTER (WHERE p.state = 'failed') AS failed,
		             count(*) FILTER (WHERE p.state = 'done' AND p.blank AND NOT p.separator) AS blank,
		             count(*) FILTER (WHERE p.separator) AS separator
		        FROM pages p JOIN documents d ON d.id = p.document_id JOIN dossiers o ON o.id = d.dossier_id
		       WHERE o.desk_code = $1) pg
		ON CONFLICT (desk_code) DO UPDATE SET dossiers = EXCLUDED.dossiers, dossiers_digitized = EXCLUDED.dossiers_digitized,
			percentage = EXCLUDED.percentage, pages_done = EXCLUDED.pages_done, pages_failed = EXCLUDED.pages_failed,
			pages_blank = EXCLUDED.pages_blank, pages_separator = EXCLUDED.pages_separator, updated_at = EXCLUDED.updated_at`, desk)
	return err
}

// Stuck lists work whose task may have been lost: rows that have sat in a non-terminal state
// longer than age, and documents or dossiers whose parts have all ended but which have not.
func (db *DB) Stuck(ctx context.Context, age time.Duration, limit int, after uuid.UUID) ([]pipeline.Work, error) {
	rows, err := db.Pool.Query(ctx, `
		(SELECT $3::text, id FROM documents WHERE state = 'received' AND updated_at < now() - make_interval(secs => $1) LIMIT $2)
		UNION ALL
		(SELECT CASE state WHEN 'pending' THEN $4 ELSE $5 END, id FROM pages
		  WHERE state IN ('pending', 'prepared') AND updated_at < now() - make_interval(secs => $1) AND id > $8
		  ORDER BY id LIMIT $2)
		UNION ALL
		(SELECT $6, d.id FROM documents d WHERE d.state = 'split' AND d.updated_at < now() - make_interval(secs => $1)
		   AND NOT EXISTS (SELECT 1 FROM pages p WHERE p.document_id = d.id AND p.state NOT IN ('done', 'failed')) LIMIT $2)
		UNION ALL
		(SELECT $7, o.id FROM dossiers o WHERE o.state = 'open'
		   AND EXISTS (SELECT 1 FROM documents d WHERE d.dossier_id = o.id AND d.updated_at < now() - make_interval(secs => $1))
		   AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.dossier_id = o.id AND d.state IN ('received', 'split')) LIMIT $2)`,
		age.Seconds(), limit, pipeline.TypeIngest, pipeline.TypePrepare, pipeline.TypeOCR, pipeline.TypeClassify, pipeline.TypeFinalize, after)
	if err != nil {
		return nil, fmt.Errorf("stuck work: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Work, error) {
		var w pipeline.Work
		err := r.Scan(&w.Type, &w.ID)
		return w, err
	})
}

// BeginAttempt opens a ledger row for a stage attempt.
func (db *DB) BeginAttempt(ctx context.Context, a pipeline.Attempt) (int64, error) {
	var id int64
	var row *uuid.UUID
	if a.RowID != uuid.Nil {
		row = &a.RowID
	}
	err := db.Pool.QueryRow(ctx, `INSERT INTO stage_attempts (task_id, task_type, row_id, attempt, worker) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		a.TaskID, a.TaskType, row, a.Attempt, a.Worker).Scan(&id)
	return id, err
}

// EndAttempt closes a ledger row with its outcome.
func (db *DB) EndAttempt(ctx context.Context, id int64, outcome, class, msg string, waited time.Duration) error {
	_, err := db.Pool.Exec(ctx, `UPDATE stage_attempts SET ended_at = now(), outcome = $2, error_class = $3, message = left($4, 2000),
			slot_wait_ms = $5 WHERE id = $1`,
		id, outcome, class, msg, waited.Milliseconds())
	return err
}

// AbandonAttempts closes ledger rows still running after olderThan, whose worker must have
// died: no task runs past its timeout.
func (db *DB) AbandonAttempts(ctx context.Context, olderThan time.Duration) (int64, error) {
	tag, err := db.Pool.Exec(ctx, `UPDATE stage_attempts SET ended_at = now(), outcome = 'abandoned',
			message = 'no outcome within the task timeout: the worker stopped mid-task'
		WHERE outcome = 'running' AND started_at < now() - $1::interval`, olderThan)
	return tag.RowsAffected(), err
}

// RevivePage puts a failed page back into work at state (pending or prepared), reopening its
// document and dossier and recounting its desk, so that an operator's retry (in asynqmon or
// through sohoa retry) runs it again and its figures follow.
func (db *DB) RevivePage(ctx context.Context, id uuid.UUID, state string) (bool, error) {
	revived := false
	err := pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		var doc, dossier uuid.UUID
		var desk string
		var day time.Time
		err := tx.QueryRow(ctx, `SELECT p.document_id, d.dossier_id, o.desk_code, o.received_on
			FROM pages p JOIN documents d ON d.id = p.document_id JOIN dossiers o ON o.id = d.dossier_id
			WHERE p.id = $1 AND p.state = 'failed'`, id).Scan(&doc, &dossier, &desk, &day)
		if err == pgx.ErrNoRows {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('desk:' || $1))`, desk); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE pages SET state = $2, error_class = '', error_message = '', updated_at = now()
			WHERE id = $1 AND state = 'failed'`, id, state)
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		revived = true
		if _, err := tx.Exec(ctx, `UPDATE documents SET state = 'split', error_class = '', updated_at = now()
			WHERE id = $1 AND state IN ('failed', 'classified')`, doc); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE dossiers SET state = 'open', ended_at = NULL WHERE id = $1`, dossier); err != nil {
			return err
		}
		if err := recomputeDay(ctx, tx, desk, day); err != nil {
			return err
		}
		if err := recomputeDayCells(ctx, tx, []string{desk}, []time.Time{day}); err != nil {
			return err
		}
		return recomputeDesk(ctx, tx, desk)
	})
	return revived, err
}

// RetryCandidates lists failed pages matching the filter, with whether each has its clean image
// (then it failed at OCR, and is retried from there).
func (db *DB) RetryCandidates(ctx context.Context, f pipeline.RetryFilter) ([]pipeline.RetryCandidate, error) {
	rows, err := db.Pool.Query(ctx, `SELECT p.id, p.error_class,
			EXISTS (SELECT 1 FROM artifacts a WHERE a.page_id = p.id AND a.kind = 'page_image')
		FROM pages p JOIN documents d ON d.id = p.document_id JOIN dossiers o ON o.id = d.dossier_id JOIN batches b ON b.id = d.batch_id
		WHERE p.state = 'failed'
		  AND ($1 = '' OR o.desk_code = $1) AND ($2 = '' OR b.name = $2 OR b.id::text = $2)
		  AND (cardinality($3::text[]) = 0 OR p.error_class = ANY($3))
		  AND p.updated_at >= $4 AND p.updated_at < $5
		  AND (COALESCE(cardinality($6::uuid[]), 0) = 0 OR p.id = ANY($6))
		ORDER BY p.updated_at`, f.Desk, f.Batch, f.Classes, f.From, f.To, f.Pages)
	if err != nil {
		return nil, fmt.Errorf("retry candidates: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.RetryCandidate, error) {
		var c pipeline.RetryCandidate
		err := r.Scan(&c.Page, &c.Class, &c.HasImage)
		return c, err
	})
}

// KnownSources reports which of keys are already documents, with the SHA-256 of the file
// registered (checked at upload) or read (at ingest) there.
func (db *DB) KnownSources(ctx context.Context, keys []string) (map[string]string, error) {
	rows, err := db.Pool.Query(ctx, `SELECT source_key, COALESCE(NULLIF(uploaded_sha256, ''), sha256, '') FROM documents WHERE source_key = ANY($1)`, keys)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	var key, sum string
	_, err = pgx.ForEachRow(rows, []any{&key, &sum}, func() error {
		out[key] = sum
		return nil
	})
	return out, err
}

// SetSignatures records the digital signatures of a document's original.
func (db *DB) SetSignatures(ctx context.Context, doc uuid.UUID, sigs []scan.Signature) error {
	_, err := db.Pool.Exec(ctx, `UPDATE documents SET signatures = $2 WHERE id = $1`, doc, sigs)
	return err
}

// SetSourceVersion records the S3 version of a document's original.
func (db *DB) SetSourceVersion(ctx context.Context, doc uuid.UUID, version string) error {
	_, err := db.Pool.Exec(ctx, `UPDATE documents SET version_id = $2 WHERE id = $1 AND version_id = ''`, doc, version)
	return err
}
