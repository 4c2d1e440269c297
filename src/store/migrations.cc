// The SQLite schema, as an append-only list of migrations.
#include "store/migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <string>

namespace sciaticare::store {
namespace {

// Version 1: the whole clinic schema.
//
// Every table of patient data carries clinic_id, and references between
// records go through composite keys (clinic_id, id) so the database itself
// refuses a note that points at another clinic's patient or therapist.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE clinics (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> '')
);

CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics (id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL CHECK (family_name <> ''),
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  notes TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (clinic_id, id)
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics (id),
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'therapist', 'front_desk', 'patient')),
  password_hash TEXT NOT NULL,
  patient_id INTEGER,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  UNIQUE (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  CHECK ((role = 'patient') = (patient_id IS NOT NULL))
);

CREATE TABLE therapist_profiles (
  user_id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  years_experience INTEGER NOT NULL CHECK (years_experience >= 0),
  sciatica_experience_years INTEGER NOT NULL CHECK (sciatica_experience_years >= 0),
  bio TEXT NOT NULL,
  FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
);

CREATE TABLE therapist_modalities (
  user_id INTEGER NOT NULL REFERENCES therapist_profiles (user_id),
  position INTEGER NOT NULL,
  technique_id TEXT NOT NULL,
  PRIMARY KEY (user_id, position)
) WITHOUT ROWID;

CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  patient_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('intake', 'reassessment', 'portal')),
  intake_json TEXT NOT NULL,
  result_json TEXT NOT NULL,
  triage TEXT NOT NULL,
  knowledge_version TEXT NOT NULL,
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (clinic_id, patient_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, created_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX assessments_by_patient ON assessments (clinic_id, patient_id, created_at);

CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  patient_id INTEGER NOT NULL,
  assessment_id INTEGER NOT NULL,
  version_no INTEGER NOT NULL CHECK (version_no >= 1),
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'superseded')),
  plan_json TEXT NOT NULL,
  knowledge_version TEXT NOT NULL,
  created_by INTEGER NOT NULL,
  approved_by INTEGER,
  approved_at TEXT,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  UNIQUE (clinic_id, patient_id, id),
  UNIQUE (patient_id, version_no),
  FOREIGN KEY (clinic_id, patient_id, assessment_id)
    REFERENCES assessments (clinic_id, patient_id, id),
  FOREIGN KEY (clinic_id, created_by) REFERENCES users (clinic_id, id),
  FOREIGN KEY (clinic_id, approved_by) REFERENCES users (clinic_id, id),
  CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
  CHECK (status <> 'approved' OR approved_by IS NOT NULL)
);
-- At most one approved plan per patient: "the current plan" is never ambiguous.
CREATE UNIQUE INDEX plans_one_approved ON plans (patient_id) WHERE status = 'approved';

CREATE TABLE session_notes (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  patient_id INTEGER NOT NULL,
  plan_id INTEGER,
  therapist_id INTEGER NOT NULL,
  occurred_at TEXT NOT NULL,
  subjective TEXT NOT NULL,
  objective TEXT NOT NULL,
  assessment TEXT NOT NULL,
  plan_text TEXT NOT NULL,
  leg_pain_before INTEGER CHECK (leg_pain_before BETWEEN 0 AND 10),
  leg_pain_after INTEGER CHECK (leg_pain_after BETWEEN 0 AND 10),
  back_pain_before INTEGER CHECK (back_pain_before BETWEEN 0 AND 10),
  back_pain_after INTEGER CHECK (back_pain_after BETWEEN 0 AND 10),
  techniques_json TEXT NOT NULL,
  oils_used INTEGER NOT NULL CHECK (oils_used IN (0, 1)),
  adverse_events_json TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id, plan_id) REFERENCES plans (clinic_id, patient_id, id),
  FOREIGN KEY (clinic_id, therapist_id) REFERENCES users (clinic_id, id)
);
CREATE INDEX session_notes_by_patient ON session_notes (clinic_id, patient_id, occurred_at);
CREATE INDEX session_notes_by_plan ON session_notes (plan_id);

