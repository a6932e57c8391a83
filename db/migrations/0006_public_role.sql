-- The public side reads as the role hrd_public, which may SELECT only the public read model and the
-- vocabulary labels: a query of the public module that strays into the workspace tables fails with
-- "permission denied" instead of leaking (server/public/db.ts does SET LOCAL ROLE hrd_public).
-- Roles are cluster-wide: the role may already exist (another database of this server made it), two
-- migrations may race to create it, and a migrating user without CREATEROLE cannot make it at all;
-- then the public side refuses to answer until an administrator creates it (see README).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hrd_public') THEN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
      BEGIN
        CREATE ROLE hrd_public NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- created meanwhile by a migration of another database
      END;
    ELSE
      RAISE NOTICE 'hrd_public does not exist and % may not create roles: the public pages will refuse to answer until it exists', current_user;
    END IF;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hrd_public') THEN
    -- SET ROLE needs membership unless the user is a superuser.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper) AND NOT pg_has_role(current_user, 'hrd_public', 'MEMBER') THEN
      BEGIN
        EXECUTE format('GRANT hrd_public TO %I', current_user);
      EXCEPTION WHEN insufficient_privilege OR unique_violation OR duplicate_object THEN
        RAISE NOTICE 'could not make % a member of hrd_public', current_user;
      END;
    END IF;
    BEGIN
      GRANT USAGE ON SCHEMA public TO hrd_public;
    EXCEPTION WHEN insufficient_privilege THEN
      NULL; -- PUBLIC has USAGE on schema public by default
    END;
    GRANT SELECT ON TABLE public_incidents, vocabulary_terms TO hrd_public;
  END IF;
END
$$;
