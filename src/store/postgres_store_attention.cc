// PostgreSQL store: the clinic's attention list records, read by the shared
// record method (records/attention_records) in one repeatable-read
// transaction.
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/records/attention_records.h"

namespace sciaticare::store {

StoreResult<AttentionRecords> PostgresStore::ReadAttention(Id clinic_id, int session_limit,
                                                           const AttentionDocuments& documents) {
  return Run([&](PgConnection& c) {
    PgSession s(c);
    return records::ReadAttention(s, clinic_id, session_limit, documents);
  });
}

}  // namespace sciaticare::store
