// Schema version 20: therapists' private calendar feeds (issue 16).
#include "store/schema/schema_versions.h"

namespace sciaticare::store::schema_versions {

// Version 17: a therapist's calendar feed is a secret link kept only as its
// hash; a new link or turning it off revokes the old one (kept, with who and
// when), so at most one is in force per therapist. The feed reads a
// therapist's appointments by time, hence their index.
const std::string_view kSchemaV20 = R"sql(
CREATE TABLE calendar_feeds (
  id {{ID}},
  clinic_id {{BIGINT}} NOT NULL,
  therapist_id {{BIGINT}} NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_by {{BIGINT}} NOT NULL,
  created_at {{TIME}} NOT NULL,
  revoked_by {{BIGINT}},
  revoked_at {{TIME}},
  FOREIGN KEY (clinic_id, therapist_id) REFERENCES users (clinic_id, id),
  FOREIGN KEY (clinic_id, created_by) REFERENCES users (clinic_id, id)
);
CREATE UNIQUE INDEX calendar_feeds_in_force ON calendar_feeds (clinic_id, therapist_id)
  WHERE revoked_at IS NULL;
CREATE INDEX appointments_by_therapist ON appointments (clinic_id, therapist_id, starts_at);
)sql";

}  // namespace sciaticare::store::schema_versions
