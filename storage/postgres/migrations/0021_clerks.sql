-- Desk clerks: operators bound to one desk, who see and correct that desk's records in the
-- browser as its API keys do through the API. Reviewers see and correct every desk's records,
-- without an admin's operations (retries, queues, catalogue, desks, users).
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'staff', 'clerk', 'reviewer'));
ALTER TABLE users ADD COLUMN desk_code text REFERENCES desks(code);
ALTER TABLE users ADD CONSTRAINT users_clerk_desk CHECK ((role = 'clerk') = (desk_code IS NOT NULL));
