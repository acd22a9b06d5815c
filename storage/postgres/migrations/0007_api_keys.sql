-- Per-desk API keys: each scoped to one desk, stored as SHA-256 hashes (the key itself is shown
-- once, when created).
CREATE TABLE api_keys (
    key_hash   text PRIMARY KEY,
    desk_code  text NOT NULL REFERENCES desks(code),
    name       text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE INDEX api_keys_desk ON api_keys (desk_code);
