-- Classification: fields read from each document, the review flag, confirmed labels that train
-- the model, trained models with their versions, catalogue overrides, and dossier completeness.

ALTER TABLE documents ADD COLUMN fields jsonb NOT NULL DEFAULT '{}';
ALTER TABLE documents ADD COLUMN needs_review boolean NOT NULL DEFAULT false;
CREATE INDEX documents_review ON documents (dossier_id) WHERE needs_review;

-- Confirmed types: corrections and confirmations made in review. The text is kept so that the
-- model can be retrained without reading S3.
CREATE TABLE labels (
    document_id uuid PRIMARY KEY REFERENCES documents(id),
    doc_type    text NOT NULL,
    text        text NOT NULL,
    source      text NOT NULL DEFAULT 'review',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE models (
    version    serial PRIMARY KEY,
    kind       text NOT NULL DEFAULT 'naive_bayes',
    labels     int NOT NULL,
    data       jsonb NOT NULL,
    trained_at timestamptz NOT NULL DEFAULT now()
);

-- A type here replaces (or adds to) the built-in catalogue's type of the same code.
CREATE TABLE doc_type_overrides (
    code       text PRIMARY KEY,
    definition jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE dossiers ADD COLUMN missing text[] NOT NULL DEFAULT '{}';
