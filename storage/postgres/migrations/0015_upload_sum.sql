-- The SHA-256 of the file as uploaded (hashed by the API, or declared in a presigned upload and
-- checked before completion): a different file under the same name is refused (409 exists),
-- and an original changed after its upload was checked is refused at ingest (class changed).
ALTER TABLE documents ADD COLUMN uploaded_sha256 text NOT NULL DEFAULT '';
