package httpapi

import (
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"strings"

	"github.com/sohoa/sohoa/classify"
	"github.com/sohoa/sohoa/pipeline"
)

// The catalogue page lets an admin change a document type or a procedure without a release: the
// entry as JSON, the same shape as the API's, saved with who changed it; the history below.
var catalogueTmpl = template.Must(template.New("catalogue").Funcs(template.FuncMap{
	"raw":  func(b json.RawMessage) string { return string(b) },
	"join": strings.Join,
}).Parse(`<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sohoa: danh mục / catalogue</title>
<style>
 body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; margin: 1.5rem; color: #1b2330; background: #f6f7f9; max-width: 72rem; }
 table { border-collapse: collapse; width: 100%; background: #fff; margin: .5rem 0 1.5rem; }
 td, th { padding: .3rem .5rem; border-bottom: 1px solid #e3e6ea; text-align: left; font-size: .9rem; vertical-align: top; }
 textarea { width: 100%; min-height: 16rem; font-family: monospace; }
 .err { color: #b3261e; } .ok { color: #137333; } code { font-size: .85rem; }
 details pre { white-space: pre-wrap; font-size: .8rem; }
</style></head><body>
<h1>Danh mục giấy tờ và thủ tục · Document types and procedures</h1>
<p>Đăng nhập: {{.User}} · <a href="/dashboard">Bảng điều khiển / Dashboard</a></p>
{{if .Error}}<p class="err" role="alert">Không lưu được / Not saved: {{.Error}}</p>{{end}}
{{if .Saved}}<p class="ok" role="status">Đã lưu / Saved: {{.Saved}}. Các worker áp dụng trong vòng một phút / workers apply it within a minute.</p>{{end}}
<h2>Sửa hoặc thêm / Edit or add</h2>
<form method="post" action="/catalogue"><input type="hidden" name="csrf" value="{{.CSRF}}">
 <label>Loại / Kind <select name="kind"><option value="procedure"{{if eq .Kind "procedure"}} selected{{end}}>thủ tục / procedure</option>
  <option value="type"{{if eq .Kind "type"}} selected{{end}}>loại giấy tờ / document type</option></select></label>
 <p>JSON: thủ tục <code>{"code","name","required":[…],"result"}</code>; loại giấy tờ <code>{"code","name","role":"input|result","titles":[…],"keywords":[…],"procedures":[…],"fields":[…]}</code></p>
 <textarea name="definition" aria-label="JSON">{{.Definition}}</textarea>
 <p><button type="submit">Lưu / Save</button></p>
</form>
<h2>Thủ tục / Procedures ({{len .Catalogue.Procedures}})</h2>
<table><thead><tr><th>Mã / Code</th><th>Tên / Name</th><th>Thành phần bắt buộc / Required</th><th>Kết quả / Result</th></tr></thead><tbody>
{{range .Catalogue.Procedures}}<tr><td><code>{{.Code}}</code></td><td>{{.Name}}</td><td>{{join .Required ", "}}</td><td>{{.Result}}</td></tr>{{end}}
</tbody></table>
<h2>Loại giấy tờ / Document types ({{len .Catalogue.Types}})</h2>
<table><thead><tr><th>Mã / Code</th><th>Tên / Name</th><th>Vai trò / Role</th><th>Tiêu đề / Titles</th></tr></thead><tbody>
{{range .Catalogue.Types}}<tr><td><code>{{.Code}}</code></td><td>{{.Name}}</td><td>{{.Role}}</td><td>{{join .Titles "; "}}</td></tr>{{end}}
</tbody></table>
<h2>Lịch sử thay đổi / History</h2>
<table><thead><tr><th>Lúc / When</th><th>Ai / Who</th><th>Loại / Kind</th><th>Mã / Code</th><th>Nội dung / Definition</th></tr></thead><tbody>
{{range .History}}<tr><td>{{.At.Format "2006-01-02 15:04"}}</td><td>{{.By}}</td><td>{{.Kind}}</td><td><code>{{.Code}}</code></td>
<td><details><summary>xem / show</summary><pre>{{raw .Definition}}</pre>{{if .Previous}}<p>Trước đó / before:</p><pre>{{raw .Previous}}</pre>{{end}}</details></td></tr>
{{else}}<tr><td colspan="5">Chưa có thay đổi / No change yet</td></tr>{{end}}
</tbody></table>
</body></html>`))

type catalogueView struct {
	User, Kind, Definition, Error, Saved string
	CSRF                                 string // the form's token, bound to the session
	Catalogue                            classify.Catalogue
	History                              []classify.Change
}

// cataloguePage serves GET and POST /catalogue for admins.
func (s *Server) cataloguePage(w http.ResponseWriter, r *http.Request) {
	v := catalogueView{Kind: "procedure", CSRF: csrfToken(r)}
	if u, ok := CurrentUser(r.Context()); ok {
		v.User = u.Name
	}
	status := http.StatusOK
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
		if !csrfOK(r) {
			http.Error(w, "the form has expired: reload the page", http.StatusForbidden)
			return
		}
		v.Kind, v.Definition = r.PostFormValue("kind"), r.PostFormValue("definition")
		code, err := s.saveFromForm(r, v.Kind, v.Definition)
		var f *pipeline.Failure
		switch {
		case err == nil:
			v.Saved, v.Definition = v.Kind+" "+code, ""
		case errors.As(err, &f):
			v.Error, status = f.Err.Error(), http.StatusUnprocessableEntity
		default:
			s.fail(w, r, err)
			return
		}
	}
	var err error
	if v.Catalogue, err = s.catalogue(r.Context()); err == nil {
		v.History, err = s.Review.CatalogueHistory(r.Context(), 100)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pageHeaders(w)
	w.WriteHeader(status)
	_ = catalogueTmpl.Execute(w, v)
}

func (s *Server) saveFromForm(r *http.Request, kind, definition string) (string, error) {
	bad := func(err error) error { return &pipeline.Failure{Class: "bad_catalogue", Err: err} }
	dec := json.NewDecoder(strings.NewReader(definition))
	dec.DisallowUnknownFields()
	switch kind {
	case "procedure":
		var p classify.Procedure
		if err := dec.Decode(&p); err != nil {
			return "", bad(err)
		}
		return p.Code, s.saveProcedure(r.Context(), p)
	case "type":
		var t classify.Type
		if err := dec.Decode(&t); err != nil {
			return "", bad(err)
		}
		return t.Code, s.saveType(r.Context(), t)
	}
	return "", bad(errors.New("kind: procedure or type"))
}
