-- The history of corrections on a document, shown on its page: who confirmed or changed its
-- type, and who moved which pages of its file in or out, when. Rows are only ever added.
CREATE TABLE corrections (
    id            bigserial PRIMARY KEY,
    document_id   uuid NOT NULL REFERENCES documents(id),
    at            timestamptz NOT NULL DEFAULT now(),
    by_user       text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('type', 'move')),
    from_type     text NOT NULL DEFAULT '',
    to_type       text NOT NULL DEFAULT '',
    pages         int[] NOT NULL DEFAULT '{}', -- numbered in the uploaded file, from 0
    from_document uuid,
    to_document   uuid
);
CREATE INDEX corrections_document ON corrections (document_id, id);
