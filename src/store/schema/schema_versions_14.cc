// Schema versions from 14: therapists' working hours, breaks and time off.
#include "store/schema/schema_versions.h"

namespace sciaticare::store::schema_versions {

// Version 14: a therapist's week (working hours and breaks, in the clinic's
// local minutes) and their time off, which is withdrawn, never deleted.
const std::string_view kSchemaV14 = R"sql(
CREATE TABLE therapist_weeks (
  clinic_id {{BIGINT}} NOT NULL REFERENCES clinics (id),
  therapist_id {{BIGINT}} NOT NULL REFERENCES users (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  PRIMARY KEY (clinic_id, therapist_id)
);
CREATE TABLE therapist_week_spans (
  clinic_id {{BIGINT}} NOT NULL REFERENCES clinics (id),
  therapist_id {{BIGINT}} NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('hours', 'break')),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  from_minute INTEGER NOT NULL CHECK (from_minute BETWEEN 0 AND 1439),
  to_minute INTEGER NOT NULL CHECK (to_minute BETWEEN 1 AND 1440),
  CHECK (from_minute < to_minute)
);
CREATE INDEX therapist_week_spans_by_therapist ON therapist_week_spans (clinic_id, therapist_id);
CREATE TABLE therapist_time_off (
  id {{SERIAL_ID}},
  clinic_id {{BIGINT}} NOT NULL REFERENCES clinics (id),
  therapist_id {{BIGINT}} NOT NULL REFERENCES users (id),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_by {{BIGINT}} NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_by {{BIGINT}} REFERENCES users (id),
  CHECK (starts_at < ends_at)
);
CREATE INDEX therapist_time_off_by_therapist ON therapist_time_off (clinic_id, therapist_id, ends_at);
{{sqlite}}
CREATE TRIGGER therapist_time_off_kept BEFORE DELETE ON therapist_time_off
BEGIN
  SELECT RAISE(ABORT, 'time off is kept: withdraw it instead');
END;
{{postgres}}
CREATE FUNCTION therapist_time_off_kept() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'time off is kept: withdraw it instead' USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER therapist_time_off_no_delete BEFORE DELETE OR TRUNCATE ON therapist_time_off
  FOR EACH STATEMENT EXECUTE FUNCTION therapist_time_off_kept();
{{end}}
)sql";

}  // namespace sciaticare::store::schema_versions
