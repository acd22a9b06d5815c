package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/hibiken/asynq"
	"github.com/hibiken/asynqmon"
	"github.com/sohoa/sohoa/pipeline"
)

// Retrier re-runs failed pages in bulk.
type Retrier interface {
	Retry(ctx context.Context, f pipeline.RetryFilter) (int, error)
}

// redactPayload shows only the row a task names: payloads hold IDs, and whatever else a future
// payload might carry stays out of the UI.
var redactPayload = asynqmon.PayloadFormatterFunc(func(taskType string, payload []byte) string {
	var p pipeline.Payload
	if json.Unmarshal(payload, &p) != nil {
		return "(hidden)"
	}
	return taskType + " " + p.ID.String()
})

// mountQueues puts asynqmon behind sohoa's sign-in: the admin mount with its actions for
// admins, a read-only mount for staff (asynqmon has no authentication of its own).
func (s *Server) mountQueues(mux *http.ServeMux, redis asynq.RedisConnOpt) {
	admin := asynqmon.New(asynqmon.Options{RootPath: "/admin/queues", RedisConnOpt: redis, PayloadFormatter: redactPayload, ResultFormatter: asynqmon.ResultFormatterFunc(func(string, []byte) string { return "(hidden)" })})
	staff := asynqmon.New(asynqmon.Options{RootPath: "/staff/queues", RedisConnOpt: redis, PayloadFormatter: redactPayload, ReadOnly: true})
	mux.Handle(admin.RootPath()+"/", s.requireRole(admin, RoleAdmin))
	mux.Handle(staff.RootPath()+"/", s.requireRole(staff, RoleAdmin, RoleStaff))
}

// retry serves POST /api/v1/retry (admins): {"desk", "batch", "stage", "classes", "from", "to"}.
func (s *Server) retry(w http.ResponseWriter, r *http.Request) {
	var f pipeline.RetryFilter
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&f); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	if f.To.IsZero() {
		f.To = time.Now().Add(time.Minute)
	}
	n, err := s.Retrier.Retry(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	u, _ := CurrentUser(r.Context())
	s.Log.InfoContext(r.Context(), "bulk retry", "user", u.Name, "desk", f.Desk, "stage", f.Stage, "pages", n)
	writeJSON(w, http.StatusOK, map[string]any{"retried": n})
}
