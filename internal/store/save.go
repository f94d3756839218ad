package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sitrep-osint/sitrep/internal/dedup"
	"github.com/sitrep-osint/sitrep/news"
)

// maxCandidates bounds the stored articles a new one is compared with: a band
// shared by very many articles (boilerplate-only texts) must not make every
// save slow.
const maxCandidates = 200

// SaveArticle stores a with its entities, events and attributions in one
// transaction, and links it to its near-duplicate cluster: the cluster of
// the earliest stored article that shares an LSH band with fp and whose
// Similarity is at least dedup.Threshold, or a cluster of its own named
// after a.ID. It sets a.Cluster, and the IDs of events that have none
// (article ID, "-", index). Saving an article whose ID is already stored
// changes nothing in the database, sets a.Cluster to the stored cluster and
// returns stored=false.
func (s *Store) SaveArticle(ctx context.Context, a *news.Article, fp dedup.Fingerprint) (stored bool, err error) {
	st, err := s.SaveArticles(ctx, []*news.Article{a}, []dedup.Fingerprint{fp})
	if err != nil {
		return false, err
	}
	return st[0], nil
}

// SaveArticles saves articles like SaveArticle, all in one transaction,
// which is much faster than one transaction each; fps[i] is the fingerprint
// of articles[i]. Either all are saved or, on error, none. An article
// repeated in the batch is saved once; the later copies report false.
func (s *Store) SaveArticles(ctx context.Context, articles []*news.Article, fps []dedup.Fingerprint) ([]bool, error) {
	if len(articles) != len(fps) {
		return nil, fmt.Errorf("save articles: %d articles but %d fingerprints", len(articles), len(fps))
	}
	if len(articles) == 0 {
		return nil, nil
	}
	prepared := make([]prepared, len(articles))
	for i, a := range articles {
		if err := prepare(&prepared[i], a, fps[i]); err != nil {
			return nil, fmt.Errorf("save article %q: %w", a.ID, err)
		}
	}
	if !s.pg {
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("save articles: begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	if err := s.lockBands(ctx, tx, prepared); err != nil {
		return nil, fmt.Errorf("save articles: %w", err)
	}
	results := make([]saved, len(articles))
	firstSeq := int64(-1)
	for i := range prepared {
		if results[i], err = s.save(ctx, tx, &prepared[i]); err != nil {
			return nil, fmt.Errorf("save article %q: %w", prepared[i].a.ID, err)
		}
		if results[i].stored && firstSeq < 0 {
			firstSeq = results[i].seq
		}
	}
	if !s.pg && firstSeq >= 0 {
		// Index the batch's new articles in one statement (see migration
		// 00002). Writers are serialised, so every row from firstSeq on
		// was inserted by this transaction.
		if _, err := tx.ExecContext(ctx, qIndexFTS, firstSeq); err != nil {
			return nil, fmt.Errorf("save articles: full-text index: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("save articles: commit: %w", err)
	}
	out := make([]bool, len(articles))
	for i, r := range results {
		p := &prepared[i]
		p.a.Cluster = r.cluster
		out[i] = r.stored
		if r.stored {
			for j := range p.a.Events {
				p.a.Events[j].ID = p.eventIDs[j]
			}
		}
	}
	return out, nil
}

// prepared is an article encoded for its rows, outside the transaction.
type prepared struct {
	a            *news.Article
	fp           dedup.Fingerprint
	focus        []byte
	sentences    []byte
	entities     []byte
	attributions []byte
	sig          []byte
	eventIDs     []string
	events       [][]byte
	days         []string
}

type saved struct {
	stored  bool
	cluster string
	seq     int64 // the article's row, when stored
}

func prepare(p *prepared, a *news.Article, fp dedup.Fingerprint) error {
	if a.ID == "" {
		return errors.New("article has no ID")
	}
	if !fp.Empty() && (len(fp.Sig) != dedup.Permutations || len(fp.Bands) != dedup.Bands) {
		return fmt.Errorf("fingerprint has %d hashes and %d bands, want %d and %d", len(fp.Sig), len(fp.Bands), dedup.Permutations, dedup.Bands)
	}
	p.a, p.fp = a, fp
	var err error
	if p.focus, err = json.Marshal(a.Focus); err != nil {
		return fmt.Errorf("encode focus: %w", err)
	}
	if p.sentences, err = json.Marshal(a.Sentences); err != nil {
		return fmt.Errorf("encode sentences: %w", err)
	}
	if p.entities, err = json.Marshal(a.Entities); err != nil {
		return fmt.Errorf("encode entities: %w", err)
	}
	if p.attributions, err = json.Marshal(a.Attributions); err != nil {
		return fmt.Errorf("encode attributions: %w", err)
	}
	if !fp.Empty() {
		p.sig = make([]byte, 4*len(fp.Sig))
		for i, v := range fp.Sig {
			binary.LittleEndian.PutUint32(p.sig[4*i:], v)
		}
	}
	p.eventIDs = make([]string, len(a.Events))
	p.events = make([][]byte, len(a.Events))
	p.days = make([]string, len(a.Events))
	seen := make(map[string]bool, len(a.Events))
	for i := range a.Events {
		ev := a.Events[i]
		// An event without an ID, or repeating an earlier event's ID in
		// this article, is named by its position.
		if ev.ID == "" || seen[ev.ID] {
			ev.ID = fmt.Sprintf("%s-%d", a.ID, i)
		}
		seen[ev.ID] = true
		p.eventIDs[i] = ev.ID
		if p.events[i], err = json.Marshal(ev); err != nil {
			return fmt.Errorf("encode event %d: %w", i, err)
		}
		p.days[i] = eventDay(ev.Date, a.Published)
	}
	return nil
}

// eventDay is the first day an event's date covers (2026-03 → 2026-03-01),
// or the article's publication day when the event has no usable date: the
// key of the events' Since and Until filters.
func eventDay(d *news.TimeRef, published time.Time) string {
	if d != nil {
		v := d.Value
		for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
			if t, err := time.Parse(layout, v); err == nil {
				return t.Format(time.DateOnly)
			}
		}
	}
	if !published.IsZero() {
		return published.UTC().Format(time.DateOnly)
	}
	return ""
}

// stmt returns the statement of tx for query, one of saveStatements,
// prepared at Open: parsing the same statements for every article would
// cost more than running them. (Preparing here instead could wait for a
// connection while every connection of the pool is in a transaction.)
func (s *Store) stmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	st, ok := s.stmts[query]
	if !ok {
		return nil, fmt.Errorf("statement not prepared: %.40s", query)
	}
	return tx.StmtContext(ctx, st), nil
}

// prepareStatements prepares saveStatements.
func (s *Store) prepareStatements(ctx context.Context) error {
	s.stmts = make(map[string]*sql.Stmt)
	for _, q := range s.saveStatements() {
		st, err := s.db.PrepareContext(ctx, s.rebind(q))
		if err != nil {
			return fmt.Errorf("prepare %.40s: %w", q, err)
		}
		s.stmts[q] = st
	}
	return nil
}

func (s *Store) saveStatements() []string {
	if s.pg {
		return []string{qCluster, qInsertArticle, qPGInsertSigBands, qCandidates}
	}
	return []string{qCluster, qInsertArticle, qInsertSig, qInsertBands, qInsertEvent, qCandidates}
}

// Statements of save.
var (
	qCluster       = `SELECT cluster FROM articles WHERE id = ?`
	qInsertArticle = `INSERT INTO articles
		(id, url, title, source, author, published, language, text, origin, cluster,
		 focus, sentences, entities, attributions, entity_count, attribution_count, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING RETURNING seq`
	qIndexFTS    = `INSERT INTO articles_fts (rowid, title, text) SELECT seq, title, text FROM articles WHERE seq >= ?`
	qInsertSig   = `INSERT INTO article_signatures (article_seq, sig) VALUES (?, ?)`
	qInsertBands = `INSERT INTO article_bands (band, article_seq) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?), ", dedup.Bands), ", ") + ` ON CONFLICT DO NOTHING`
	// PostgreSQL: signature and bands in one round trip.
	qPGInsertSigBands = `WITH g AS (INSERT INTO article_signatures (article_seq, sig) VALUES (?, ?))
		INSERT INTO article_bands (band, article_seq) SELECT b, ? FROM unnest(?::bigint[]) AS t(b)
		ON CONFLICT DO NOTHING`
	qInsertEventsHead = `INSERT INTO events
		(id, article_id, idx, type, subtype,
		 actor1_name, actor1_kind, actor1_country, actor2_name, actor2_kind, actor2_country,
		 country, admin1, place, place_precision, event_date, date_precision, day,
		 modality, fatalities, data)
		VALUES `
	qEventRow    = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	qInsertEvent = qInsertEventsHead + qEventRow
	qCandidates  = `SELECT a.cluster, g.sig
		FROM articles a JOIN article_signatures g ON g.article_seq = a.seq
		WHERE a.seq IN (SELECT article_seq FROM article_bands WHERE band IN (` +
		strings.TrimSuffix(strings.Repeat("?, ", dedup.Bands), ", ") + `))
		ORDER BY a.seq LIMIT ` + fmt.Sprint(maxCandidates)
	// unnest keeps the array's order: the locks are taken in ascending order.
	qLockBands = `SELECT pg_advisory_xact_lock(b) FROM unnest(?::bigint[]) AS t(b)`
)

// save writes one prepared article inside tx.
func (s *Store) save(ctx context.Context, tx *sql.Tx, p *prepared) (saved, error) {
	a := p.a
	lookup, err := s.stmt(ctx, tx, qCluster)
	if err != nil {
		return saved{}, err
	}
	var cluster string
	err = lookup.QueryRowContext(ctx, a.ID).Scan(&cluster)
	switch {
	case err == nil:
		return saved{stored: false, cluster: cluster}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return saved{}, fmt.Errorf("look up: %w", err)
	}

	cluster = a.ID
	if !p.fp.Empty() {
		if cluster, err = s.findCluster(ctx, tx, p); err != nil {
			return saved{}, err
		}
	}

	ins, err := s.stmt(ctx, tx, qInsertArticle)
	if err != nil {
		return saved{}, err
	}
	var seq int64
	err = ins.QueryRowContext(ctx,
		a.ID, a.URL, a.Title, a.Source, a.Author, s.timeArg(a.Published), a.Language, a.Text, a.Origin, cluster,
		s.jsonArg(p.focus), s.jsonArg(p.sentences), s.jsonArg(p.entities), s.jsonArg(p.attributions),
		len(a.Entities), len(a.Attributions), s.timeArg(time.Now())).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		// Stored meanwhile by a concurrent transaction (PostgreSQL).
		if err := lookup.QueryRowContext(ctx, a.ID).Scan(&cluster); err != nil {
			return saved{}, fmt.Errorf("look up: %w", err)
		}
		return saved{stored: false, cluster: cluster}, nil
	}
	if err != nil {
		return saved{}, fmt.Errorf("insert: %w", err)
	}
	if s.afterArticleInsert != nil {
		s.afterArticleInsert()
	}

	if !p.fp.Empty() && s.pg {
		st, err := s.stmt(ctx, tx, qPGInsertSigBands)
		if err != nil {
			return saved{}, err
		}
		bands := make([]int64, len(p.fp.Bands))
		for i, b := range p.fp.Bands {
			bands[i] = int64(b)
		}
		if _, err := st.ExecContext(ctx, seq, p.sig, seq, bands); err != nil {
			return saved{}, fmt.Errorf("insert signature: %w", err)
		}
	} else if !p.fp.Empty() {
		st, err := s.stmt(ctx, tx, qInsertSig)
		if err != nil {
			return saved{}, err
		}
		if _, err := st.ExecContext(ctx, seq, p.sig); err != nil {
			return saved{}, fmt.Errorf("insert signature: %w", err)
		}
		if st, err = s.stmt(ctx, tx, qInsertBands); err != nil {
			return saved{}, err
		}
		args := make([]any, 0, 2*dedup.Bands)
		for _, b := range p.fp.Bands {
			args = append(args, int64(b), seq)
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return saved{}, fmt.Errorf("insert bands: %w", err)
		}
	}

	if err := s.insertEvents(ctx, tx, p); err != nil {
		return saved{}, err
	}
	return saved{stored: true, cluster: cluster, seq: seq}, nil
}

// insertEvents writes p's events: on SQLite with one prepared statement
// per event, on PostgreSQL in one statement, to save round trips.
func (s *Store) insertEvents(ctx context.Context, tx *sql.Tx, p *prepared) error {
	a := p.a
	if len(a.Events) == 0 {
		return nil
	}
	var insEvent *sql.Stmt
	if !s.pg {
		var err error
		if insEvent, err = s.stmt(ctx, tx, qInsertEvent); err != nil {
			return err
		}
	}
	all := make([]any, 0, 21*len(a.Events))
	for i := range a.Events {
		ev := &a.Events[i]
		var a1, a2 news.ActorRef
		if ev.Actor1 != nil {
			a1 = *ev.Actor1
		}
		if ev.Actor2 != nil {
			a2 = *ev.Actor2
		}
		var place news.Place
		if ev.Place != nil {
			place = *ev.Place
		}
		var date news.TimeRef
		if ev.Date != nil {
			date = *ev.Date
		}
		var fatalities sql.NullFloat64
		if v, ok := ev.Quantities["killed"]; ok {
			fatalities = sql.NullFloat64{Float64: v, Valid: true}
		}
		args := []any{p.eventIDs[i], a.ID, i, ev.Type, ev.Subtype,
			a1.Name, a1.Kind, a1.Country, a2.Name, a2.Kind, a2.Country,
			place.Country, place.Admin1, place.Name, place.Precision, date.Value, date.Precision, s.dayArg(p.days[i]),
			ev.Modality, fatalities, s.jsonArg(p.events[i])}
		if s.pg {
			all = append(all, args...)
			continue
		}
		if _, err := insEvent.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("insert event %d (id %q): %w", i, p.eventIDs[i], err)
		}
	}
	// PostgreSQL takes at most 65,535 parameters per statement.
	const perStatement = 1000
	for len(all) > 0 {
		n := min(len(all)/21, perStatement)
		q := qInsertEventsHead + strings.TrimSuffix(strings.Repeat(qEventRow+", ", n), ", ")
		if _, err := tx.ExecContext(ctx, s.rebind(q), all[:21*n]...); err != nil {
			return fmt.Errorf("insert events: %w", err)
		}
		all = all[21*n:]
	}
	return nil
}

// jsonArg passes encoded JSON: as text to SQLite, as a string PostgreSQL
// casts to jsonb.
func (s *Store) jsonArg(b []byte) any { return string(b) }

// lockBands takes, on PostgreSQL, a transaction-scoped advisory lock on
// every band of the batch, all in one statement and in ascending order, so
// that concurrent saves of near-duplicates see each other instead of
// founding two clusters, and two batches cannot deadlock. SQLite needs none:
// it has one writer at a time.
func (s *Store) lockBands(ctx context.Context, tx *sql.Tx, ps []prepared) error {
	if !s.pg {
		return nil
	}
	var bands []int64
	for i := range ps {
		for _, b := range ps[i].fp.Bands {
			bands = append(bands, int64(b))
		}
	}
	if len(bands) == 0 {
		return nil
	}
	slices.Sort(bands)
	bands = slices.Compact(bands)
	rows, err := tx.QueryContext(ctx, s.rebind(qLockBands), bands)
	if err != nil {
		return fmt.Errorf("lock bands: %w", err)
	}
	for rows.Next() {
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("lock bands: %w", err)
	}
	return nil
}

// findCluster returns the cluster p's article joins: that of the earliest
// stored candidate (an article sharing a band) similar enough, or its own.
func (s *Store) findCluster(ctx context.Context, tx *sql.Tx, p *prepared) (string, error) {
	args := make([]any, len(p.fp.Bands))
	for i, b := range p.fp.Bands {
		args[i] = int64(b)
	}
	st, err := s.stmt(ctx, tx, qCandidates)
	if err != nil {
		return "", err
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return "", fmt.Errorf("find near-duplicates: %w", err)
	}
	defer rows.Close()
	cand := dedup.Fingerprint{Sig: make([]uint32, dedup.Permutations)}
	for rows.Next() {
		var cluster string
		var sig []byte
		if err := rows.Scan(&cluster, &sig); err != nil {
			return "", fmt.Errorf("find near-duplicates: %w", err)
		}
		if len(sig) != 4*dedup.Permutations {
			continue
		}
		for i := range cand.Sig {
			cand.Sig[i] = binary.LittleEndian.Uint32(sig[4*i:])
		}
		if dedup.Similarity(p.fp, cand) >= dedup.Threshold {
			return cluster, rows.Close()
		}
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("find near-duplicates: %w", err)
	}
	return p.a.ID, nil
}
