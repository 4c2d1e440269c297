// Schema version 18: the mail outbox (issue 16). A message is written in the
// same commit as the appointment change it tells of, under a unique event key
// so that one event never makes two messages; a worker claims due messages
// with a lease and records every attempt beside it. Also the clinic's
// reminder lead time.
#include "store/schema/schema_versions.h"

namespace sciaticare::store::schema_versions {

const std::string_view kSchemaV18 = R"sql(
ALTER TABLE clinic_settings ADD COLUMN reminder_hours INTEGER NOT NULL DEFAULT 24
  CHECK (reminder_hours BETWEEN 0 AND 336);
CREATE TABLE mail_outbox (
  id {{ID}},
  clinic_id {{BIGINT}} NOT NULL REFERENCES clinics (id),
  kind TEXT NOT NULL
    CHECK (kind IN ('confirmation', 'change', 'cancellation', 'reminder', 'invitation')),
  appointment_id {{BIGINT}} REFERENCES appointments (id),
  event_key TEXT NOT NULL UNIQUE,
  recipient TEXT NOT NULL CHECK (recipient <> ''),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  ics_method TEXT NOT NULL CHECK (ics_method IN ('', 'request', 'cancel')),
  ics_starts_at {{TIME}} NOT NULL,
  ics_minutes INTEGER NOT NULL,
  ics_sequence INTEGER NOT NULL,
  ics_summary TEXT NOT NULL,
  ics_location TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  next_attempt_at {{TIME}} NOT NULL,
  claimed_by TEXT NOT NULL,
  claimed_until {{TIME}} NOT NULL,
  last_error TEXT NOT NULL,
  sent_at {{TIME}} NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at, id);
CREATE INDEX mail_outbox_by_clinic ON mail_outbox (clinic_id, id);
CREATE INDEX mail_outbox_by_appointment ON mail_outbox (appointment_id, state);
CREATE TABLE mail_attempts (
  id {{ID}},
  outbox_id {{BIGINT}} NOT NULL REFERENCES mail_outbox (id),
  attempted_at {{TIME}} NOT NULL,
  worker TEXT NOT NULL,
  {{BOOLEAN delivered}},
  smtp_answer TEXT NOT NULL
);
CREATE INDEX mail_attempts_by_message ON mail_attempts (outbox_id, id);
{{sqlite}}
CREATE TRIGGER mail_attempts_no_update BEFORE UPDATE ON mail_attempts
BEGIN
  SELECT RAISE(ABORT, 'mail attempts are append-only');
END;
CREATE TRIGGER mail_attempts_no_delete BEFORE DELETE ON mail_attempts
BEGIN
  SELECT RAISE(ABORT, 'mail attempts are append-only');
END;
{{postgres}}
CREATE FUNCTION mail_attempts_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'mail attempts are append-only' USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER mail_attempts_no_change
  BEFORE UPDATE OR DELETE OR TRUNCATE ON mail_attempts
  FOR EACH STATEMENT EXECUTE FUNCTION mail_attempts_append_only();
{{end}}
)sql";

}  // namespace sciaticare::store::schema_versions
