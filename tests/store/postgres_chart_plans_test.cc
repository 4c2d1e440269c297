// The chart's reads keep to one patient's rows in the plans PostgreSQL keeps
// for prepared statements (generic plans, made once for any parameters):
// each condition on the patient is an index condition, so a chart read costs
// the same in a clinic of ten patients as in one of ten thousand. Skipped
// without a PostgreSQL server (SCIATICARE_TEST_PG_URL).
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include <pqxx/pqxx>

#include "pg_test_database.h"
#include "store/postgres/postgres_session.h"
#include "store/postgres_store.h"
#include "store/records/referral_records.h"
#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

using sciaticare::testing::PgSkipReason;
using sciaticare::testing::PgTestDatabase;

// The lines of the generic plan of `read`'s statement that name the patient.
std::vector<std::string> PatientLinesOfGenericPlan(pqxx::connection& c,
                                                   const sql::BatchRead& read) {
  pqxx::nontransaction n(c);
  n.exec0("SET plan_cache_mode = force_generic_plan");
  n.exec0("DEALLOCATE ALL");
  n.exec0("PREPARE chart_read AS " + PositionalPlaceholders(read.sql));
  std::string params;
  for (const sql::BatchParam& p : read.params)
    params += (params.empty() ? "" : ", ") + std::to_string(std::get<std::int64_t>(p));
  std::vector<std::string> lines;
  for (const auto& row : n.exec("EXPLAIN EXECUTE chart_read(" + params + ")")) {
    std::string line = row[0].as<std::string>();
    if (line.find("patient_id") != std::string::npos) lines.push_back(line);
  }
  return lines;
}

void ExpectThePatientIsAnIndexCondition(pqxx::connection& c, const sql::BatchRead& read) {
  const std::vector<std::string> lines = PatientLinesOfGenericPlan(c, read);
  ASSERT_FALSE(lines.empty()) << read.sql;
  for (const std::string& line : lines) {
    EXPECT_NE(line.find("Index Cond:"), std::string::npos) << read.sql << "\n" << line;
  }
}

TEST(PgChartPlansTest, APatientsReferralsAndTheirEventsAreFoundByThePatientsIndex) {
  if (std::string why = PgSkipReason(); !why.empty()) GTEST_SKIP() << why;
  const std::string url = PgTestDatabase::Instance().NewSchemaUrl();
  auto store = Must(PostgresStore::Open(url));  // The schema, migrated.
  pqxx::connection c(url);
  std::vector<Referral> referrals;
  ExpectThePatientIsAnIndexCondition(c, records::PatientReferralsRead(1, 2, referrals));
}

}  // namespace
}  // namespace sciaticare::store::testing
