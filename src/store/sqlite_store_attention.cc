// SQLite store: the clinic's attention list records, read by the shared
// record method (records/attention_records) on a read connection, in one
// transaction.
#include "store/records/attention_records.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_query.h"

namespace sciaticare::store {

StoreResult<AttentionRecords> SqliteStore::ReadAttention(Id clinic_id, int session_limit,
                                                         const AttentionDocuments& documents) {
  return Reading([&] {
    SqliteSession s = SqliteSession::OnCurrent();
    return records::ReadAttention(s, clinic_id, session_limit, documents);
  });
}

}  // namespace sciaticare::store
