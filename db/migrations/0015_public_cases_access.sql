-- The public side reads published cases as hrd_public (see 0006_public_role.sql), like the read model of incidents.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hrd_public') THEN
    GRANT SELECT ON TABLE public_cases TO hrd_public;
  END IF;
END
$$;
