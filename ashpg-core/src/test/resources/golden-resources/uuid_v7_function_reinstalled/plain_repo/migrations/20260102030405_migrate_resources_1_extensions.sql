-- ashpg:up
DO $ashpg$
DECLARE
  existing regprocedure;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ashpg function uuid_generate_v7'));
  existing := to_regprocedure('public.uuid_generate_v7()');
  IF existing IS NOT NULL AND obj_description(existing, 'pg_proc') IS DISTINCT FROM 'installed by ashpg' THEN
    RAISE NOTICE 'public.uuid_generate_v7() exists and was not installed by ashpg; it is left as it is';
    RETURN;
  END IF;
  CREATE OR REPLACE FUNCTION public.uuid_generate_v7() RETURNS uuid LANGUAGE plpgsql VOLATILE PARALLEL SAFE AS $function$
  DECLARE
    bytes bytea := uuid_send(gen_random_uuid());
    unix_ms bigint := floor(extract(epoch FROM clock_timestamp()) * 1000);
  BEGIN
    -- bytes 0 to 5: the Unix time in milliseconds, big-endian
    bytes := overlay(bytes PLACING substring(int8send(unix_ms) FROM 3) FROM 1 FOR 6);
    -- version 7 in the high half of byte 6, variant 10 in the two high bits of byte 8
    bytes := set_byte(bytes, 6, (get_byte(bytes, 6) & 15) | 112);
    bytes := set_byte(bytes, 8, (get_byte(bytes, 8) & 63) | 128);
    RETURN encode(bytes, 'hex')::uuid;
  END
  $function$;
  COMMENT ON FUNCTION public.uuid_generate_v7() IS 'installed by ashpg';
END
$ashpg$;
-- ashpg:down
-- rolling back leaves uuid_generate_v7(): migrations rolled back after this one may use it again;
-- uncomment to drop it with this migration's rollback
-- DO $ashpg$
-- DECLARE
--   existing regprocedure;
-- BEGIN
--   PERFORM pg_advisory_xact_lock(hashtext('ashpg function uuid_generate_v7'));
--   existing := to_regprocedure('public.uuid_generate_v7()');
--   IF existing IS NOT NULL AND obj_description(existing, 'pg_proc') = 'installed by ashpg'
--       AND NOT EXISTS (SELECT 1 FROM pg_depend WHERE refclassid = 'pg_proc'::regclass AND refobjid = existing AND deptype = 'n') THEN
--     DROP FUNCTION public.uuid_generate_v7();
--   END IF;
-- END
-- $ashpg$;
