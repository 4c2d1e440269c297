// Turns kept patient versions into the list of changes the history shows.
#include "api/patient_history.h"

#include <algorithm>
#include <array>

namespace sciaticare::api {
namespace {

// The person fields of a version or of the current record, by API name.
struct Details {
  std::array<std::string, 7> values;
};

constexpr std::array<const char*, 7> kFields = {"given_name", "family_name", "date_of_birth", "sex",
                                                "email",      "phone",       "notes"};

template <typename Record>
Details DetailsOf(const Record& r) {
  return {{r.given_name, r.family_name, r.date_of_birth, r.sex, r.email, r.phone, r.notes}};
}

}  // namespace

std::vector<PatientDetailsChange> PatientHistory(std::vector<store::PatientVersion> versions,
                                                 const store::Patient& current) {
  std::sort(versions.begin(), versions.end(),
            [](const auto& a, const auto& b) { return a.version < b.version; });
  std::vector<PatientDetailsChange> out;
  out.reserve(versions.size());
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const store::PatientVersion& v = versions[i];
    const Details before = DetailsOf(v);
    const Details after = i + 1 < versions.size() ? DetailsOf(versions[i + 1]) : DetailsOf(current);
    PatientDetailsChange change;
    change.from_version = v.version;
    change.changed_by = v.changed_by;
    change.changed_by_name = v.changed_by_name;
    change.changed_at = v.changed_at;
    change.reason = v.reason;
    for (std::size_t f = 0; f < kFields.size(); ++f) {
      if (before.values[f] != after.values[f]) {
        change.fields.push_back({kFields[f], before.values[f], after.values[f]});
      }
    }
    out.push_back(std::move(change));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace sciaticare::api
