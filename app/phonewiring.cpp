// The phone in the Sales Window: the dock with the phone panel, a ringing call opening its
// guest's card, the colleagues the transfer dialog offers, and the phone's settings.
#include "globalhotkeys.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/guesteditdialog.h"
#include "kasp/crm/ui/guestsearchpanel.h"
#include "kasp/crm/ui/taskagendapanel.h"
#include "kasp/session/settings.h"
#include "kasp/telephony/ui/phonepanel.h"
#include "mainwindow.h"
#include "phonesession.h"
#include "phonesettingsdialog.h"
#include "traynotifier.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>
#include <QTimer>
#include <QUrl>

namespace kasp::app {

PhoneSession *MainWindow::enablePhone(telephony::Softphone::Options options)
{
    if (m_phone)
        return m_phone;
    if (options.dataDir.isEmpty()) {
        // liblinphone's own files (call history) beside the database they belong to.
        options.dataDir =
            QFileInfo(m_booking.database().databaseName()).absolutePath() + QStringLiteral("/sip");
        QDir().mkpath(options.dataDir);
    }
    // Recordings beside the database too (the touch names the file under this folder).
    if (options.recordingsDir.isEmpty())
        options.recordingsDir = recordingsDir();
    options.recording = recordingPolicy();
    options.clock = &m_booking.clock();
    m_phone = new PhoneSession(m_booking.database(), m_booking.clock(), m_settings, m_user.id,
                               std::move(options), this);
    auto *panel = new telephony::ui::PhonePanel(m_phone->phone());
    m_phonePanel = panel;
    auto *dock = new QDockWidget(tr("Phone"), this);
    dock->setObjectName(QStringLiteral("phoneDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(panel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    // The guest search keeps its width; the phone takes what its buttons need.
    // (After the window has laid out, or the new dock squeezes the search to its minimum.)
    QTimer::singleShot(0, this, [this, dock, panel] {
        if (auto *search = findChild<QDockWidget *>(QStringLiteral("guestSearchDock")))
            resizeDocks({search, dock}, {320, panel->sizeHint().width()}, Qt::Horizontal);
    });
    panel->setColleagueSource([this] { return m_phone->colleagues(); });
    // Back to a call on hold: its guest's card comes back too.
    connect(panel, &telephony::ui::PhonePanel::currentCallChanged, this, [this](int callId) {
        const Id guest = m_phone->guestOfCall(callId);
        if (!guest.isNull() && m_card->currentGuest() != guest)
            openGuest(guest);
    });
    connect(m_phone, &PhoneSession::status, panel, &telephony::ui::PhonePanel::setStatus);
    connect(m_phone, &PhoneSession::message, this, &MainWindow::showError);
    connect(m_phone, &PhoneSession::ringing, this, &MainWindow::callRinging);
    connect(m_phone, &PhoneSession::ringing, panel,
            [this, panel](const telephony::CallInfo &call, const QList<Id> &guests, const QString &) {
                if (guests.size() == 1)
                    if (auto card = m_guests.card(guests.first()); card.ok())
                        panel->setCallerName(call.id, card.value().guest.displayName());
            });
    connect(m_phone, &PhoneSession::callRecorded, m_tasks, &crm::ui::TaskAgendaPanel::reload);
    connect(m_phone, &PhoneSession::callRecorded, this, [this](const Id &guestId) {
        if (m_card->currentGuest() == guestId)
            m_card->showGuest(guestId); // the call appears on the timeline
    });
    // The card the consultant has open when a call is answered is the call's guest (the first
    // answer only: taking a held call back does not move it to whatever card is open then).
    connect(&m_phone->phone(), &telephony::Softphone::callAnswered, this, [this](int callId) {
        if (!m_card->currentGuest().isNull())
            m_phone->setGuestForCallIfNone(callId, m_card->currentGuest());
    });
    connect(m_card, &crm::ui::GuestCardPanel::recordingRequested, this, &MainWindow::playRecording,
            Qt::UniqueConnection);
    installGlobalKeys();
    m_phone->start();
    return m_phone;
}

void MainWindow::playRecording(const QString &recording)
{
    const QString path = QDir::cleanPath(QDir(recordingsDir()).filePath(recording));
    // Only inside the recordings folder: the name came from a replicated record.
    const bool inside = !QDir::isAbsolutePath(recording) && !recording.contains(QLatin1String("..")) &&
                        path.startsWith(QDir::cleanPath(recordingsDir()) + QLatin1Char('/'));
    if (!inside || !QFileInfo::exists(path)) {
        showError(tr("This call's recording is kept on the desk where the call was taken"));
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        showError(tr("No program here plays %1").arg(path));
}

QString MainWindow::recordingsDir() const
{
    return QFileInfo(m_booking.database().databaseName()).absolutePath() + QStringLiteral("/recordings");
}

RecordingPolicy MainWindow::recordingPolicy() const
{
    // The role's rule unless this desk's settings say otherwise.
    return recordingPolicyFromKey(m_settings.phone().recording).value_or(recordingPolicyOf(m_user.role));
}

void MainWindow::installGlobalKeys()
{
    if (!m_hotkeys)
        m_hotkeys = new GlobalHotkeys(this);
    m_hotkeys->clear();
    if (!m_phonePanel || !m_settings.phone().globalKeys || !m_hotkeys->available())
        return;
    // Answering and transferring need the window (the guest's card, the dialog): it comes forward.
    const auto forward = [this] {
        if (isMinimized())
            showNormal();
        raise();
        activateWindow();
    };
    telephony::ui::PhonePanel *panel = m_phonePanel;
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
        showError(tr("Phone keys for the whole desktop: %1").arg(refused.join(QStringLiteral("; "))));
}

void MainWindow::callRinging(const telephony::CallInfo &call, const QList<Id> &guests, const QString &phone)
{
    // A consultant working in another window hears the headset and sees who it is (after the
    // card: the notification must not delay it).
    const QString number = phone.isEmpty() ? tr("hidden number") : phone;
    if (guests.size() == 1) {
        openGuest(guests.first()); // the card before the second ring
        m_phone->setGuestForCall(call.id, guests.first());
        m_notifier->notify(tr("Incoming call"), QStringLiteral("%1, %2").arg(m_card->shownName(), number));
        return;
    }
    m_notifier->notify(tr("Incoming call"), number);
    if (!guests.isEmpty()) {
        // A shared (family) phone: the search lists them; the consultant picks.
        m_search->setQuery(phone);
        showError(tr("Several guests have the number %1: pick the caller in the search").arg(phone));
        return;
    }
    // A number nobody has: a new card with it, not in the way of answering (not modal).
    Guest fresh;
    auto *dialog = new crm::ui::GuestEditDialog(m_guests, fresh,
                                                m_user.role == Role::Consultant ? m_user.id : Id(), this);
    dialog->setObjectName(QStringLiteral("newCallerDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPhonesText(phone.isEmpty() ? QString() : phone);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id = call.id] {
        m_phone->setGuestForCall(id, dialog->savedGuestId());
        guestSaved(dialog->savedGuestId());
    });
    dialog->show();
}

void MainWindow::editPhoneSettings()
{
    PhoneSettingsDialog dialog(m_settings.phone(), m_user.role,
                               m_phone ? m_phone->phone().audioDevices() : QList<telephony::AudioDevice>{},
                               this);
    if (modalHook)
        modalHook(dialog);
    else
        dialog.exec();
    if (dialog.result() != QDialog::Accepted)
        return;
    m_settings.setPhone(dialog.phone());
    if (m_phone) {
        m_phone->phone().setRecordingPolicy(recordingPolicy());
        installGlobalKeys();
    }
    const QString typedPassword = dialog.password();
    auto *keychain = new credentials::CredentialStore(QStringLiteral("KASP"), this);
    auto restart = [this, keychain] {
        keychain->deleteLater();
        if (m_phone)
            m_phone->start();
        else
            enablePhone({});
    };
    if (typedPassword.isEmpty()) {
        restart();
        return;
    }
    connect(keychain, &credentials::CredentialStore::writeFinished, this, restart);
    connect(keychain, &credentials::CredentialStore::failed, this,
            [this, keychain](const QString &, const QString &, const QString &text) {
                keychain->deleteLater();
                showError(tr("The SIP password was not saved in the keychain: %1").arg(text));
            });
    keychain->write(QLatin1String(session::Settings::kSipPasswordKey), typedPassword);
}

} // namespace kasp::app
