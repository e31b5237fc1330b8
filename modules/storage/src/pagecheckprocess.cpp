#include "kasp/storage/pagecheckprocess.h"

#include "kasp/storage/damagecheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QProcess>

Q_LOGGING_CATEGORY(lcPageCheck, "kasp.storage")

namespace kasp::storage {

namespace {
constexpr int kClean = 0;
constexpr int kDamaged = 1;
constexpr int kFailed = 2;
const QByteArray kRaw = QByteArrayLiteral("raw:");
const QByteArray kPassphrase = QByteArrayLiteral("passphrase:");
} // namespace

QByteArray pageCheckKeyLine(const DatabaseKey &key)
{
    switch (key.kind()) {
    case DatabaseKey::Kind::Raw:
        return kRaw + key.toHex().toLatin1() + '\n';
    case DatabaseKey::Kind::Passphrase:
        // Base64: a passphrase may hold any character, a newline included.
        return kPassphrase + key.sqlcipherKeySpec().toUtf8().toBase64() + '\n';
    case DatabaseKey::Kind::None:
        break;
    }
    return {};
}

Result<DatabaseKey> pageCheckKeyFromLine(const QByteArray &line)
{
    const QByteArray text = line.trimmed();
    if (text.startsWith(kRaw))
        return DatabaseKey::fromHex(QString::fromLatin1(text.mid(kRaw.size())));
    if (text.startsWith(kPassphrase))
        return DatabaseKey::fromPassphrase(
            QString::fromUtf8(QByteArray::fromBase64(text.mid(kPassphrase.size()))));
    return Error{QStringLiteral("pagecheck.no_key"), QStringLiteral("no key on the standard input")};
}

int runPageCheck(const QString &path, const QByteArray &keyLine)
{
    auto key = pageCheckKeyFromLine(keyLine);
    if (!key.ok()) {
        qCCritical(lcPageCheck).noquote() << "page check:" << key.error().message;
        return kFailed;
    }
    const QString connection = QStringLiteral("kasp-pagecheck");
    Status checked;
    {
        auto db = ConnectionFactory::open({path, key.value(), connection, false, false});
        if (!db.ok()) {
            qCCritical(lcPageCheck).noquote() << "page check: cannot open" << path << db.error().code;
            return db.error().code == QLatin1String("storage.corrupt") ? kDamaged : kFailed;
        }
        checked = checkPages(db.value());
    }
    ConnectionFactory::close(connection);
    if (checked.ok())
        return kClean;
    if (checked.error().code == QLatin1String("storage.corrupt"))
        return kDamaged;
    qCCritical(lcPageCheck).noquote() << "page check failed:" << checked.error().code;
    return kFailed;
}

PageCheckProcess::PageCheckProcess(QObject *parent) : QObject(parent) {}

PageCheckProcess::~PageCheckProcess()
{
    stop();
}

QString PageCheckProcess::defaultProgram()
{
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("kasp-pagecheck.exe");
#else
    const QString name = QStringLiteral("kasp-pagecheck");
#endif
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

bool PageCheckProcess::start(const QString &program, const OpenOptions &database)
{
    stop();
    const QByteArray keyLine = pageCheckKeyLine(database.key);
    if (keyLine.isEmpty())
        return false;
    auto *process = new QProcess(this);
    // Its log lines (the first damaged pages) go to kasp's log; it prints nothing else.
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->setStandardOutputFile(QProcess::nullDevice());
    connect(process, &QProcess::finished, this,
            [this](int code, QProcess::ExitStatus status) { onFinished(code, int(status)); });
    m_timer.start();
    process->start(program, {database.path});
    if (!process->waitForStarted(10'000)) {
        qCWarning(lcPageCheck).noquote() << "page check: cannot start" << program << process->errorString();
        delete process;
        return false;
    }
    // The key, then the pipe stays open: its end tells the child that kasp is gone.
    process->write(keyLine);
    m_process = process;
    return true;
}

bool PageCheckProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 PageCheckProcess::processId() const
{
    return isRunning() ? m_process->processId() : 0;
}

void PageCheckProcess::stop()
{
    QProcess *process = m_process.data();
    if (!process)
        return;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->kill(); // SIGKILL: quick_check ends with the process, whatever page it is on
        process->waitForFinished(5000);
        qCInfo(lcPageCheck) << "page check stopped after" << m_timer.elapsed() << "ms";
    }
    delete process;
}

void PageCheckProcess::onFinished(int exitCode, int exitStatus)
{
    const qint64 elapsed = m_timer.elapsed();
    if (m_process)
        m_process->deleteLater();
    m_process = nullptr;
    Outcome outcome = Outcome::Failed;
    if (exitStatus == QProcess::NormalExit && exitCode == kClean)
        outcome = Outcome::Clean;
    else if (exitStatus == QProcess::NormalExit && exitCode == kDamaged)
        outcome = Outcome::Damaged;
    emit finished(outcome, elapsed);
}

} // namespace kasp::storage
