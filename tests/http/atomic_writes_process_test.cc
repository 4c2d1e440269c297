// A write and its audit entry are one commit, seen from outside: a real
// `sciaticare serve` takes concurrent session notes and is killed with
// SIGKILL at random moments, trial after trial on the same database (a
// SQLite file; a PostgreSQL database when SCIATICARE_TEST_PG_URL is set).
// After each kill the database must hold every acknowledged note (201
// received), and no note without its "create" audit entry: an answer lost to
// the kill may leave a note stored, but never one missing from the trail.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <iostream>
#include <random>
#include <set>

#include <pqxx/pqxx>

#include "http/process_fixture.h"

namespace sciaticare::testing {
namespace {

// What the database held after a kill.
struct Stored {
  std::set<long long> notes;
  long long without_audit = 0;  // Notes with no "create" audit entry.
};

constexpr char kNotesWithoutAudit[] =
    "SELECT COUNT(*) FROM session_notes n WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE "
    "a.action = 'create' AND a.entity = 'session' AND a.entity_id = CAST(n.id AS TEXT))";

// Reads the file the killed server left (nothing has it open).
Stored ReadSqlite(const std::string& path) {
  Stored out;
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  SQLite::Statement notes(db, "SELECT id FROM session_notes");
  while (notes.executeStep()) out.notes.insert(notes.getColumn(0).getInt64());
  SQLite::Statement orphans(db, kNotesWithoutAudit);
  orphans.executeStep();
  out.without_audit = orphans.getColumn(0).getInt64();
  return out;
}

Stored ReadPostgres(const std::string& url) {
  Stored out;
  pqxx::connection conn(url);
  pqxx::read_transaction tx(conn);
  for (const auto& row : tx.exec("SELECT id FROM session_notes")) {
    out.notes.insert(row[0].as<long long>());
  }
  out.without_audit = tx.exec(kNotesWithoutAudit)[0][0].as<long long>();
  return out;
}

// `kTrials` times: start a server on `db`, write notes from 4 threads, kill
// -9 it after 150-600 ms, and check what `read` finds against what was
// acknowledged. Prints the figures.
void RunKillTrials(ProcessTest& test, const std::string& db, const std::function<Stored()>& read) {
  constexpr int kTrials = 8;
  constexpr int kThreads = 4;
  const unsigned seed = std::random_device{}();
  std::mt19937 random(seed);
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::set<long long> acknowledged;  // Over all trials so far.
  long long patient_id = 0;
  Login login;
  int trials_with_orphans = 0;
  Stored last;
  for (int trial = 0; trial < kTrials; ++trial) {
    ServerProcess& server = test.Spawn(db, {"--no-access-log", "--threads", "4"});
    ASSERT_TRUE(test.WaitReady(server));
    if (trial == 0) {
      login = LogIn(server.port);  // The session is in the database: it outlives each server.
      ASSERT_EQ(login.status, 200);
      HttpClient client(server.port);
      HttpResult r =
          client.Send("POST", "/api/v1/patients", PatientBody("Atomic").dump(), Auth(login));
      ASSERT_EQ(r.status, 201) << r.body;
      patient_id = json::parse(r.body).at("id").get<long long>();
    }
    const std::string target = "/api/v1/patients/" + std::to_string(patient_id) + "/sessions";
    std::atomic<bool> stop{false};
    std::vector<std::set<long long>> acked(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        std::unique_ptr<HttpClient> client;
        for (int n = 0; !stop; ++n) {
          const json note = {{"occurred_at", "2026-11-23T09:00:00Z"},
                             {"subjective", "trial " + std::to_string(trial) + " thread " +
                                                std::to_string(t) + " note " + std::to_string(n)}};
          try {
            if (!client) client = std::make_unique<HttpClient>(server.port);
            HttpResult r = client->Send("POST", target, note.dump(), Auth(login));
            if (r.status == 201) acked[t].insert(json::parse(r.body).at("id").get<long long>());
          } catch (const std::exception&) {
            client.reset();  // The kill resets the connection.
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
          }
        }
      });
    }
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(150, 600)(random)));
    ASSERT_EQ(kill(server.pid, SIGKILL), 0);
    ASSERT_TRUE(server.WaitExit(std::chrono::seconds(2)));
    stop = true;
    for (auto& thread : threads) thread.join();
    for (const auto& a : acked) acknowledged.insert(a.begin(), a.end());

    const long long orphans_before = last.without_audit;
    last = read();
    trials_with_orphans += last.without_audit > orphans_before;
    std::size_t missing = 0;
    for (long long id : acknowledged) missing += last.notes.count(id) == 0;
    EXPECT_EQ(missing, 0u) << "trial " << trial << ": acknowledged notes lost";
    EXPECT_EQ(last.without_audit, 0) << "trial " << trial << ": of " << last.notes.size();
  }
  EXPECT_GT(acknowledged.size(), 0u);
  std::cout << "[ atomicity ] " << kTrials << " kill -9 trials: " << acknowledged.size()
            << " notes acknowledged, " << last.notes.size() << " stored, " << last.without_audit
            << " stored without their audit entry (new ones in " << trials_with_orphans
            << " trials)" << std::endl;
}

TEST_F(ProcessTest, Kill9NeverLeavesANoteWithoutItsAuditEntry) {
  const std::string path = dir_ + "/clinic.db";
  ASSERT_NO_FATAL_FAILURE(CreateAdmin("sqlite:" + path));
  RunKillTrials(*this, "sqlite:" + path, [&] { return ReadSqlite(path); });
}

TEST_F(ProcessPgTest, Kill9NeverLeavesANoteWithoutItsAuditEntry) {
  const std::string db = DatabaseUrl();
  ASSERT_NO_FATAL_FAILURE(CreateAdmin(db));
  RunKillTrials(*this, db, [&] { return ReadPostgres(db); });
}

}  // namespace
}  // namespace sciaticare::testing
