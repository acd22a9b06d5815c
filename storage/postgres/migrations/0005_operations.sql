-- Operations: every stage attempt (Asynq keeps at most 10,000 archived tasks per queue for 90
-- days; this keeps all), and the people who operate sohoa.

CREATE TABLE stage_attempts (
    id          bigserial PRIMARY KEY,
    task_id     text NOT NULL,
    task_type   text NOT NULL,
    row_id      uuid,                       -- the page, document or dossier the task works on
    attempt     int NOT NULL,               -- 1 for the first delivery
    worker      text NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    ended_at    timestamptz,
    outcome     text NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'ok', 'retry', 'archived')),
    error_class text NOT NULL DEFAULT '',
    message     text NOT NULL DEFAULT ''
);
CREATE INDEX stage_attempts_row ON stage_attempts (row_id, started_at);
CREATE INDEX stage_attempts_failed ON stage_attempts (started_at) WHERE outcome IN ('retry', 'archived');

CREATE TABLE users (
    name          text PRIMARY KEY,
    password_hash text NOT NULL,            -- bcrypt
    role          text NOT NULL CHECK (role IN ('admin', 'staff')),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
    token_hash text PRIMARY KEY,            -- sha256 of the cookie value: a database leak opens no session
    user_name  text NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
