-- Least-privilege roles for sohoa, once per PostgreSQL cluster, as a superuser (or a role with
-- CREATEROLE): psql -f deploy/postgres/roles.sql. Idempotent.
--
--   sohoa_owner   owns the schema; only `sohoa migrate` connects as it (DDL)
--   sohoa_app     no login: the DML the services use (see grants.sql), never DDL, no TRUNCATE,
--                 DELETE only on sessions and users
--   sohoa_api     login for `sohoa serve`, a member of sohoa_app
--   sohoa_worker  login for `sohoa worker`, a member of sohoa_app
--
-- Give the logins passwords (\password sohoa_api) or certificates, then run grants.sql in each
-- sohoa database.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['sohoa_owner', 'sohoa_app'] LOOP
        BEGIN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        EXCEPTION WHEN duplicate_object THEN NULL;
        END;
    END LOOP;
    FOREACH r IN ARRAY ARRAY['sohoa_api', 'sohoa_worker'] LOOP
        BEGIN
            EXECUTE format('CREATE ROLE %I LOGIN IN ROLE sohoa_app', r);
        EXCEPTION WHEN duplicate_object THEN NULL;
        END;
    END LOOP;
END
$$;
-- The migrating login: LOGIN for sohoa_owner itself, or GRANT sohoa_owner TO a deploy role.
ALTER ROLE sohoa_owner LOGIN;
-- The services' roles may not create anything anywhere, nor outlive a stuck statement.
ALTER ROLE sohoa_api SET statement_timeout = '60s';
ALTER ROLE sohoa_worker SET statement_timeout = '120s';
