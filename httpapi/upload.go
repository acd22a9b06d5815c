package httpapi

import (
	"context"
	"net/http"

	"github.com/google/uuid"
	"github.com/sohoa/sohoa/pipeline"
)

// BatchUploads hands out presigned upload URLs and completes batches.
type BatchUploads interface {
	Presign(ctx context.Context, desk, batch string, files []pipeline.UploadFile) ([]pipeline.UploadSlot, error)
	Complete(ctx context.Context, desk, batch string, opts pipeline.Upload, files []pipeline.UploadFile) ([]pipeline.UploadSlot, uuid.UUID, error)
}

type manifest struct {
	Name      string                `json:"name"`
	Languages string                `json:"lang"`
	Split     string                `json:"split"` // how the batch's stacks are split; "" for the desk's
	Files     []pipeline.UploadFile `json:"files"`
}

// uploadManifest reads the desk a manifest is for and the manifest itself.
func (s *Server) uploadManifest(w http.ResponseWriter, r *http.Request) (string, manifest, bool) {
	desk := scope(r)
	if p := principalOf(r.Context()); desk == "" || (p.Desk == "" && p.Role != RoleAdmin) {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "uploads need a desk's key (or an admin naming the desk)"})
		return "", manifest{}, false
	}
	m, ok := decode[manifest](w, r, 8<<20)
	return desk, m, ok
}

// presign serves POST /api/v1/batches/presign: a manifest (batch name, files with dossier,
// file name, size, sha256) in, server-chosen keys with presigned PUT URLs out; files whose very
// content is already uploaded come back done, so an interrupted upload resumes.
func (s *Server) presign(w http.ResponseWriter, r *http.Request) {
	desk, m, ok := s.uploadManifest(w, r)
	if !ok {
		return
	}
	if m.Name == "" || len(m.Files) == 0 || len(m.Files) > 10000 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "a batch needs a name and 1 to 10,000 files"})
		return
	}
	slots, err := s.Uploads.Presign(r.Context(), desk, m.Name, m.Files)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"desk": desk, "name": m.Name, "files": slots})
}

// complete serves POST /api/v1/batches/complete: each uploaded object is checked (size,
// sha256) and registered; its processing starts.
func (s *Server) complete(w http.ResponseWriter, r *http.Request) {
	desk, m, ok := s.uploadManifest(w, r)
	if !ok {
		return
	}
	slots, id, err := s.Uploads.Complete(r.Context(), desk, m.Name, pipeline.Upload{Languages: m.Languages, Split: m.Split}, m.Files)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := map[string]any{"desk": desk, "name": m.Name, "files": slots}
	if id != uuid.Nil {
		resp["batch"], resp["status_url"] = id, "/api/v1/batches/"+id.String()
	}
	writeJSON(w, http.StatusOK, resp)
}
