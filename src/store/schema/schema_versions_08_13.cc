// Schema versions 8 to 13: portal invitations, note red-flag checks, intake
// drafts and consents, signed notes, patient versions and clinic hours.
#include "store/schema/schema_versions.h"

namespace sciaticare::store::schema_versions {

// Version 8: invitations for patients to the portal.
const std::string_view kSchemaV8 = R"sql(
CREATE TABLE portal_invites (
  id {{SERIAL_ID}},
  clinic_id {{BIGINT}} NOT NULL,
  patient_id {{BIGINT}} NOT NULL,
  email TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_by {{BIGINT}} NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  user_id {{BIGINT}},
  replaced_at TEXT,
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, created_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX portal_invites_by_patient ON portal_invites (clinic_id, patient_id, id);
)sql";

// Version 9: a session's red-flag check, and the notes that recorded
// spreading symptoms found quickly.
const std::string_view kSchemaV9 = R"sql(
ALTER TABLE session_notes ADD COLUMN red_flags_json TEXT NOT NULL DEFAULT '';
CREATE INDEX session_notes_symptom_spread ON session_notes (clinic_id, patient_id, created_at)
  WHERE adverse_events_json LIKE '%"kind":"symptom_peripheralisation"%';
)sql";

// Version 10: intake drafts (working state, one per patient, replaceable) and
// consent records (append-only: a withdrawal is a new entry).
const std::string_view kSchemaV10 = R"sql(
CREATE TABLE intake_drafts (
  clinic_id {{BIGINT}} NOT NULL,
  patient_id {{BIGINT}} NOT NULL,
  state_json TEXT NOT NULL,
  updated_by {{BIGINT}} NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (clinic_id, patient_id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, updated_by) REFERENCES users (clinic_id, id)
);
CREATE TABLE consents (
  id {{SERIAL_ID}},
  clinic_id {{BIGINT}} NOT NULL,
  patient_id {{BIGINT}} NOT NULL,
  {{BOOLEAN treatment}},
  areas_json TEXT NOT NULL,
  form TEXT NOT NULL CHECK (form IN ('verbal', 'written')),
  note TEXT NOT NULL,
  recorded_by {{BIGINT}} NOT NULL,
  recorded_at TEXT NOT NULL,
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, recorded_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX consents_by_patient ON consents (clinic_id, patient_id, id);
{{sqlite}}
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
BEGIN
  SELECT RAISE(ABORT, 'consent records are append-only');
END;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN
  SELECT RAISE(ABORT, 'consent records are append-only');
END;
{{postgres}}
CREATE FUNCTION consents_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'consent records are append-only' USING ERRCODE = 'restrict_violation';
END;
$fn$;
CREATE TRIGGER consents_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON consents
  FOR EACH STATEMENT EXECUTE FUNCTION consents_append_only();
{{end}}
)sql";

// Version 11: signed notes and their amendments. A note is a draft until
// signed; a signed note's content changes only beside an appended amendment
// that keeps the content before and after, so every version stays readable.
// Notes written before this version were acknowledged records: they count as
// signed by their author when written. Notes are never deleted.
const std::string_view kSchemaV11 = R"sql(
ALTER TABLE session_notes ADD COLUMN status TEXT NOT NULL DEFAULT 'signed'
  CHECK (status IN ('draft', 'signed'));
ALTER TABLE session_notes ADD COLUMN signed_by {{BIGINT}};
ALTER TABLE session_notes ADD COLUMN signed_at TEXT;
UPDATE session_notes SET signed_by = therapist_id, signed_at = created_at;
CREATE TABLE session_note_amendments (
  id {{SERIAL_ID}},
  clinic_id {{BIGINT}} NOT NULL,
  session_id {{BIGINT}} NOT NULL REFERENCES session_notes (id),
  note_version INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  amended_by {{BIGINT}} NOT NULL,
  amended_at TEXT NOT NULL,
  UNIQUE (session_id, note_version),
  FOREIGN KEY (clinic_id, amended_by) REFERENCES users (clinic_id, id)
);
{{sqlite}}
CREATE TRIGGER session_note_amendments_no_update BEFORE UPDATE ON session_note_amendments
BEGIN
  SELECT RAISE(ABORT, 'note amendments are append-only');
END;
CREATE TRIGGER session_note_amendments_no_delete BEFORE DELETE ON session_note_amendments
BEGIN
  SELECT RAISE(ABORT, 'note amendments are append-only');
END;
CREATE TRIGGER session_notes_no_delete BEFORE DELETE ON session_notes
BEGIN
  SELECT RAISE(ABORT, 'session notes are never deleted');
