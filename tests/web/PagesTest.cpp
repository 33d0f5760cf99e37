// The HTML side of the real server: forms with CSRF protection, errors beside fields, languages.
#include <gtest/gtest.h>

#include "sample/SampleLoader.h"
#include "support/TestServer.h"

using namespace confpress;
using cptest::Client;
using cptest::HttpResult;

namespace {
bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}
}  // namespace

class PagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sample::loadSample(server.runtime().db, CONFPRESS_SOURCE_DIR "/samples/binhduong");
  }
  cptest::TestServer server;
  Client browser{server.port()};
};

TEST_F(PagesTest, HomeListsConferencesInVietnameseByDefault) {
  HttpResult home = browser.get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_EQ(home.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_TRUE(contains(home.body, "<html lang=\"vi\">"));
  EXPECT_TRUE(contains(home.body, "class=\"conference-list\""));
  EXPECT_TRUE(contains(home.body, "Xây dựng chính quyền số tỉnh Bình Dương – Lý luận và thực tiễn"));
  EXPECT_TRUE(contains(home.body, "Đô thị thông minh"));
  EXPECT_TRUE(contains(home.headers["content-security-policy"], "default-src 'self'"));
  HttpResult english = browser.request("GET", "/", "", "", {{"Accept-Language", "en-GB,en;q=0.9,vi;q=0.5"}});
  EXPECT_TRUE(contains(english.body, "<html lang=\"en\">"));
  EXPECT_TRUE(contains(english.body, "Building digital government in Bình Dương province"));
}

TEST_F(PagesTest, SignInThroughTheFormWithCsrfProtection) {
  HttpResult form = browser.get("/signin?next=/c/binhduong-2022");
  ASSERT_EQ(form.status, 200);
  const std::string csrf = cptest::inputValue(form.body, "csrf");
  ASSERT_EQ(csrf.size(), 43u) << form.body;
  ASSERT_EQ(browser.cookies["cp_csrf"], csrf);

  // Without the token (a cross-site post), nothing happens.
  HttpResult forged =
      browser.postForm("/signin", {{"email", "admin@confpress.example"}, {"password", "binhduong-2022"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_FALSE(browser.cookies.count("cp_session"));

  HttpResult wrong = browser.postForm(
      "/signin", {{"csrf", csrf}, {"email", "admin@confpress.example"}, {"password", "sai mật khẩu"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_TRUE(contains(wrong.body, "role=\"alert\"")) << wrong.body;
  EXPECT_TRUE(contains(wrong.body, "value=\"admin@confpress.example\""));  // the e-mail is kept

  HttpResult ok = browser.postForm("/signin", {{"csrf", csrf},
                                               {"email", "admin@confpress.example"},
                                               {"password", "binhduong-2022"},
                                               {"next", "/c/binhduong-2022"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.headers["location"], "/c/binhduong-2022");
  ASSERT_TRUE(browser.cookies.count("cp_session"));
  HttpResult page = browser.get("/c/binhduong-2022");
  EXPECT_TRUE(contains(page.body, "class=\"user-name\">Lâm Thị Ngọc Hân<")) << page.body;
  EXPECT_TRUE(contains(page.body, "Trường Chính trị tỉnh Bình Dương"));

  HttpResult out = browser.postForm("/signout", {{"csrf", csrf}});
  EXPECT_EQ(out.status, 303);
  EXPECT_FALSE(browser.cookies.count("cp_session"));
  EXPECT_FALSE(contains(browser.get("/").body, "class=\"user-name\""));
}

TEST_F(PagesTest, OpenRedirectsAreRefused) {
  const std::string csrf = cptest::inputValue(browser.get("/signin").body, "csrf");
  HttpResult r = browser.postForm("/signin", {{"csrf", csrf},
                                              {"email", "admin@confpress.example"},
                                              {"password", "binhduong-2022"},
                                              {"next", "//evil.example/"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.headers["location"], "/");
}

TEST_F(PagesTest, SignUpShowsEachErrorBesideItsFieldAndKeepsTheValues) {
  const std::string csrf = cptest::inputValue(browser.get("/signup").body, "csrf");
  HttpResult bad = browser.postForm("/signup", {{"csrf", csrf},
                                                {"email", "moi@tdmu.example"},
                                                {"password", "ngắn"},
                                                {"family_name", "Đỗ"},
                                                {"given_name", "Minh Châu"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "id=\"password-error\"")) << bad.body;
  EXPECT_TRUE(contains(bad.body, "value=\"Đỗ\""));
  EXPECT_TRUE(contains(bad.body, "value=\"Minh Châu\""));

  HttpResult taken = browser.postForm("/signup", {{"csrf", csrf},
                                                  {"email", "admin@confpress.example"},
                                                  {"password", "đủ dài rồi nhé"},
                                                  {"family_name", "Đỗ"},
                                                  {"given_name", "Minh Châu"}});
  EXPECT_EQ(taken.status, 409);
  EXPECT_TRUE(contains(taken.body, "id=\"email-error\""));

  HttpResult ok = browser.postForm("/signup", {{"csrf", csrf},
                                               {"email", "moi@tdmu.example"},
                                               {"password", "đủ dài rồi nhé"},
                                               {"family_name", "Đỗ"},
                                               {"given_name", "Minh Châu"}});
  EXPECT_EQ(ok.status, 303);
  HttpResult home = browser.get("/");
  EXPECT_TRUE(contains(home.body, "Đỗ Minh Châu"));
  EXPECT_TRUE(contains(home.body, "class=\"flash")) << "no welcome message";
}

TEST_F(PagesTest, LanguageSwitchAndStaticFiles) {
  HttpResult sw = browser.get("/lang/en?next=/signin");
  EXPECT_EQ(sw.status, 303);
  EXPECT_EQ(sw.headers["location"], "/signin");
  EXPECT_TRUE(contains(browser.get("/signin").body, "<html lang=\"en\">"));
  EXPECT_EQ(browser.get("/lang/fr").status, 404);
  HttpResult css = browser.get("/static/style.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.headers["content-type"], "text/css; charset=utf-8");
  EXPECT_EQ(browser.get("/static/..%2Fi18n%2Fvi.json").status, 404);
  HttpResult missing = browser.get("/c/khong-co");
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(contains(missing.body, "<html"));
}
