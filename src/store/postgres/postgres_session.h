// The SQL session interface (store/sql/sql_session.h) on one pooled
// PostgreSQL connection. The dialect's differences live here: the shared
// SQL's `?` placeholders become `$1, $2, ...` once per statement, which is
// then prepared once per connection; reads sent together (ReadTogether) go
// in one round trip (libpq's pipeline mode, postgres_pipeline.h), in a
// snapshot of their own or in the open transaction; a kRead transaction is a
// read-only repeatable-read snapshot, a kWrite one read committed with rows locked by
// LockRowsSuffix(); case-insensitive emails and names are compared and
// sorted through lower(), as the schema's indexes are built; a statement
// outside any transaction runs on its own (autocommit). Failures are thrown as pqxx exceptions, or
// PgUnstorableText for text PostgreSQL cannot hold; PostgresStore::Run maps them.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/sql/sql_session.h"

namespace sciaticare::store {

class PgConnection;
class PgTx;

// `sql` with each `?` outside quotes replaced by `$n`, numbered from 1.
std::string PositionalPlaceholders(std::string_view sql);

class PgSession : public sql::Session {
 public:
  // The caller has borrowed `connection` for the session's life. `open`,
  // when given, is a transaction already open on it: statements run in it
  // until Begin opens another.
  explicit PgSession(PgConnection& connection, PgTx* open = nullptr);
  ~PgSession() override;

  sql::Query Prepare(const std::string& sql) override;
  std::unique_ptr<sql::Transaction> Begin(sql::TxKind kind) override;
  std::string_view LockRowsSuffix() const override { return " FOR NO KEY UPDATE"; }
  std::string CaseFolded(std::string_view expr) const override {
    return "lower(" + std::string(expr) + ")";
  }
  std::string CaseFoldedOrder(std::string_view column) const override {
    return "lower(" + std::string(column) + ") COLLATE \"C\"";
  }
  std::string CaseFoldedLike(std::string_view expr) const override {
    return std::string(expr) + " ILIKE ? ESCAPE '\\'";
  }
  std::string InIdList(std::string_view column) const override {
    return std::string(column) + " = ANY(CAST(? AS BIGINT[]))";
  }
  std::string IdList(const std::vector<std::int64_t>& ids) const override;
  // Outside a transaction: BEGIN (repeatable read, read only), the reads
  // (their prepared statements) and COMMIT in one round trip. Inside one:
  // the reads alone in one round trip, in it.
  void ReadTogether(std::vector<sql::BatchRead>& reads) override;

  PgConnection& connection() { return connection_; }
  // The innermost open transaction, or nullptr.
  PgTx* current() { return current_; }

 private:
  friend class PgSessionTransaction;

  PgConnection& connection_;
  PgTx* current_;
  std::unordered_map<std::string, std::unique_ptr<sql::Statement>> statements_;
};

}  // namespace sciaticare::store
