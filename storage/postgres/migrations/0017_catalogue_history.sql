-- Procedures (the components their dossiers need) editable like types, and the history of
-- every catalogue change: who, when, what it was before.
CREATE TABLE procedure_overrides (
    code       text PRIMARY KEY,
    definition jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE catalogue_history (
    id         bigserial PRIMARY KEY,
    kind       text NOT NULL CHECK (kind IN ('type', 'procedure')),
    code       text NOT NULL,
    definition jsonb NOT NULL,
    previous   jsonb,                    -- the override it replaced (null: the built-in one, or new)
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalogue_history_code ON catalogue_history (kind, code, changed_at DESC);
