// Schema versions from 14: therapists' working hours, breaks and time off;
// assessment corrections; appointment changes and the waiting list.
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

// Version 15: an assessment is corrected by a new one that names it, with the
// reason; assessments and their corrections are append-only.
const std::string_view kSchemaV15 = R"sql(
CREATE TABLE assessment_corrections (
  id {{SERIAL_ID}},
  clinic_id {{BIGINT}} NOT NULL,
  patient_id {{BIGINT}} NOT NULL,
  corrects_id {{BIGINT}} NOT NULL UNIQUE,
  correction_id {{BIGINT}} NOT NULL UNIQUE CHECK (correction_id > corrects_id),
  reason TEXT NOT NULL CHECK (reason <> ''),
  corrected_by {{BIGINT}} NOT NULL,
  corrected_by_name TEXT NOT NULL,
  corrected_at TEXT NOT NULL,
  FOREIGN KEY (clinic_id, patient_id, corrects_id) REFERENCES assessments (clinic_id, patient_id, id),
  FOREIGN KEY (clinic_id, patient_id, correction_id)
    REFERENCES assessments (clinic_id, patient_id, id),
  FOREIGN KEY (clinic_id, corrected_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX assessment_corrections_by_patient ON assessment_corrections (clinic_id, patient_id);
{{sqlite}}
CREATE TRIGGER assessment_corrections_no_update BEFORE UPDATE ON assessment_corrections
BEGIN
  SELECT RAISE(ABORT, 'assessment corrections are append-only');
END;
CREATE TRIGGER assessment_corrections_no_delete BEFORE DELETE ON assessment_corrections
BEGIN
  SELECT RAISE(ABORT, 'assessment corrections are append-only');
END;
-- INSERT OR REPLACE would delete a kept row without firing the delete trigger.
CREATE TRIGGER assessment_corrections_no_replace BEFORE INSERT ON assessment_corrections
WHEN EXISTS (SELECT 1 FROM assessment_corrections WHERE id = NEW.id OR
             corrects_id = NEW.corrects_id OR correction_id = NEW.correction_id)
BEGIN
  SELECT RAISE(ABORT, 'assessment corrections are append-only');
END;
CREATE TRIGGER assessments_no_update BEFORE UPDATE ON assessments
BEGIN
  SELECT RAISE(ABORT, 'assessments are append-only: correct one with a new assessment');
END;
CREATE TRIGGER assessments_no_delete BEFORE DELETE ON assessments
BEGIN
  SELECT RAISE(ABORT, 'assessments are append-only: correct one with a new assessment');
END;
CREATE TRIGGER assessments_no_replace BEFORE INSERT ON assessments
WHEN EXISTS (SELECT 1 FROM assessments WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'assessments are append-only: correct one with a new assessment');
END;
{{postgres}}
CREATE FUNCTION assessment_corrections_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'assessment corrections are append-only' USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER assessment_corrections_no_change
  BEFORE UPDATE OR DELETE OR TRUNCATE ON assessment_corrections
  FOR EACH STATEMENT EXECUTE FUNCTION assessment_corrections_append_only();
CREATE FUNCTION assessments_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'assessments are append-only: correct one with a new assessment'
    USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER assessments_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION assessments_append_only();
{{end}}
)sql";

// Version 16: a clinic's notice period; every cancellation, no-show and move
// of an appointment kept (append-only); the waiting list, kept with outcomes.
const std::string_view kSchemaV16 = R"sql(
ALTER TABLE clinic_settings ADD COLUMN notice_hours INTEGER NOT NULL DEFAULT 24
  CHECK (notice_hours BETWEEN 0 AND 336);
CREATE TABLE appointment_changes (
  id {{ID}},
  clinic_id {{BIGINT}} NOT NULL,
  appointment_id {{BIGINT}} NOT NULL REFERENCES appointments (id),
  kind TEXT NOT NULL CHECK (kind IN ('rescheduled', 'cancelled', 'no_show')),
  old_starts_at {{TIME}} NOT NULL,
  old_therapist_id {{BIGINT}} NOT NULL,
  new_starts_at {{TIME}} NOT NULL,
  new_therapist_id {{BIGINT}},
  reason TEXT NOT NULL,
  reason_text TEXT NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  changed_by {{BIGINT}} NOT NULL,
  changed_at TEXT NOT NULL,
  FOREIGN KEY (clinic_id, changed_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX appointment_changes_by_appointment ON appointment_changes (appointment_id, id);
{{sqlite}}
CREATE TRIGGER appointment_changes_no_update BEFORE UPDATE ON appointment_changes
BEGIN
  SELECT RAISE(ABORT, 'appointment changes are append-only');
END;
CREATE TRIGGER appointment_changes_no_delete BEFORE DELETE ON appointment_changes
BEGIN
  SELECT RAISE(ABORT, 'appointment changes are append-only');
END;
{{postgres}}
CREATE FUNCTION appointment_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'appointment changes are append-only' USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER appointment_changes_no_change
  BEFORE UPDATE OR DELETE OR TRUNCATE ON appointment_changes
  FOR EACH STATEMENT EXECUTE FUNCTION appointment_changes_append_only();
{{end}}
CREATE TABLE waiting_entries (
  id {{ID}},
  clinic_id {{BIGINT}} NOT NULL,
  patient_id {{BIGINT}} NOT NULL,
  therapist_id {{BIGINT}},
  earliest {{TIME}} NOT NULL,
  latest {{TIME}} NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 480),
  note TEXT NOT NULL,
  created_by {{BIGINT}} NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('waiting', 'offered', 'booked', 'withdrawn')),
  offered_starts_at {{TIME}} NOT NULL,
  offered_therapist_id {{BIGINT}},
  freed_by_appointment_id {{BIGINT}},
  appointment_id {{BIGINT}},
  version INTEGER NOT NULL CHECK (version >= 1),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, created_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX waiting_entries_by_clinic ON waiting_entries (clinic_id, status, id);
{{sqlite}}
CREATE TRIGGER waiting_entries_no_delete BEFORE DELETE ON waiting_entries
BEGIN
  SELECT RAISE(ABORT, 'waiting-list entries are kept with their outcome');
END;
{{postgres}}
CREATE FUNCTION waiting_entries_kept() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'waiting-list entries are kept with their outcome'
    USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER waiting_entries_no_delete BEFORE DELETE OR TRUNCATE ON waiting_entries
  FOR EACH STATEMENT EXECUTE FUNCTION waiting_entries_kept();
{{end}}
)sql";

}  // namespace sciaticare::store::schema_versions
