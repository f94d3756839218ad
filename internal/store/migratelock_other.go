//go:build !unix

package store

import (
	"context"
	"database/sql"
)

// fileLocker does nothing where flock is not available; see the unix file.
type fileLocker struct{}

func newMigrationLocker(string) *fileLocker { return &fileLocker{} }

func (*fileLocker) SessionLock(context.Context, *sql.Conn) error   { return nil }
func (*fileLocker) SessionUnlock(context.Context, *sql.Conn) error { return nil }
