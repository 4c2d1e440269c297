// Paging of the Store's long lists: the window a caller asks for and the page
// it gets, with the total so a screen can show how many pages there are.
#pragma once

#include <cstdint>
#include <vector>

namespace sciaticare::store {

inline constexpr int kMaxPageSize = 500;

// A window on an ordered list: `limit` in [1, kMaxPageSize], `offset` >= 0.
struct PageRequest {
  int limit = 50;
  std::int64_t offset = 0;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;  // Matching records in all pages.
};

}  // namespace sciaticare::store
