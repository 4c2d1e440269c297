// The clinic's REST API under /api/v1: accounts and sessions, patients,
// assessments (screening, scoring and planning by the core), plans with
// versions and approval, session notes, the patient chart and the audit log.
// Every route authenticates the caller, checks the caller's role and clinic,
// and records each read and write of patient data in the audit trail. A
// request reads as a straight line: HTTP -> parse -> core decides -> store
// persists -> HTTP answers; no clinical rule lives here.
#pragma once

#include <functional>
#include <string>

#include "auth/credentials.h"
#include "auth/login_throttle.h"
#include "http/router.h"
#include "knowledge/knowledge.h"
#include "store/store.h"

namespace sciaticare::api {

struct ClinicApiOptions {
  bool secure_cookies = false;  // Set the Secure attribute (serving HTTPS).
  auth::HashCost hash_cost = auth::HashCost::kInteractive;
  int session_hours = 12;         // Absolute lifetime of a login session.
  int session_idle_minutes = 30;  // A session unused this long has ended.
  auth::LoginLimits login_limits;
  int login_attempts_kept_days = 30;  // Then the store prunes them.
  // Returns the current time as "YYYY-MM-DDTHH:MM:SSZ"; tests may fix it.
  std::function<std::string()> now;
  // Whether this server sends mail (serve --smtp-url): the outbox page says
  // so when it does not, and messages wait.
  bool mail_set_up = false;
  // The clinic's public base URL (serve --public-url, core/public_url.h):
  // portal invitations are mailed only when it is known and mail is set up;
  // otherwise the front desk passes the link on.
  std::string public_url;
};

// Adds every /api/v1 route of the clinic API to `router`. `store` and `k`
// must outlive the router.
void AddClinicRoutes(http::Router& router, store::Store& store, const Knowledge& k,
                     ClinicApiOptions options);

// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcNow();

// `time` shifted by `seconds` (may be negative), same format.
std::string AddSeconds(const std::string& time, long long seconds);

}  // namespace sciaticare::api
