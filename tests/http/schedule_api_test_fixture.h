// The fixture of the scheduling suites over real HTTP (schedule_api_test.cc,
// which instantiates it on every backend, and staff_api_test.cc): a booking's
// body and the audit entries of an action.
#pragma once

#include <string>
#include <vector>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {

class ScheduleApiTest : public ClinicApiFixture {
 protected:
  json Booking(const std::string& starts_at, const std::string& status = "booked") const {
    return {{"patient_id", patient1_.id}, {"therapist_id", therapist_.id},
            {"starts_at", starts_at},     {"minutes", 60},
            {"status", status},           {"note", "first session"}};
  }

  std::vector<json> AuditOf(const std::string& action) {
    store::AuditQuery q;
    q.action = action;
    q.page.limit = store::kMaxPageSize;
    std::vector<json> out;
    const store::Page<store::AuditEntry> page = store_->ListAudit(clinic_a_.id, q).value();
    for (const auto& e : page.items) {
      out.push_back({{"entity", e.entity},
                     {"entity_id", e.entity_id},
                     {"patient_id", e.patient_id.value_or(0)},
                     {"user_id", e.user_id.value_or(0)}});
    }
    return out;
  }
};

}  // namespace sciaticare::testing
