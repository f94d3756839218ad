//go:build tools

// This file pins modules that sitrep's packages are being built on, so that
// go mod tidy keeps them while their first users land.
package main

import (
	_ "codeberg.org/readeck/go-readability/v2"
	_ "github.com/internetarchive/gowarc"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "github.com/markusmobius/go-dateparser"
	_ "github.com/markusmobius/go-htmldate"
	_ "github.com/markusmobius/go-trafilatura"
	_ "github.com/mmcdole/gofeed"
	_ "github.com/nats-io/nats-server/v2/server"
	_ "github.com/nats-io/nats.go/jetstream"
	_ "github.com/pressly/goose/v3"
	_ "github.com/vbauerster/mpb/v8"
	_ "golang.org/x/term"
	_ "modernc.org/sqlite"
)
