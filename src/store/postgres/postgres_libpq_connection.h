// A libpqxx connection that also lends its libpq handle, for the one thing
// libpqxx 6 cannot do: libpq's pipeline mode (postgres_pipeline.h). libpqxx
// keeps the handle private, but every handle it opens, reopens or closes
// passes through its connection policy, which records it here.
#pragma once

#include <libpq-fe.h>

#include <string>

#include <pqxx/pqxx>

namespace sciaticare::store {

class PgLibpqConnection : public pqxx::connection_base {
 public:
  // Connects now, as pqxx::connection does.
  explicit PgLibpqConnection(const std::string& url)
      : pqxx::connection_base(policy_), url_(url), policy_(url_) {
    init();
  }
  ~PgLibpqConnection() noexcept { close(); }
  PgLibpqConnection(const PgLibpqConnection&) = delete;
  PgLibpqConnection& operator=(const PgLibpqConnection&) = delete;

  // libpqxx's current handle: null once closed. Only for use while libpqxx
  // has nothing in flight on the connection, and left as idle as it was found.
  PGconn* handle() const { return policy_.handle; }

 private:
  // connect_direct, with each handle libpqxx will hold from now on kept.
  struct Policy : pqxx::connect_direct {
    using pqxx::connect_direct::connect_direct;
    pqxx::connectionpolicy::handle do_startconnect(pqxx::connectionpolicy::handle h) override {
      return handle = pqxx::connect_direct::do_startconnect(h);
    }
    pqxx::connectionpolicy::handle do_completeconnect(pqxx::connectionpolicy::handle h) override {
      return handle = pqxx::connect_direct::do_completeconnect(h);
    }
    pqxx::connectionpolicy::handle do_dropconnect(
        pqxx::connectionpolicy::handle h) noexcept override {
      return handle = pqxx::connect_direct::do_dropconnect(h);
    }
    pqxx::connectionpolicy::handle do_disconnect(
        pqxx::connectionpolicy::handle h) noexcept override {
      return handle = pqxx::connect_direct::do_disconnect(h);
    }
    PGconn* handle = nullptr;
  };

  std::string url_;  // Before policy_, which keeps a reference to it.
  Policy policy_;
};

}  // namespace sciaticare::store
