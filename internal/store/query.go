package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

// Article returns the stored article id with its entities, events (in the
// order they were saved; nil when it has none) and attributions. It wraps
// news.ErrNotFound when there is no such article.
func (s *Store) Article(ctx context.Context, id string) (*news.Article, error) {
	a := &news.Article{ID: id}
	var published sql.NullInt64
	var focus, sentences, entities, attributions []byte
	err := s.db.QueryRowContext(ctx, s.rebind(`SELECT url, title, source, author, `+s.timeCol("published")+`,
		language, text, origin, cluster, focus, sentences, entities, attributions
		FROM articles WHERE id = ?`), id).Scan(&a.URL, &a.Title, &a.Source, &a.Author, &published,
		&a.Language, &a.Text, &a.Origin, &a.Cluster, &focus, &sentences, &entities, &attributions)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %q: %w", id, err)
	}
	a.Published = fromMicros(published)
	for _, c := range []struct {
		name string
		data []byte
		v    any
	}{
		{"focus", focus, &a.Focus},
		{"sentences", sentences, &a.Sentences},
		{"entities", entities, &a.Entities},
		{"attributions", attributions, &a.Attributions},
	} {
		if err := json.Unmarshal(c.data, c.v); err != nil {
			return nil, fmt.Errorf("article %q: decode %s: %w", id, c.name, err)
		}
	}
	rows, err := s.db.QueryContext(ctx, s.rebind(`SELECT data FROM events WHERE article_id = ? ORDER BY idx`), id)
	if err != nil {
		return nil, fmt.Errorf("article %q: events: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("article %q: events: %w", id, err)
		}
		var ev news.Event
		if err := json.Unmarshal(data, &ev); err != nil {
			return nil, fmt.Errorf("article %q: decode event %d: %w", id, len(a.Events), err)
		}
		a.Events = append(a.Events, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article %q: events: %w", id, err)
	}
	return a, nil
}

// ArticleQuery selects articles. Zero fields do not filter; Limit 0 means
// no limit.
type ArticleQuery struct {
	// Search is a full-text query over title and text, in web-search
	// syntax: words (all must occur), "quoted phrases", OR between
	// alternatives, -word to exclude, word* for a prefix (SQLite only).
	Search string
	// Since (inclusive) and Until (exclusive) bound the publication time;
	// articles without one are left out when either is set.
	Since, Until time.Time
	// Source is the outlet, compared without regard to case.
	Source string
	// Cluster is a near-duplicate cluster ID.
	Cluster       string
	Limit, Offset int
}

// ArticleSummary is one line of an article listing.
type ArticleSummary struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Language  string    `json:"language"`
	Cluster   string    `json:"cluster"`
	Published time.Time `json:"published,omitzero"`
	// ClusterSize counts the stored articles of the cluster, this one
	// included; Events counts this article's events.
	ClusterSize int `json:"cluster_size"`
	Events      int `json:"events"`
}

