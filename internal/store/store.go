// Package store keeps sitrep's articles, their near-duplicate clusters and
// their events in one database behind database/sql: an embedded SQLite file
// by default (pure Go, no set-up, FTS5 for text search) and PostgreSQL when a
// team shares one database or many workers write to it. Both dialects have
// the same API and pass the same test suite; their schemas are numbered SQL
// migrations embedded in the binary and applied on Open.
//
// Design choices:
//   - Entities, attributions, sentences and focus countries are JSON columns
//     of the article row: they are always read with their article and never
//     queried on their own, and one row instead of dozens per article keeps
//     ingest fast. Events are rows, with the fields people filter on as
//     columns and the whole event as JSON, so the model can grow without a
//     migration for every field.
//   - Times are stored in UTC with microsecond precision (PostgreSQL's), so
//     both dialects return the same values.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	_ "modernc.org/sqlite" // SQLite driver "sqlite"
)

//go:embed migrations
var migrations embed.FS

// Store is an open sitrep database. It is safe for concurrent use.
type Store struct {
	db *sql.DB
	pg bool // PostgreSQL; SQLite otherwise

	// writeMu serialises this process's SQLite write transactions: SQLite
	// allows one writer at a time, and waiting on a mutex is cheaper than
	// polling the busy handler. Other processes are covered by busy_timeout.
	writeMu sync.Mutex

	stmts map[string]*sql.Stmt // see stmt

	// afterArticleInsert, when set by tests, runs inside the save
	// transaction right after the article row is written.
	afterArticleInsert func()
}

// IsPostgres reports whether dsn names a PostgreSQL database rather than a
// SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the database dsn names and brings its schema up to date: a
// "postgres://" or "postgresql://" URL is a PostgreSQL database; anything
// else is a SQLite file path, created with its parent directories when
// missing, and opened in WAL mode with a busy timeout and foreign keys on.
func Open(ctx context.Context, dsn string) (*Store, error) {
	s := &Store{pg: IsPostgres(dsn)}
	var err error
	if s.pg {
		s.db, err = sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		s.db.SetMaxOpenConns(max(4, 2*runtime.GOMAXPROCS(0)))
		s.db.SetMaxIdleConns(max(4, 2*runtime.GOMAXPROCS(0)))
	} else {
		if dsn == "" {
			return nil, errors.New("open sqlite: empty database path")
		}
		if strings.ContainsAny(dsn, "?#") {
			return nil, fmt.Errorf("open sqlite %s: the path may not contain '?' or '#'", dsn)
		}
		if dir := filepath.Dir(dsn); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("open sqlite %s: %w", dsn, err)
			}
		}
		// _txlock=immediate: a write transaction takes the write lock at
		// BEGIN, so two writers never deadlock upgrading read locks.
		// synchronous=NORMAL is durable in WAL mode except for the last
		// transactions before a power loss.
		q := "_txlock=immediate&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
			"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-16000)"
		s.db, err = sql.Open("sqlite", dsn+"?"+q)
		if err != nil {
			return nil, fmt.Errorf("open sqlite %s: %w", dsn, err)
		}
		s.db.SetMaxOpenConns(4)
		s.db.SetMaxIdleConns(4)
	}
	if err := s.ping(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("open %s: %w", s.dialect(), err)
	}
	if err := s.migrate(ctx, dsn); err != nil {
		s.db.Close()
		return nil, err
	}
	if err := s.prepareStatements(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", s.dialect(), err)
	}
	return s, nil
}

// ping opens the first connection. On a new SQLite file, commands started
// at once race to switch it to WAL mode, and SQLite answers the losers
// SQLITE_BUSY at once rather than through the busy timeout: they wait
// and try again, for as long as the busy timeout would have.
func (s *Store) ping(ctx context.Context) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := s.db.PingContext(ctx)
		var coded interface{ Code() int }
		if err == nil || s.pg || !errors.As(err, &coded) || coded.Code()&0xff != sqliteBusy || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// sqliteBusy is SQLite's primary result code SQLITE_BUSY.
const sqliteBusy = 5

func (s *Store) dialect() string {
	if s.pg {
		return "postgres"
	}
	return "sqlite"
}

// migrate applies the pending migrations of s's dialect, each in its own
// transaction. A lock keeps concurrent Opens, in this process or others,
// from migrating at the same time: an advisory lock on PostgreSQL, a file
// lock beside the database file on SQLite.
func (s *Store) migrate(ctx context.Context, dsn string) error {
	dir, d := "migrations/sqlite", goose.DialectSQLite3
	opts := []goose.ProviderOption{goose.WithSessionLocker(newMigrationLocker(dsn))}
	if s.pg {
		dir, d = "migrations/postgres", goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		opts = []goose.ProviderOption{goose.WithSessionLocker(locker)}
	}
	fsys, err := fs.Sub(migrations, dir)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	p, err := goose.NewProvider(d, s.db, fsys, opts...)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", s.dialect(), err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate %s: %w", s.dialect(), err)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	for _, st := range s.stmts {
		st.Close()
	}
	return s.db.Close()
}

// DefaultPath returns where sitrep keeps its SQLite database when no other
// is given: sitrep/sitrep.db under $XDG_DATA_HOME when it is set, otherwise
// under the platform's data directory (~/.local/share on Linux and other
// Unix systems, ~/Library/Application Support on macOS, %LocalAppData% on
// Windows). It does not create the file.
func DefaultPath() (string, error) {
	return defaultPath(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

func defaultPath(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	const app, file = "sitrep", "sitrep.db"
	if goos != "windows" {
		if d := getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
			return filepath.Join(d, app, file), nil
		}
	}
	if goos == "windows" {
		if d := getenv("LocalAppData"); d != "" {
			return filepath.Join(d, app, file), nil
		}
		if d := getenv("AppData"); d != "" {
			return filepath.Join(d, app, file), nil
		}
		return "", errors.New("default database path: neither %LocalAppData% nor %AppData% is set")
	}
	h, err := home()
	if err != nil {
		return "", fmt.Errorf("default database path: %w", err)
	}
	if h == "" {
		return "", errors.New("default database path: no home directory")
	}
	if goos == "darwin" || goos == "ios" {
		return filepath.Join(h, "Library", "Application Support", app, file), nil
	}
	return filepath.Join(h, ".local", "share", app, file), nil
}

// rebind rewrites the ? placeholders of query for PostgreSQL ($1, $2 ...).
// Queries in this package never contain ? in literals.
func (s *Store) rebind(query string) string {
	if !s.pg {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// timeArg converts t for a timestamp column: nil when zero.
func (s *Store) timeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	if s.pg {
		return t.UTC().Truncate(time.Microsecond)
	}
	return t.UnixMicro()
}

// timeCol is the SQL expression that reads timestamp column col as
// microseconds since the epoch.
func (s *Store) timeCol(col string) string {
	if s.pg {
		return "(extract(epoch from " + col + ") * 1000000)::bigint"
	}
	return col
}

func fromMicros(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}

// dayArg converts a calendar day (YYYY-MM-DD) for the events.day column.
func (s *Store) dayArg(day string) any {
	if day == "" {
		return nil
	}
	if s.pg {
		t, err := time.Parse(time.DateOnly, day)
		if err != nil {
			return nil
		}
		return t
	}
	return day
}
