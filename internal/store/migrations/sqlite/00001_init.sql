-- sitrep's store, SQLite dialect. Times are microseconds since the Unix
-- epoch, UTC; NULL when unknown.

-- +goose Up
CREATE TABLE articles (
    seq               INTEGER PRIMARY KEY,       -- storage order; clusters are named after their earliest member
    id                TEXT    NOT NULL UNIQUE,
    url               TEXT    NOT NULL DEFAULT '',
    title             TEXT    NOT NULL DEFAULT '',
    source            TEXT    NOT NULL DEFAULT '',
    author            TEXT    NOT NULL DEFAULT '',
    published         INTEGER,
    language          TEXT    NOT NULL DEFAULT '',
    text              TEXT    NOT NULL DEFAULT '',
    origin            TEXT    NOT NULL DEFAULT '',
    cluster           TEXT    NOT NULL,
    focus             TEXT    NOT NULL DEFAULT 'null', -- JSON
    sentences         TEXT    NOT NULL DEFAULT 'null', -- JSON
    entities          TEXT    NOT NULL DEFAULT 'null', -- JSON
    attributions      TEXT    NOT NULL DEFAULT 'null', -- JSON
    entity_count      INTEGER NOT NULL DEFAULT 0,
    attribution_count INTEGER NOT NULL DEFAULT 0,
    created_at        INTEGER NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_cluster ON articles (cluster);
CREATE INDEX articles_source ON articles (lower(source));

-- Full-text index over title and text, kept in sync by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- +goose StatementBegin
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- +goose StatementEnd

-- MinHash signatures (dedup.Permutations little-endian uint32) and LSH
-- band hashes for near-duplicate candidate lookup.
CREATE TABLE article_signatures (
    article_seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    sig         BLOB    NOT NULL
);
CREATE TABLE article_bands (
    band        INTEGER NOT NULL,
    article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    PRIMARY KEY (band, article_seq)
) WITHOUT ROWID;

CREATE TABLE events (
    id             TEXT    PRIMARY KEY,
    article_id     TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL, -- position in the article's events
    type           TEXT    NOT NULL DEFAULT '',
    subtype        TEXT    NOT NULL DEFAULT '',
    actor1_name    TEXT    NOT NULL DEFAULT '',
    actor1_kind    TEXT    NOT NULL DEFAULT '',
    actor1_country TEXT    NOT NULL DEFAULT '',
    actor2_name    TEXT    NOT NULL DEFAULT '',
    actor2_kind    TEXT    NOT NULL DEFAULT '',
    actor2_country TEXT    NOT NULL DEFAULT '',
    country        TEXT    NOT NULL DEFAULT '',
    admin1         TEXT    NOT NULL DEFAULT '',
    place          TEXT    NOT NULL DEFAULT '',
    place_precision TEXT   NOT NULL DEFAULT '',
    event_date     TEXT    NOT NULL DEFAULT '', -- as resolved: YYYY-MM-DD, YYYY-MM or YYYY
    date_precision TEXT    NOT NULL DEFAULT '',
    day            TEXT,                        -- first day event_date covers, else the publication day: YYYY-MM-DD
    modality       TEXT    NOT NULL DEFAULT '',
    fatalities     REAL,
    data           TEXT    NOT NULL             -- the whole news.Event as JSON
);
CREATE UNIQUE INDEX events_article ON events (article_id, idx);
CREATE INDEX events_type ON events (lower(type), lower(subtype));
CREATE INDEX events_day ON events (day);
CREATE INDEX events_country ON events (upper(country));

-- +goose Down
DROP TABLE events;
DROP TABLE article_bands;
DROP TABLE article_signatures;
DROP TRIGGER articles_fts_update;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_insert;
DROP TABLE articles_fts;
DROP TABLE articles;
