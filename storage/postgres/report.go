package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/sohoa/sohoa/pipeline"
)

// DeskFigures returns every desk's figures, desks with nothing uploaded at zero.
func (db *DB) DeskFigures(ctx context.Context) ([]pipeline.DeskFigure, error) {
	rows, err := db.Pool.Query(ctx, `SELECT d.code, d.name, d.kind, COALESCE(f.dossiers, 0), COALESCE(f.dossiers_digitized, 0),
			COALESCE(f.percentage, 0)::float8, COALESCE(f.pages_done, 0), COALESCE(f.pages_failed, 0),
			COALESCE(f.pages_blank, 0), COALESCE(f.pages_separator, 0), COALESCE(f.updated_at, d.created_at)
		FROM desks d LEFT JOIN desk_figures f ON f.desk_code = d.code ORDER BY d.code`)
	if err != nil {
		return nil, fmt.Errorf("desk figures: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.DeskFigure, error) {
		var f pipeline.DeskFigure
		err := r.Scan(&f.Desk, &f.Name, &f.Kind, &f.Dossiers, &f.DossiersDigitized, &f.Percentage, &f.PagesDone, &f.PagesFailed, &f.PagesBlank, &f.PagesSeparator, &f.UpdatedAt)
		return f, err
	})
}

// FailedPages lists pages that ended in failure, newest first.
func (db *DB) FailedPages(ctx context.Context, desk string, limit int) ([]pipeline.FailedPage, error) {
	rows, err := db.Pool.Query(ctx, `SELECT o.desk_code, o.code, d.filename, p.index, p.error_class, p.error_message, p.id,
			EXISTS (SELECT 1 FROM artifacts a WHERE a.page_id = p.id AND a.kind = 'page_image')
		FROM pages p JOIN documents d ON d.id = p.document_id JOIN dossiers o ON o.id = d.dossier_id
		WHERE p.state = 'failed' AND ($2 = '' OR o.desk_code = $2) ORDER BY p.updated_at DESC LIMIT $1`, limit, desk)
	if err != nil {
		return nil, fmt.Errorf("failed pages: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.FailedPage, error) {
		var f pipeline.FailedPage
		var prepared bool
		err := r.Scan(&f.Desk, &f.Dossier, &f.Filename, &f.Index, &f.Class, &f.Message, &f.Page, &prepared)
		stage := pipeline.TypePrepare
		if prepared {
			stage = pipeline.TypeOCR
		}
		f.Queue, f.TaskID = pipeline.QueueOf(stage), pipeline.TaskIDOf(stage, f.Page)
		return f, err
	})
}

// UnitPath is a unit and the units above it, the nation first.
func (db *DB) UnitPath(ctx context.Context, code string) ([]pipeline.Unit, error) {
	rows, err := db.Pool.Query(ctx, `WITH RECURSIVE up AS (
			SELECT code, name, name_en, level, parent_code, 0 AS depth FROM units WHERE code = $1
			UNION ALL
			SELECT u.code, u.name, u.name_en, u.level, u.parent_code, up.depth + 1 FROM units u JOIN up ON u.code = up.parent_code WHERE up.depth < 10)
		SELECT code, name, COALESCE(name_en, ''), level, COALESCE(parent_code, '') FROM up ORDER BY depth DESC`, code)
	if err != nil {
		return nil, err
	}
	path, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Unit, error) {
		var u pipeline.Unit
		return u, r.Scan(&u.Code, &u.Name, &u.NameEN, &u.Level, &u.Parent)
	})
	if err == nil && len(path) == 0 {
		err = pipeline.ErrNotFound
	}
	return path, err
}

