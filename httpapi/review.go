package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/google/uuid"
	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/pipeline"
)

// Review is the record behind document review and the catalogue.
type Review interface {
	ReviewQueue(ctx context.Context, desk string, limit int) ([]classify.ReviewItem, error)
	// ConfirmType and MovePages write by (editor) in the document's history of corrections.
	ConfirmType(ctx context.Context, id uuid.UUID, typ, role, by string) (uuid.UUID, error)
	TypeOverrides(ctx context.Context) ([]classify.Type, error)
	PutTypeOverride(ctx context.Context, t classify.Type, by string) error
	ProcedureOverrides(ctx context.Context) ([]classify.Procedure, error)
	PutProcedureOverride(ctx context.Context, p classify.Procedure, by string) error
	CatalogueHistory(ctx context.Context, limit int) ([]classify.Change, error)
	// MovePages corrects a stack's split: pages to another document of the same file, or to a
	// new document of a dossier. It returns the documents to classify and dossiers to finalize.
	MovePages(ctx context.Context, from uuid.UUID, pages []int, toDoc uuid.UUID, toDossier, by string) (docs, dossiers []uuid.UUID, err error)
}

func (s *Server) catalogue(ctx context.Context) (classify.Catalogue, error) {
	over, err := s.Review.TypeOverrides(ctx)
	if err != nil {
		return classify.Catalogue{}, err
	}
	procs, err := s.Review.ProcedureOverrides(ctx)
	if err != nil {
		return classify.Catalogue{}, err
	}
	return classify.Builtin().WithOverrides(over).WithProcedures(procs), nil
}

// editor names who changes the catalogue or a document, for its history: a signed-in person,
// or a desk's API key.
func editor(ctx context.Context) string {
	if u, ok := CurrentUser(ctx); ok {
		return u.Name
	}
	if p := principalOf(ctx); p.Name != "" {
		return p.Name
	} else if p.Role == "desk" {
		return "API key " + p.Desk
	}
	return "unknown"
}

// reviewQueue serves GET /api/v1/review?desk=CODE: documents classified below the review
// threshold, personal fields masked.
func (s *Server) reviewQueue(w http.ResponseWriter, r *http.Request) {
	items, err := s.Review.ReviewQueue(r.Context(), scope(r), 200)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"documents": items})
}

// confirmType serves POST /api/v1/documents/{id}/type with {"type": "giay_khai_sinh"}: a
// person confirms or corrects the type; the label becomes training data for the next
// `sohoa classify train`, and the dossier's completeness is recomputed.
// setType records a person's type for a document the request's principal sees, and has its
// dossier finalized again; it returns the type's role.
func (s *Server) setType(ctx context.Context, id uuid.UUID, typ string) (string, error) {
	if d, err := s.Store.DocumentInfo(ctx, id); err != nil || !sees(ctx, d.Desk) {
		return "", pipeline.ErrNotFound
	}
	cat, err := s.catalogue(ctx)
	if err != nil {
		return "", err
	}
	role := ""
	if t, ok := cat.Type(typ); ok {
		role = t.Role
	} else if typ != classify.Unknown {
		return "", &pipeline.Failure{Class: "bad_type", Err: fmt.Errorf("type %s is not in the catalogue", typ)}
	}
	dossier, err := s.Review.ConfirmType(ctx, id, typ, role, editor(ctx))
	if err != nil {
		return "", err
	}
	_, err = s.Queue.EnqueueContext(ctx, pipeline.NewTask(pipeline.TypeFinalize, dossier))
	return role, err
}

