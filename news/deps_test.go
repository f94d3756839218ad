package news_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencyDirection holds the line drawn in DESIGN.md: news imports
// nothing of sitrep's; the stages along the data's path never import the
// store, the server, the queue or the command; nothing imports the command.
func TestDependencyDirection(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	const mod = "github.com/sitrep-osint/sitrep/"
	out, err := exec.Command("go", "list", "-e", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, mod+"...").Output()
	if err != nil {
		t.Skipf("go list unavailable: %v", err)
	}
	forbidden := map[string][]string{
		"news":             {mod},
		"internal/ingest":  {mod + "internal/store", mod + "internal/server", mod + "internal/queue", mod + "cmd"},
		"internal/clean":   {mod + "internal/store", mod + "internal/server", mod + "internal/queue", mod + "cmd", mod + "internal/ingest"},
		"internal/dedup":   {mod + "internal/store", mod + "internal/server", mod + "internal/queue", mod + "cmd"},
		"internal/nlp":     {mod + "internal/store", mod + "internal/server", mod + "internal/queue", mod + "cmd", mod + "internal/extract", mod + "internal/geo"},
		"internal/actors":  {mod + "internal/store", mod + "internal/server", mod + "internal/queue", mod + "cmd", mod + "internal/extract"},
		"internal/extract": {mod + "internal/store", mod + "internal/server", mod + "internal/queue", mod + "cmd"},
		"internal/geo":     {mod + "internal/store", mod + "internal/server", mod + "internal/queue", mod + "cmd", mod + "internal/extract"},
		"internal/export":  {mod + "internal/store", mod + "cmd"},
		"internal/store":   {mod + "internal/server", mod + "internal/queue", mod + "cmd", mod + "internal/pipeline"},
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := strings.TrimPrefix(fields[0], mod), fields[1:]
		for prefix, bans := range forbidden {
			if pkg != prefix && !strings.HasPrefix(pkg, prefix+"/") {
				continue
			}
			checked++
			for _, imp := range imports {
				for _, ban := range bans {
					if strings.HasPrefix(imp, ban) && !strings.HasPrefix(imp, mod+pkg) {
						t.Errorf("%s imports %s, against the dependency direction", pkg, imp)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no package checked: go list output not understood")
	}
}
