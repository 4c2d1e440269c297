// The demo/*.json files (the demo clinic's cast), compiled into the binary by
// cmake/embed_files.cmake.
#pragma once

#include <span>
#include <string_view>
#include <utility>

namespace sciaticare {

// Every embedded file as (file name, content).
std::span<const std::pair<std::string_view, std::string_view>> EmbeddedDemoFileList();

}  // namespace sciaticare
