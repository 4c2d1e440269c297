// Schema version 19: a patient's requests to move a booked appointment,
// kept with the clinic's answer (accepted or declined, by whom, why).
#include "store/schema/schema_versions.h"

namespace sciaticare::store::schema_versions {

// Version 17: move requests. A request is answered once and never deleted;
// an accepted one moved its appointment, whose appointment_changes row keeps
// the old time.
const std::string_view kSchemaV19 = R"sql(
CREATE TABLE move_requests (
  id {{ID}},
  clinic_id {{BIGINT}} NOT NULL,
  appointment_id {{BIGINT}} NOT NULL REFERENCES appointments (id),
  patient_id {{BIGINT}} NOT NULL,
  wanted_starts_at {{TIME}} NOT NULL,
  note TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
  answered_by {{BIGINT}},
  answered_at TEXT NOT NULL,
  answer_text TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id)
);
CREATE INDEX move_requests_by_clinic ON move_requests (clinic_id, status, id);
CREATE INDEX move_requests_by_appointment ON move_requests (appointment_id, id);
{{sqlite}}
CREATE TRIGGER move_requests_no_delete BEFORE DELETE ON move_requests
BEGIN
  SELECT RAISE(ABORT, 'move requests are kept with their answer');
END;
{{postgres}}
CREATE FUNCTION move_requests_kept() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'move requests are kept with their answer' USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER move_requests_no_delete BEFORE DELETE OR TRUNCATE ON move_requests
  FOR EACH STATEMENT EXECUTE FUNCTION move_requests_kept();
{{end}}
)sql";

}  // namespace sciaticare::store::schema_versions
