// The fixed vocabularies of the intake contract (regions, sides, symptom kinds,
// techniques, activities) and their public names. Names are the contract: they
// appear in intake documents, plans and the API, and never change meaning.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace sciaticare {

enum class Region : std::uint8_t {
  kLowerBack,
  kSacrum,
  kButtock,
  kHip,
  kGroin,
  kAnteriorThigh,
  kLateralThigh,
  kPosteriorThigh,
  kKnee,
  kShin,
  kCalf,
  kAnkle,
  kFootTop,
  kFootSole,
  kFootLateral,
  kBigToe,
  kLittleToe,
};
inline constexpr std::size_t kRegionCount = 17;

enum class Side : std::uint8_t { kLeft, kRight, kBoth, kMidline };
enum class SymptomKind : std::uint8_t { kPain, kNumbness, kTingling, kWeakness };
enum class Sex : std::uint8_t { kFemale, kMale, kOther };
enum class PainTolerance : std::uint8_t { kLow, kMedium, kHigh };

enum class Technique : std::uint8_t {
  kDeepTissue,
  kTriggerPoint,
  kMyofascialRelease,
  kNeuromuscular,
  kSportsMassage,
  kSwedish,
  kSelfMassage,
};
inline constexpr std::size_t kTechniqueCount = 7;

// Activities that make symptoms worse or better (aggravated_by / relieved_by).
enum class Activity : std::uint8_t {
  kSitting,
  kStanding,
  kWalking,
  kBending,
  kLifting,
  kTwisting,
  kLying,
  kCoughingSneezing,
  kDriving,
  kStairs,
  kMorning,
  kNight,
  kRest,
  kMovement,
  kExercise,
  kHeat,
  kCold,
  kMedication,
  kStretching,
  kChangingPosition,
};
inline constexpr std::size_t kActivityCount = 20;

// A set of regions as a bit mask, cheap to copy and test.
class RegionSet {
 public:
  constexpr RegionSet() = default;
  static constexpr RegionSet All() { return RegionSet((1u << kRegionCount) - 1); }
  constexpr void Add(Region r) { bits_ |= Bit(r); }
  constexpr void Remove(Region r) { bits_ &= ~Bit(r); }
  constexpr void AddAll(RegionSet other) { bits_ |= other.bits_; }
  constexpr bool Contains(Region r) const { return (bits_ & Bit(r)) != 0; }
  constexpr bool Intersects(RegionSet other) const { return (bits_ & other.bits_) != 0; }
  constexpr bool Empty() const { return bits_ == 0; }
  constexpr bool operator==(const RegionSet&) const = default;

 private:
  constexpr explicit RegionSet(std::uint32_t bits) : bits_(bits) {}
  static constexpr std::uint32_t Bit(Region r) { return 1u << static_cast<unsigned>(r); }
  std::uint32_t bits_ = 0;
};

std::string_view Name(Region r);
std::string_view Name(Side s);
std::string_view Name(SymptomKind k);
std::string_view Name(Sex s);
std::string_view Name(PainTolerance t);
std::string_view Name(Technique t);
std::string_view Name(Activity a);

// Parsers return nullopt for a name outside the vocabulary.
std::optional<Region> ParseRegion(std::string_view name);
std::optional<Side> ParseSide(std::string_view name);
std::optional<SymptomKind> ParseSymptomKind(std::string_view name);
std::optional<Sex> ParseSex(std::string_view name);
std::optional<PainTolerance> ParsePainTolerance(std::string_view name);
std::optional<Technique> ParseTechnique(std::string_view name);
std::optional<Activity> ParseActivity(std::string_view name);

// All names of a vocabulary, in enum order, for messages and documentation.
const std::array<std::string_view, kRegionCount>& RegionNames();
const std::array<std::string_view, kActivityCount>& ActivityNames();
const std::array<std::string_view, kTechniqueCount>& TechniqueNames();
const std::array<std::string_view, 4>& SideNames();
const std::array<std::string_view, 4>& SymptomKindNames();
const std::array<std::string_view, 3>& SexNames();
const std::array<std::string_view, 3>& PainToleranceNames();

// True for a region on the leg itself (thigh and below).
bool IsLegRegion(Region r);
// True for a region where the side matters (buttock, hip, groin and the leg).
bool IsLateralRegion(Region r);

}  // namespace sciaticare
