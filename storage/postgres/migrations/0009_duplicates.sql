-- A file whose bytes (sha256) another document of the same dossier already has is kept as a
-- duplicate of it: recorded, not read again, not counted.
ALTER TABLE documents DROP CONSTRAINT documents_state_check;
ALTER TABLE documents ADD CONSTRAINT documents_state_check CHECK (state IN ('received', 'split', 'classified', 'failed', 'duplicate'));
ALTER TABLE documents ADD COLUMN duplicate_of uuid REFERENCES documents(id);
CREATE INDEX documents_dossier_sha ON documents (dossier_id, sha256);
