-- Privileges of sohoa's roles (roles.sql) in one database, as its owner or a superuser:
-- psql -d sohoa -f deploy/postgres/grants.sql. Idempotent; run it before the first
-- `sohoa migrate` (as sohoa_owner) and again whenever you like.
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO sohoa_app', current_database());
    EXECUTE format('GRANT CONNECT, CREATE ON DATABASE %I TO sohoa_owner', current_database());
END
$$;
-- The schema belongs to the migrating role; nobody else creates in it.
ALTER SCHEMA public OWNER TO sohoa_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO sohoa_app;
-- Tables migrations create from now on: read, insert and update for the services.
ALTER DEFAULT PRIVILEGES FOR ROLE sohoa_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO sohoa_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sohoa_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sohoa_app;
-- A database migrated before the roles existed: hand its objects to sohoa_owner and grant the
-- same on what is already there.
DO $$
DECLARE
    o record;
BEGIN
    FOR o IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
               AND pg_get_userbyid(c.relowner) <> 'sohoa_owner'
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') LOOP
        EXECUTE format('ALTER %s public.%I OWNER TO sohoa_owner',
            CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, o.relname);
    END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO sohoa_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sohoa_app;
-- Deletes only where sohoa deletes (sign-outs, removed operators); migration 0016 grants the
-- same on a fresh database.
DO $$
BEGIN
    IF to_regclass('public.sessions') IS NOT NULL THEN
        GRANT DELETE ON public.sessions, public.users TO sohoa_app;
    END IF;
END
$$;
