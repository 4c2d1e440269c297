// The demo clinic's random numbers: SplitMix64 from a fixed seed. Tiny, and
// unlike <random>'s distributions it gives the same numbers with every
// standard library, so the same seed always seeds the same clinic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sciaticare::demo {

class DemoRng {
 public:
  explicit DemoRng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // A whole number in [lo, hi].
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool Chance(int percent) { return Between(1, 100) <= percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(Between(0, static_cast<int>(items.size()) - 1))];
  }

 private:
  std::uint64_t state_;
};

}  // namespace sciaticare::demo
