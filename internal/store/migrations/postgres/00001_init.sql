-- sitrep's store, PostgreSQL dialect.

-- +goose Up
CREATE TABLE articles (
    seq               bigint      GENERATED ALWAYS AS IDENTITY UNIQUE, -- storage order; clusters are named after their earliest member
    id                text        PRIMARY KEY,
    url               text        NOT NULL DEFAULT '',
    title             text        NOT NULL DEFAULT '',
    source            text        NOT NULL DEFAULT '',
    author            text        NOT NULL DEFAULT '',
    published         timestamptz,
    language          text        NOT NULL DEFAULT '',
    text              text        NOT NULL DEFAULT '',
    origin            text        NOT NULL DEFAULT '',
    cluster           text        NOT NULL,
    focus             jsonb       NOT NULL DEFAULT 'null',
    sentences         jsonb       NOT NULL DEFAULT 'null',
    entities          jsonb       NOT NULL DEFAULT 'null',
    attributions      jsonb       NOT NULL DEFAULT 'null',
    entity_count      integer     NOT NULL DEFAULT 0,
    attribution_count integer     NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    search            tsvector    GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B')
    ) STORED
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_cluster ON articles (cluster);
CREATE INDEX articles_source ON articles (lower(source));
CREATE INDEX articles_search ON articles USING gin (search);

-- MinHash signatures (dedup.Permutations little-endian uint32) and LSH
-- band hashes for near-duplicate candidate lookup.
CREATE TABLE article_signatures (
    article_seq bigint PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    sig         bytea  NOT NULL
);
CREATE TABLE article_bands (
    band        bigint NOT NULL,
    article_seq bigint NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    PRIMARY KEY (band, article_seq)
);

CREATE TABLE events (
    id              text    PRIMARY KEY,
    article_id      text    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx             integer NOT NULL, -- position in the article's events
    type            text    NOT NULL DEFAULT '',
    subtype         text    NOT NULL DEFAULT '',
    actor1_name     text    NOT NULL DEFAULT '',
    actor1_kind     text    NOT NULL DEFAULT '',
    actor1_country  text    NOT NULL DEFAULT '',
    actor2_name     text    NOT NULL DEFAULT '',
    actor2_kind     text    NOT NULL DEFAULT '',
    actor2_country  text    NOT NULL DEFAULT '',
    country         text    NOT NULL DEFAULT '',
    admin1          text    NOT NULL DEFAULT '',
    place           text    NOT NULL DEFAULT '',
    place_precision text    NOT NULL DEFAULT '',
    event_date      text    NOT NULL DEFAULT '', -- as resolved: YYYY-MM-DD, YYYY-MM or YYYY
    date_precision  text    NOT NULL DEFAULT '',
    day             date,                        -- first day event_date covers, else the publication day
    modality        text    NOT NULL DEFAULT '',
    fatalities      double precision,
    data            jsonb   NOT NULL             -- the whole news.Event
);
CREATE UNIQUE INDEX events_article ON events (article_id, idx);
CREATE INDEX events_type ON events (lower(type), lower(subtype));
CREATE INDEX events_day ON events (day);
CREATE INDEX events_country ON events (upper(country));

-- +goose Down
DROP TABLE events;
DROP TABLE article_bands;
DROP TABLE article_signatures;
DROP TABLE articles;
