#include "knowledge/file_loader.h"

namespace sciaticare::loading {

void FileLoader::Fail(const std::string& field, const std::string& what) const {
  throw DataError{file_ + ": " + field, what};
}

const json& FileLoader::At(const json& obj, const char* key, const std::string& path) const {
  if (!obj.is_object() || !obj.contains(key)) Fail(path + "." + key, "missing");
  return obj[key];
}

std::string FileLoader::Str(const json& obj, const char* key, const std::string& path) const {
  const json& v = At(obj, key, path);
  if (!v.is_string()) Fail(path + "." + key, "must be a string");
  return v.get<std::string>();
}

std::string FileLoader::OptStr(const json& obj, const char* key) const {
  return obj.contains(key) && obj[key].is_string() ? obj[key].get<std::string>() : "";
}

int FileLoader::Int(const json& obj, const char* key, const std::string& path) const {
  const json& v = At(obj, key, path);
  if (!v.is_number_integer()) Fail(path + "." + key, "must be a whole number");
  return v.get<int>();
}

// An optional "same_day": true. Only an urgent referral can be same-day, and
// only when urgencies.urgent gives the same-day wording to show.
bool FileLoader::SameDay(const json& obj, Urgency urgency, const std::string& path) const {
  if (!obj.contains("same_day")) return false;
  if (!obj["same_day"].is_boolean()) Fail(path + ".same_day", "must be true or false");
  if (!obj["same_day"].get<bool>()) return false;
  if (urgency != Urgency::kUrgent)
    Fail(path + ".same_day", "only an urgent referral can be same-day");
  if (k_.urgencies[static_cast<std::size_t>(Urgency::kUrgent)].same_day_action.empty()) {
    Fail(path + ".same_day", "urgencies.urgent has no same_day_action");
  }
  return true;
}

Region FileLoader::RegionOf(const json& v, const std::string& path) const {
  auto r = v.is_string() ? ParseRegion(v.get<std::string>()) : std::nullopt;
  if (!r) Fail(path, "unknown region " + v.dump());
  return *r;
}

Technique FileLoader::TechniqueOf(const json& v, const std::string& path) const {
  auto t = v.is_string() ? ParseTechnique(v.get<std::string>()) : std::nullopt;
  if (!t) Fail(path, "unknown technique " + v.dump());
  return *t;
}

Activity FileLoader::ActivityOf(const json& v, const std::string& path) const {
  auto a = v.is_string() ? ParseActivity(v.get<std::string>()) : std::nullopt;
  if (!a) Fail(path, "unknown activity " + v.dump());
  return *a;
}

RegionSet FileLoader::RegionList(const json& v, const std::string& path) const {
  if (!v.is_array()) Fail(path, "must be a list of regions");
  RegionSet set;
  for (std::size_t i = 0; i < v.size(); ++i)
    set.Add(RegionOf(v[i], path + "[" + std::to_string(i) + "]"));
  return set;
}

// A region list, or the name of a set from regions.json.
RegionSet FileLoader::RegionsOrSet(const json& v, const std::string& path) const {
  if (v.is_string()) {
    auto it = loading_.region_sets.find(v.get<std::string>());
    if (it == loading_.region_sets.end()) Fail(path, "unknown region set " + v.dump());
    return it->second;
  }
  return RegionList(v, path);
}

int FileLoader::EvidenceOf(const json& v, const std::string& path) const {
  int i = v.is_string() ? k_.FindEvidence(v.get<std::string>()) : -1;
  if (i < 0) Fail(path, "unknown evidence id " + v.dump());
  return i;
}

Urgency FileLoader::UrgencyOf(const json& v, const std::string& path) const {
  std::string s = v.is_string() ? v.get<std::string>() : "";
  if (s == "note") return Urgency::kNote;
  if (s == "routine_gp") return Urgency::kRoutineGp;
  if (s == "urgent") return Urgency::kUrgent;
  if (s == "emergency") return Urgency::kEmergency;
  Fail(path, "unknown urgency " + v.dump());
}

}  // namespace sciaticare::loading
