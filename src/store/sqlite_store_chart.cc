// SQLite store: the patient chart's records, read by the shared record method
// (records/chart_records) on a read connection, in one transaction.
#include "store/records/chart_records.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_query.h"

namespace sciaticare::store {

StoreResult<ChartRecords> SqliteStore::ReadChart(Id clinic_id, Id patient_id, int session_limit) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ReadChart(s, clinic_id, patient_id, session_limit);
  });
}

}  // namespace sciaticare::store
