// Schema version 1: the whole clinic schema as first shipped.
#include "store/schema/schema_versions.h"

namespace sciaticare::store::schema_versions {

// Every table of patient data carries clinic_id, and references between
// records go through composite keys (clinic_id, id) so the database itself
// refuses a note that points at another clinic's patient or therapist.
// Append-only tables refuse change by trigger: SQLite raises per row (and
// refuses an INSERT OR REPLACE that would reuse an id, since it deletes
// without firing delete triggers); PostgreSQL uses statement triggers, which
// refuse even an UPDATE or DELETE matching no row, and TRUNCATE.
const std::string_view kSchemaV1 = R"sql(
CREATE TABLE clinics (
  id {{ID}},
  name TEXT NOT NULL CHECK (name <> '')
);

CREATE TABLE patients (
  id {{ID}},
  clinic_id {{BIGINT}} NOT NULL REFERENCES clinics (id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL CHECK (family_name <> ''),
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  notes TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at {{TIME}} NOT NULL,
  updated_at {{TIME}} NOT NULL,
  UNIQUE (clinic_id, id)
);

CREATE TABLE users (
  id {{ID}},
  clinic_id {{BIGINT}} NOT NULL REFERENCES clinics (id),
  email TEXT NOT NULL{{UNIQUE_NOCASE}},
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'therapist', 'front_desk', 'patient')),
  password_hash TEXT NOT NULL,
  patient_id {{BIGINT}},
  {{BOOLEAN active}},
  UNIQUE (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  CHECK ((role = 'patient') = (patient_id IS NOT NULL))
);
{{postgres}}
-- Emails are unique across clinics and compared case-insensitively.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
{{end}}

CREATE TABLE therapist_profiles (
  user_id {{BIGINT}} PRIMARY KEY,
  clinic_id {{BIGINT}} NOT NULL,
  years_experience INTEGER NOT NULL CHECK (years_experience >= 0),
  sciatica_experience_years INTEGER NOT NULL CHECK (sciatica_experience_years >= 0),
  bio TEXT NOT NULL,
  FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
);

CREATE TABLE therapist_modalities (
  user_id {{BIGINT}} NOT NULL REFERENCES therapist_profiles (user_id),
  position INTEGER NOT NULL,
  technique_id TEXT NOT NULL,
  PRIMARY KEY (user_id, position)
) {{WITHOUT_ROWID}};

CREATE TABLE assessments (
  id {{ID}},
  clinic_id {{BIGINT}} NOT NULL,
  patient_id {{BIGINT}} NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('intake', 'reassessment', 'portal')),
  intake_json TEXT NOT NULL,
  result_json TEXT NOT NULL,
  triage TEXT NOT NULL,
  knowledge_version TEXT NOT NULL,
  created_by {{BIGINT}} NOT NULL,
  created_at {{TIME}} NOT NULL,
  UNIQUE (clinic_id, patient_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, created_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX assessments_by_patient ON assessments (clinic_id, patient_id, created_at);

CREATE TABLE plans (
  id {{ID}},
  clinic_id {{BIGINT}} NOT NULL,
  patient_id {{BIGINT}} NOT NULL,
  assessment_id {{BIGINT}} NOT NULL,
  version_no INTEGER NOT NULL CHECK (version_no >= 1),
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'superseded')),
  plan_json TEXT NOT NULL,
  knowledge_version TEXT NOT NULL,
  created_by {{BIGINT}} NOT NULL,
  approved_by {{BIGINT}},
  approved_at {{TIME}},
  created_at {{TIME}} NOT NULL,
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
  id {{ID}},
  clinic_id {{BIGINT}} NOT NULL,
  patient_id {{BIGINT}} NOT NULL,
  plan_id {{BIGINT}},
  therapist_id {{BIGINT}} NOT NULL,
  occurred_at {{TIME}} NOT NULL,
  subjective TEXT NOT NULL,
  objective TEXT NOT NULL,
  assessment TEXT NOT NULL,
  plan_text TEXT NOT NULL,
  leg_pain_before INTEGER CHECK (leg_pain_before BETWEEN 0 AND 10),
  leg_pain_after INTEGER CHECK (leg_pain_after BETWEEN 0 AND 10),
  back_pain_before INTEGER CHECK (back_pain_before BETWEEN 0 AND 10),
  back_pain_after INTEGER CHECK (back_pain_after BETWEEN 0 AND 10),
  techniques_json TEXT NOT NULL,
  {{BOOLEAN oils_used}},
  adverse_events_json TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at {{TIME}} NOT NULL,
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id, plan_id) REFERENCES plans (clinic_id, patient_id, id),
  FOREIGN KEY (clinic_id, therapist_id) REFERENCES users (clinic_id, id)
);
CREATE INDEX session_notes_by_patient ON session_notes (clinic_id, patient_id, occurred_at);
CREATE INDEX session_notes_by_plan ON session_notes (plan_id);

CREATE TABLE appointments (
  id {{ID}},
  clinic_id {{BIGINT}} NOT NULL,
  patient_id {{BIGINT}} NOT NULL,
  therapist_id {{BIGINT}} NOT NULL,
  starts_at {{TIME}} NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 480),
  status TEXT NOT NULL CHECK (status IN ('requested', 'booked', 'cancelled', 'done')),
  plan_id {{BIGINT}},
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
  id {{ID}},
  clinic_id {{BIGINT}} NOT NULL REFERENCES clinics (id),
  at {{TIME}} NOT NULL,
  user_id {{BIGINT}},
  action TEXT NOT NULL CHECK (action <> ''),
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  patient_id {{BIGINT}},
  remote_addr TEXT NOT NULL,
  detail TEXT NOT NULL
);
{{sqlite}}
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'audit is append-only');
END;
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'audit is append-only');
END;
{{postgres}}
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit is append-only' USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
{{end}}

CREATE TABLE auth_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id {{BIGINT}} NOT NULL,
  clinic_id {{BIGINT}} NOT NULL,
  csrf_token TEXT NOT NULL,
  created_at {{TIME}} NOT NULL,
  expires_at {{TIME}} NOT NULL,
  FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
) {{WITHOUT_ROWID}};
CREATE INDEX auth_sessions_by_expiry ON auth_sessions (expires_at);
{{postgres}}
CREATE INDEX auth_sessions_by_user ON auth_sessions (user_id);
{{end}}

CREATE TABLE api_tokens (
  id {{ID}},
  user_id {{BIGINT}} NOT NULL,
  clinic_id {{BIGINT}} NOT NULL,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at {{TIME}} NOT NULL,
  {{BOOLEAN revoked}},
  FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
);
CREATE INDEX api_tokens_by_user ON api_tokens (clinic_id, user_id);
)sql";

}  // namespace sciaticare::store::schema_versions
