#include "damageguard.h"

#include "kasp/storage/damagecheck.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QVariant>

Q_LOGGING_CATEGORY(lcDamageGuard, "kasp.app")

namespace kasp::app {

namespace {

QString whatToDo(bool canRebuild)
{
    return canRebuild
               ? DamageGuard::tr("Rebuild it from the server: this desk's changes that have not been sent "
                                 "yet are kept, the damaged file is kept aside. Or restore the database "
                                 "from a backup copy. Technical details are in the log.")
               : DamageGuard::tr("Restore the database from a backup copy. If this desk works with a "
                                 "sync server, connect it (Server → Connect to server…) and rebuild the "
                                 "database from there. Technical details are in the log.");
}

QMessageBox *damagedBox(QWidget *parent)
{
    // What happened here; what to do goes in the informative text below it.
    auto *box = new QMessageBox(QMessageBox::Critical, DamageGuard::tr("The database is damaged"),
                                DamageGuard::tr("Part of the data in the database file cannot be read: the "
                                                "file is damaged. Lists and counts may be incomplete."),
                                QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("databaseDamaged"));
    return box;
}

} // namespace

DamageGuard::DamageGuard(QSqlDatabase db, bool canRebuild, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_canRebuild(canRebuild)
{
    storage::watchDamage(m_db, this, [this](const QString &detail) { onDamage(detail); });
    connect(&m_check, &storage::PageCheckProcess::finished, this,
            [this](storage::PageCheckProcess::Outcome outcome, qint64 ms) {
                const bool damaged = outcome == storage::PageCheckProcess::Outcome::Damaged;
                qCInfo(lcDamageGuard).noquote() << "page check (background):" << ms << "ms,"
                                                << QVariant::fromValue(outcome).toString().toLower();
                emit backgroundCheckFinished(damaged);
                if (damaged)
                    tellOnce();
            });
}

DamageGuard::~DamageGuard()
{
    m_check.stop();
}

qint64 DamageGuard::checkNowBytes()
{
    bool ok = false;
    const qint64 bytes = qEnvironmentVariable("KASP_PAGE_CHECK_NOW_BYTES").toLongLong(&ok);
    return ok && bytes >= 0 ? bytes : kCheckNowBytes;
}

void DamageGuard::onDamage(const QString &detail)
{
    qCCritical(lcDamageGuard).noquote() << "the database is damaged:" << detail;
    tellOnce();
}

void DamageGuard::tellOnce()
{
    if (m_told)
        return;
    if (m_holding)
        m_pending = true;
    else
        tell();
}

void DamageGuard::showIn(QWidget *window)
{
    m_window = window;
    m_holding = false;
    if (std::exchange(m_pending, false))
        tellOnce();
}

storage::ConnectionOpener DamageGuard::watching(storage::ConnectionOpener opener)
{
    return [self = QPointer<DamageGuard>(this), opener = std::move(opener)](const QString &name) {
        auto db = opener(name);
        if (DamageGuard *guard = self.data(); db.ok() && guard)
            // Queued to the guard's thread; the connection ends with the guard or the driver.
            storage::watchDamage(db.value(), guard,
                                 [guard](const QString &detail) { guard->onDamage(detail); });
        return db;
    };
}

Status DamageGuard::checkNow()
{
    return storage::checkPages(m_db);
}

bool DamageGuard::checkInBackground(const storage::OpenOptions &database, const QString &program)
{
    if (m_check.isRunning())
        return true;
    if (!m_check.start(program, database))
        return false;
    qCInfo(lcDamageGuard).noquote() << "page check (background) started, process" << m_check.processId();
    return true;
}

DamageGuard::Choice DamageGuard::askAtStartup(QWidget *parent)
{
    m_told = true;
    QMessageBox *box = damagedBox(parent);
    box->setInformativeText(whatToDo(m_canRebuild));
    QPushButton *rebuild =
        m_canRebuild ? box->addButton(tr("Rebuild from the server"), QMessageBox::AcceptRole) : nullptr;
    QPushButton *goOn = box->addButton(tr("Open anyway"), QMessageBox::DestructiveRole);
    QPushButton *quit = box->addButton(tr("Quit"), QMessageBox::RejectRole);
    box->setDefaultButton(rebuild ? rebuild : quit);
    m_box = box;
    box->exec();
    const QAbstractButton *clicked = box->clickedButton();
    box->deleteLater();
    if (rebuild && clicked == rebuild)
        return Choice::Rebuild;
    return clicked == goOn ? Choice::Continue : Choice::Quit;
}

void DamageGuard::tell()
{
    m_told = true;
    emit damageFound();
    QMessageBox *box = damagedBox(m_window ? m_window.data() : QApplication::activeWindow());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(whatToDo(m_canRebuild));
    QPushButton *rebuild =
        m_canRebuild ? box->addButton(tr("Rebuild from the server…"), QMessageBox::AcceptRole) : nullptr;
    box->addButton(QMessageBox::Close);
    if (rebuild)
        connect(rebuild, &QPushButton::clicked, this, &DamageGuard::rebuildRequested);
    m_box = box;
    box->open(); // not exec(): the damage may surface inside a model's reply or a slot
}

} // namespace kasp::app
