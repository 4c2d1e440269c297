// The server under overload, over real sockets. Out of file descriptors (a
// child process limited to 200, sent 400 connections) the acceptor rests
// instead of spinning and /healthz still answers, whether the connection cap
// is derived from the limit (the default) or set too high for it. Over the
// cap a connection is answered 503 (Retry-After, Connection: close), a health
// check still 200, and the server serves again once connections close.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "http/connection_guard.h"
#include "http/http_client.h"
#include "http/server.h"

namespace sciaticare::testing {
namespace {

using std::chrono::milliseconds;

http::Router& TinyRouter() {
  static http::Router* router = [] {
    auto* r = new http::Router();
    r->Add("GET", "/healthz", [](http::Request&) { return http::Response::Text(200, "ok\n"); });
    r->Add("GET", "/api/v1/ping", [](http::Request&) { return http::Response::Json(200, "{}"); });
    return r;
  }();
  return *router;
}

// A connected socket to 127.0.0.1:port whose reads give up after `timeout`.
int Connect(unsigned short port, milliseconds timeout = milliseconds(3000)) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  timeval tv{static_cast<time_t>(timeout.count() / 1000),
             static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in at{};
  at.sin_family = AF_INET;
  at.sin_port = htons(port);
  at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&at), sizeof at) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Everything the server sends on `fd` until it closes or the read times out.
std::string ReadAnswer(int fd) {
  std::string out;
  char chunk[4096];
  for (;;) {
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    out.append(chunk, static_cast<std::size_t>(n));
    const std::size_t end = out.find("\r\n\r\n");
    const std::size_t length = out.find("Content-Length: ");
    if (end != std::string::npos && length != std::string::npos &&
        out.size() >= end + 4 + std::stoul(out.substr(length + 16))) {
      break;
    }
  }
  return out;
}

// One request on a fresh connection, closed after; "" when none could be made.
std::string Exchange(unsigned short port, const std::string& target) {
  const int fd = Connect(port);
  if (fd < 0) return "";
  const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  (void)!::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string answer = ReadAnswer(fd);
  ::close(fd);
  return answer;
}

// CPU seconds (user + system) the process `pid` has used, from /proc/<pid>/stat.
double CpuSeconds(pid_t pid) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  // After the command name in parentheses: field 3 (state) onwards; utime and
  // stime are fields 14 and 15.
  std::istringstream rest(text.substr(text.rfind(')') + 2));
  std::vector<std::string> fields{std::istream_iterator<std::string>(rest), {}};
  if (fields.size() < 13) return -1;
  return static_cast<double>(std::stoll(fields[11]) + std::stoll(fields[12])) /
         static_cast<double>(sysconf(_SC_CLK_TCK));
}

// A server in a child process limited to `fd_limit` descriptors, killed with
// the test (and with the test binary, by PR_SET_PDEATHSIG).
class ChildServer {
 public:
  ChildServer(rlim_t fd_limit, std::size_t max_connections) {
    int ready[2];
    if (pipe(ready) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      ::close(ready[0]);
      const rlimit limit{fd_limit, fd_limit};
      if (setrlimit(RLIMIT_NOFILE, &limit) != 0) _exit(2);
      http::ServerOptions options;
      options.address = "127.0.0.1";
      options.port = 0;
      options.max_connections = max_connections;
      http::HttpServer server(options, TinyRouter());
      server.Start();
      const unsigned short port = server.port();
      (void)!::write(ready[1], &port, sizeof port);
      for (;;) pause();
    }
    ::close(ready[1]);
    if (::read(ready[0], &port_, sizeof port_) != sizeof port_) port_ = 0;
    ::close(ready[0]);
  }
  ~ChildServer() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  pid_t pid() const { return pid_; }
  unsigned short port() const { return port_; }

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

// 400 idle connections to a server limited to 200 descriptors; then the CPU
// it burns over 2 s (at most 30 % of one core: not spinning) and /healthz.
void FloodAndCheck(std::size_t max_connections) {
  ChildServer server(200, max_connections);
  ASSERT_GT(server.port(), 0) << "the child server did not start";
  std::vector<int> flood;
  for (int i = 0; i < 400; ++i) {
    const int fd = Connect(server.port(), milliseconds(200));
    ASSERT_GE(fd, 0) << "connection " << i;
    flood.push_back(fd);
  }
  std::this_thread::sleep_for(milliseconds(200));
  const double before = CpuSeconds(server.pid());
  std::this_thread::sleep_for(milliseconds(2000));
  const double used = CpuSeconds(server.pid()) - before;
  std::cout << "[ overload ] cap " << max_connections << ": " << used
            << " CPU seconds in 2 s with 400 connections" << std::endl;
  EXPECT_GE(used, 0);
  EXPECT_LT(used, 0.6) << "the acceptor spins";
  const std::string health = Exchange(server.port(), "/healthz");
  EXPECT_EQ(health.rfind("HTTP/1.1 200", 0), 0u) << health;
  // The connections beyond what the server holds were told why.
  std::string last = ReadAnswer(flood.back());
  EXPECT_EQ(last.rfind("HTTP/1.1 503", 0), 0u) << last;
  for (int fd : flood) ::close(fd);
}

TEST(ConnectionLimitsTest, DefaultCapOutOfDescriptorsDoesNotSpinAndHealthAnswers) {
  FloodAndCheck(0);  // 0: derived from the limit of 200.
}

TEST(ConnectionLimitsTest, CapAboveTheDescriptorLimitStillDoesNotSpin) {
  FloodAndCheck(100000);  // Accept itself fails with EMFILE: the backoff and spare descriptor.
}

TEST(ConnectionLimitsTest, DefaultCapLeavesTheReserve) {
  rlimit limit{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur > http::kDescriptorReserve + 16) {
    EXPECT_EQ(http::DefaultMaxConnections(), limit.rlim_cur - http::kDescriptorReserve);
  }
}

TEST(ConnectionLimitsTest, BackoffDoublesToOneSecondAndResets) {
  http::AcceptBackoff backoff;
  std::vector<long> delays;
  for (int i = 0; i < 8; ++i) delays.push_back(backoff.Next().count());
  EXPECT_EQ(delays, (std::vector<long>{50, 100, 200, 400, 800, 1000, 1000, 1000}));
  backoff.Reset();
  EXPECT_EQ(backoff.Next().count(), 50);
}

struct Logged {
  std::string method, path;
  int status = 0;
};

class CapTest : public ::testing::Test {
 protected:
  void Start(std::size_t max_connections) {
    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.max_connections = max_connections;
    options.on_answered = [this](const http::Request& req, const http::Response& res, double) {
      std::lock_guard<std::mutex> lock(mutex_);
      log_.push_back({req.method, req.path, res.status});
    };
    server_ = std::make_unique<http::HttpServer>(options, TinyRouter());
    server_->Start();
  }
  // Stopped before the log it writes to goes away.
  void TearDown() override {
    if (server_) server_->Stop();
  }
  std::vector<Logged> Log() {
    std::lock_guard<std::mutex> lock(mutex_);
    return log_;
  }
  bool WaitForOpenConnections(std::uint64_t at_most) {
    for (int i = 0; i < 300 && server_->connections_open() > at_most; ++i)
      std::this_thread::sleep_for(milliseconds(10));
    return server_->connections_open() <= at_most;
  }

