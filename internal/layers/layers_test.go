// Package layers holds the tests of the module's dependency rules: the domain and the services
// around it build without cgo, and imports point inward (docs/architecture.md, "Layers").
package layers

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/sohoa/sohoa/"

// pure are the packages that must build with CGO_ENABLED=0: everything but the engine's
// binding, the page decoders' Leptonica path and the commands that construct them.
var pure = []string{"classify", "pipeline", "storage/postgres", "storage/s3", "httpapi", "report", "pdf", "internal/cer"}

func goCmd(t *testing.T, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = "../.."
	cmd.Env = append(cmd.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func TestPureGoBuild(t *testing.T) {
	pkgs := make([]string, len(pure))
	for i, p := range pure {
		pkgs[i] = "./" + p
	}
	goCmd(t, []string{"CGO_ENABLED=0"}, append([]string{"build", "-o", "/dev/null"}, pkgs...)...)
	deps := strings.Fields(goCmd(t, []string{"CGO_ENABLED=0"}, append([]string{"list", "-deps"}, pkgs...)...))
	for _, d := range deps {
		if strings.Contains(d, "gosseract") || d == "runtime/cgo" {
			t.Errorf("without cgo, %s is still linked", d)
		}
	}
}

// imports lists pkg's imports within the module, transitively.
func imports(t *testing.T, pkg string) []string {
	var out []string
	for _, d := range strings.Fields(goCmd(t, nil, "list", "-deps", "./"+pkg)) {
		if rest, ok := strings.CutPrefix(d, module); ok && rest != pkg {
			out = append(out, rest)
		}
	}
	return out
}

func TestImportsPointInward(t *testing.T) {
	rules := map[string][]string{
		// The domain knows no storage, transport or command.
		"pipeline": {"storage/postgres", "storage/s3", "httpapi", "cmd/sohoa"},
		"classify": {"storage/postgres", "storage/s3", "httpapi", "cmd/sohoa"},
		// Storage stands below HTTP.
		"storage/postgres": {"httpapi", "cmd/sohoa"},
		"storage/s3":       {"httpapi", "cmd/sohoa"},
		"report":           {"httpapi", "cmd/sohoa"},
	}
	for pkg, banned := range rules {
		got := imports(t, pkg)
		for _, b := range banned {
			if slices.Contains(got, b) {
				t.Errorf("%s imports %s", pkg, b)
			}
		}
	}
}

// Every skip goes through internal/testenv (Unavailable, Short), which fails under CI: a test
// that skips itself directly would go quiet in CI when a service or file is missing.
func TestSkipsGoThroughTestenv(t *testing.T) {
	skip := regexp.MustCompile(`\b[tbf]\.Skip(f|Now)?\(`)
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || path == "../../internal/testenv") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			if skip.MatchString(line) {
				t.Errorf("%s:%d skips directly (use testenv.Unavailable or testenv.Short): %s", path, i+1, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
