// UTC times as the product writes them, "YYYY-MM-DDTHH:MM:SSZ", and dates,
// "YYYY-MM-DD": which texts are such, and their seconds since the Unix epoch.
// One parser and one formatter for the whole product; pure, no clock (the
// shell reads the clock and passes "now" in).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sciaticare {

// "YYYY-MM-DDTHH:MM:SSZ", a real calendar date and time.
bool IsUtcTime(std::string_view s);
// "YYYY-MM-DD", a real calendar date.
bool IsDate(std::string_view s);
// Seconds since the Unix epoch of a time IsUtcTime accepts; nullopt for any other text.
std::optional<std::int64_t> UtcSeconds(std::string_view s);
// The UTC time `since_epoch` seconds after the Unix epoch, in the form IsUtcTime accepts.
std::string FormatUtc(std::int64_t since_epoch);

}  // namespace sciaticare
