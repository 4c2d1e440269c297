#include "api/treatment_response.h"

namespace sciaticare::api {
namespace {

bool RecordsSpread(const std::string& adverse_events_json) {
  const json events = json::parse(adverse_events_json, nullptr, false);
  if (!events.is_array()) return false;
  for (const json& e : events) {
    if (e.is_object() && e.value("kind", "") == kSymptomSpreadKind) return true;
  }
  return false;
}

}  // namespace

bool SymptomsSpreadSince(Api& api, Id clinic_id, Id patient_id, const std::string& since,
                         Id except_note) {
  store::PageRequest page;
  page.limit = store::kMaxPageSize;
  // Notes come newest occurred_at first, not in the order they were stored,
  // so every page is read; a patient has tens of notes, not thousands.
  for (;;) {
    const auto notes = Must(api.store().ListSessionNotes(clinic_id, patient_id, page));
    for (const store::SessionNote& n : notes.items) {
      if (n.id != except_note && n.created_at >= since && RecordsSpread(n.adverse_events_json))
        return true;
    }
    page.offset += static_cast<std::int64_t>(notes.items.size());
    if (notes.items.empty() || page.offset >= notes.total) return false;
  }
}

}  // namespace sciaticare::api
