#include "damageguard.h"

#include "kasp/storage/damagecheck.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QThread>
#include <QUuid>

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
}

DamageGuard::~DamageGuard()
{
    if (!m_thread)
        return;
    m_stopping = true;
    if (QSqlDriver *driver = m_checking.load())
        storage::interruptCheck(driver);
    m_thread->wait();
    delete m_thread;
}

void DamageGuard::onDamage(const QString &detail)
{
    qCCritical(lcDamageGuard).noquote() << "the database is damaged:" << detail;
    if (!m_told)
        tell();
}

Status DamageGuard::checkNow()
{
    return storage::checkPages(m_db);
}

void DamageGuard::checkInBackground(storage::ConnectionOpener opener)
{
    if (m_thread)
        return;
    QPointer<DamageGuard> self(this);
    m_thread = QThread::create([this, self, opener = std::move(opener)] {
        const QString name = QStringLiteral("kasp-pagecheck-") + QUuid::createUuid().toString();
        bool damaged = false;
        {
            auto db = opener(name);
            if (db.ok()) {
                m_checking = db.value().driver();
                if (!m_stopping) {
                    const Status s = storage::checkPages(db.value());
                    damaged = !s.ok() && s.error().code == QLatin1String("storage.corrupt");
                    if (!s.ok() && !damaged && !m_stopping)
                        qCWarning(lcDamageGuard).noquote() << "page check:" << s.error().code;
                }
                m_checking = nullptr;
            }
        }
        storage::ConnectionFactory::close(name);
        if (m_stopping)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, damaged] {
                if (!self)
                    return;
                self->m_thread->wait();
                delete std::exchange(self->m_thread, nullptr);
                emit self->backgroundCheckFinished(damaged);
                if (damaged && !self->m_told)
                    self->tell();
            },
            Qt::QueuedConnection);
    });
    m_thread->start(QThread::LowPriority);
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
    QMessageBox *box = damagedBox(QApplication::activeWindow());
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
