#pragma once
// The HTTP service: a Poco HTTPServer on a pool of worker threads, routing every request through one
// dispatcher that resolves the route, maps failures to answers (web/ErrorResponse) and writes the access
// log. start() binds (port 0 picks a free one); stop() stops accepting and lets running requests finish.
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <memory>
#include <string>

#include "web/Router.h"
#include "web/Services.h"

namespace confpress::web {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                // 0 picks a free port
  int threads = 16;               // requests served at once
  int queueLength = 256;          // accepted connections waiting for a thread
  int keepAliveSeconds = 5;       // idle time before a kept-alive connection is closed
  int socketTimeoutSeconds = 30;  // a client that sends nothing for this long is dropped
  bool accessLog = true;          // one line per request on standard error
};

class HttpServer {
 public:
  HttpServer(Services& services, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds the listening socket (port() is known from then on); start() does it if not yet done.
  void bind();
  /// Starts serving requests.
  void start();
  /// Stops accepting, waits for running requests (at most `graceSeconds`), then closes.
  void stop(int graceSeconds = 10);

  int port() const { return port_; }
  std::string url() const { return "http://" + options_.host + ":" + std::to_string(port_); }

 private:
  Services& services_;
  ServerOptions options_;
  Router router_;
  Poco::ThreadPool pool_;
  std::unique_ptr<Poco::Net::ServerSocket> socket_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  int port_ = 0;
};

}  // namespace confpress::web