// Articles lists the articles q selects, newest first (articles without a
// publication time last, then in reverse storage order).
func (s *Store) Articles(ctx context.Context, q ArticleQuery) ([]ArticleSummary, error) {
	var where []string
	var args []any
	if q.Search != "" {
		if s.pg {
			if _, err := ParseSearch(q.Search); err != nil {
				return nil, err
			}
			where = append(where, `a.search @@ websearch_to_tsquery('english', ?)`)
			args = append(args, cleanSearch(q.Search))
		} else {
			m, err := ParseSearch(q.Search)
			if err != nil {
				return nil, err
			}
			where = append(where, `a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`)
			args = append(args, m)
		}
	}
	if !q.Since.IsZero() {
		where = append(where, `a.published >= ?`)
		args = append(args, s.timeArg(q.Since))
	}
	if !q.Until.IsZero() {
		where = append(where, `a.published < ?`)
		args = append(args, s.timeArg(q.Until))
	}
	if q.Source != "" {
		where = append(where, `lower(a.source) = lower(?)`)
		args = append(args, q.Source)
	}
	if q.Cluster != "" {
		where = append(where, `a.cluster = ?`)
		args = append(args, q.Cluster)
	}
	query := `SELECT a.id, a.title, a.url, a.source, a.language, a.cluster, ` + s.timeCol("a.published") + `,
		(SELECT count(*) FROM articles c WHERE c.cluster = a.cluster),
		(SELECT count(*) FROM events e WHERE e.article_id = a.id)
		FROM articles a` + whereClause(where) + `
		ORDER BY a.published DESC NULLS LAST, a.seq DESC` + s.limitClause(q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx, s.rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []ArticleSummary
	for rows.Next() {
		var r ArticleSummary
		var published sql.NullInt64
		if err := rows.Scan(&r.ID, &r.Title, &r.URL, &r.Source, &r.Language, &r.Cluster, &published, &r.ClusterSize, &r.Events); err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		r.Published = fromMicros(published)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// EventQuery selects events. Zero fields do not filter; Limit 0 means no
// limit.
type EventQuery struct {
	// Type and Subtype are compared without regard to case.
	Type, Subtype string
	// Actor matches a part of actor1's or actor2's name, without regard to
	// case.
	Actor string
	// Country is the ISO 3166 alpha-2 code of the event's place.
	Country string
	// Since (inclusive) and Until (exclusive) bound the event's day: the
	// first day its date covers, or its article's publication day when it
	// has no date. They are compared at day precision, in UTC.
	Since, Until  time.Time
	ArticleID     string
	Limit, Offset int
}

// StoredEvent is an event with the article it was found in.
type StoredEvent struct {
	news.Event
	ArticleID     string    `json:"article_id"`
	ArticleTitle  string    `json:"article_title"`
	ArticleURL    string    `json:"article_url"`
	ArticleSource string    `json:"article_source"`
	Published     time.Time `json:"published,omitzero"`
}

// Events lists the events q selects, latest day first, then newest article
// first, then in article order.
func (s *Store) Events(ctx context.Context, q EventQuery) ([]StoredEvent, error) {
	var where []string
	var args []any
	if q.Type != "" {
		where = append(where, `lower(e.type) = lower(?)`)
		args = append(args, q.Type)
	}
	if q.Subtype != "" {
		where = append(where, `lower(e.subtype) = lower(?)`)
		args = append(args, q.Subtype)
	}
	if q.Actor != "" {
		where = append(where, `(lower(e.actor1_name) LIKE ? ESCAPE '\' OR lower(e.actor2_name) LIKE ? ESCAPE '\')`)
		pat := "%" + likeEscaper.Replace(strings.ToLower(q.Actor)) + "%"
		args = append(args, pat, pat)
	}
	if q.Country != "" {
		where = append(where, `upper(e.country) = upper(?)`)
		args = append(args, q.Country)
	}
	if !q.Since.IsZero() {
		where = append(where, `e.day >= ?`)
		args = append(args, s.dayArg(q.Since.UTC().Format(time.DateOnly)))
	}
	if !q.Until.IsZero() {
		where = append(where, `e.day < ?`)
		args = append(args, s.dayArg(q.Until.UTC().Format(time.DateOnly)))
	}
	if q.ArticleID != "" {
		where = append(where, `e.article_id = ?`)
		args = append(args, q.ArticleID)
	}
	query := `SELECT e.data, a.id, a.title, a.url, a.source, ` + s.timeCol("a.published") + `
		FROM events e JOIN articles a ON a.id = e.article_id` + whereClause(where) + `
		ORDER BY e.day DESC NULLS LAST, a.seq DESC, e.idx` + s.limitClause(q.Limit, q.Offset)
	rows, err := s.db.QueryContext(ctx, s.rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []StoredEvent
	for rows.Next() {
		var r StoredEvent
		var data []byte
		var published sql.NullInt64
		if err := rows.Scan(&data, &r.ArticleID, &r.ArticleTitle, &r.ArticleURL, &r.ArticleSource, &published); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		if err := json.Unmarshal(data, &r.Event); err != nil {
			return nil, fmt.Errorf("list events: decode event of article %q: %w", r.ArticleID, err)
		}
		r.Published = fromMicros(published)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	return out, nil
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return "\n\t\tWHERE " + strings.Join(conds, " AND ")
}

func (s *Store) limitClause(limit, offset int) string {
	var b strings.Builder
	switch {
	case limit > 0:
		fmt.Fprintf(&b, " LIMIT %d", limit)
	case offset > 0 && !s.pg:
		b.WriteString(" LIMIT -1") // SQLite needs a LIMIT before OFFSET
	}
	if offset > 0 {
		fmt.Fprintf(&b, " OFFSET %d", offset)
	}
	return b.String()
}

// Stats counts what the store holds.
type Stats struct {
	Articles, Clusters, Events, Entities, Attributions int
	// Sources counts distinct outlets.
	Sources int
}

// Stats returns the store's counts.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT cluster),
		coalesce(sum(entity_count), 0), coalesce(sum(attribution_count), 0),
		count(DISTINCT CASE WHEN source <> '' THEN lower(source) END)
		FROM articles`).Scan(&st.Articles, &st.Clusters, &st.Entities, &st.Attributions, &st.Sources)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM events`).Scan(&st.Events); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}
