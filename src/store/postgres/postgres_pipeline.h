// Several prepared statements sent to PostgreSQL in one round trip, in
// libpq's pipeline mode (extended protocol: no statement text is parsed on
// the server, unlike libpqxx 6's pipeline of EXECUTE texts), optionally
// between two statements without parameters such as BEGIN and COMMIT
// (prepared too: parsing them on every call cost the server more than
// running them); and the rows of a result read as a statement's
// (sql::Statement).
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql/sql_session.h"

namespace sciaticare::store {

struct PgResultFree {
  void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, PgResultFree>;

// A prepared statement to run, with its parameters as text.
struct PgPreparedRun {
  const std::string& name;  // Prepared on the connection already.
  std::vector<std::string> params;
};

// Sends the statement prepared as `before` (unless empty), then each of
// `runs`, then the one prepared as `after` (unless empty), then a sync, and
// reads every answer: one round trip. Returns the results of `runs`, in
// order. The connection must be idle (or idle in a transaction) and is left
// so. Throws pqxx::broken_connection when the connection is found lost
// before anything was sent (the server closed it while idle: nothing ran),
// pqxx::in_doubt_error when it was lost after (any of the statements,
// `after` included, may have run), or pqxx::sql_error with the SQLSTATE of
// the first statement that failed; PostgreSQL then skipped the rest up to
// the sync. A transaction `before` began is then rolled back; a caller's own
// is left aborted for the caller to roll back. Throws PgUnstorableText,
// sending nothing, when a parameter is text PostgreSQL cannot hold.
std::vector<PgResult> RunPipelined(PGconn* conn, std::string_view before,
                                   const std::vector<PgPreparedRun>& runs, std::string_view after);

// The rows of a result, read once, as a statement's; binding is a logic error.
class PgPipelinedRows final : public sql::Statement {
 public:
  explicit PgPipelinedRows(PGresult* result) : result_(result), rows_(PQntuples(result)) {}

  void BindInt64(int, std::int64_t) override { Unbindable(); }
  void BindText(int, std::string_view) override { Unbindable(); }
  void BindBool(int, bool) override { Unbindable(); }
  void BindNull(int) override { Unbindable(); }
  bool Step() override { return ++row_ < rows_; }
  std::int64_t Exec() override { Unbindable(); }
  bool IsNull(int column) const override { return PQgetisnull(result_, row_, column) != 0; }
  std::int64_t Int64(int column) const override;
  std::string Text(int column) const override { return PQgetvalue(result_, row_, column); }
  bool Bool(int column) const override { return *PQgetvalue(result_, row_, column) == 't'; }
  void Reset() noexcept override { row_ = -1; }

 private:
  [[noreturn]] static void Unbindable();
  PGresult* result_;
  int rows_;
  int row_ = -1;
};

}  // namespace sciaticare::store
