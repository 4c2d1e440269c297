#include "core/vocabulary.h"

#include <algorithm>

namespace sciaticare {
namespace {

constexpr std::array<std::string_view, kRegionCount> kRegionNames = {
    "lower_back",    "sacrum",          "buttock",      "hip",     "groin",     "anterior_thigh",
    "lateral_thigh", "posterior_thigh", "knee",         "shin",    "calf",      "ankle",
    "foot_top",      "foot_sole",       "foot_lateral", "big_toe", "little_toe"};
constexpr std::array<std::string_view, 4> kSideNames = {"left", "right", "both", "midline"};
constexpr std::array<std::string_view, 4> kKindNames = {"pain", "numbness", "tingling", "weakness"};
constexpr std::array<std::string_view, 3> kSexNames = {"female", "male", "other"};
constexpr std::array<std::string_view, 3> kToleranceNames = {"low", "medium", "high"};
constexpr std::array<std::string_view, kTechniqueCount> kTechniqueNames = {
    "deep_tissue",    "trigger_point", "myofascial_release", "neuromuscular",
    "sports_massage", "swedish",       "self_massage"};
constexpr std::array<std::string_view, kActivityCount> kActivityNames = {
    "sitting",    "standing",          "walking",  "bending", "lifting", "twisting",
    "lying",      "coughing_sneezing", "driving",  "stairs",  "morning", "night",
    "rest",       "movement",          "exercise", "heat",    "cold",    "medication",
    "stretching", "changing_position"};

template <typename Enum, std::size_t N>
std::optional<Enum> Find(const std::array<std::string_view, N>& names, std::string_view name) {
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<Enum>(it - names.begin());
}

template <std::size_t N, typename Enum>
std::string_view At(const std::array<std::string_view, N>& names, Enum value) {
  return names[static_cast<std::size_t>(value)];
}

}  // namespace

std::string_view Name(Region r) { return At(kRegionNames, r); }
std::string_view Name(Side s) { return At(kSideNames, s); }
std::string_view Name(SymptomKind k) { return At(kKindNames, k); }
std::string_view Name(Sex s) { return At(kSexNames, s); }
std::string_view Name(PainTolerance t) { return At(kToleranceNames, t); }
std::string_view Name(Technique t) { return At(kTechniqueNames, t); }
std::string_view Name(Activity a) { return At(kActivityNames, a); }

std::optional<Region> ParseRegion(std::string_view n) { return Find<Region>(kRegionNames, n); }
std::optional<Side> ParseSide(std::string_view n) { return Find<Side>(kSideNames, n); }
std::optional<SymptomKind> ParseSymptomKind(std::string_view n) {
  return Find<SymptomKind>(kKindNames, n);
}
std::optional<Sex> ParseSex(std::string_view n) { return Find<Sex>(kSexNames, n); }
std::optional<PainTolerance> ParsePainTolerance(std::string_view n) {
  return Find<PainTolerance>(kToleranceNames, n);
}
std::optional<Technique> ParseTechnique(std::string_view n) {
  return Find<Technique>(kTechniqueNames, n);
}
std::optional<Activity> ParseActivity(std::string_view n) {
  return Find<Activity>(kActivityNames, n);
}

const std::array<std::string_view, kRegionCount>& RegionNames() { return kRegionNames; }
const std::array<std::string_view, kActivityCount>& ActivityNames() { return kActivityNames; }
const std::array<std::string_view, kTechniqueCount>& TechniqueNames() { return kTechniqueNames; }
const std::array<std::string_view, 4>& SideNames() { return kSideNames; }
const std::array<std::string_view, 4>& SymptomKindNames() { return kKindNames; }
const std::array<std::string_view, 3>& SexNames() { return kSexNames; }
const std::array<std::string_view, 3>& PainToleranceNames() { return kToleranceNames; }

bool IsLegRegion(Region r) { return r >= Region::kAnteriorThigh; }
bool IsLateralRegion(Region r) { return r >= Region::kButtock; }

}  // namespace sciaticare
