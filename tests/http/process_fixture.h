// The fixture of the tests that run real `sciaticare serve` processes
// (process_test.cc, atomic_writes_process_test.cc): spawning a server on a
// database (ProcessPgTest: a fresh PostgreSQL database of its own), waiting until
// it serves, logging in as the admin it was created with.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "http/http_client.h"
#include "pg_test_database.h"
#include "test_support.h"

namespace sciaticare::testing {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

inline constexpr char kAdminEmail[] = "admin@process-test.example.org";
inline constexpr char kAdminPassword[] = "process-test-password-1";

inline std::string ReadAll(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// Single quotes for /bin/sh (RunSciaticare goes through the shell).
inline std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// One `sciaticare serve` child process.
struct ServerProcess {
  pid_t pid = -1;
  unsigned short port = 0;
  std::string log_path;
  bool reaped = false;
  int status = 0;

  std::string Log() const { return ReadAll(log_path); }

  // Non-blocking: true once the process has ended (status is then set).
  bool Exited() {
    if (reaped) return true;
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) reaped = true;
    return reaped;
  }

  // Waits up to `limit` for the process to end.
  bool WaitExit(std::chrono::milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    while (!Exited()) {
      if (Clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
  }

  void Kill() {
    if (pid <= 0 || reaped) return;
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    reaped = true;
  }
};

struct Login {
  int status = 0;
  std::string cookie;  // "sc_session=<token>".
  std::string csrf;
};

inline Login LogIn(unsigned short port) {
  HttpClient client(port);
  HttpResult r = client.Send("POST", "/api/v1/session",
                             json{{"email", kAdminEmail}, {"password", kAdminPassword}}.dump(),
                             {{"Content-Type", "application/json"}});
  Login out;
  out.status = r.status;
  if (r.status != 200) return out;
  const std::string& set_cookie = r.headers["set-cookie"];
  out.cookie = set_cookie.substr(0, set_cookie.find(';'));
  out.csrf = json::parse(r.body).at("csrf_token").get<std::string>();
  return out;
}

inline std::map<std::string, std::string> Auth(const Login& login) {
  return {
      {"Cookie", login.cookie}, {"X-CSRF-Token", login.csrf}, {"Content-Type", "application/json"}};
}

inline json PatientBody(const std::string& given) {
  return {{"given_name", given},
          {"family_name", "Process"},
          {"date_of_birth", "1980-04-02"},
          {"sex", "female"}};
}

class ProcessTest : public ::testing::Test {
 public:  // Helpers that run a test's steps call these too.
  void SetUp() override {
    char dir_template[] = "/tmp/sciaticare-process-XXXXXX";
    const char* dir = mkdtemp(dir_template);
    ASSERT_NE(dir, nullptr);
    dir_ = dir;
  }

  void TearDown() override {
    for (auto& server : servers_) server->Kill();
    servers_.clear();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  // `sciaticare admin create` on `db` (exit code 0 expected).
  void CreateAdmin(const std::string& db) {
    CommandResult r =
        RunSciaticare("admin create --db " + Quote(db) + " --clinic 'Process Clinic' --email " +
                          kAdminEmail + " --name 'Ada Admin' --password " + kAdminPassword,
                      "");
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }

  // Forks and execs `sciaticare serve --port 0 --db <db> <extra>`; does not wait.
  ServerProcess& Spawn(const std::string& db, std::vector<std::string> extra = {}) {
    auto server = std::make_unique<ServerProcess>();
    server->log_path = dir_ + "/server-" + std::to_string(servers_.size()) + ".log";
    std::vector<std::string> args = {SCIATICARE_BINARY, "serve", "--port", "0", "--db", db};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int log_fd =
        open(server->log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    EXPECT_GE(log_fd, 0);
    const pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
      // Only async-signal-safe calls until exec.
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(127);
      const int null_fd = open("/dev/null", O_RDONLY);
      if (null_fd >= 0) dup2(null_fd, 0);
      dup2(log_fd, 1);
      dup2(log_fd, 2);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(log_fd);
    EXPECT_GT(pid, 0);
    server->pid = pid;
    servers_.push_back(std::move(server));
    return *servers_.back();
  }

  // Waits for the "serving" log line (for the port) and then for /healthz.
  ::testing::AssertionResult WaitReady(ServerProcess& server) {
    return WaitReady(server, [&] {
      HttpClient client(server.port);
      return client.Send("GET", "/healthz").status;
    });
  }

  // As above, asking for /healthz with `health` (which may throw until the
  // server answers).
  template <typename Health>
  ::testing::AssertionResult WaitReady(ServerProcess& server, Health health) {
    const auto deadline = Clock::now() + std::chrono::seconds(8);
    while (server.port == 0) {
      std::istringstream lines(server.Log());
      for (std::string line; std::getline(lines, line);) {
        json j = json::parse(line, nullptr, false);
        if (j.is_object() && j.value("msg", "") == "serving") {
          server.port = j.at("port").get<unsigned short>();
        }
      }
      if (server.port != 0) break;
      if (server.Exited())
        return ::testing::AssertionFailure() << "server exited:\n" << server.Log();
      if (Clock::now() > deadline) {
        return ::testing::AssertionFailure() << "no \"serving\" line:\n" << server.Log();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    for (;;) {
      try {
        if (health() == 200) return ::testing::AssertionSuccess();
      } catch (const std::exception&) {
      }
      if (server.Exited())
        return ::testing::AssertionFailure() << "server exited:\n" << server.Log();
      if (Clock::now() > deadline) {
        return ::testing::AssertionFailure() << "/healthz never answered:\n" << server.Log();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  std::string dir_;
  std::vector<std::unique_ptr<ServerProcess>> servers_;
};

// PostgreSQL: a fresh database of this test's own, dropped in TearDown.
class ProcessPgTest : public ProcessTest {
 protected:
  void SetUp() override {
    const char* url = std::getenv("SCIATICARE_TEST_PG_URL");
    if (url == nullptr || *url == '\0') {
      GTEST_SKIP() << "SCIATICARE_TEST_PG_URL is not set: no PostgreSQL server to test against "
                      "(scripts/pg-test-cluster.sh start DIR prints one)";
    }
    admin_url_ = url;
    ProcessTest::SetUp();
    std::random_device rd;
    db_name_ =
        "sciaticare_process_" + std::to_string(getpid()) + "_" + std::to_string(rd() % 100000);
    pqxx::connection admin(admin_url_);
    pqxx::nontransaction tx(admin);
    tx.exec("CREATE DATABASE " + tx.quote_name(db_name_));
  }

  void TearDown() override {
    ProcessTest::TearDown();  // The servers first: they hold connections.
    if (db_name_.empty()) return;
    // FORCE ends the killed servers' backends, but a non-superuser may not
    // end an autovacuum worker that began on the notes written; a plain DROP
    // cancels that worker itself (and waits a few seconds for the rest).
    std::string failures;
    for (const char* how : {" WITH (FORCE)", ""}) {
      try {
        pqxx::connection admin(admin_url_);
        pqxx::nontransaction tx(admin);
        tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(db_name_) + how);
        return;
      } catch (const std::exception& e) {
        failures += std::string(e.what()) + " ";
      }
    }
    ADD_FAILURE() << "cannot drop " << db_name_ << ": " << failures;
  }

  // The admin URL pointed at this test's database (URI or key=value form).
  std::string DatabaseUrl() const { return PgWithDatabase(admin_url_, db_name_); }

  std::string admin_url_;
  std::string db_name_;
};

}  // namespace sciaticare::testing