func (s *Server) confirmType(w http.ResponseWriter, r *http.Request) {
	id, err := uuid.Parse(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, pipeline.ErrNotFound)
		return
	}
	var body struct {
		Type string `json:"type"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "want {\"type\": \"<code>\"}"})
		return
	}
	role, err := s.setType(r.Context(), id, body.Type)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"document": id, "type": body.Type, "role": role})
}

// catalogueTypes serves GET /api/v1/catalogue: the built-in catalogue with its overrides.
func (s *Server) catalogueTypes(w http.ResponseWriter, r *http.Request) {
	cat, err := s.catalogue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, cat)
}

// putType serves PUT /api/v1/catalogue/types/{code}: a type that replaces or extends the
// built-in one, picked up by workers within a minute.
func (s *Server) putType(w http.ResponseWriter, r *http.Request) {
	var t classify.Type
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&t); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	t.Code = r.PathValue("code")
	if err := s.saveType(r.Context(), t); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

func (s *Server) saveType(ctx context.Context, t classify.Type) error {
	if t.Code == "" || t.Role != "input" && t.Role != "result" || t.Name == "" || len(t.Titles) == 0 {
		return &pipeline.Failure{Class: "bad_catalogue", Err: errors.New("a type needs a code, a name, role input or result, and at least one title")}
	}
	return s.Review.PutTypeOverride(ctx, t, editor(ctx))
}

// putProcedure serves PUT /api/v1/catalogue/procedures/{code}: a procedure (its name, the
// components its dossier requires and its result) that replaces or extends the built-in one;
// dossiers finalized from then on are checked against it (workers pick it up within a minute).
func (s *Server) putProcedure(w http.ResponseWriter, r *http.Request) {
	var p classify.Procedure
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&p); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	p.Code = r.PathValue("code")
	if err := s.saveProcedure(r.Context(), p); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *Server) saveProcedure(ctx context.Context, p classify.Procedure) error {
	cat, err := s.catalogue(ctx)
	if err != nil {
		return err
	}
	if err := p.Check(cat); err != nil {
		return &pipeline.Failure{Class: "bad_catalogue", Err: err}
	}
	return s.Review.PutProcedureOverride(ctx, p, editor(ctx))
}

// catalogueHistory serves GET /api/v1/catalogue/history: who changed which type or procedure,
// when, and what it was before; newest first.
func (s *Server) catalogueHistory(w http.ResponseWriter, r *http.Request) {
	h, err := s.Review.CatalogueHistory(r.Context(), 500)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"changes": h})
}

// move moves pages of a document the request's principal sees (MovePages), then queues the
// documents' classification and the dossiers' finalization.
func (s *Server) move(ctx context.Context, id uuid.UUID, pages []int, toDoc uuid.UUID, toDossier string) (docs, dossiers []uuid.UUID, err error) {
	if d, err := s.Store.DocumentInfo(ctx, id); err != nil || !sees(ctx, d.Desk) {
		return nil, nil, pipeline.ErrNotFound
	}
	if toDossier != "" {
		if err := pipeline.CheckDossierCode(toDossier); err != nil {
			return nil, nil, err
		}
	}
	if docs, dossiers, err = s.Review.MovePages(ctx, id, pages, toDoc, toDossier, editor(ctx)); err != nil {
		return nil, nil, err
	}
	for _, d := range docs {
		if _, err := s.Queue.EnqueueContext(ctx, pipeline.NewTask(pipeline.TypeClassify, d)); err != nil {
			return nil, nil, err
		}
	}
	for _, o := range dossiers {
		if _, err := s.Queue.EnqueueContext(ctx, pipeline.NewTask(pipeline.TypeFinalize, o)); err != nil {
			return nil, nil, err
		}
	}
	return docs, dossiers, nil
}

// movePages serves POST /api/v1/documents/{id}/move with {"pages": [3, 4], "document": "<id>"}
// (another document of the same uploaded file) or {"pages": [3, 4], "dossier": "<code>"} (a new
// document of that dossier): the correction of a wrong split. Pages are numbered as in the
// uploaded file. Both documents are classified again and both dossiers' figures recounted.
func (s *Server) movePages(w http.ResponseWriter, r *http.Request) {
	id, err := uuid.Parse(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, pipeline.ErrNotFound)
		return
	}
	var body struct {
		Pages    []int     `json:"pages"`
		Document uuid.UUID `json:"document"`
		Dossier  string    `json:"dossier"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": `want {"pages": [...], "document": "<id>"} or {"pages": [...], "dossier": "<code>"}`})
		return
	}
	docs, dossiers, err := s.move(r.Context(), id, body.Pages, body.Document, body.Dossier)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"moved": body.Pages, "documents": docs, "dossiers": dossiers})
}

// pageImage serves GET /api/v1/documents/{id}/pages/{index}/image: the clean page image (PNG,
// 200 DPI) as the OCR read it, numbered as in the uploaded file.
func (s *Server) pageImage(w http.ResponseWriter, r *http.Request) {
	index, err := strconv.Atoi(r.PathValue("index"))
	if err != nil {
		s.fail(w, r, pipeline.ErrNotFound)
		return
	}
	d, err := s.visibleDocument(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	key := ""
	for _, p := range d.Pages {
		if p.Index == index {
			key = p.ImageKey
		}
	}
	if key == "" {
		s.fail(w, r, pipeline.ErrNotFound)
		return
	}
	b, err := s.Objects.Get(r.Context(), key, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=3600") // content-addressed: a page's image changes only with its key
	_, _ = w.Write(b)
}
