// Package sqlcheck holds a source check: every SQL statement sohoa sends is a constant with
// $n parameters, except a few reviewed builders that join constant fragments.
package sqlcheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// reviewed are the functions allowed to pass a non-constant statement, and why.
var reviewed = map[string]string{
	"storage/postgres/postgres.go:Migrate":      "runs the embedded migration files",
	"internal/testenv/testenv.go:Postgres":      "tests only: creates and drops a database of a generated hex name (identifiers cannot be parameters)",
	"storage/postgres/seed.go:Seed":             "runs a table of constant statements",
	"storage/postgres/coverage.go:coverageRows": "runs what coverageByCells and coverageByDesks join from constant fragments chosen by the report level; every value is a $n parameter",
	"storage/postgres/store.go:recomputeCells":  "wraps a constant query of its callers (which cells and days to recount) in a constant SELECT; values are $n parameters",
	"storage/postgres/classify.go:putOverride":  "runs the two constant statements its callers (PutTypeOverride, PutProcedureOverride) pass; values are $n parameters",
}

// Every Query, QueryRow and Exec call outside tests passes its SQL as a string constant
// (literals, concatenated literals or a named constant), so that no value can ever become SQL;
// values travel as $n parameters.
func TestOnlyParameterisedSQL(t *testing.T) {
	root := "../.."
	fset := token.NewFileSet()
	seen := map[string]bool{}
	calls := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		consts := constNames(f)
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || (sel.Sel.Name != "Query" && sel.Sel.Name != "QueryRow" && sel.Sel.Name != "Exec") || len(call.Args) < 2 {
					return true
				}
				if !isContext(call.Args[0]) {
					return true // not a database call (e.g. an HTTP or Redis API)
				}
				calls++
				if constant(call.Args[1], consts) {
					return true
				}
				where := rel + ":" + fn.Name.Name
				seen[where] = true
				if _, ok := reviewed[where]; !ok {
					t.Errorf("%s: %s passes a statement that is not a constant; use $n parameters (or review it and list it here)",
						fset.Position(call.Pos()), fn.Name.Name)
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for where := range reviewed {
		if !seen[where] {
			t.Errorf("%s is listed as reviewed but builds no statement any more: remove it", where)
		}
	}
	if calls < 50 {
		t.Errorf("only %d database calls found: is the walk looking at the right tree?", calls)
	}
	t.Logf("%d database calls, %d reviewed builders", calls, len(seen))
}

func isContext(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		return strings.Contains(strings.ToLower(x.Name), "ctx")
	case *ast.CallExpr:
		if s, ok := x.Fun.(*ast.SelectorExpr); ok {
			return s.Sel.Name == "Context" || strings.HasPrefix(s.Sel.Name, "With") || s.Sel.Name == "Background"
		}
	}
	return false
}

func constant(e ast.Expr, consts map[string]bool) bool {
	switch x := e.(type) {
	case *ast.BasicLit:
		return x.Kind == token.STRING
	case *ast.BinaryExpr:
		return x.Op == token.ADD && constant(x.X, consts) && constant(x.Y, consts)
	case *ast.ParenExpr:
		return constant(x.X, consts)
	case *ast.Ident:
		return consts[x.Name]
	}
	return false
}

func constNames(f *ast.File) map[string]bool {
	out := map[string]bool{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			for _, n := range s.(*ast.ValueSpec).Names {
				out[n.Name] = true
			}
		}
	}
	return out
}