  std::unique_ptr<http::HttpServer> server_;
  std::mutex mutex_;
  std::vector<Logged> log_;
};

TEST_F(CapTest, OverTheCapIs503WithRetryAfterHealthStillAnswersAndServingResumes) {
  Start(3);
  std::vector<std::unique_ptr<HttpClient>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(std::make_unique<HttpClient>(server_->port()));
    ASSERT_EQ(held.back()->Send("GET", "/api/v1/ping").status, 200);
  }
  const std::string busy = Exchange(server_->port(), "/api/v1/ping");
  EXPECT_EQ(busy.rfind("HTTP/1.1 503", 0), 0u) << busy;
  EXPECT_NE(busy.find("Retry-After: 1\r\n"), std::string::npos) << busy;
  EXPECT_NE(busy.find("Connection: close\r\n"), std::string::npos) << busy;
  EXPECT_NE(busy.find("X-Content-Type-Options: nosniff\r\n"), std::string::npos) << busy;
  const std::string health = Exchange(server_->port(), "/healthz");
  EXPECT_EQ(health.rfind("HTTP/1.1 200", 0), 0u) << health;
  EXPECT_EQ(server_->connections_refused(), 1u);

  held.clear();
  ASSERT_TRUE(WaitForOpenConnections(0));
  HttpClient again(server_->port());
  EXPECT_EQ(again.Send("GET", "/api/v1/ping").status, 200);

  // The refusal went to the access log with what the request asked for.
  bool logged = false;
  for (const Logged& l : Log())
    logged |= l.status == 503 && l.method == "GET" && l.path == "/api/v1/ping";
  EXPECT_TRUE(logged);
}

// With the cap and every health slot taken, a connection is still answered
// (shed from what it sent), and never served: 503, or 200 for /healthz.
TEST_F(CapTest, BeyondTheHealthSlotsConnectionsAreShedWithAnAnswer) {
  Start(1);
  HttpClient holder(server_->port());
  ASSERT_EQ(holder.Send("GET", "/api/v1/ping").status, 200);
  std::vector<int> idle;  // Each takes a health slot and sends nothing.
  for (std::size_t i = 0; i < http::kHealthSlots; ++i) idle.push_back(Connect(server_->port()));
  std::this_thread::sleep_for(milliseconds(100));
  const std::string busy = Exchange(server_->port(), "/api/v1/ping?x=1");
  EXPECT_EQ(busy.rfind("HTTP/1.1 503", 0), 0u) << busy;
  EXPECT_NE(busy.find("Retry-After: 1\r\n"), std::string::npos) << busy;
  const std::string health = Exchange(server_->port(), "/healthz");
  EXPECT_EQ(health.rfind("HTTP/1.1 200", 0), 0u) << health;
  for (int fd : idle) ::close(fd);
  bool logged = false;
  for (const Logged& l : Log())
    logged |= l.status == 503 && l.method == "GET" && l.path == "/api/v1/ping";
  EXPECT_TRUE(logged);
}

}  // namespace
}  // namespace sciaticare::testing
