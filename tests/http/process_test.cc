// Real `sciaticare serve` processes: what only a separate process shows.
//
// Durability: notes acknowledged with 201 survive kill -9 of the server in the
// middle of a write load (SQLite). Shutdown: SIGTERM under keep-alive traffic
// ends the process with exit code 0 and a "stopped" log line. Several
// processes: two servers on one PostgreSQL database share logins and records
// (needs SCIATICARE_TEST_PG_URL, like the PostgreSQL store tests; skipped
// without it). TLS: --tls-cert/--tls-key serve HTTPS with Secure cookies.
//
// Each server is forked and exec'd with `--port 0` (the server binds port 0
// and logs the port it got), its output goes to a log file, and it dies with
// the test binary (PR_SET_PDEATHSIG) as well as in TearDown.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "cli/demo_seed.h"
#include "http/http_client.h"
#include "http/https_client.h"
#include "http/process_fixture.h"
#include "pg_test_database.h"
#include "test_support.h"

namespace sciaticare::testing {
namespace {

// Every note the server acknowledged with 201 before kill -9 is there after a restart.
TEST_F(ProcessTest, AcknowledgedNotesSurviveKill9) {
  const std::string db = "sqlite:" + dir_ + "/clinic.db";
  ASSERT_NO_FATAL_FAILURE(CreateAdmin(db));
  ServerProcess& first = Spawn(db, {"--no-access-log", "--threads", "4"});
  ASSERT_TRUE(WaitReady(first));
  Login login = LogIn(first.port);
  ASSERT_EQ(login.status, 200);
  long long patient_id = 0;
  {
    HttpClient client(first.port);
    HttpResult r =
        client.Send("POST", "/api/v1/patients", PatientBody("Durable").dump(), Auth(login));
    ASSERT_EQ(r.status, 201) << r.body;
    patient_id = json::parse(r.body).at("id").get<long long>();
  }

  constexpr int kThreads = 4;
  const std::string target = "/api/v1/patients/" + std::to_string(patient_id) + "/sessions";
  const auto load_end = Clock::now() + std::chrono::milliseconds(1500);
  std::atomic<bool> killed{false};
  std::atomic<int> unexpected{0};
  std::atomic<int> writing{0};
  std::vector<std::map<long long, std::string>> acked(kThreads);  // Note id -> subjective text.
  std::vector<std::string> first_unexpected(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      writing.fetch_add(1);
      std::unique_ptr<HttpClient> client;
      for (int n = 0; Clock::now() < load_end; ++n) {
        const std::string text = "thread " + std::to_string(t) + " note " + std::to_string(n);
        const json note = {{"occurred_at", "2026-11-23T09:00:00Z"},
                           {"subjective", text},
                           {"leg_pain_before", n % 11}};
        try {
          if (!client) client = std::make_unique<HttpClient>(first.port);
          HttpResult r = client->Send("POST", target, note.dump(), Auth(login));
          if (r.status == 201) {
            acked[t][json::parse(r.body).at("id").get<long long>()] = text;
          } else if (!killed) {
            unexpected.fetch_add(1);
            if (first_unexpected[t].empty()) {
              first_unexpected[t] = std::to_string(r.status) + " " + r.body;
            }
          }
        } catch (const std::exception& e) {
          // Refused or reset connections are expected once the server is killed.
          if (killed) break;
          unexpected.fetch_add(1);
          if (first_unexpected[t].empty()) first_unexpected[t] = e.what();
          client.reset();
        }
      }
      writing.fetch_sub(1);
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(750));
  const int writing_at_kill = writing.load();
  killed = true;  // Set first: a thread that sees the reset must know it is expected.
  ASSERT_EQ(kill(first.pid, SIGKILL), 0);
  for (auto& thread : threads) thread.join();
  ASSERT_TRUE(first.WaitExit(std::chrono::seconds(2)));
  EXPECT_TRUE(WIFSIGNALED(first.status) && WTERMSIG(first.status) == SIGKILL);
  EXPECT_EQ(writing_at_kill, kThreads) << "the load ended before the kill";
  EXPECT_EQ(unexpected.load(), 0) << first_unexpected[0] << first_unexpected[1]
                                  << first_unexpected[2] << first_unexpected[3];

  std::size_t total = 0;
  for (const auto& m : acked) total += m.size();
  ASSERT_GT(total, 0u);

  ServerProcess& second = Spawn(db, {"--no-access-log"});
  ASSERT_TRUE(WaitReady(second));
  Login again = LogIn(second.port);
  ASSERT_EQ(again.status, 200);
  HttpClient client(second.port);
  std::size_t missing = 0;
  for (const auto& m : acked) {
    for (const auto& [id, text] : m) {
      HttpResult r = client.Send("GET", "/api/v1/sessions/" + std::to_string(id), "", Auth(again));
      if (r.status != 200) {
        if (++missing <= 5) ADD_FAILURE() << "note " << id << ": " << r.status << " " << r.body;
        continue;
      }
      EXPECT_EQ(json::parse(r.body).value("subjective", ""), text) << "note " << id;
    }
  }
  EXPECT_EQ(missing, 0u) << "of " << total << " acknowledged notes";
  std::cout << "[ durability ] " << total << " notes acknowledged before kill -9 ("
            << acked[0].size() << "/" << acked[1].size() << "/" << acked[2].size() << "/"
            << acked[3].size() << " per thread); " << total - missing << " read back" << std::endl;
}

// SIGTERM with keep-alive connections open and a request loop running: exit 0
// within 3 s, after logging "stopped".
// `serve --demo` as scripts/run.sh starts it: a fresh database is seeded
// before the server listens, the output says where to open the app and lists
// every demo login, the seeded clinic is in the file after kill -9 (the
// seeding connection closed before the server opened it), and a restart
// keeps it and prints the logins again.
TEST_F(ProcessTest, ServeDemoSeedsPrintsTheLoginsAndKeepsTheClinicOnRestart) {
  const std::string db = "sqlite:" + dir_ + "/demo.db";
  ServerProcess& first = Spawn(db, {"--demo", "--no-access-log"});
  ASSERT_TRUE(WaitReady(first));
  auto announced = [](ServerProcess& server) {
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    while (server.Log().find("do not enter real patients") == std::string::npos &&
           Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return server.Log();
  };
  const std::string out = announced(first);
  EXPECT_NE(out.find("\"msg\":\"demo clinic seeded\""), std::string::npos) << out;
  EXPECT_NE(out.find("Open http://localhost:" + std::to_string(first.port) + "/"),
            std::string::npos)
      << out;
  for (const DemoLogin& login : DemoLogins()) {
    EXPECT_NE(out.find(login.email), std::string::npos) << login.email;
    EXPECT_NE(out.find(login.password), std::string::npos) << login.password;
  }
  first.Kill();

  ServerProcess& second = Spawn(db, {"--demo", "--no-access-log"});
  ASSERT_TRUE(WaitReady(second));
  const std::string again = announced(second);
  EXPECT_NE(again.find("already in this database"), std::string::npos) << again;
  EXPECT_EQ(again.find("demo clinic seeded"), std::string::npos) << again;
  HttpClient client(second.port);
  HttpResult login =
      client.Send("POST", "/api/v1/session",
                  json{{"email", kDemoAdminEmail}, {"password", kDemoAdminPassword}}.dump(),
                  {{"Content-Type", "application/json"}});
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string cookie =
      login.headers["set-cookie"].substr(0, login.headers["set-cookie"].find(';'));
  HttpResult patients = client.Send("GET", "/api/v1/patients?limit=1", "", {{"Cookie", cookie}});
  ASSERT_EQ(patients.status, 200) << patients.body;
  EXPECT_EQ(json::parse(patients.body).at("total"), 30);
}

TEST_F(ProcessTest, SigtermUnderKeepAliveExitsCleanly) {
  const std::string db = "sqlite:" + dir_ + "/clinic.db";
  ServerProcess& server = Spawn(db);
  ASSERT_TRUE(WaitReady(server));

  // Idle keep-alive connections, each having answered a request.
  std::vector<std::unique_ptr<HttpClient>> idle;
  for (int i = 0; i < 3; ++i) {
    idle.push_back(std::make_unique<HttpClient>(server.port));
    ASSERT_EQ(idle.back()->Send("GET", "/healthz").status, 200);
  }
  // Busy keep-alive connections until the server goes away.
  std::atomic<bool> stop{false};
  std::atomic<int> answered{0};
  std::vector<std::thread> busy;
  for (int t = 0; t < 2; ++t) {
    busy.emplace_back([&] {
      try {
        HttpClient client(server.port);
        while (!stop) {
          if (client.Send("GET", "/healthz").status == 200) answered.fetch_add(1);
        }
      } catch (const std::exception&) {
        // The server closed the connection on shutdown.
      }
    });
  }
  while (answered.load() < 20) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  const auto sent = Clock::now();
  ASSERT_EQ(kill(server.pid, SIGTERM), 0);
  const bool exited = server.WaitExit(std::chrono::seconds(3));
  const auto took =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - sent).count();
  stop = true;
  for (auto& thread : busy) thread.join();
  ASSERT_TRUE(exited) << "still running 3 s after SIGTERM:\n" << server.Log();
  ASSERT_TRUE(WIFEXITED(server.status)) << "status " << server.status;
  EXPECT_EQ(WEXITSTATUS(server.status), 0);
  const std::string log = server.Log();
  EXPECT_NE(log.find("\"msg\":\"shutting down\""), std::string::npos) << log;
  EXPECT_NE(log.find("\"msg\":\"stopped\""), std::string::npos) << log;
  std::cout << "[ sigterm ] exited 0 after " << took << " ms, " << answered.load()
            << " requests answered" << std::endl;
}

// --tls-cert/--tls-key: the server speaks only HTTPS, with a certificate made
// for this test; the session cookie is Secure; plain HTTP to the TLS port is
// refused without an answer and the server keeps serving.
TEST_F(ProcessTest, ServesHttpsWithSecureCookies) {
  const TlsFiles tls = MakeSelfSignedCert(dir_);
  const std::string db = "sqlite:" + dir_ + "/clinic.db";
  ASSERT_NO_FATAL_FAILURE(CreateAdmin(db));
  ServerProcess& server =
      Spawn(db, {"--no-access-log", "--tls-cert", tls.cert_path, "--tls-key", tls.key_path});
  ASSERT_TRUE(WaitReady(server, [&] {
    HttpsClient client(server.port, tls.cert_path);
    return client.Send("GET", "/healthz").status;
  }));
  EXPECT_NE(server.Log().find("\"tls\":true"), std::string::npos) << server.Log();

  HttpsClient https(server.port, tls.cert_path);
  HttpResult login = https.Send("POST", "/api/v1/session",
                                json{{"email", kAdminEmail}, {"password", kAdminPassword}}.dump(),
                                {{"Content-Type", "application/json"}});
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string set_cookie = login.headers["set-cookie"];
  EXPECT_NE(set_cookie.find("; Secure"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos) << set_cookie;
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  HttpResult me = https.Send("GET", "/api/v1/session", "", {{"Cookie", cookie}});
  EXPECT_EQ(me.status, 200) << me.body;

  // Plain HTTP: no HTTP answer (the TLS handshake fails and the connection
  // closes), and the server is unharmed.
  for (int i = 0; i < 3; ++i) {
    std::string reply;
    try {
      HttpClient plain(server.port);
      reply = plain.SendRaw("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    } catch (const std::exception&) {
      // A reset connection is a clean refusal too.
    }
    EXPECT_EQ(reply.find("HTTP/1.1 200"), std::string::npos) << reply;
    EXPECT_EQ(reply.find("status"), std::string::npos) << reply;
  }
  EXPECT_FALSE(server.Exited()) << server.Log();
  HttpsClient again(server.port, tls.cert_path);
  EXPECT_EQ(again.Send("GET", "/healthz").status, 200);
  EXPECT_EQ(again.Send("GET", "/api/v1/session", "", {{"Cookie", cookie}}).status, 200);
}

// --metrics-address: GET /metrics answers on that listener only; the public
// port never shows the server's counters.
TEST_F(ProcessTest, MetricsAreServedOnlyOnTheMetricsAddress) {
  const std::string db = "sqlite:" + dir_ + "/clinic.db";
  ServerProcess& server = Spawn(db, {"--no-access-log", "--metrics-address", "127.0.0.1:0"});
  ASSERT_TRUE(WaitReady(server));
  unsigned short metrics_port = 0;
  std::istringstream lines(server.Log());
  for (std::string line; std::getline(lines, line);) {
    json j = json::parse(line, nullptr, false);
    if (j.is_object() && j.value("msg", "") == "serving metrics")
      metrics_port = j.at("port").get<unsigned short>();
  }
  ASSERT_NE(metrics_port, 0) << server.Log();
  HttpClient metrics(metrics_port);
  HttpResult scraped = metrics.Send("GET", "/metrics");
  EXPECT_EQ(scraped.status, 200);
  EXPECT_NE(scraped.body.find("sciaticare_http_requests_total "), std::string::npos)
      << scraped.body;
  EXPECT_NE(scraped.body.find("sciaticare_http_connections_refused_total 0"), std::string::npos)
      << scraped.body;
  HttpClient public_port(server.port);
  HttpResult open = public_port.Send("GET", "/metrics");
  EXPECT_EQ(open.body.find("sciaticare_http_requests_total"), std::string::npos) << open.status;
}

// A login on one server is valid on the other; a write through one is read through the other.
TEST_F(ProcessPgTest, TwoServersShareOneDatabase) {
  const std::string db = DatabaseUrl();
  ASSERT_NO_FATAL_FAILURE(CreateAdmin(db));
  ServerProcess& a = Spawn(db, {"--no-access-log"});
  ServerProcess& b = Spawn(db, {"--no-access-log"});
  ASSERT_TRUE(WaitReady(a));
  ASSERT_TRUE(WaitReady(b));
  ASSERT_NE(a.port, b.port);

  Login login = LogIn(a.port);
  ASSERT_EQ(login.status, 200);
  HttpClient on_b(b.port);
  HttpResult created =
      on_b.Send("POST", "/api/v1/patients", PatientBody("Shared").dump(), Auth(login));
  ASSERT_EQ(created.status, 201) << created.body;
  const long long id = json::parse(created.body).at("id").get<long long>();

  HttpClient on_a(a.port);
  HttpResult read = on_a.Send("GET", "/api/v1/patients/" + std::to_string(id), "", Auth(login));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(json::parse(read.body).value("given_name", ""), "Shared");

  // Without a login neither server answers: the shared session really is what let B in.
  HttpResult anonymous = on_b.Send("GET", "/api/v1/patients/" + std::to_string(id));
  EXPECT_EQ(anonymous.status, 401);
}

}  // namespace
}  // namespace sciaticare::testing
