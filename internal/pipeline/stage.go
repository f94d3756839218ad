// Package pipeline runs sitrep's stages over a stream of documents: it reads
// inputs, cleans them into articles, passes each article through the stages
// in order on all cores, and hands finished articles to a sink in input
// order. A bad input or article is recorded as a failure and the run goes on;
// only a sink error or a cancelled context stops it.
package pipeline

import (
	"context"

	"github.com/sitrep-osint/sitrep/news"
)

// Stage is one step over an article (NER, event extraction, geocoding ...).
// Process fills fields of a; it must be safe for concurrent use on
// different articles. An error means this article failed at this stage; the
// runner records it and goes on with the next article.
type Stage interface {
	Name() string
	Process(ctx context.Context, a *news.Article) error
}
