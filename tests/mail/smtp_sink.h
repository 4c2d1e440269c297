// The test SMTP sink (tests/mail/smtp_sink.py, Debian's python3-aiosmtpd)
// as a child process that keeps every message it receives, for tests that
// send real SMTP through libcurl, and a free local port for it.
#pragma once

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace sciaticare::mail::testing {

namespace fs = std::filesystem;

inline int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

// The sink as a child process, stopped when destroyed.
class SmtpSink {
 public:
  SmtpSink(int port, fs::path dir) : dir_(std::move(dir)) {
    fs::create_directories(dir_);
    fs::remove(dir_ / "ready");
    const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const std::string script = std::string(SCIATICARE_SOURCE_DIR) + "/tests/mail/smtp_sink.py";
    const std::string port_text = std::to_string(port);
    pid_ = fork();
    if (pid_ == 0) {
      execlp(python.c_str(), python.c_str(), script.c_str(), "--port", port_text.c_str(), "--dir",
             dir_.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!fs::exists(dir_ / "ready") && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!fs::exists(dir_ / "ready")) throw std::runtime_error("the SMTP sink did not start");
  }
  ~SmtpSink() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }

  // The attachment `file` of the `n`th message (1-based), decoded; empty when none.
  std::string Attachment(int n, const std::string& file) const {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%04d-", n);
    std::ifstream in(dir_ / (prefix + file), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // Every message received so far, decoded from quoted-printable, oldest first.
  std::vector<std::string> Messages() const {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir_)) {
      if (e.path().extension() == ".eml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      out.push_back(Unfold(text.str()));
    }
    return out;
  }

 private:
  // Soft line breaks and =XX escapes of quoted-printable undone; enough to
  // read the text part (the calendar part is base64 and stays as it is).
  static std::string Unfold(const std::string& raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '=' && raw.compare(i + 1, 2, "\r\n") == 0) {
        i += 2;
      } else if (raw[i] == '=' && i + 2 < raw.size() && std::isxdigit(raw[i + 1]) &&
                 std::isxdigit(raw[i + 2])) {
        out += static_cast<char>(std::stoi(raw.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        out += raw[i];
      }
    }
    return out;
  }

  fs::path dir_;
  pid_t pid_ = -1;
};

}  // namespace sciaticare::mail::testing
