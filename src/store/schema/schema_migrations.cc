// The list of schema migrations, in order (schema_migrations.h).
#include "store/schema/schema_migrations.h"

#include <array>
#include <string>

#include "store/schema/schema_versions.h"

namespace sciaticare::store {

std::span<const SchemaMigration> SchemaMigrations() {
  using namespace schema_versions;
  // Built on first use, so the constants of the other files are set by then.
  static const std::array<SchemaMigration, 21> kMigrations{{
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
      {14, "therapists' working hours, breaks and time off", kSchemaV14},
      {15, "assessment corrections; assessments append-only", kSchemaV15},
      {16, "appointment changes, notice period and waiting list", kSchemaV16},
      {17, "rooms; the room of an appointment, a move and an offer", kSchemaV17},
      {18, "mail outbox and its attempts; reminder lead time", kSchemaV18},
      {19, "requests to move an appointment", kSchemaV19},
      {20, "therapists' calendar feeds", kSchemaV20},
      {21, "a patient's notes and assessments indexed in the chart's order", kSchemaV21},
  }};
  return kMigrations;
}

int LatestSchemaVersion() { return SchemaMigrations().back().version; }

StoreResult<std::vector<Migration>> RenderMigrations(const SchemaDialect& dialect) {
  std::vector<Migration> rendered;
  for (const SchemaMigration& m : SchemaMigrations()) {
    auto sql = RenderSchemaSql(m.text, dialect);
    if (!sql) {
      return Internal("schema version " + std::to_string(m.version) + " for " +
                      std::string(dialect.block) + ": " + sql.error().message);
    }
    rendered.push_back({m.version, m.name, std::move(sql).value()});
  }
  return rendered;
}

}  // namespace sciaticare::store
