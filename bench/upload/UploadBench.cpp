// Upload + preflight throughput on loopback: the real HTTP server (in this process, on 127.0.0.1), a
// conference, many authors, and C concurrent clients that each create submissions and upload a PDF
// (default 2,000 submissions of 2 MB and 10 pages from 100 clients). Prints uploads/s, p50/p99 latency of
// the uploads, failures, 5xx answers and lost versions (uploads answered 201 but not stored).
//   confpress_bench_upload [--submissions N] [--clients C] [--mb M] [--pages P] [--worker PATH]
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/Runtime.h"
#include "support/MiniPdf.h"
#include "support/TempDir.h"
#include "support/TestRuntime.h"
#include "web/HttpServer.h"

using namespace confpress;
using Clock = std::chrono::steady_clock;

namespace {

struct Answer {
  int status = 0;
  std::string body;
};

Answer call(int port, const std::string& method, const std::string& path, const std::string& body,
            const std::string& type, const std::string& token) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  session.setTimeout(Poco::Timespan(120, 0));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType(type);
  request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  if (!token.empty()) request.set("Authorization", "Bearer " + token);
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  Answer a;
  Poco::StreamCopier::copyToString(session.receiveResponse(response), a.body);
  a.status = static_cast<int>(response.getStatus());
  return a;
}

int option(int argc, char** argv, const std::string& name, int fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (argv[i] == "--" + name) return std::stoi(argv[i + 1]);
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const int submissions = option(argc, argv, "submissions", 2000),
            clients = option(argc, argv, "clients", 100);
  const int megabytes = option(argc, argv, "mb", 2), pages = option(argc, argv, "pages", 10);

  cptest::TempDir dir;
  app::Config config = cptest::testConfig(dir);
  config.preflight.timeLimitSeconds = preflight::SandboxOptions{}.timeLimitSeconds;  // production's limit
  config.server.port = 0;
  config.server.threads = 32;
  config.server.accessLog = false;
  app::Runtime runtime(config);
  runtime.migrate();
  web::Services services = runtime.webServices("http://127.0.0.1");
  web::HttpServer server(services, config.server);
  server.bind();
  server.start();
  const int port = server.port();

  // A conference and one account per client (the accounts are made directly: Argon2id is not measured).
  auth::Origin origin{"127.0.0.1", "bench", std::nullopt};
  auto newAccount = [&](const std::string& email, bool admin) {
    auth::NewAccount a;
    a.email = email;
    a.password = "bench password 123";
    a.familyName = "Nguyễn";
    a.givenName = "Văn Bình";
    a.affiliation = "Trường Đại học Thủ Dầu Một";
    runtime.accounts.registerAccount(a, origin, admin);
    return runtime.sessions.signIn(email, "bench password 123", origin).token;
  };
  const std::string adminToken = newAccount("admin@bench.example", true);
  Answer conference = call(port, "POST", "/api/v1/conferences",
                           R"({"slug":"bench","title":"Hội thảo đo tải","timezone":"Asia/Ho_Chi_Minh",
                               "rules":{"max_pdf_mb":20,"max_pages":30,"blind":"single"}})",
                           "application/json", adminToken);
  if (conference.status != 201) {
    std::cerr << "cannot create the conference: " << conference.body << "\n";
    return 1;
  }
  std::vector<std::string> tokens;
  for (int c = 0; c < clients; ++c)
    tokens.push_back(newAccount("author" + std::to_string(c) + "@bench.example", false));
  std::vector<std::string> pdfs;
  for (int i = 0; i < 8; ++i)
    pdfs.push_back(cptest::miniPdf({.pages = pages,
                                    .padBytes = static_cast<size_t>(megabytes) << 20,
                                    .padSeed = static_cast<unsigned>(i + 1)}));
  std::printf("setup: %d clients, PDF of %zu bytes and %d pages\n", clients, pdfs[0].size(), pages);

  std::atomic<int> next{0}, failures{0}, serverErrors{0}, stored{0};
  std::mutex latencyMutex;
  std::vector<double> latencies;
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      const std::string email = "author" + std::to_string(c) + "@bench.example";
      for (int i; (i = next++) < submissions;) {
        try {
          Answer made =
              call(port, "POST", "/api/v1/conferences/bench/submissions",
                   R"({"title":"Bài số )" + std::to_string(i) + R"(","abstract":"Tóm tắt.","authors":[
                                 {"family_name":"Nguyễn","given_name":"Văn Bình","email":")" +
                       email + R"("}]})",
                   "application/json", tokens[c]);
          if (made.status >= 500) ++serverErrors;
          if (made.status != 201) {
            ++failures;
            continue;
          }
          const int id =
              Poco::JSON::Parser().parse(made.body).extract<Poco::JSON::Object::Ptr>()->getValue<int>("id");
          const auto t0 = Clock::now();
          Answer up =
              call(port, "PUT", "/api/v1/conferences/bench/submissions/" + std::to_string(id) + "/pdf",
                   pdfs[static_cast<size_t>(i) % pdfs.size()], "application/pdf", tokens[c]);
          const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
          if (up.status >= 500) ++serverErrors;
          if (up.status != 201) {
            ++failures;
            std::fprintf(stderr, "upload %d: %d %s\n", i, up.status, up.body.substr(0, 200).c_str());
            continue;
          }
          ++stored;
          std::lock_guard<std::mutex> lock(latencyMutex);
          latencies.push_back(seconds);
        } catch (const std::exception& e) {
          ++failures;
          std::fprintf(stderr, "request %d failed: %s\n", i, e.what());
        }
      }
    });
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();

  int versions = 0;
  {
    Poco::Data::Session s = runtime.db.session();
    s << "SELECT COUNT(*) FROM submission_versions", Poco::Data::Keywords::into(versions),
        Poco::Data::Keywords::now;
  }
  server.stop();
  std::sort(latencies.begin(), latencies.end());
  const auto percentile = [&](double p) {
    return latencies.empty()
               ? 0.0
               : latencies[std::min(latencies.size() - 1, static_cast<size_t>(p * latencies.size()))];
  };
  std::printf("submissions %d\nclients %d\nseconds %.2f\nuploads_per_second %.1f\n", submissions, clients,
              elapsed, stored / elapsed);
  std::printf("upload_p50_ms %.0f\nupload_p99_ms %.0f\nupload_max_ms %.0f\n", percentile(0.5) * 1000,
              percentile(0.99) * 1000, latencies.empty() ? 0.0 : latencies.back() * 1000);
  std::printf("failures %d\nserver_errors %d\nlost %d\n", failures.load(), serverErrors.load(),
              stored.load() - versions);
  return failures == 0 && serverErrors == 0 && stored == versions ? 0 : 1;
}
