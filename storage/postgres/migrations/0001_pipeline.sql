-- The record of digitization: desks, dossiers, the documents and pages inside them, the
-- artifacts made from them and each desk's figures. Asynq only delivers work; this is the truth.

CREATE TABLE desks (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    parent_unit text NOT NULL DEFAULT '',           -- ministry, or province/district it belongs to
    kind        text NOT NULL CHECK (kind IN ('ministry', 'locality')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE batches (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    desk_code  text NOT NULL REFERENCES desks(code),
    name       text NOT NULL,                        -- the <batch> part of incoming/<desk>/<batch>/
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (desk_code, name)
);

CREATE TABLE dossiers (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    desk_code      text NOT NULL REFERENCES desks(code),
    code           text NOT NULL,
    procedure_code text NOT NULL DEFAULT '',
    received_on    date NOT NULL DEFAULT current_date,
    -- open: documents still in work; digitized: every document digitized;
    -- incomplete: every document ended but some failed.
    state          text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'digitized', 'incomplete')),
    ended_at       timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (desk_code, code)
);

-- One uploaded file is one document of a dossier.
CREATE TABLE documents (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    dossier_id    uuid NOT NULL REFERENCES dossiers(id),
    batch_id      uuid NOT NULL REFERENCES batches(id),
    source_key    text NOT NULL UNIQUE,              -- the original object in S3
    filename      text NOT NULL,
    size          bigint NOT NULL DEFAULT 0,
    sha256        text NOT NULL DEFAULT '',
    format        text NOT NULL DEFAULT '',
    -- received: not yet split into pages; split: pages in work;
    -- classified: every page done and typed; failed: every page ended, some failed.
    state         text NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'split', 'classified', 'failed')),
    doc_type      text NOT NULL DEFAULT '',
    role          text NOT NULL DEFAULT '' CHECK (role IN ('', 'input', 'result')),
    confidence    double precision NOT NULL DEFAULT 0,
    reason        text NOT NULL DEFAULT '',
    error_class   text NOT NULL DEFAULT '',
    error_message text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_dossier ON documents (dossier_id);
CREATE INDEX documents_batch ON documents (batch_id);
CREATE INDEX documents_unfinished ON documents (updated_at) WHERE state IN ('received', 'split');

CREATE TABLE pages (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    document_id            uuid NOT NULL REFERENCES documents(id),
    index                  int NOT NULL,
    -- pending -> prepared -> done, or failed from any non-terminal state.
    state                  text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'prepared', 'done', 'failed')),
    error_class            text NOT NULL DEFAULT '',
    error_message          text NOT NULL DEFAULT '',
    attempts               int NOT NULL DEFAULT 0,
    width                  int NOT NULL DEFAULT 0,
    height                 int NOT NULL DEFAULT 0,
    dpi                    int NOT NULL DEFAULT 0,
    rotated                int NOT NULL DEFAULT 0,
    orientation_confidence double precision NOT NULL DEFAULT 0,
    skew_degrees           double precision NOT NULL DEFAULT 0,
    skew_confidence        double precision NOT NULL DEFAULT 0,
    mean_confidence        double precision NOT NULL DEFAULT 0,
    low_confidence_share   double precision NOT NULL DEFAULT 0,
    text                   text NOT NULL DEFAULT '',
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (document_id, index)
);
CREATE INDEX pages_unfinished ON pages (updated_at) WHERE state IN ('pending', 'prepared');

-- What digitization produced, content-addressed in S3. One artifact per (owner, kind): a re-run
-- overwrites it with identical content.
CREATE TABLE artifacts (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    document_id  uuid NOT NULL REFERENCES documents(id),
    page_id      uuid REFERENCES pages(id),
    kind         text NOT NULL,                      -- page_image, text, hocr, words
    object_key   text NOT NULL,
    sha256       text NOT NULL,
    size         bigint NOT NULL,
    content_type text NOT NULL,
    engine       text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX artifacts_page_kind ON artifacts (page_id, kind) WHERE page_id IS NOT NULL;
CREATE UNIQUE INDEX artifacts_document_kind ON artifacts (document_id, kind) WHERE page_id IS NULL;

-- Recomputed from the rows above inside the finalize transaction, never incremented.
CREATE TABLE desk_figures (
    desk_code          text PRIMARY KEY REFERENCES desks(code),
    dossiers           int NOT NULL,
    dossiers_digitized int NOT NULL,
    percentage         numeric(5,2) NOT NULL,
    pages_done         int NOT NULL,
    pages_failed       int NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
