// libpq's pipeline mode: every message is queued, one sync flushes them, and
// the answers come back in order, each followed by a null result; a failed
// statement makes PostgreSQL skip the rest up to the sync (PIPELINE_ABORTED).
#include "store/postgres/postgres_pipeline.h"

#include <charconv>
#include <optional>
#include <stdexcept>

#include <pqxx/pqxx>

#include "store/postgres_query.h"
#include "store/validation.h"

namespace sciaticare::store {
namespace {

// What the connection says went wrong: lost, or a failure of its own.
[[noreturn]] void ThrowConnectionFailure(PGconn* conn, const char* doing) {
  const std::string message = std::string(doing) + ": " + PQerrorMessage(conn);
  if (PQstatus(conn) == CONNECTION_BAD) throw pqxx::broken_connection(message);
  throw pqxx::failure(message);
}

// Leaves pipeline mode, whatever happened, so that libpqxx finds the
// connection as it left it; a lost connection is left for libpqxx to find.
class PipelineMode {
 public:
  explicit PipelineMode(PGconn* conn) : conn_(conn) {
    if (PQenterPipelineMode(conn_) != 1) ThrowConnectionFailure(conn_, "entering pipeline mode");
  }
  ~PipelineMode() {
    if (PQpipelineStatus(conn_) == PQ_PIPELINE_OFF) return;
    // Statements queued but never flushed would never be answered: the sync
    // sends them, and it is the answer the loop below waits for.
    if (!synced_ && PQpipelineSync(conn_) != 1) {
      PQexitPipelineMode(conn_);
      return;
    }
    // Answers not read yet (after a failure was thrown) are read and dropped.
    for (int nulls = 0; nulls < 2 && PQstatus(conn_) != CONNECTION_BAD;) {
      PGresult* r = PQgetResult(conn_);
      if (r == nullptr) {
        ++nulls;
        continue;
      }
      nulls = 0;
      const bool synced = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
      PQclear(r);
      if (synced && PQexitPipelineMode(conn_) == 1) return;
    }
    PQexitPipelineMode(conn_);
  }
  PipelineMode(const PipelineMode&) = delete;
  PipelineMode& operator=(const PipelineMode&) = delete;
  void Sync() {
    if (PQpipelineSync(conn_) != 1) ThrowConnectionFailure(conn_, "sending the pipeline");
    synced_ = true;
  }

 private:
  PGconn* conn_;
  bool synced_ = false;
};

// The next answer of the pipeline and the null result that ends it.
PgResult NextAnswer(PGconn* conn) {
  PgResult answer(PQgetResult(conn));
  if (!answer) ThrowConnectionFailure(conn, "reading an answer");
  if (PQresultStatus(answer.get()) != PGRES_PIPELINE_SYNC) {
    if (PGresult* end = PQgetResult(conn); end != nullptr) {
      PQclear(end);
      ThrowConnectionFailure(conn, "an answer had more than one result");
    }
  }
  return answer;
}

// RunPipelined once the connection is known to be up.
std::vector<PgResult> SendAndRead(PGconn* conn, std::string_view before,
                                  const std::vector<PgPreparedRun>& runs, std::string_view after);

void SendPrepared(PGconn* conn, const char* name, const std::vector<const char*>& values) {
  if (PQsendQueryPrepared(conn, name, static_cast<int>(values.size()), values.data(), nullptr,
                          nullptr, 0) != 1) {
    ThrowConnectionFailure(conn, "sending a statement");
  }
}

// A statement without parameters, such as BEGIN or COMMIT.
void SendPrepared(PGconn* conn, std::string_view name) {
  SendPrepared(conn, std::string(name).c_str(), {});
}

}  // namespace

std::vector<PgResult> RunPipelined(PGconn* conn, std::string_view before,
                                   const std::vector<PgPreparedRun>& runs, std::string_view after) {
  if (conn == nullptr) throw pqxx::broken_connection("the connection is closed");
  // A connection the server ended while it was idle (a restart, a failover)
  // has its goodbye waiting: found now, nothing has been sent on it. The
  // first read takes the server's last message, the second finds the end.
  for (int read = 0; read < 2; ++read) {
    if (PQconsumeInput(conn) != 1 || PQstatus(conn) == CONNECTION_BAD) {
      throw pqxx::broken_connection(PQerrorMessage(conn));
    }
  }
  // Text PostgreSQL cannot hold is refused before anything is sent.
  for (const PgPreparedRun& run : runs) {
    for (const std::string& p : run.params) {
      if (!IsStorableText(p)) throw PgUnstorableText();
    }
  }
  const bool was_idle = PQtransactionStatus(conn) == PQTRANS_IDLE;
  try {
    return SendAndRead(conn, before, runs, after);
  } catch (const pqxx::broken_connection& e) {
    throw pqxx::in_doubt_error(e.what());
  } catch (...) {
    // A failure inside a transaction `before` began left it open and
    // aborted on the server (the COMMIT was skipped): it is rolled back so
    // that the connection is idle again. A caller's own transaction is the
    // caller's to roll back.
    if (was_idle && PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) != PQTRANS_IDLE) {
      PgResult rolled_back(PQexec(conn, "ROLLBACK"));
    }
    throw;
  }
}

