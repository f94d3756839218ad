// Package demo bundles a small corpus of real conflict news so that a new
// user can see sitrep work without finding inputs first: 89 Voice of America
// stories from March 2025 (Middle East, Ukraine, Africa), which are US public
// domain. `sitrep demo` ingests them into a fresh database.
package demo

import _ "embed"

// Name is how the bundled corpus is named in origins and error messages.
const Name = "demo:voa_stories.jsonl"

// VOAStories is the corpus in JSON Lines, one story per line with id, url,
// section, title, author, published, keywords and text.
//
//go:embed voa_stories.jsonl
var VOAStories []byte