END;
CREATE TRIGGER session_notes_signed_amended_only BEFORE UPDATE ON session_notes
WHEN OLD.status = 'signed' AND (NEW.status <> 'signed' OR NEW.version <> OLD.version + 1 OR NOT EXISTS (
  SELECT 1 FROM session_note_amendments a WHERE a.session_id = OLD.id
    AND a.note_version = NEW.version))
BEGIN
  SELECT RAISE(ABORT, 'a signed note changes only by an amendment');
END;
{{postgres}}
CREATE FUNCTION session_note_amendments_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'note amendments are append-only' USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER session_note_amendments_no_change
  BEFORE UPDATE OR DELETE OR TRUNCATE ON session_note_amendments
  FOR EACH STATEMENT EXECUTE FUNCTION session_note_amendments_append_only();
CREATE FUNCTION session_notes_kept() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'session notes are never deleted' USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.status = 'signed' AND (NEW.status <> 'signed' OR NEW.version <> OLD.version + 1 OR NOT EXISTS (
      SELECT 1 FROM session_note_amendments a WHERE a.session_id = OLD.id
        AND a.note_version = NEW.version)) THEN
    RAISE EXCEPTION 'a signed note changes only by an amendment'
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER session_notes_kept BEFORE UPDATE OR DELETE ON session_notes
  FOR EACH ROW EXECUTE FUNCTION session_notes_kept();
CREATE TRIGGER session_notes_no_truncate BEFORE TRUNCATE ON session_notes
  FOR EACH STATEMENT EXECUTE FUNCTION session_notes_kept();
{{end}}
)sql";

// Version 12: a patient's details are never overwritten without trace: each
// update keeps the values it replaces here, with who changed them, when and
// why. In SQLite an INSERT OR REPLACE would delete a kept version without
// firing the delete trigger, so an insert may reuse neither an id nor a version.
const std::string_view kSchemaV12 = R"sql(
CREATE TABLE patient_versions (
  id {{SERIAL_ID}},
  clinic_id {{BIGINT}} NOT NULL,
  patient_id {{BIGINT}} NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  notes TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  changed_by {{BIGINT}} NOT NULL,
  changed_by_name TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  UNIQUE (patient_id, version),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, changed_by) REFERENCES users (clinic_id, id)
);
{{sqlite}}
CREATE TRIGGER patient_versions_no_update BEFORE UPDATE ON patient_versions
BEGIN
  SELECT RAISE(ABORT, 'patient versions are append-only');
END;
CREATE TRIGGER patient_versions_no_delete BEFORE DELETE ON patient_versions
BEGIN
  SELECT RAISE(ABORT, 'patient versions are append-only');
END;
CREATE TRIGGER patient_versions_no_replace BEFORE INSERT ON patient_versions
WHEN EXISTS (SELECT 1 FROM patient_versions WHERE id = NEW.id OR
             (patient_id = NEW.patient_id AND version = NEW.version))
BEGIN
  SELECT RAISE(ABORT, 'patient versions are append-only');
END;
{{postgres}}
CREATE FUNCTION patient_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'patient versions are append-only' USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER patient_versions_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON patient_versions
  FOR EACH STATEMENT EXECUTE FUNCTION patient_versions_append_only();
{{end}}
)sql";

// Version 13 (issue 16): the clinic's time zone, weekly opening hours
// (minutes after local midnight, per ISO weekday 0 = Monday) and closed days.
// A clinic without a row keeps UTC and no opening hours, which means no
// restriction.
const std::string_view kSchemaV13 = R"sql(
CREATE TABLE clinic_settings (
  clinic_id {{BIGINT}} PRIMARY KEY REFERENCES clinics (id),
  time_zone TEXT NOT NULL CHECK (time_zone <> ''),
  version INTEGER NOT NULL CHECK (version >= 1)
);
CREATE TABLE clinic_opening_hours (
  clinic_id {{BIGINT}} NOT NULL REFERENCES clinics (id),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  opens_minute INTEGER NOT NULL CHECK (opens_minute BETWEEN 0 AND 1439),
  closes_minute INTEGER NOT NULL CHECK (closes_minute BETWEEN 1 AND 1440),
  CHECK (opens_minute < closes_minute)
);
CREATE INDEX clinic_opening_hours_by_clinic ON clinic_opening_hours (clinic_id, weekday);
CREATE TABLE clinic_closed_days (
  clinic_id {{BIGINT}} NOT NULL REFERENCES clinics (id),
  day TEXT NOT NULL,
  PRIMARY KEY (clinic_id, day)
);
)sql";

}  // namespace sciaticare::store::schema_versions
