#include "kasp/testsupport/testenv.h"

#include <memory>
#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <vector>

namespace kasp::test {

namespace {
std::vector<std::unique_ptr<QTemporaryDir>> &tempDirs()
{
    static std::vector<std::unique_ptr<QTemporaryDir>> dirs;
    return dirs;
}
} // namespace

void initTestEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
}

QString makeTempDir(const QString &hint)
{
    QString base = qEnvironmentVariable("KASP_TEST_TMP", QDir::tempPath());
    QDir().mkpath(base);
    auto dir = std::make_unique<QTemporaryDir>(base + QLatin1Char('/') + hint + QStringLiteral("-XXXXXX"));
    dir->setAutoRemove(qEnvironmentVariableIsEmpty("KASP_KEEP_TMP"));
    QString path = dir->path();
    tempDirs().push_back(std::move(dir));
    return path;
}

QString sourceDir()
{
    return qEnvironmentVariable("KASP_SOURCE_DIR", QStringLiteral(KASP_SOURCE_DIR_FALLBACK));
}

} // namespace kasp::test
