-- Where the least-privilege roles exist (deploy/postgres/roles.sql), the services may delete
-- only sessions and operators; every other table keeps its rows (DML without DELETE, from
-- grants.sql's default privileges).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sohoa_app') THEN
        GRANT DELETE ON sessions, users TO sohoa_app;
    END IF;
END
$$;
