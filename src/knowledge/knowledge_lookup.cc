#include "knowledge/knowledge.h"

namespace sciaticare {
namespace {

template <typename Items>
int FindById(const Items& items, std::string_view id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

int Knowledge::FindRedFlag(std::string_view id) const { return FindById(red_flags, id); }
int Knowledge::FindCondition(std::string_view id) const { return FindById(conditions, id); }
const InstrumentDef* Knowledge::FindInstrument(std::string_view id) const {
  int i = FindById(instruments, id);
  return i < 0 ? nullptr : &instruments[static_cast<std::size_t>(i)];
}

int Knowledge::FindEvidence(std::string_view id) const { return FindById(evidence, id); }

}  // namespace sciaticare
