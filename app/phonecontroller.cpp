#include "phonecontroller.h"

#include "appcontext.h"
#include "cardcontroller.h"
#include "globalhotkeys.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guesteditdialog.h"
#include "kasp/crm/ui/guestsearchpanel.h"
#include "kasp/session/settings.h"
#include "kasp/telephony/ui/phonepanel.h"
#include "phonesession.h"
#include "phonesettingsdialog.h"
#include "traynotifier.h"

#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMainWindow>
#include <QTimer>
#include <QUrl>

namespace kasp::app {

PhoneController::PhoneController(AppContext &context, CardController &cards,
                                 crm::ui::GuestSearchPanel *search, TrayNotifier *notifier,
                                 ModalRunner runModal, QMainWindow *window)
    : QObject(window), m_context(context), m_cards(cards), m_search(search), m_notifier(notifier),
      m_runModal(std::move(runModal)), m_window(window)
{
}

PhoneSession *PhoneController::enable(telephony::Softphone::Options options)
{
    if (m_session)
        return m_session;
    if (options.dataDir.isEmpty()) {
        // liblinphone's own files (call history) beside the database they belong to.
        options.dataDir = m_context.dataDir() + QStringLiteral("/sip");
        QDir().mkpath(options.dataDir);
    }
    // Recordings beside the database too (the touch names the file under this folder).
    if (options.recordingsDir.isEmpty())
        options.recordingsDir = recordingsDir();
    options.recording = recordingPolicy();
    options.clock = &m_context.clock();
    m_session = new PhoneSession(m_context.database(), m_context.clock(), m_context.settings(),
                                 m_context.user().id, std::move(options), this);
    auto *panel = new telephony::ui::PhonePanel(m_session->phone());
    m_panel = panel;
    auto *dock = new QDockWidget(tr("Phone"), m_window);
    dock->setObjectName(QStringLiteral("phoneDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(panel);
    // Where the consultant left it last time (the window's saved state was restored before the
    // dock existed); the first time on the right.
    if (!m_window->restoreDockWidget(dock)) {
        m_window->addDockWidget(Qt::RightDockWidgetArea, dock);
        // The guest search keeps its width; the phone takes what its buttons need.
        // (After the window has laid out, or the new dock squeezes the search to its minimum.)
        QTimer::singleShot(0, this, [this, dock, panel] {
            if (auto *search = m_window->findChild<QDockWidget *>(QStringLiteral("guestSearchDock")))
                m_window->resizeDocks({search, dock}, {320, panel->sizeHint().width()}, Qt::Horizontal);
        });
    }
    panel->setColleagueSource([this] { return m_session->colleagues(); });
    // Back to a call on hold: its guest's card comes back too.
    connect(panel, &telephony::ui::PhonePanel::currentCallChanged, this, [this](int callId) {
        const Id guest = m_session->guestOfCall(callId);
        if (!guest.isNull() && m_cards.current() != guest)
            m_cards.open(guest);
    });
    connect(m_session, &PhoneSession::status, panel, &telephony::ui::PhonePanel::setStatus);
    connect(m_session, &PhoneSession::message, this, [this](const QString &text) { emit message(text); });
    connect(m_session, &PhoneSession::ringing, this, &PhoneController::ringing);
    connect(m_session, &PhoneSession::dialled, this, &PhoneController::dialled);
    connect(panel, &telephony::ui::PhonePanel::consultationDialled, m_session,
            &PhoneSession::setConsultation);
    connect(m_session, &PhoneSession::callRecorded, this, &PhoneController::callRecorded);
    connect(m_session, &PhoneSession::callRecordedFor, this, [this](int callId, const Id &guestId) {
        const QPointer<crm::ui::GuestEditDialog> form = m_newCallerForms.take(callId);
        if (!form || !form->isVisible())
            return;
        if (auto card = m_context.guests().card(guestId); card.ok())
            form->completeCard(card.value().guest);
    });
    // The call appears on the timeline.
    connect(m_session, &PhoneSession::callRecorded, &m_cards, &CardController::refreshIfShown);
    // The card the consultant has open when a call is answered is the call's guest (the first
    // answer only: taking a held call back does not move it to whatever card is open then).
    connect(&m_session->phone(), &telephony::Softphone::callAnswered, this, [this](int callId) {
        if (!m_cards.current().isNull())
            m_session->setGuestForCallIfNone(callId, m_cards.current());
    });
    installGlobalKeys();
    m_session->start();
    return m_session;
}

void PhoneController::ringing(const telephony::CallInfo &call, const QList<Id> &guests, const QString &phone)
{
    // A consultant working in another window hears the headset and sees who it is (after the
    // card: the notification must not delay it).
    const QString number = phone.isEmpty() ? tr("hidden number") : phone;
    // A second call while the consultant talks (or has someone on hold): the card stays with the
    // call being talked to; the ringing one shows in the phone's list, and its card opens once
    // it is answered (the panel's current call changes).
    bool busy = false;
    for (const telephony::CallInfo &other : m_session->phone().calls())
        busy = busy || (other.id != call.id && other.state != telephony::CallState::Ringing);
    if (guests.size() == 1) {
        // The card before the second ring, loaded once: the card tab, the phone panel's caller
        // and the notification all show this one.
        std::optional<crm::GuestCard> card;
        if (!busy) {
            card = m_cards.open(guests.first());
        } else if (auto loaded = m_context.guests().card(guests.first()); loaded.ok()) {
            card = loaded.value();
        }
        m_session->setGuestForCall(call.id, guests.first());
        const QString name = card ? card->guest.displayName() : QString();
        m_notifier->notify(tr("Incoming call"),
                           name.isEmpty() ? number : QStringLiteral("%1, %2").arg(name, number));
        if (!name.isEmpty())
            m_panel->setCallerName(call.id, name);
        return;
    }
    m_notifier->notify(tr("Incoming call"), number);
    if (!guests.isEmpty()) {
        // A shared (family) phone: the search lists them; the consultant picks.
        if (!busy)
            m_search->setQuery(phone);
        emit message(tr("Several guests have the number %1: pick the caller in the search").arg(phone));
        return;
    }
    newCaller(call.id, phone);
}

void PhoneController::dialled(const telephony::CallInfo &call, const QList<Id> &guests)
{
    // As a ring shows its caller: the guest's name beside the number (one guest has it).
    if (guests.size() != 1)
        return;
    m_session->setGuestForCallIfNone(call.id, guests.first());
    if (const QString name = guestName(m_session->guestOfCall(call.id)); !name.isEmpty())
        m_panel->setCallerName(call.id, name);
}

QString PhoneController::guestName(const Id &guestId) const
{
    if (guestId.isNull())
        return {};
    auto card = m_context.guests().card(guestId);
    return card.ok() ? card.value().guest.displayName() : QString();
}

void PhoneController::newCaller(int callId, const QString &phone)
{
    // A number nobody has: a new card with it, not in the way of answering (not modal).
    const User &user = m_context.user();
    auto *dialog = new crm::ui::GuestEditDialog(m_context.guests(), Guest{},
                                                user.role == Role::Consultant ? user.id : Id(), m_window);
    dialog->setObjectName(QStringLiteral("newCallerDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPhonesText(phone);
    m_newCallerForms.insert(callId, dialog);
    connect(dialog, &QDialog::accepted, this, [this, dialog, callId] {
        m_newCallerForms.remove(callId);
        m_session->setGuestForCall(callId, dialog->savedGuestId());
        m_cards.saved(dialog->savedGuestId());
    });
    dialog->show();
}

void PhoneController::call(const Id &guestId, const Phone &phone)
{
    if (!m_session) {
        emit message(tr("This desk has no phone yet: set its extension in Tools → Phone (SIP)…"));
        return;
    }
    auto call = m_session->phone().dial(phone.dialString(m_context.settings().phone().dialPrefix));
    if (!call.ok()) {
        emit message(call.error().message);
        return;
    }
    if (call.value() == 0)
        return; // ended inside the dial (refused at once): the journal has recorded it already
    const Id named = m_session->guestOfCall(call.value()); // the number's guest, named already
    m_session->setGuestForCall(call.value(), guestId);     // the journal records the call on this card
    if (named != guestId)
        if (const QString name = guestName(guestId); !name.isEmpty())
            m_panel->setCallerName(call.value(), name);
    emit message(tr("Calling %1…").arg(phone.display()), 5000);
}

void PhoneController::playRecording(const QString &recording)
{
    const QString path = QDir::cleanPath(QDir(recordingsDir()).filePath(recording));
    // Only inside the recordings folder: the name came from a replicated record.
    const bool inside = !QDir::isAbsolutePath(recording) && !recording.contains(QLatin1String("..")) &&
                        path.startsWith(QDir::cleanPath(recordingsDir()) + QLatin1Char('/'));
    if (!inside || !QFileInfo::exists(path)) {
        emit message(tr("This call's recording is kept on the desk where the call was taken"));
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        emit message(tr("No program here plays %1").arg(path));
}

QString PhoneController::recordingsDir() const
{
    return m_context.dataDir() + QStringLiteral("/recordings");
}

RecordingPolicy PhoneController::recordingPolicy() const
{
    // The role's rule unless this desk's settings say otherwise.
    return recordingPolicyFromKey(m_context.settings().phone().recording)
        .value_or(recordingPolicyOf(m_context.user().role));
}

void PhoneController::installGlobalKeys()
{
    if (!m_hotkeys)
        m_hotkeys = new GlobalHotkeys(this);
    m_hotkeys->clear();
    if (!m_panel || !m_context.settings().phone().globalKeys || !m_hotkeys->available())
        return;
    // Answering and transferring need the window (the guest's card, the dialog): it comes forward.
    QMainWindow *window = m_window;
    const auto forward = [window] {
        if (window->isMinimized())
            window->showNormal();
        window->raise();
        window->activateWindow();
    };
    telephony::ui::PhonePanel *panel = m_panel;
    const std::pair<QKeySequence, std::function<void()>> keys[] = {
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F3),
         [=] {
             forward();
             panel->answer();
         }},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F4), [=] { panel->hangUp(); }},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F6), [=] { panel->toggleHold(); }},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F8),
         [=] {
             forward();
             panel->transfer();
         }},
    };
    QStringList refused;
    for (const auto &[key, action] : keys)
        if (QString error; !m_hotkeys->add(key, action, &error))
            refused.append(error);
    if (!refused.isEmpty())
        emit message(tr("Phone keys for the whole desktop: %1").arg(refused.join(QStringLiteral("; "))));
}

