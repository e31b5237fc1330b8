#pragma once
// Common test set-up: a private temp directory per test program, QStandardPaths test mode,
// fixed locale. Call kasp::test::initTestEnvironment() from initTestCase().
#include <QString>

namespace kasp::test {

void initTestEnvironment();
// A fresh directory under the build tree's test-tmp, removed at exit unless KASP_KEEP_TMP is set.
QString makeTempDir(const QString &hint);
// The source tree (for tests/data files).
QString sourceDir();

} // namespace kasp::test
