#include "http/connection_guard.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <string>
#include <string_view>

#include "http/router.h"

namespace sciaticare::http {

std::size_t DefaultMaxConnections() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 10000;
  const auto soft = static_cast<std::size_t>(limit.rlim_cur);
  return std::max<std::size_t>(16, soft > kDescriptorReserve ? soft - kDescriptorReserve : 0);
}

bool IsOutOfResources(int error) {
  return error == EMFILE || error == ENFILE || error == ENOBUFS || error == ENOMEM;
}

std::chrono::milliseconds AcceptBackoff::Next() {
  const std::chrono::milliseconds delay = next_;
  next_ = std::min(next_ * 2, kLongest);
  return delay;
}

SpareFd::SpareFd() { Restore(); }

SpareFd::~SpareFd() { Release(); }

bool SpareFd::Release() {
  if (fd_ < 0) return false;
  ::close(fd_);
  fd_ = -1;
  return true;
}

bool SpareFd::Restore() {
  if (fd_ < 0) fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  return fd_ >= 0;
}

Response BusyResponse() {
  Response r = ErrorResponse(503, "", "the server is busy; retry in a moment");
  r.headers["Retry-After"] = "1";
  return r;
}

namespace {

// The raw bytes of an answer that closes the connection, with the headers
// every answer of the server carries.
std::string RawAnswer(std::string_view status_line, const Response& r) {
  std::string out(status_line);
  out += "\r\nServer: sciaticare\r\nContent-Type: " + r.content_type;
  out += "\r\nContent-Length: " + std::to_string(r.body.size());
  out += "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff";
  for (const auto& [name, value] : r.headers) out += "\r\n" + name + ": " + value;
  out += "\r\nConnection: close\r\n\r\n" + r.body;
  return out;
}

}  // namespace

bool RequestHasArrived(int fd) {
  char byte;
  const ssize_t got = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return got >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
}

ShedAnswer ShedConnection(int fd) {
  static const std::string kHealthy = RawAnswer("HTTP/1.1 200 OK", Response::Text(200, "ok\n"));
  static const std::string kBusy = RawAnswer("HTTP/1.1 503 Service Unavailable", BusyResponse());
  char buffer[2048];
  const ssize_t got = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
  const std::string_view head(buffer, got > 0 ? static_cast<std::size_t>(got) : 0);
  ShedAnswer answer;
  const std::size_t method_end = head.find(' ');
  if (method_end != std::string_view::npos) {
    const std::size_t target_end = head.find(' ', method_end + 1);
    answer.method = std::string(head.substr(0, method_end));
    if (target_end != std::string_view::npos) {
      const std::string_view target = head.substr(method_end + 1, target_end - method_end - 1);
      answer.path = std::string(target.substr(0, target.find('?')));
    }
  }
  if (answer.method == "GET" && answer.path == "/healthz") answer.status = 200;
  const std::string& bytes = answer.status == 200 ? kHealthy : kBusy;
  (void)!::send(fd, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
  // Reading what else is queued (a little) lets close() end the connection
  // with a FIN rather than a reset that could discard the answer in flight.
  for (int i = 0; i < 8 && ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT) > 0; ++i) {
  }
  return answer;
}

void ShedAndReport(int fd, bool tls, std::string remote, HttpServer::Counters& counters,
                   const ServerOptions::AnsweredCallback& on_answered) {
  const auto started = std::chrono::steady_clock::now();
  const ShedAnswer answer = tls ? ShedAnswer{} : ShedConnection(fd);
  ++counters.requests;
  if (answer.status != 200) ++counters.refused;
  if (!on_answered) return;
  Request request;
  request.method = answer.method;
  request.path = answer.path;
  request.remote_addr = std::move(remote);
  const Response response = answer.status == 200 ? Response::Text(200, "ok\n") : BusyResponse();
  on_answered(request, response,
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                  .count());
}

int AcceptQueued(int listen_fd, SpareFd& spare, bool& on_spare) {
  on_spare = false;
  int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
  if (fd >= 0 || !IsOutOfResources(errno) || !spare.Release()) return fd;
  fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
  if (fd < 0) {
    spare.Restore();
    return -1;
  }
  on_spare = true;
  return fd;
}

}  // namespace sciaticare::http
