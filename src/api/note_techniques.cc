// A session note's work done, read and expanded per region (note_techniques.h).
#include "api/note_techniques.h"

#include "core/region_sides.h"
#include "core/vocabulary.h"

namespace sciaticare::api {
namespace {

std::string RequiredName(const json& entry, const std::string& path, const char* key) {
  if (!entry.contains(key) || !entry[key].is_string()) Reject(path + "." + key, "is required");
  return entry[key].get<std::string>();
}

// One region and side, checked: the region known, the side one it has.
json ReadTarget(const json& entry, const std::string& path, const Knowledge& k) {
  if (!entry.is_object()) Reject(path, "must be an object with a region and a side");
  const auto region = ParseRegion(RequiredName(entry, path, "region"));
  if (!region) Reject(path + ".region", "unknown region");
  const auto side = ParseSide(RequiredName(entry, path, "side"));
  if (!side) Reject(path + ".side", "must be left, right, both or midline");
  if (auto refused = SideNotOnRegion(*region, *side, k, path + ".side")) {
    Reject(refused->field, refused->message);
  }
  return {{"region", entry["region"]}, {"side", entry["side"]}};
}

json ReadTargets(const json& row, const std::string& path, const Knowledge& k) {
  const json& list = row["targets"];
  if (!list.is_array() || list.empty() || list.size() > kMaxTargetsPerRow) {
    Reject(path + ".targets",
           "must name 1 to " + std::to_string(kMaxTargetsPerRow) + " regions, each with its side");
  }
  json out = json::array();
  for (std::size_t j = 0; j < list.size(); ++j) {
    json target = ReadTarget(list[j], path + ".targets[" + std::to_string(j) + "]", k);
    for (const json& earlier : out) {
      if (earlier == target) {
        Reject(path + ".targets[" + std::to_string(j) + "]",
               "names the same region and side twice in one row");
      }
    }
    out.push_back(std::move(target));
  }
  return out;
}

int WholeNumber(const json& row, const std::string& path, const char* key, int lo, int hi) {
  if (!row.contains(key) || !row[key].is_number_integer() || row[key].get<long long>() < lo ||
      row[key].get<long long>() > hi) {
    Reject(path + "." + key,
           "must be a whole number " + std::to_string(lo) + "–" + std::to_string(hi));
  }
  return row[key].get<int>();
}

}  // namespace

json ReadTechniques(const json& body, const Knowledge& k) {
  if (!body.contains("techniques") || body["techniques"].is_null()) return json::array();
  const json& list = body["techniques"];
  if (!list.is_array() || list.size() > 40)
    Reject("techniques", "must be a list of at most 40 entries");
  json out = json::array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = "techniques[" + std::to_string(i) + "]";
    const json& row = list[i];
    if (!row.is_object()) Reject(path, "must be an object");
    if (!ParseTechnique(RequiredName(row, path, "technique")))
      Reject(path + ".technique", "unknown technique");
    if (row.contains("targets")) {
      if (row.contains("region") || row.contains("side"))
        Reject(path + ".targets", "give either targets or one region and side, not both");
      json targets = ReadTargets(row, path, k);
      out.push_back({{"technique", row["technique"]},
                     {"targets", std::move(targets)},
                     {"pressure", WholeNumber(row, path, "pressure", 1, 5)},
                     {"minutes", WholeNumber(row, path, "minutes", 1, 120)}});
      continue;
    }
    // The single-region form, stored key for key as notes always were.
    const json target = ReadTarget(row, path, k);
    out.push_back({{"technique", row["technique"]},
                   {"region", target["region"]},
                   {"side", target["side"]},
                   {"pressure", WholeNumber(row, path, "pressure", 1, 5)},
                   {"minutes", WholeNumber(row, path, "minutes", 1, 120)}});
  }
  return out;
}

std::vector<AppliedTechnique> WorkOfNote(const std::string& techniques_json) {
  std::vector<AppliedTechnique> work;
  const json rows = json::parse(techniques_json, nullptr, false);
  if (!rows.is_array()) return work;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json& row = rows[i];
    if (!row.is_object()) continue;
    const auto technique = ParseTechnique(row.value("technique", ""));
    if (!technique) continue;
    const std::string path = "techniques[" + std::to_string(i) + "]";
    const bool several = row.contains("targets") && row["targets"].is_array();
    const json targets = several ? row["targets"] : json::array({row});
    for (std::size_t j = 0; j < targets.size(); ++j) {
      const json& t = targets[j];
      if (!t.is_object()) continue;
      const auto region = ParseRegion(t.value("region", ""));
      const auto side = ParseSide(t.value("side", ""));
      if (!region || !side) continue;
      work.push_back({*technique, *region, *side, row.value("pressure", 1), path,
                      several ? path + ".targets[" + std::to_string(j) + "]" : path});
    }
  }
  return work;
}

RegionSet RegionsWorked(const std::string& techniques_json) {
  RegionSet out;
  for (const AppliedTechnique& t : WorkOfNote(techniques_json)) out.Add(t.region);
  return out;
}

}  // namespace sciaticare::api
