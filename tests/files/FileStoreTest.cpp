#include <gtest/gtest.h>

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>

#include "core/Errors.h"
#include "files/FileStore.h"
#include "support/TempDir.h"

using namespace confpress;

TEST(FileStore, StoresByContentHashOnceAndReadsBack) {
  cptest::TempDir dir;
  files::FileStore store(dir.file("files"));
  const std::string bytes = "%PDF-1.7\nnội dung\n%%EOF\n";
  files::StoredFile a = store.put(bytes);
  files::StoredFile b = store.put(bytes);
  EXPECT_EQ(a.sha256, b.sha256);
  EXPECT_EQ(a.size, bytes.size());
  EXPECT_EQ(a.sha256.size(), 64u);
  EXPECT_TRUE(store.contains(a.sha256));
  EXPECT_EQ(store.read(a.sha256), bytes);
  EXPECT_EQ(store.pathOf(a.sha256),
            dir.file("files") + "/" + a.sha256.substr(0, 2) + "/" + a.sha256.substr(2));
  // No temporary file is left behind.
  std::vector<std::string> leftovers;
  Poco::File(dir.file("files/tmp")).list(leftovers);
  EXPECT_TRUE(leftovers.empty());
}

TEST(FileStore, RefusesMalformedAndUnknownHashes) {
  cptest::TempDir dir;
  files::FileStore store(dir.file("files"));
  EXPECT_THROW(store.pathOf("../../etc/passwd"), ValidationError);
  EXPECT_THROW(store.pathOf(std::string(64, 'a')), NotFound);
  EXPECT_FALSE(store.contains("zz"));
}
