// The demo seeder's consents (demo_seeder.h): at intake the therapist takes
// the patient's consent to hands-on treatment and, by name, to each sensitive
// area their plan works, through the store method the consent route uses, so
// the chart shows consent before the first session note. A cast member whose
// consent is "not_recorded" has none, as a clinic sees before it is asked.
#include "api/consent_guard.h"
#include "cli/demo_seeder.h"
#include "core/utc_time.h"

namespace sciaticare::demo {

using nlohmann::json;

// The sensitive regions (knowledge: consent_sensitive_regions) the plan's
// techniques work, in the vocabulary's order; the plan's revisions only make
// work lighter or drop it, so the first plan names every area ever worked.
std::vector<Region> Seeder::SensitiveAreasOf(const PatientStory& p) const {
  RegionSet worked;
  for (const json& item : p.plan_techniques) {
    for (const json& target : item.value("targets", json::array())) {
      const auto region = ParseRegion(target.value("region", ""));
      if (region && k_.consent_sensitive_regions.Contains(*region)) worked.Add(*region);
    }
  }
  std::vector<Region> out;
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    if (worked.Contains(static_cast<Region>(i))) out.push_back(static_cast<Region>(i));
  }
  return out;
}

void Seeder::RecordConsent(const PatientStory& p) {
  if (p.cast->consent == CastConsent::kNotRecorded) return;
  store::ConsentRecord entry;
  entry.clinic_id = clinic_;
  entry.patient_id = p.patient_id;
  entry.treatment = true;
  entry.form = p.cast->consent == CastConsent::kVerbal ? "verbal" : "written";
  json areas = json::array();
  std::string labels;
  const std::vector<Region> sensitive = SensitiveAreasOf(p);
  for (std::size_t i = 0; i < sensitive.size(); ++i) {
    areas.push_back(std::string(Name(sensitive[i])));
    labels += (i == 0                      ? ""
               : i + 1 == sensitive.size() ? " and "
                                           : ", ") +
              api::AreaInSentence(sensitive[i], k_);
  }
  entry.areas_json = areas.dump();
  entry.note = labels.empty()
                   ? "Assessment and treatment explained; agrees to hands-on work."
                   : "Plan explained, with draping; agrees to work on the " + labels + ".";
  entry.recorded_by = p.therapist;
  // After the plan is explained (approved at +35 min), before the first session.
  entry.recorded_at = FormatUtc(At(p, 0, p.hour, 40));
  const store::ConsentRecord stored = Take(db_.AppendConsent(entry));
  ++report_.consents;
  Audit("consent", stored.id, p.patient_id,
        "demo " + entry.form + " consent to treatment" +
            (labels.empty() ? "" : ", including the " + labels));
}

}  // namespace sciaticare::demo