namespace {

std::vector<PgResult> SendAndRead(PGconn* conn, std::string_view before,
                                  const std::vector<PgPreparedRun>& runs, std::string_view after) {
  PipelineMode mode(conn);
  if (!before.empty()) SendPrepared(conn, before);
  std::vector<const char*> values;
  for (const PgPreparedRun& run : runs) {
    values.clear();
    for (const std::string& p : run.params) values.push_back(p.c_str());
    SendPrepared(conn, run.name.c_str(), values);
  }
  if (!after.empty()) SendPrepared(conn, after);
  mode.Sync();

  std::optional<pqxx::sql_error> failure;  // The first statement's that failed.
  auto check = [&](const PgResult& answer, std::string_view what) {
    switch (PQresultStatus(answer.get())) {
      case PGRES_COMMAND_OK:
      case PGRES_TUPLES_OK:
      case PGRES_PIPELINE_ABORTED:  // Skipped after the failure already kept.
        return;
      default:
        if (PQstatus(conn) == CONNECTION_BAD) {
          throw pqxx::broken_connection(PQresultErrorMessage(answer.get()));
        }
        if (!failure) {
          failure.emplace(PQresultErrorMessage(answer.get()), std::string(what),
                          PQresultErrorField(answer.get(), PG_DIAG_SQLSTATE));
        }
    }
  };
  if (!before.empty()) check(NextAnswer(conn), before);
  std::vector<PgResult> results;
  results.reserve(runs.size());
  for (const PgPreparedRun& run : runs) {
    results.push_back(NextAnswer(conn));
    check(results.back(), run.name);
  }
  if (!after.empty()) check(NextAnswer(conn), after);
  if (PQresultStatus(NextAnswer(conn).get()) != PGRES_PIPELINE_SYNC) {
    ThrowConnectionFailure(conn, "the pipeline's answers were out of step");
  }
  if (PQexitPipelineMode(conn) != 1) ThrowConnectionFailure(conn, "leaving pipeline mode");
  if (failure) throw *failure;
  return results;
}

}  // namespace

std::int64_t PgPipelinedRows::Int64(int column) const {
  const char* text = PQgetvalue(result_, row_, column);
  const char* end = text + PQgetlength(result_, row_, column);
  std::int64_t value = 0;
  const auto [stop, error] = std::from_chars(text, end, value);
  if (error != std::errc() || stop != end) {
    throw std::runtime_error("a column read as a whole number holds \"" + std::string(text) + "\"");
  }
  return value;
}

void PgPipelinedRows::Unbindable() {
  throw std::logic_error("the rows of a batch take no parameters and run no statement");
}

}  // namespace sciaticare::store
