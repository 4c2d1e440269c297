// The consent door of every session note path (consent_guard.h).
#include "api/consent_guard.h"

#include "api/note_techniques.h"

namespace sciaticare::api {
namespace {

// The region names of a consent's `list` of areas (names, or objects with a
// "region") that are regions; others are skipped (checked when stored).
RegionSet RegionsOf(const json& list) {
  RegionSet out;
  if (!list.is_array()) return out;
  for (const json& entry : list) {
    const json& name = entry.is_object() ? entry.value("region", json()) : entry;
    if (!name.is_string()) continue;
    if (auto region = ParseRegion(name.get<std::string>())) out.Add(*region);
  }
  return out;
}

std::string Label(Region r, const Knowledge& k) {
  return k.regions[static_cast<std::size_t>(r)].label;
}

// The label as it reads inside a sentence ("Buttock" -> "buttock").
std::string InSentence(std::string label) {
  if (!label.empty() && label[0] >= 'A' && label[0] <= 'Z') label[0] = char(label[0] - 'A' + 'a');
  return label;
}

}  // namespace

std::string AreaInSentence(Region r, const Knowledge& k) { return InSentence(Label(r, k)); }

ConsentInForce ConsentOf(const std::vector<store::ConsentRecord>& entries, const Knowledge& k) {
  ConsentInForce out;
  if (entries.empty()) return out;
  const store::ConsentRecord& newest = entries.back();
  out.recorded = true;
  out.treatment = newest.treatment;
  const RegionSet named = RegionsOf(json::parse(newest.areas_json, nullptr, false));
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    const auto region = static_cast<Region>(i);
    if (named.Contains(region) && k.consent_sensitive_regions.Contains(region)) {
      out.areas.Add(region);
    }
  }
  return out;
}

json ConsentJson(const store::ConsentRecord& entry, const Knowledge& k) {
  json areas = json::array();
  const RegionSet named = RegionsOf(json::parse(entry.areas_json, nullptr, false));
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    const auto region = static_cast<Region>(i);
    if (named.Contains(region)) {
      areas.push_back({{"region", std::string(Name(region))}, {"label", Label(region, k)}});
    }
  }
  return {{"id", entry.id},
          {"treatment", entry.treatment},
          {"areas", areas},
          {"form", entry.form},
          {"note", entry.note},
          {"recorded_by", entry.recorded_by},
          {"recorded_at", entry.recorded_at}};
}

void RequireConsentForWork(const std::vector<store::ConsentRecord>& entries, const Knowledge& k,
                           const std::string& techniques_json, const std::string& field) {
  const RegionSet worked = RegionsWorked(techniques_json);
  if (worked.Empty()) return;
  const ConsentInForce consent = ConsentOf(entries, k);
  const auto refusal = ConsentRefuses(consent, worked, k.consent_sensitive_regions);
  if (!refusal) return;
  if (!refusal->region) {
    Reject(field,
           "the patient has refused or withdrawn consent to hands-on treatment; record their "
           "consent again before recording hands-on work",
           409);
  }
  Reject(field,
         "the patient has not consented to hands-on work on the " +
             AreaInSentence(*refusal->region, k) +
             " area; record their consent to it, or leave that area out",
         409);
}

}  // namespace sciaticare::api