void PhoneController::editSettings()
{
    session::Settings &settings = m_context.settings();
    PhoneSettingsDialog dialog(
        settings.phone(), m_context.user().role,
        m_session ? m_session->phone().audioDevices() : QList<telephony::AudioDevice>{}, m_window);
    m_runModal(dialog);
    if (dialog.result() != QDialog::Accepted)
        return;
    settings.setPhone(dialog.phone());
    if (m_session) {
        m_session->phone().setRecordingPolicy(recordingPolicy());
        installGlobalKeys();
    }
    const QString typedPassword = dialog.password();
    auto *keychain = new credentials::CredentialStore(QStringLiteral("KASP"), this);
    auto restart = [this, keychain] {
        keychain->deleteLater();
        if (m_session)
            m_session->start();
        else
            enable({});
    };
    if (typedPassword.isEmpty()) {
        restart();
        return;
    }
    connect(keychain, &credentials::CredentialStore::writeFinished, this, restart);
    connect(keychain, &credentials::CredentialStore::failed, this,
            [this, keychain](const QString &, const QString &, const QString &text) {
                keychain->deleteLater();
                emit message(tr("The SIP password was not saved in the keychain: %1").arg(text));
            });
    keychain->write(QLatin1String(session::Settings::kSipPasswordKey), typedPassword);
}

} // namespace kasp::app