CREATE TABLE appointments (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  patient_id INTEGER NOT NULL,
  therapist_id INTEGER NOT NULL,
  starts_at TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 480),
  status TEXT NOT NULL CHECK (status IN ('requested', 'booked', 'cancelled', 'done')),
  plan_id INTEGER,
  note TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id, plan_id) REFERENCES plans (clinic_id, patient_id, id),
  FOREIGN KEY (clinic_id, therapist_id) REFERENCES users (clinic_id, id)
);
CREATE INDEX appointments_by_day ON appointments (clinic_id, starts_at);
CREATE INDEX appointments_by_patient ON appointments (clinic_id, patient_id, starts_at);

-- user_id, patient_id and entity_id have no foreign keys on purpose: the trail
-- records what was asked for, including ids that name nothing.
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics (id),
  at TEXT NOT NULL,
  user_id INTEGER,
  action TEXT NOT NULL CHECK (action <> ''),
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  patient_id INTEGER,
  remote_addr TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit is append-only');
END;
-- INSERT OR REPLACE deletes the old row without firing delete triggers, so
-- an insert may not reuse an existing id either.
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'audit is append-only');
END;

CREATE TABLE auth_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL,
  clinic_id INTEGER NOT NULL,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
) WITHOUT ROWID;
CREATE INDEX auth_sessions_by_expiry ON auth_sessions (expires_at);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  clinic_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked INTEGER NOT NULL CHECK (revoked IN (0, 1)),
  FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
);
CREATE INDEX api_tokens_by_user ON api_tokens (clinic_id, user_id);
)sql";

// Version 2: indexes for the two lists that grow without bound, the audit
// trail of a clinic read newest first (also per patient, "who saw my
// record") and the patient list sorted and searched by name.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE INDEX audit_by_clinic_time ON audit (clinic_id, at);
CREATE INDEX audit_by_patient_time ON audit (clinic_id, patient_id, at);
CREATE INDEX patients_by_name ON patients (clinic_id, family_name COLLATE NOCASE,
                                           given_name COLLATE NOCASE);
)sql";

// Version 3: a session note may record work that departs from the patient's
// screening, acknowledged by the therapist with a reason: the departures and
// the reason as one JSON document, empty for a note within screening.
constexpr std::string_view kSchemaV3 = R"sql(
ALTER TABLE session_notes ADD COLUMN deviations_json TEXT NOT NULL DEFAULT '';
)sql";

// Version 4: appointments may also be "arrived" and "no_show". SQLite cannot
// change a CHECK constraint, so the table is rebuilt with every row kept (no
// table refers to appointments, so dropping the old one breaks no key).
constexpr std::string_view kSchemaV4 = R"sql(
CREATE TABLE appointments_v4 (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  patient_id INTEGER NOT NULL,
  therapist_id INTEGER NOT NULL,
  starts_at TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 480),
  status TEXT NOT NULL
    CHECK (status IN ('requested', 'booked', 'cancelled', 'done', 'arrived', 'no_show')),
  plan_id INTEGER,
  note TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id, plan_id) REFERENCES plans (clinic_id, patient_id, id),
  FOREIGN KEY (clinic_id, therapist_id) REFERENCES users (clinic_id, id)
);
INSERT INTO appointments_v4 (id, clinic_id, patient_id, therapist_id, starts_at, minutes, status,
                             plan_id, note, version)
  SELECT id, clinic_id, patient_id, therapist_id, starts_at, minutes, status, plan_id, note, version
  FROM appointments;
DROP TABLE appointments;
ALTER TABLE appointments_v4 RENAME TO appointments;
CREATE INDEX appointments_by_day ON appointments (clinic_id, starts_at);
CREATE INDEX appointments_by_patient ON appointments (clinic_id, patient_id, starts_at);
)sql";

// Version 5: the answers of creating requests sent with an Idempotency-Key,
// one per user and key, so that a retry is answered alike and creates
// nothing. Written in the same transaction as the record they answer; kept
// for at least a day (the age index serves the pruning).
constexpr std::string_view kSchemaV5 = R"sql(
CREATE TABLE idempotency_keys (
  user_id INTEGER NOT NULL,
  key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  clinic_id INTEGER NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  headers_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, key),
  FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
)sql";

// Version 6: login hardening. Sessions remember when they were last used
// (the idle limit), and login attempts are kept a while (pruned by the
// server) so that the throttle holds across server processes. An attempt
// keeps a hash of the email, never the password.
constexpr std::string_view kSchemaV6 = R"sql(
ALTER TABLE auth_sessions ADD COLUMN last_seen_at TEXT NOT NULL DEFAULT '';
UPDATE auth_sessions SET last_seen_at = created_at;
CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  email_hash TEXT NOT NULL,
  remote_addr TEXT NOT NULL,
  at TEXT NOT NULL,
  succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1))
);
CREATE INDEX login_attempts_by_pair ON login_attempts (email_hash, remote_addr, at);
CREATE INDEX login_attempts_by_address ON login_attempts (remote_addr, at);
CREATE INDEX login_attempts_by_time ON login_attempts (at);
)sql";

