-- New articles are added to the full-text index once per saved batch by
-- the store (one INSERT ... SELECT), not by a trigger per row: FTS5 flushes
-- its pending terms at every statement savepoint, so a per-row trigger made
-- each article pay for a flush.

-- +goose Up
DROP TRIGGER articles_fts_insert;

-- +goose Down
-- +goose StatementBegin
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- +goose StatementEnd
