-- The S3 version of each original, in the object-locked bucket of originals.
ALTER TABLE documents ADD COLUMN version_id text NOT NULL DEFAULT '';
