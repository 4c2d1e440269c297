// Schema versions 2 to 7: list indexes, note deviations, appointment statuses,
// idempotency keys, login hardening and referrals.
#include "store/schema/schema_versions.h"

namespace sciaticare::store::schema_versions {

// Version 2: indexes for the two lists that grow without bound, the audit
// trail of a clinic read newest first (also per patient, "who saw my
// record") and the patient list sorted and searched by name.
const std::string_view kSchemaV2 = R"sql(
CREATE INDEX audit_by_clinic_time ON audit (clinic_id, at);
CREATE INDEX audit_by_patient_time ON audit (clinic_id, patient_id, at);
CREATE INDEX patients_by_name ON patients (clinic_id, {{FOLDED family_name}},
                                           {{FOLDED given_name}});
)sql";

// Version 3: a session note may record work that departs from the patient's
// screening, acknowledged by the therapist with a reason: the departures and
// the reason as one JSON document, empty for a note within screening.
const std::string_view kSchemaV3 = R"sql(
ALTER TABLE session_notes ADD COLUMN deviations_json TEXT NOT NULL DEFAULT '';
)sql";

// Version 4: appointments may also be "arrived" and "no_show". SQLite cannot
// change a CHECK constraint, so the table is rebuilt with every row kept (no
// table refers to appointments, so dropping the old one breaks no key);
// PostgreSQL replaces the column's CHECK, which carries its default name.
const std::string_view kSchemaV4 = R"sql(
{{sqlite}}
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
{{postgres}}
ALTER TABLE appointments
  DROP CONSTRAINT appointments_status_check,
  ADD CONSTRAINT appointments_status_check
    CHECK (status IN ('requested', 'booked', 'cancelled', 'done', 'arrived', 'no_show'));
{{end}}
)sql";

// Version 5: the answers of creating requests sent with an Idempotency-Key,
// one per user and key, so that a retry is answered alike and creates
// nothing. Written in the same transaction as the record they answer; kept
// for at least a day (the age index serves the pruning).
const std::string_view kSchemaV5 = R"sql(
CREATE TABLE idempotency_keys (
  user_id {{BIGINT}} NOT NULL,
  key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  clinic_id {{BIGINT}} NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  headers_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, key),
  FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
) {{WITHOUT_ROWID}};
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
)sql";

// Version 6: login hardening. Sessions remember when they were last used
// (the idle limit), and login attempts are kept a while (pruned by the
// server) so that the throttle holds across server processes. An attempt
// keeps a hash of the email, never the password.
const std::string_view kSchemaV6 = R"sql(
ALTER TABLE auth_sessions ADD COLUMN last_seen_at {{TIME}} NOT NULL DEFAULT '';
UPDATE auth_sessions SET last_seen_at = created_at;
CREATE TABLE login_attempts (
  id {{ID}},
  email_hash TEXT NOT NULL,
  remote_addr TEXT NOT NULL,
  at {{TIME}} NOT NULL,
  {{BOOLEAN succeeded}}
);
CREATE INDEX login_attempts_by_pair ON login_attempts (email_hash, remote_addr, at);
CREATE INDEX login_attempts_by_address ON login_attempts (remote_addr, at);
CREATE INDEX login_attempts_by_time ON login_attempts (at);
)sql";

// Version 7: referrals as records with a life (issue 13). A referral is
// opened by the screening that raised it (an assessment, or a session's
// red-flag check) and never changed; what happens next (letter sent, outcome,
// closed) is appended as events. Both tables are append-only, like the audit
// trail: nothing clinical is overwritten or deleted.
const std::string_view kSchemaV7 = R"sql(
CREATE TABLE referrals (
  id {{SERIAL_ID}},
  clinic_id {{BIGINT}} NOT NULL,
  patient_id {{BIGINT}} NOT NULL,
  assessment_id {{BIGINT}},
  session_id {{BIGINT}},
  urgency TEXT NOT NULL CHECK (urgency IN ('routine_gp', 'urgent', 'emergency')),
  flags_json TEXT NOT NULL,
  findings TEXT NOT NULL,
  opened_by {{BIGINT}} NOT NULL,
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
  id {{SERIAL_ID}},
  clinic_id {{BIGINT}} NOT NULL,
  referral_id {{BIGINT}} NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('letter_sent', 'outcome', 'closed')),
  detail_json TEXT NOT NULL,
  recorded_by {{BIGINT}} NOT NULL,
  recorded_at TEXT NOT NULL,
  FOREIGN KEY (clinic_id, referral_id) REFERENCES referrals (clinic_id, id),
  FOREIGN KEY (clinic_id, recorded_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX referral_events_by_referral ON referral_events (referral_id, id);
{{sqlite}}
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
{{postgres}}
CREATE FUNCTION referrals_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'referrals are append-only' USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER referrals_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON referrals
  FOR EACH STATEMENT EXECUTE FUNCTION referrals_append_only();
CREATE TRIGGER referral_events_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON referral_events
  FOR EACH STATEMENT EXECUTE FUNCTION referrals_append_only();
{{end}}
)sql";

}  // namespace sciaticare::store::schema_versions
