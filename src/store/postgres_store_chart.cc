// PostgreSQL store: the patient chart's records, read by the shared record
// method (records/chart_records) in one repeatable-read transaction.
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/chart_records.h"

namespace sciaticare::store {

StoreResult<ChartRecords> PostgresStore::ReadChart(Id clinic_id, Id patient_id, int session_limit) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ReadChart(s, clinic_id, patient_id, session_limit);
  });
}

}  // namespace sciaticare::store
