#include "files/FileStore.h"

#include <Poco/Crypto/DigestEngine.h>
#include <Poco/File.h>
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/Errors.h"
#include "core/Fd.h"

namespace confpress::files {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

void writeAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", path);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

void syncDirectory(const std::string& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY));
  if (fd.get() >= 0) ::fsync(fd.get());
}

bool isHexHash(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

FileStore::FileStore(std::string directory) : directory_(std::move(directory)) {
  Poco::File(directory_ + "/tmp").createDirectories();
}

std::string FileStore::relativePath(const std::string& sha256) const {
  if (!isHexHash(sha256)) throw ValidationError("sha256", "invalid_value", "not a SHA-256 hash: " + sha256);
  return sha256.substr(0, 2) + "/" + sha256.substr(2);
}

StoredFile FileStore::put(std::string_view bytes) {
  Poco::Crypto::DigestEngine engine("SHA256");  // OpenSSL's, with the CPU's SHA instructions
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  StoredFile stored{Poco::DigestEngine::digestToHex(engine.digest()), bytes.size()};
  const std::string finalPath = directory_ + "/" + relativePath(stored.sha256);
  if (Poco::File(finalPath).exists()) return stored;

  const std::string shard = directory_ + "/" + stored.sha256.substr(0, 2);
  Poco::File(shard).createDirectories();
  unsigned char random[8];
  randombytes_buf(random, sizeof random);
  char suffix[17];
  sodium_bin2hex(suffix, sizeof suffix, random, sizeof random);
  const std::string tempPath = directory_ + "/tmp/" + stored.sha256 + "." + suffix;
  {
    Fd fd(::open(tempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
    if (fd.get() < 0) fail("cannot create", tempPath);
    writeAll(fd.get(), bytes, tempPath);
    if (::fsync(fd.get()) != 0) fail("cannot fsync", tempPath);
  }
  if (::rename(tempPath.c_str(), finalPath.c_str()) != 0) {
    ::unlink(tempPath.c_str());
    fail("cannot rename to", finalPath);
  }
  syncDirectory(shard);
  return stored;
}

StagedFile::~StagedFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

StagedFile FileStore::stage(std::string_view bytes) const {
  unsigned char random[12];
  randombytes_buf(random, sizeof random);
  char name[25];
  sodium_bin2hex(name, sizeof name, random, sizeof random);
  const std::string path = directory_ + "/tmp/upload-" + name + ".pdf";
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (fd.get() < 0) fail("cannot create", path);
  StagedFile staged(path);
  writeAll(fd.get(), bytes, path);
  return staged;
}

bool FileStore::contains(const std::string& sha256) const {
  return isHexHash(sha256) && Poco::File(directory_ + "/" + relativePath(sha256)).exists();
}

std::string FileStore::pathOf(const std::string& sha256) const {
  std::string path = directory_ + "/" + relativePath(sha256);
  if (!Poco::File(path).exists()) throw NotFound("no stored file " + sha256);
  return path;
}

std::string FileStore::read(const std::string& sha256) const {
  std::ifstream in(pathOf(sha256), std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace confpress::files
