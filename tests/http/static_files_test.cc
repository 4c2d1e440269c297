// The web application's files served from the binary: index.html for client
// routes, hashed assets cached for a year, ETag revalidation, gzip for clients
// that accept it, API paths left to the API, and the page a binary built
// without web/dist answers.
#include "http/static_files.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

namespace sciaticare {
namespace {

using http::EmbeddedFile;
using http::Request;
using http::Response;

constexpr std::array<EmbeddedFile, 3> kFiles = {{
    {"/index.html", "<!doctype html><title>app</title>", "GZ-INDEX", "aaaa1111"},
    {"/assets/index-abc123.js", "console.log(1)", "GZ-JS", "bbbb2222"},
    {"/favicon.png", "PNG", "", "cccc3333"},
}};

Request Get(std::string path, std::map<std::string, std::string> headers = {}) {
  Request r;
  r.method = "GET";
  r.path = std::move(path);
  r.headers = std::move(headers);
  return r;
}

std::string Header(const Response& r, const std::string& name) {
  auto it = r.headers.find(name);
  return it == r.headers.end() ? "" : it->second;
}

TEST(StaticFilesTest, RootAndClientRoutesAnswerIndexHtmlRevalidated) {
  for (const char* path : {"/", "/index.html", "/patients", "/patients/7/intake"}) {
    Response r = http::ServeStaticFile(kFiles, Get(path));
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body, "<!doctype html><title>app</title>") << path;
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8") << path;
    EXPECT_EQ(Header(r, "Cache-Control"), "no-cache") << path;
    EXPECT_EQ(Header(r, "ETag"), "\"aaaa1111\"") << path;
    EXPECT_NE(Header(r, "Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  }
}

TEST(StaticFilesTest, HashedAssetsAreImmutableWithTheirType) {
  Response r = http::ServeStaticFile(kFiles, Get("/assets/index-abc123.js"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "console.log(1)");
  EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Header(r, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(Header(r, "Vary"), "Accept-Encoding");
}

TEST(StaticFilesTest, GzipOnlyWhenAcceptedAndWithItsOwnEtag) {
  Response gz = http::ServeStaticFile(
      kFiles, Get("/assets/index-abc123.js", {{"accept-encoding", "br, gzip, deflate"}}));
  EXPECT_EQ(gz.body, "GZ-JS");
  EXPECT_EQ(Header(gz, "Content-Encoding"), "gzip");
  EXPECT_EQ(Header(gz, "ETag"), "\"bbbb2222-gz\"");

  Response refused = http::ServeStaticFile(
      kFiles, Get("/assets/index-abc123.js", {{"accept-encoding", "gzip;q=0"}}));
  EXPECT_EQ(refused.body, "console.log(1)");
  EXPECT_EQ(Header(refused, "Content-Encoding"), "");

  Response none = http::ServeStaticFile(kFiles, Get("/favicon.png", {{"accept-encoding", "gzip"}}));
  EXPECT_EQ(none.body, "PNG");  // No compressed copy: not worth it for this file.
  EXPECT_EQ(none.content_type, "image/png");
  EXPECT_EQ(Header(none, "Content-Encoding"), "");
}

TEST(StaticFilesTest, MatchingIfNoneMatchAnswers304WithoutBody) {
  Response r = http::ServeStaticFile(kFiles, Get("/", {{"if-none-match", "\"aaaa1111\""}}));
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.body.empty());
  Response gz = http::ServeStaticFile(
      kFiles, Get("/", {{"if-none-match", "\"aaaa1111\""}, {"accept-encoding", "gzip"}}));
  EXPECT_EQ(gz.status, 200) << "the gzip variant has another ETag";
  EXPECT_EQ(gz.body, "GZ-INDEX");
}

TEST(StaticFilesTest, MissingFilesAre404NotIndexHtml) {
  EXPECT_EQ(http::ServeStaticFile(kFiles, Get("/assets/index-gone.js")).status, 404);
  EXPECT_EQ(http::ServeStaticFile(kFiles, Get("/robots.txt")).status, 404);
}

TEST(StaticFilesTest, ApiPathsStayJsonErrorsAndWritesAreRefused) {
  Response api = http::ServeStaticFile(kFiles, Get("/api/v1/nothing-here"));
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.content_type, "application/json");
  EXPECT_NE(api.body.find("no such resource"), std::string::npos);

  Request post = Get("/patients");
  post.method = "POST";
  EXPECT_EQ(http::ServeStaticFile(kFiles, post).status, 405);
}

TEST(StaticFilesTest, WithoutABuiltWebAppEveryPageSaysSo) {
  Response r = http::ServeStaticFile({}, Get("/"));
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("web application was not built"), std::string::npos);
  EXPECT_EQ(http::ServeStaticFile({}, Get("/patients")).body, r.body);
  EXPECT_EQ(http::ServeStaticFile({}, Get("/api/v1/x")).status, 404);
}

TEST(StaticFilesTest, RouterFallsBackToTheFilesOnlyForUnknownPaths) {
  http::Router router;
  router.Add("GET", "/api/v1/thing", [](Request&) { return Response::Json(200, "{}"); });
  http::AddStaticFiles(router, kFiles);
  Request api = Get("/api/v1/thing");
  EXPECT_EQ(router.Dispatch(api).body, "{}");
  Request wrong_method = Get("/api/v1/thing");
  wrong_method.method = "DELETE";
  EXPECT_EQ(router.Dispatch(wrong_method).status, 405);
  Request page = Get("/today");
  EXPECT_EQ(router.Dispatch(page).content_type, "text/html; charset=utf-8");
}

TEST(StaticFilesTest, ContentTypesByExtension) {
  EXPECT_EQ(http::ContentTypeFor("/a/b.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(http::ContentTypeFor("/x.svg"), "image/svg+xml");
  EXPECT_EQ(http::ContentTypeFor("/x.woff2"), "font/woff2");
  EXPECT_EQ(http::ContentTypeFor("/dir.v2/file"), "application/octet-stream");
}

TEST(StaticFilesTest, TheEmbeddedBuildHasAnIndexWhenItHasAnything) {
  auto files = http::EmbeddedWebFiles();
  if (files.empty()) GTEST_SKIP() << "web/dist was not built into this binary";
  bool index = false;
  for (const EmbeddedFile& f : files) {
    index = index || f.path == "/index.html";
    EXPECT_FALSE(f.etag.empty()) << f.path;
    if (!f.gzip.empty()) {
      EXPECT_LT(f.gzip.size(), f.data.size()) << f.path;
    }
  }
  EXPECT_TRUE(index);
}

}  // namespace
}  // namespace sciaticare
