// Opens the Store a --db URL names: "sqlite:PATH" (PATH may be relative) or a
// libpq URL "postgresql://user:password@host:port/dbname" ("postgres://" too).
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace sciaticare {

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& url);

}  // namespace sciaticare