// Version 7: referrals as records with a life (issue 13).
// A referral is opened by the
// screening that raised it (an assessment, or a session's red-flag check) and
// never changed; what happens next (letter sent, outcome, closed) is appended
// as events. Both tables are append-only, like the audit trail: nothing
// clinical is overwritten or deleted.
constexpr std::string_view kSchemaV7 = R"sql(
CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  patient_id INTEGER NOT NULL,
  assessment_id INTEGER,
  session_id INTEGER,
  urgency TEXT NOT NULL CHECK (urgency IN ('routine_gp', 'urgent', 'emergency')),
  flags_json TEXT NOT NULL,
  findings TEXT NOT NULL,
  opened_by INTEGER NOT NULL,
  opened_at TEXT NOT NULL,
  UNIQUE (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id, assessment_id)
    REFERENCES assessments (clinic_id, patient_id, id),
  FOREIGN KEY (session_id) REFERENCES session_notes (id),
  FOREIGN KEY (clinic_id, opened_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX referrals_by_patient ON referrals (clinic_id, patient_id, id);
CREATE TABLE referral_events (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  referral_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('letter_sent', 'outcome', 'closed')),
  detail_json TEXT NOT NULL,
  recorded_by INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  FOREIGN KEY (clinic_id, referral_id) REFERENCES referrals (clinic_id, id),
  FOREIGN KEY (clinic_id, recorded_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX referral_events_by_referral ON referral_events (referral_id, id);
CREATE TRIGGER referrals_no_update BEFORE UPDATE ON referrals
BEGIN
  SELECT RAISE(ABORT, 'referrals are append-only');
END;
CREATE TRIGGER referrals_no_delete BEFORE DELETE ON referrals
BEGIN
  SELECT RAISE(ABORT, 'referrals are append-only');
END;
CREATE TRIGGER referral_events_no_update BEFORE UPDATE ON referral_events
BEGIN
  SELECT RAISE(ABORT, 'referral events are append-only');
END;
CREATE TRIGGER referral_events_no_delete BEFORE DELETE ON referral_events
BEGIN
  SELECT RAISE(ABORT, 'referral events are append-only');
END;
)sql";

constexpr std::string_view kSchemaV8 = R"sql(
CREATE TABLE portal_invites (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  patient_id INTEGER NOT NULL,
  email TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  user_id INTEGER,
  replaced_at TEXT,
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, created_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX portal_invites_by_patient ON portal_invites (clinic_id, patient_id, id);
)sql";

constexpr std::string_view kSchemaV9 = R"sql(
ALTER TABLE session_notes ADD COLUMN red_flags_json TEXT NOT NULL DEFAULT '';
CREATE INDEX session_notes_symptom_spread ON session_notes (clinic_id, patient_id, created_at)
  WHERE adverse_events_json LIKE '%"kind":"symptom_peripheralisation"%';
)sql";

// Version 10: intake drafts (working state, one per patient, replaceable) and
// consent records (append-only: a withdrawal is a new entry).
constexpr std::string_view kSchemaV10 = R"sql(
CREATE TABLE intake_drafts (
  clinic_id INTEGER NOT NULL,
  patient_id INTEGER NOT NULL,
  state_json TEXT NOT NULL,
  updated_by INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (clinic_id, patient_id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, updated_by) REFERENCES users (clinic_id, id)
);
CREATE TABLE consents (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  patient_id INTEGER NOT NULL,
  treatment INTEGER NOT NULL CHECK (treatment IN (0, 1)),
  areas_json TEXT NOT NULL,
  form TEXT NOT NULL CHECK (form IN ('verbal', 'written')),
  note TEXT NOT NULL,
  recorded_by INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, recorded_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX consents_by_patient ON consents (clinic_id, patient_id, id);
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
BEGIN
  SELECT RAISE(ABORT, 'consent records are append-only');
END;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN
  SELECT RAISE(ABORT, 'consent records are append-only');
END;
)sql";