// TaskRow says where a task's row comes from: a page's (prepare, OCR), a document's (ingest,
// classify) or a dossier's (finalize).
func (db *DB) TaskRow(ctx context.Context, taskType string, id uuid.UUID) (pipeline.TaskRow, error) {
	var t pipeline.TaskRow
	var err error
	switch taskType {
	case pipeline.TypePrepare, pipeline.TypeOCR:
		err = db.Pool.QueryRow(ctx, `SELECT o.desk_code, b.name, o.code, d.id, p.index FROM pages p
			JOIN documents d ON d.id = p.document_id JOIN dossiers o ON o.id = d.dossier_id JOIN batches b ON b.id = d.batch_id
			WHERE p.id = $1`, id).Scan(&t.Desk, &t.Batch, &t.Dossier, &t.Document, &t.Page)
	case pipeline.TypeFinalize:
		t.Page = -1
		err = db.Pool.QueryRow(ctx, `SELECT desk_code, code FROM dossiers WHERE id = $1`, id).Scan(&t.Desk, &t.Dossier)
	default:
		t.Page = -1
		err = db.Pool.QueryRow(ctx, `SELECT o.desk_code, b.name, o.code, d.id FROM documents d
			JOIN dossiers o ON o.id = d.dossier_id JOIN batches b ON b.id = d.batch_id WHERE d.id = $1`, id).Scan(&t.Desk, &t.Batch, &t.Dossier, &t.Document)
	}
	return t, notFound(err)
}

// BatchStatus reports a batch's pages and each file's result.
func (db *DB) BatchStatus(ctx context.Context, id uuid.UUID) (pipeline.BatchStatus, error) {
	var b pipeline.BatchStatus
	err := db.Pool.QueryRow(ctx, `SELECT id, desk_code, name, created_at FROM batches WHERE id = $1`, id).
		Scan(&b.ID, &b.Desk, &b.Name, &b.CreatedAt)
	if err != nil {
		return b, notFound(err)
	}
	rows, err := db.Pool.Query(ctx, `SELECT d.id, o.code, d.filename, d.state, d.doc_type, d.role, d.confidence, d.needs_review,
			COALESCE(NULLIF(d.error_class, ''), max(p.error_class) FILTER (WHERE p.state = 'failed'), ''),
			count(p.id), count(p.id) FILTER (WHERE p.state = 'done'), count(p.id) FILTER (WHERE p.state = 'failed'),
			count(p.id) FILTER (WHERE p.state = 'done' AND p.blank AND NOT p.separator),
			COALESCE(string_agg(NULLIF(p.error_message, ''), '; '), ''),
			COALESCE(array_agg(p.index ORDER BY p.index) FILTER (WHERE p.id IS NOT NULL AND NOT p.separator), '{}'),
			COALESCE(array_agg(p.index ORDER BY p.index) FILTER (WHERE p.separator), '{}'), d.split_by, d.stack_id
		FROM documents d JOIN dossiers o ON o.id = d.dossier_id LEFT JOIN pages p ON p.document_id = d.id
		WHERE d.batch_id = $1 GROUP BY d.id, o.code ORDER BY o.code, d.filename, min(p.index)`, id)
	if err != nil {
		return b, fmt.Errorf("batch %s: %w", id, err)
	}
	b.Files, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.FileStatus, error) {
		var f pipeline.FileStatus
		err := r.Scan(&f.Document, &f.Dossier, &f.Filename, &f.State, &f.Type, &f.Role, &f.Confidence, &f.NeedsReview, &f.ErrorClass,
			&f.Pages, &f.PagesDone, &f.PagesFailed, &f.PagesBlank, &f.Error, &f.PageIndexes, &f.Separators, &f.SplitBy, &f.Stack)
		return f, err
	})
	if err != nil {
		return b, err
	}
	for _, f := range b.Files {
		b.Pages += f.Pages
		b.PagesDone += f.PagesDone
		b.PagesFailed += f.PagesFailed
		b.PagesBlank += f.PagesBlank
		if f.State == pipeline.DocReceived || f.State == pipeline.DocSplit {
			b.FilesInWork++
		}
	}
	b.Finished = b.FilesInWork == 0 && len(b.Files) > 0
	// ETA at the pace the batch has gone so far.
	if left := b.Pages - b.PagesDone - b.PagesFailed; left > 0 && b.PagesDone+b.PagesFailed > 0 {
		perPage := time.Since(b.CreatedAt).Seconds() / float64(b.PagesDone+b.PagesFailed)
		b.ETASeconds = int(perPage*float64(left) + 0.5)
	}
	return b, nil
}

