// The public base URL: an http(s) origin is taken (tidied); anything with a
// path, query, fragment, user part or another scheme is refused.
#include "core/public_url.h"

#include <gtest/gtest.h>

namespace sciaticare {
namespace {

TEST(PublicBaseUrl, TakesAnHttpOrHttpsOriginTidied) {
  EXPECT_EQ(PublicBaseUrl("https://clinic.example.org"), "https://clinic.example.org");
  EXPECT_EQ(PublicBaseUrl("https://clinic.example.org/"), "https://clinic.example.org");
  EXPECT_EQ(PublicBaseUrl("HTTP://Clinic.Example.org:8080"), "http://clinic.example.org:8080");
  EXPECT_EQ(PublicBaseUrl("http://127.0.0.1:65535"), "http://127.0.0.1:65535");
}

TEST(PublicBaseUrl, RefusesAnythingButAnOrigin) {
  for (const char* bad :
       {"", "clinic.example.org", "ftp://clinic.example.org", "https://", "https:///",
        "https://clinic.example.org/portal", "https://clinic.example.org?x=1",
        "https://clinic.example.org#top", "https://user:pw@clinic.example.org",
        "https://clinic.example.org:0", "https://clinic.example.org:99999",
        "https://clinic.example.org:", "https://-clinic.example.org", "https://clinic example.org",
        "https://clinic.example.org//", "javascript://alert(1)"}) {
    EXPECT_EQ(PublicBaseUrl(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace sciaticare
