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
    cover(false);
    delete m_dialog;
}

void SessionLock::setIdleMs(int idleMs)
{
    m_idle.setInterval(idleMs);
    qCInfo(lcApp) << "idle lock now" << idleMs << "ms";
    if (m_locked)
        return; // the timer starts again when the lock is opened
    if (idleMs > 0)
        m_idle.start(); // counted from now, not from the last input
    else
        m_idle.stop();
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
        if (m_locked && watched->isWidgetType())
            if (auto *sheet =
                    watched->findChild<QWidget *>(QStringLiteral("lockCover"), Qt::FindDirectChildrenOnly))
                sheet->setGeometry(static_cast<QWidget *>(watched)->rect());
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void SessionLock::cover(bool on)
{
    if (!on) {
        for (const QPointer<QWidget> &sheet : std::as_const(m_covers))
            delete sheet;
        m_covers.clear();
        return;
    }
    // An opaque sheet over the window and over every other window open at the desk (a guest's form
    // left open is a window of its own): the card, the lists and the phone are not there for
    // whoever walks up. Those windows stay as they were, half-typed forms included; input is held
    // by the lock screen (application-modal).
    QList<QWidget *> windows = QApplication::topLevelWidgets();
    if (m_window && !windows.contains(m_window.data()))
        windows.prepend(m_window);
    for (QWidget *window : std::as_const(windows)) {
        if (!window->isVisible() || window == m_dialog ||
            window->findChild<QWidget *>(QStringLiteral("lockCover"), Qt::FindDirectChildrenOnly))
            continue;
        auto *sheet = new QWidget(window);
        sheet->setObjectName(QStringLiteral("lockCover"));
        sheet->setAutoFillBackground(true);
        auto *layout = new QVBoxLayout(sheet);
        auto *label = new QLabel(tr("The desk is locked"));
        label->setAlignment(Qt::AlignCenter);
        layout->addWidget(label);
        sheet->setGeometry(window->rect());
        sheet->show();
        sheet->raise();
        m_covers.append(sheet);
    }
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
    dialog->setWait(m_wait);
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