// Signed notes and their amendments. A note is a draft until signed; a signed
// note's content changes only beside an appended amendment that keeps the
// content before and after, so every version stays readable. Notes written
// before this version were acknowledged records: they count as signed by
// their author when written. Notes are never deleted.
constexpr std::string_view kSchemaV11 = R"sql(
ALTER TABLE session_notes ADD COLUMN status TEXT NOT NULL DEFAULT 'signed'
  CHECK (status IN ('draft', 'signed'));
ALTER TABLE session_notes ADD COLUMN signed_by INTEGER;
ALTER TABLE session_notes ADD COLUMN signed_at TEXT;
UPDATE session_notes SET signed_by = therapist_id, signed_at = created_at;
CREATE TABLE session_note_amendments (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  session_id INTEGER NOT NULL REFERENCES session_notes (id),
  note_version INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  amended_by INTEGER NOT NULL,
  amended_at TEXT NOT NULL,
  UNIQUE (session_id, note_version),
  FOREIGN KEY (clinic_id, amended_by) REFERENCES users (clinic_id, id)
);
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
)sql";

// A patient's details are never overwritten without trace: each update keeps
// the values it replaces here, with who changed them, when and why.
constexpr std::string_view kSchemaV12 = R"sql(
CREATE TABLE patient_versions (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  patient_id INTEGER NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  notes TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  changed_by INTEGER NOT NULL,
  changed_by_name TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  UNIQUE (patient_id, version),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, changed_by) REFERENCES users (clinic_id, id)
);
CREATE TRIGGER patient_versions_no_update BEFORE UPDATE ON patient_versions
BEGIN
  SELECT RAISE(ABORT, 'patient versions are append-only');
END;
CREATE TRIGGER patient_versions_no_delete BEFORE DELETE ON patient_versions
BEGIN
  SELECT RAISE(ABORT, 'patient versions are append-only');
END;
-- INSERT OR REPLACE would delete a kept version without firing the delete
-- trigger, so an insert may reuse neither an id nor a version.
CREATE TRIGGER patient_versions_no_replace BEFORE INSERT ON patient_versions
WHEN EXISTS (SELECT 1 FROM patient_versions WHERE id = NEW.id OR
             (patient_id = NEW.patient_id AND version = NEW.version))
BEGIN
  SELECT RAISE(ABORT, 'patient versions are append-only');
END;
)sql";

// Version 13 (issue 16): the
// clinic's time zone, weekly opening hours (minutes after local midnight, per
// ISO weekday 0 = Monday) and closed days. A clinic without a row keeps UTC and
// no opening hours, which means no restriction.
constexpr std::string_view kSchemaV13 = R"sql(
CREATE TABLE clinic_settings (
  clinic_id INTEGER PRIMARY KEY REFERENCES clinics (id),
  time_zone TEXT NOT NULL CHECK (time_zone <> ''),
  version INTEGER NOT NULL CHECK (version >= 1)
);
CREATE TABLE clinic_opening_hours (
  clinic_id INTEGER NOT NULL REFERENCES clinics (id),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  opens_minute INTEGER NOT NULL CHECK (opens_minute BETWEEN 0 AND 1439),
  closes_minute INTEGER NOT NULL CHECK (closes_minute BETWEEN 1 AND 1440),
  CHECK (opens_minute < closes_minute)
);
CREATE INDEX clinic_opening_hours_by_clinic ON clinic_opening_hours (clinic_id, weekday);
CREATE TABLE clinic_closed_days (
  clinic_id INTEGER NOT NULL REFERENCES clinics (id),
  day TEXT NOT NULL,
  PRIMARY KEY (clinic_id, day)
);
)sql";

// Version 14 (issue 16, "Change"): how appointments change, kept. A
// reschedule moves the appointment in place (its id, notes and links stay)
// and keeps the old time and therapist here; a cancellation or no-show keeps
// its reason, who and when, and whether it came within the clinic's notice
// period. The waiting list keeps every entry with its outcome; an entry is
// offered at most one freed slot at a time.
constexpr std::string_view kSchemaV14 = R"sql(
ALTER TABLE clinic_settings ADD COLUMN notice_hours INTEGER NOT NULL DEFAULT 24
  CHECK (notice_hours BETWEEN 0 AND 336);