// Search finds recognised pages whose text holds every word of q, ignoring case and
// diacritics, best first, narrowed by the filter (desk, type, role, dossier, day received).
func (db *DB) Search(ctx context.Context, q string, f pipeline.SearchFilter, limit int) ([]pipeline.SearchHit, error) {
	var from, to *time.Time
	if !f.From.IsZero() {
		from = &f.From
	}
	if !f.To.IsZero() {
		to = &f.To
	}
	rows, err := db.Pool.Query(ctx, `SELECT d.id, o.desk_code, o.code, d.filename, d.doc_type, p.index, p.text,
			EXISTS (SELECT 1 FROM artifacts a WHERE a.document_id = d.id AND a.page_id IS NULL AND a.kind = 'pdf')
		FROM pages p JOIN documents d ON d.id = p.document_id JOIN dossiers o ON o.id = d.dossier_id,
		     plainto_tsquery('simple', sohoa_fold($1)) q
		WHERE p.state = 'done' AND NOT p.separator AND to_tsvector('simple', sohoa_fold(p.text)) @@ q AND ($2 = '' OR o.desk_code = $2)
		  AND ($4 = '' OR d.doc_type = $4) AND ($5 = '' OR d.role = $5) AND ($6 = '' OR o.code = $6)
		  AND ($7::date IS NULL OR o.received_on >= $7) AND ($8::date IS NULL OR o.received_on < $8)
		ORDER BY ts_rank(to_tsvector('simple', sohoa_fold(p.text)), q) DESC, o.code, d.filename, p.index
		LIMIT $3`, q, f.Desk, limit, f.Type, f.Role, f.Dossier, from, to)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.SearchHit, error) {
		var h pipeline.SearchHit
		err := r.Scan(&h.Document, &h.Desk, &h.Dossier, &h.Filename, &h.Type, &h.Page, &h.Text, &h.HasPDF)
		return h, err
	})
}

// DocumentInfo returns a document with its pages and its searchable PDF's key.
func (db *DB) DocumentInfo(ctx context.Context, id uuid.UUID) (pipeline.DocumentInfo, error) {
	var d pipeline.DocumentInfo
	err := db.Pool.QueryRow(ctx, `SELECT d.id, o.desk_code, o.code, d.filename, d.state, d.doc_type, d.role, d.confidence, d.reason,
			d.needs_review, d.fields, d.signatures,
			COALESCE((SELECT object_key FROM artifacts a WHERE a.document_id = d.id AND a.page_id IS NULL AND a.kind = 'pdf'), ''),
			d.split_by, d.stack_id, s.source_key, s.version_id, s.filename
		FROM documents d JOIN dossiers o ON o.id = d.dossier_id JOIN documents s ON s.id = COALESCE(d.stack_id, d.id)
		WHERE d.id = $1`, id).
		Scan(&d.ID, &d.Desk, &d.Dossier, &d.Filename, &d.State, &d.Type, &d.Role, &d.Confidence, &d.Reason,
			&d.NeedsReview, &d.Fields, &d.Signatures, &d.PDFKey, &d.SplitBy, &d.Stack, &d.Original.Key, &d.Original.Version, &d.Original.Filename)
	if err != nil {
		return d, notFound(err)
	}
	crows, err := db.Pool.Query(ctx, `SELECT c.at, c.by_user, c.kind, c.from_type, c.to_type, c.pages, c.from_document, c.to_document, COALESCE(o.code, '')
		FROM corrections c LEFT JOIN documents t ON t.id = c.to_document LEFT JOIN dossiers o ON o.id = t.dossier_id
		WHERE c.document_id = $1 ORDER BY c.id`, id)
	if err != nil {
		return d, err
	}
	d.Corrections, err = pgx.CollectRows(crows, func(r pgx.CollectableRow) (pipeline.Correction, error) {
		var c pipeline.Correction
		err := r.Scan(&c.At, &c.By, &c.Kind, &c.FromType, &c.ToType, &c.Pages, &c.FromDocument, &c.ToDocument, &c.ToDossier)
		return c, err
	})
	if err != nil {
		return d, err
	}
	rows, err := db.Pool.Query(ctx, `SELECT index, state, error_class, rotated, skew_degrees, mean_confidence, text, text_from, blank, codes, separator,
			COALESCE((SELECT object_key FROM artifacts a WHERE a.page_id = p.id AND a.kind = 'page_image'), '')
		FROM pages p WHERE document_id = $1 ORDER BY index`, id)
	if err != nil {
		return d, err
	}
	d.Pages, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.PageInfo, error) {
		var p pipeline.PageInfo
		err := r.Scan(&p.Index, &p.State, &p.ErrorClass, &p.Rotated, &p.SkewDegrees, &p.MeanConfidence, &p.Text, &p.TextFrom, &p.Blank, &p.Codes, &p.Separator, &p.ImageKey)
		return p, err
	})
	for _, p := range d.Pages {
		if !p.Blank && !p.Separator {
			d.PageCount++
		}
	}
	return d, err
}

