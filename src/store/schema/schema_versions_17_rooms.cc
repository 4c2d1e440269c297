// Schema version 17: a clinic's rooms, and the room an appointment holds.
#include "store/schema/schema_versions.h"

namespace sciaticare::store::schema_versions {

// Version 17: rooms are renamed or retired, never deleted (an appointment of
// years ago still names its room); an appointment, a move and a waiting-list
// offer may name one. The room index serves the check that a room holds one
// appointment at a time, as appointments_by_day serves the therapist's.
const std::string_view kSchemaV17 = R"sql(
CREATE TABLE rooms (
  id {{SERIAL_ID}},
  clinic_id {{BIGINT}} NOT NULL REFERENCES clinics (id),
  name TEXT NOT NULL CHECK (name <> ''),
  {{BOOLEAN active}},
  version INTEGER NOT NULL CHECK (version >= 1),
  UNIQUE (clinic_id, id)
);
CREATE UNIQUE INDEX rooms_by_name ON rooms (clinic_id, {{FOLDED name}});
ALTER TABLE appointments ADD COLUMN room_id {{BIGINT}} REFERENCES rooms (id);
CREATE INDEX appointments_by_room ON appointments (room_id, starts_at);
ALTER TABLE appointment_changes ADD COLUMN old_room_id {{BIGINT}};
ALTER TABLE appointment_changes ADD COLUMN new_room_id {{BIGINT}};
ALTER TABLE waiting_entries ADD COLUMN offered_room_id {{BIGINT}};
{{sqlite}}
CREATE TRIGGER rooms_kept BEFORE DELETE ON rooms
BEGIN
  SELECT RAISE(ABORT, 'rooms are kept: retire one instead');
END;
{{postgres}}
CREATE FUNCTION rooms_kept() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'rooms are kept: retire one instead' USING ERRCODE = 'restrict_violation';
END
$fn$;
CREATE TRIGGER rooms_no_delete BEFORE DELETE OR TRUNCATE ON rooms
  FOR EACH STATEMENT EXECUTE FUNCTION rooms_kept();
{{end}}
)sql";

}  // namespace sciaticare::store::schema_versions
