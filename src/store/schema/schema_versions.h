// The SQL text of each schema migration, one named constant per version,
// defined in the schema_versions_*.cc files and listed in order by
// schema_migrations.cc. Internal to the schema: read it through
// SchemaMigrations().
#pragma once

#include <string_view>

namespace sciaticare::store::schema_versions {

extern const std::string_view kSchemaV1;
extern const std::string_view kSchemaV2;
extern const std::string_view kSchemaV3;
extern const std::string_view kSchemaV4;
extern const std::string_view kSchemaV5;
extern const std::string_view kSchemaV6;
extern const std::string_view kSchemaV7;
extern const std::string_view kSchemaV8;
extern const std::string_view kSchemaV9;
extern const std::string_view kSchemaV10;
extern const std::string_view kSchemaV11;
extern const std::string_view kSchemaV12;
extern const std::string_view kSchemaV13;
extern const std::string_view kSchemaV14;
extern const std::string_view kSchemaV15;
extern const std::string_view kSchemaV16;
extern const std::string_view kSchemaV17;
extern const std::string_view kSchemaV18;
extern const std::string_view kSchemaV19;
extern const std::string_view kSchemaV20;
extern const std::string_view kSchemaV21;

}  // namespace sciaticare::store::schema_versions