// Dossiers lists dossiers (of one desk, or all) with their completeness.
func (db *DB) Dossiers(ctx context.Context, desk string, limit int) ([]pipeline.DossierInfo, error) {
	rows, err := db.Pool.Query(ctx, `SELECT o.id, o.desk_code, o.code, o.state, o.procedure_code, o.missing,
			count(d.id), count(d.id) FILTER (WHERE d.needs_review),
			COALESCE(bool_or(d.role = 'result' AND d.state = 'classified'), false)
		FROM dossiers o LEFT JOIN documents d ON d.dossier_id = o.id
		WHERE $1 = '' OR o.desk_code = $1 GROUP BY o.id ORDER BY o.desk_code, o.code LIMIT $2`, desk, limit)
	if err != nil {
		return nil, fmt.Errorf("dossiers: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.DossierInfo, error) {
		var d pipeline.DossierInfo
		err := r.Scan(&d.ID, &d.Desk, &d.Code, &d.State, &d.Procedure, &d.Missing, &d.Documents, &d.NeedsReview, &d.ResultDigitized)
		return d, err
	})
}

// Batches lists batches, newest first, with their progress (of one desk, or all).
func (db *DB) Batches(ctx context.Context, desk string, limit int) ([]pipeline.BatchSummary, error) {
	rows, err := db.Pool.Query(ctx, `SELECT b.id, b.desk_code, b.name, b.created_at,
			count(DISTINCT d.id) FILTER (WHERE d.state NOT IN ('duplicate', 'emptied')),
			count(DISTINCT d.id) FILTER (WHERE d.state IN ('received', 'split')),
			count(p.id), count(p.id) FILTER (WHERE p.state = 'done'), count(p.id) FILTER (WHERE p.state = 'failed')
		FROM batches b LEFT JOIN documents d ON d.batch_id = b.id LEFT JOIN pages p ON p.document_id = d.id
		WHERE $1 = '' OR b.desk_code = $1 GROUP BY b.id ORDER BY b.created_at DESC, b.name LIMIT $2`, desk, limit)
	if err != nil {
		return nil, fmt.Errorf("batches: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.BatchSummary, error) {
		var b pipeline.BatchSummary
		err := r.Scan(&b.ID, &b.Desk, &b.Name, &b.CreatedAt, &b.Documents, &b.InWork, &b.Pages, &b.PagesDone, &b.PagesFailed)
		return b, err
	})
}