CREATE TABLE appointment_changes (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  appointment_id INTEGER NOT NULL REFERENCES appointments (id),
  kind TEXT NOT NULL CHECK (kind IN ('rescheduled', 'cancelled', 'no_show')),
  old_starts_at TEXT NOT NULL,
  old_therapist_id INTEGER NOT NULL,
  new_starts_at TEXT NOT NULL,
  new_therapist_id INTEGER,
  reason TEXT NOT NULL,
  reason_text TEXT NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  changed_by INTEGER NOT NULL,
  changed_at TEXT NOT NULL,
  FOREIGN KEY (clinic_id, changed_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX appointment_changes_by_appointment ON appointment_changes (appointment_id, id);
CREATE TRIGGER appointment_changes_no_update BEFORE UPDATE ON appointment_changes
BEGIN
  SELECT RAISE(ABORT, 'appointment changes are append-only');
END;
CREATE TRIGGER appointment_changes_no_delete BEFORE DELETE ON appointment_changes
BEGIN
  SELECT RAISE(ABORT, 'appointment changes are append-only');
END;
CREATE TABLE waiting_entries (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL,
  patient_id INTEGER NOT NULL,
  therapist_id INTEGER,
  earliest TEXT NOT NULL,
  latest TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 480),
  note TEXT NOT NULL,
  created_by INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('waiting', 'offered', 'booked', 'withdrawn')),
  offered_starts_at TEXT NOT NULL,
  offered_therapist_id INTEGER,
  freed_by_appointment_id INTEGER,
  appointment_id INTEGER,
  version INTEGER NOT NULL CHECK (version >= 1),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, created_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX waiting_entries_by_clinic ON waiting_entries (clinic_id, status, id);
CREATE TRIGGER waiting_entries_no_delete BEFORE DELETE ON waiting_entries
BEGIN
  SELECT RAISE(ABORT, 'waiting-list entries are kept with their outcome');
END;
)sql";

constexpr std::array<Migration, 14> kMigrations{{
    {1, "clinic schema", kSchemaV1},
    {2, "audit and patient name indexes", kSchemaV2},
    {3, "session note deviations", kSchemaV3},
    {4, "appointment statuses arrived and no_show", kSchemaV4},
    {5, "idempotency keys", kSchemaV5},
    {6, "session last use and login attempts", kSchemaV6},
    {7, "referrals and their events", kSchemaV7},
    {8, "portal invitations", kSchemaV8},
    {9, "session note red-flag checks, notes recording spreading symptoms", kSchemaV9},
    {10, "intake drafts and consent records", kSchemaV10},
    {11, "signed session notes and their amendments", kSchemaV11},
    {12, "patient versions", kSchemaV12},
    {13, "clinic time zone, opening hours and closed days", kSchemaV13},
    {14, "appointment changes, notice period and waiting list", kSchemaV14},
}};

constexpr std::string_view kVersionTable = R"sql(
CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
)
)sql";

int ReadVersion(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
  q.executeStep();
  return q.getColumn(0).getInt();
}

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations.back().version; }

StoreResult<int> SchemaVersion(SQLite::Database& db) {
  try {
    if (!db.tableExists("schema_version")) return 0;
    return ReadVersion(db);
  } catch (const std::exception& e) {
    return Internal(std::string("reading the schema version: ") + e.what());
  }
}

StoreResult<int> Migrate(SQLite::Database& db, int target) {
  int version = 0;
  try {
    db.exec(std::string(kVersionTable));
    version = ReadVersion(db);
    if (version > LatestSchemaVersion()) {
      return Internal("database schema version " + std::to_string(version) +
                      " is newer than this program knows (" +
                      std::to_string(LatestSchemaVersion()) + "); upgrade Sciaticare");
    }
    for (const Migration& m : kMigrations) {
      if (m.version > target) break;
      // IMMEDIATE takes the write lock before re-reading the version, so two
      // processes opening a fresh file cannot both apply the same migration.
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      version = ReadVersion(db);
      if (m.version <= version) continue;
      db.exec(std::string(m.sql));
      SQLite::Statement record(db, "INSERT INTO schema_version (version, name) VALUES (?, ?)");
      record.bind(1, m.version);
      record.bind(2, std::string(m.name));
      record.exec();
      tx.commit();
      version = m.version;
    }
  } catch (const std::exception& e) {
    return Internal("migrating the schema past version " + std::to_string(version) + ": " +
                    e.what());
  }
  return version;
}

}  // namespace sciaticare::store
