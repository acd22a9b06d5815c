package httpapi

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/sohoa/sohoa/pipeline"
)

// Registry is the record of the administrative tree, the desks and the dossier register.
type Registry interface {
	UpsertUnit(ctx context.Context, u pipeline.Unit) error
	UpsertDesk(ctx context.Context, d pipeline.Desk) error
	RegisterDossiers(ctx context.Context, rs []pipeline.DossierRecord) error
}

func decode[T any](w http.ResponseWriter, r *http.Request, limit int64) (T, bool) {
	var v T
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit)).Decode(&v); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return v, false
	}
	return v, true
}

// putUnit serves PUT /api/v1/units/{code} (admins): a district, commune, ministry...
func (s *Server) putUnit(w http.ResponseWriter, r *http.Request) {
	u, ok := decode[pipeline.Unit](w, r, 1<<16)
	if !ok {
		return
	}
	u.Code = r.PathValue("code")
	if err := s.Registry.UpsertUnit(r.Context(), u); err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, u)
}

// putDesk serves PUT /api/v1/desks/{code} (admins): a desk and the unit it belongs to.
func (s *Server) putDesk(w http.ResponseWriter, r *http.Request) {
	d, ok := decode[pipeline.Desk](w, r, 1<<16)
	if !ok {
		return
	}
	d.Code = r.PathValue("code")
	if d.Kind == "" {
		d.Kind = pipeline.Locality
	}
	if err := d.CheckSplit(); err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error()})
		return
	}
	if err := s.Registry.UpsertDesk(r.Context(), d); err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// register serves POST /api/v1/register (admins): dossiers received, as a JSON array of
// {"desk", "code", "procedure", "received_on", "result_issued_on"} (dates as RFC 3339).
func (s *Server) register(w http.ResponseWriter, r *http.Request) {
	rs, ok := decode[[]pipeline.DossierRecord](w, r, 32<<20)
	if !ok {
		return
	}
	if err := s.Registry.RegisterDossiers(r.Context(), rs); err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"registered": len(rs)})
}
