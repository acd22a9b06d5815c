-- A ledger row whose worker died (SIGKILL, OOM, a lost node) never gets its outcome; the
-- reconciler closes such rows as 'abandoned' once the task's timeout has long passed.
ALTER TABLE stage_attempts DROP CONSTRAINT stage_attempts_outcome_check;
ALTER TABLE stage_attempts ADD CONSTRAINT stage_attempts_outcome_check CHECK (outcome IN ('running', 'ok', 'retry', 'archived', 'abandoned'));
