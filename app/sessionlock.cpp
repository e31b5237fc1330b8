#include "sessionlock.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QVBoxLayout>

Q_DECLARE_LOGGING_CATEGORY(lcApp)

namespace kasp::app {

SessionLock::SessionLock(const User &user, std::function<QList<User>()> users, SignInDialog::Check check,
                         int idleMs, QObject *parent)
    : QObject(parent), m_user(user), m_users(std::move(users)), m_check(std::move(check))
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleMs);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        qCInfo(lcApp) << "locking after" << m_idle.interval() << "ms without input";
        lock();
    });
    // Every key and click anywhere in the application counts as the person being there.
    qApp->installEventFilter(this);
    if (idleMs > 0)
        m_idle.start();
}

SessionLock::~SessionLock()
{
    qApp->removeEventFilter(this);
    delete m_cover;
    delete m_dialog;
}

void SessionLock::setWindow(QWidget *window)
{
    m_window = window;
}

bool SessionLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (!m_locked && m_idle.interval() > 0)
            m_idle.start();
        break;
    case QEvent::Resize:
        if (watched == m_window && m_cover)
            m_cover->setGeometry(m_window->rect());
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void SessionLock::cover(bool on)
{
    if (!on) {
        delete m_cover;
        return;
    }
    if (!m_window || m_cover)
        return;
    // An opaque sheet over the whole window: the open card, the lists and the phone are not there
    // for whoever walks up to the desk. Input is held by the lock screen (application-modal).
    auto *sheet = new QWidget(m_window);
    sheet->setObjectName(QStringLiteral("lockCover"));
    sheet->setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(sheet);
    auto *label = new QLabel(tr("The desk is locked"));
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label);
    sheet->setGeometry(m_window->rect());
    sheet->show();
    sheet->raise();
    m_cover = sheet;
}

void SessionLock::lock()
{
    if (m_locked)
        return;
    m_locked = true;
    m_idle.stop();
    cover(true);
    emit locked();
    auto *dialog = new SignInDialog(m_users ? m_users() : QList<User>{m_user}, m_user.login, m_check,
                                    SignInDialog::Mode::Locked, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::ApplicationModal);
    m_dialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        m_locked = false;
        cover(false);
        if (result != QDialog::Accepted) {
            qCInfo(lcApp) << "quit at the lock screen";
            emit quitRequested();
            return;
        }
        const User person = dialog->signedIn();
        if (m_idle.interval() > 0)
            m_idle.start();
        if (person.login == m_user.login) {
            qCInfo(lcApp).noquote() << "unlocked by" << person.login;
            emit unlocked();
            return;
        }
        qCInfo(lcApp).noquote() << "user switched at the lock:" << m_user.login << "->" << person.login;
        emit switchTo(person);
    });
    // Not exec(): a lock that comes from a timer inside another modal loop must not nest in it.
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace kasp::app
