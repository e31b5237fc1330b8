// The phone in the Sales Window under Xvfb, against a real kamailio and a caller's own liblinphone
// endpoint: the desk registers with the password from the keychain; a known guest calls and their
// card opens while it rings; the call is answered from the phone panel and, once the caller hangs
// up, is on the guest's timeline with its talk time; an unknown number rings with a new-guest card
// holding that number, and when the caller gives up it is a missed call with a call-back task.
#include "appcontext.h"
#include "clippedtexts.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/guestsearchpanel.h"
#include "kasp/session/settings.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/telephony/softphone.h"
#include "kasp/telephony/ui/transferdialog.h"
#include "kasp/testsupport/kamailioprocess.h"
#include "kasp/testsupport/testdb.h"
#include "kasp/testsupport/wavfile.h"
#include "mainwindow.h"
#include "phonesession.h"
#include "translations.h"
#include "traynotifier.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace kasp;
using namespace kasp::telephony;

namespace {

Softphone::Options phoneOptions(const QString &name)
{
    Softphone::Options o;
    o.dataDir = test::makeTempDir(name);
    o.bindAddress = QStringLiteral("127.0.0.1");
    o.useSoundFiles = true;
    o.playFile = QStringLiteral("/usr/share/sounds/linphone/hello8000.wav");
    return o;
}

bool registered(Softphone &phone, const QString &server, const QString &user)
{
    if (!phone.start().ok() || !phone
                                    .registerAccount({server, user, {}, SipTransport::Udp},
                                                     QLatin1String(test::KamailioProcess::kPassword))
                                    .ok())
        return false;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10'000 && phone.registrationState() != RegistrationState::Registered)
        QTest::qWait(20);
    return phone.registrationState() == RegistrationState::Registered;
}

} // namespace

class TestPhone : public QObject
{
    Q_OBJECT
    SystemClock clock;
    test::KamailioProcess pbx;
    test::TestDatabase t;
    Guest known;
    Id manager = newId();

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        QString error;
        QVERIFY2(pbx.start(&error), qPrintable(error));
        t = test::TestDatabase::create(QStringLiteral("phone"));
        known.id = newId();
        known.lastName = QStringLiteral("Звонкова");
        known.firstName = QStringLiteral("Алла");
        known.middleName = QStringLiteral("Петровна");
        known.phones = {Phone::parse(QStringLiteral("+7 916 555-12-34")).value()};
        known.managerId = manager;
        QVERIFY(storage::GuestRepository(t.db, clock).create(known).ok());
    }

    void aRingOpensTheCardAndEveryCallLandsOnTheTimeline()
    {
        session::Settings settings(test::makeTempDir(QStringLiteral("phone-settings")) +
                                   QStringLiteral("/kasp.ini"));
        settings.setPhone({pbx.server(), QStringLiteral("201"), QStringLiteral("udp")});
        credentials::CredentialStore keychain(QStringLiteral("KASP"));
        QSignalSpy written(&keychain, &credentials::CredentialStore::writeFinished);
        keychain.write(QLatin1String(session::Settings::kSipPasswordKey),
                       QLatin1String(test::KamailioProcess::kPassword));
        QVERIFY(written.wait(10'000));

        const User consultant{newId(), QStringLiteral("anna"), QStringLiteral("Соколова Анна"),
                              Role::Consultant, true};
        app::AppContext context(t.db, clock, consultant, settings);
        app::MainWindow window(context);
        window.resize(1400, 820);
        Softphone::Options deskOptions = phoneOptions(QStringLiteral("desk"));
        deskOptions.dataDir.clear(); // the window puts liblinphone's files beside the database
        app::PhoneSession *session = window.enablePhone(deskOptions);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(session->phone().registrationState() == RegistrationState::Registered,
                                 10'000);

        // A known guest calls: the card is open while it rings.
        Softphone caller(phoneOptions(QStringLiteral("caller")));
        QVERIFY(registered(caller, pbx.server(), QStringLiteral("89165551234")));
        QSignalSpy ringing(session, &app::PhoneSession::ringing);
        const qint64 cardsBefore = context.guests().cardsLoaded();
        QElapsedTimer sinceDial;
        sinceDial.start();
        const int out = caller.dial(QStringLiteral("201")).value();
        QVERIFY(ringing.wait(10'000));
        QCOMPARE(window.cardPanel()->currentGuest(), known.id);
        QCOMPARE(window.notifier()->lastTitle(),
                 QStringLiteral("Входящий звонок")); // a tray balloon when behind
        QVERIFY(window.notifier()->lastText().contains(QStringLiteral("Звонкова")));
        qInfo("dial -> card shown: %lld ms (SIP set-up through kamailio included)", sinceDial.elapsed());
        auto *answer = window.findChild<QPushButton *>(QStringLiteral("answerButton"));
        QVERIFY(answer && answer->isEnabled());
        QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("callLabel"))
                        ->text()
                        .contains(QStringLiteral("Звонкова")));
        // One ring, one load of the caller's card: the card tab, the phone panel's caller name and
        // the notification share it (the card panel, the window and the phone panel each loaded
        // it: three).
        const qint64 cardsPerRing = context.guests().cardsLoaded() - cardsBefore;
        qInfo("cards loaded for one ring: %lld", cardsPerRing);
        QCOMPARE(cardsPerRing, qint64(1));
        answer->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            !caller.calls().isEmpty() && caller.calls().first().state == CallState::Connected, 10'000);
        // Digits typed during the talk reach the caller as tones (a menu on their side).
        QSignalSpy tones(&caller, &Softphone::dtmfReceived);
        QTest::keyClicks(window.findChild<QLineEdit *>(QStringLiteral("dialNumber")), QStringLiteral("7#"));
        QTRY_COMPARE_WITH_TIMEOUT(tones.size(), 2, 5000);
        QCOMPARE(tones.at(0).at(1).toChar(), QLatin1Char('7'));
        QCOMPARE(tones.at(1).at(1).toChar(), QLatin1Char('#'));
        QVERIFY(window.findChild<QLineEdit *>(QStringLiteral("dialNumber"))->text().isEmpty());
        QTest::qWait(1100);
        QTRY_COMPARE(window.findChild<QPushButton *>(QStringLiteral("recordButton"))->text(),
                     QStringLiteral("● Запись"));
        const QString shots = qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR")
                                  ? test::makeTempDir(QStringLiteral("shots"))
                                  : qEnvironmentVariable("KASP_SCREENSHOT_DIR");
        QVERIFY(window.grab().save(shots + QStringLiteral("/phone-call.png")));
        const QStringList clipped =
            test::clippedTexts(window.findChild<QWidget *>(QStringLiteral("phonePanel")));
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
        QSignalSpy recorded(session, &app::PhoneSession::callRecorded);
        QVERIFY(caller.hangUp(out).ok());
        QVERIFY(recorded.wait(10'000));
        QCOMPARE(recorded.first().first().value<Id>(), known.id);
        const Touch call = storage::TouchRepository(t.db, clock).forGuest(known.id, 10).value().first();
        QCOMPARE(call.kind, TouchKind::CallIn);
        QCOMPARE(call.userId, consultant.id);
        QVERIFY(call.durationSecs >= 1);
        // A consultant's calls are recorded (the role's rule): the file beside the database.
        QVERIFY(!call.recording.isEmpty());
        const QString recordingPath =
            QFileInfo(t.path).absolutePath() + QStringLiteral("/recordings/") + call.recording;
        QVERIFY(QFileInfo(recordingPath).size() > 8000);
        // The caller's voice (hello8000.wav) is in it: 16-bit PCM at speech level, not silence.
        const test::WavLevel level = test::wavLevel(recordingPath);
        qInfo("recorded: %s", qPrintable(level.describe()));
        QVERIFY2(level.hasSound(), qPrintable(level.describe()));
        QVERIFY(QFileInfo::exists(QFileInfo(t.path).absolutePath() + QStringLiteral("/sip/call-history.db")));

        // An unknown number: a new-guest card with the number, and the caller gives up.
        Softphone stranger(phoneOptions(QStringLiteral("stranger")));
        QVERIFY(registered(stranger, pbx.server(), QStringLiteral("89031112233")));
        const int second = stranger.dial(QStringLiteral("201")).value();
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QDialog *>(QStringLiteral("newCallerDialog")) != nullptr,
                                 10'000);
        auto *dialog = window.findChild<QDialog *>(QStringLiteral("newCallerDialog"));
        auto *phones = dialog->findChild<QPlainTextEdit *>(QStringLiteral("phones"));
        QVERIFY(phones && phones->toPlainText().contains(QStringLiteral("903")));
        QTRY_VERIFY_WITH_TIMEOUT(!stranger.calls().isEmpty() &&
                                     stranger.calls().first().state == CallState::RemoteRinging,
                                 10'000);
        recorded.clear();
        QVERIFY(stranger.hangUp(second).ok());
        QVERIFY(recorded.wait(10'000));
        const Id newGuest = recorded.first().first().value<Id>();
        QCOMPARE(storage::GuestRepository(t.db, clock).idsByPhone(QStringLiteral("+79031112233")).value(),
                 QList<Id>{newGuest});
        QCOMPARE(storage::TouchRepository(t.db, clock).forGuest(newGuest, 10).value().first().kind,
                 TouchKind::CallMissed);
        QCOMPARE(storage::TaskRepository(t.db, clock).forGuest(newGuest).value().size(), 1);
        // The consultant finishes the still open form: it completes that card (the missed call and
        // the call-back stay on it), it does not make a second guest with the same phone.
        dialog->findChild<QLineEdit *>(QStringLiteral("lastName"))->setText(QStringLiteral("Незнакомова"));
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QDialog *>(QStringLiteral("newCallerDialog")) == nullptr,
                                 5000);
        QCOMPARE(storage::GuestRepository(t.db, clock).idsByPhone(QStringLiteral("+79031112233")).value(),
                 QList<Id>{newGuest});
        QCOMPARE(storage::GuestRepository(t.db, clock).byId(newGuest).value()->lastName,
                 QStringLiteral("Незнакомова"));
        QCOMPARE(storage::TaskRepository(t.db, clock).forGuest(newGuest).value().size(), 1);

        // A colleague's extension rings: no guest card opens and nothing lands on a timeline.
        Softphone colleague(phoneOptions(QStringLiteral("colleague")));
        QVERIFY(registered(colleague, pbx.server(), QStringLiteral("202")));
        const int internal = colleague.dial(QStringLiteral("201")).value();
        QTRY_VERIFY_WITH_TIMEOUT(!colleague.calls().isEmpty() &&
                                     colleague.calls().first().state == CallState::RemoteRinging,
                                 10'000);
        QTest::qWait(300);
        QVERIFY(window.findChild<QDialog *>(QStringLiteral("newCallerDialog")) == nullptr);
        recorded.clear();
        QVERIFY(colleague.hangUp(internal).ok());
        QTRY_VERIFY_WITH_TIMEOUT(colleague.calls().isEmpty(), 10'000);
        QTest::qWait(500);
        QCOMPARE(recorded.size(), 0);

        // Click-to-call: the number on the card rings the guest (dialled as 8 and ten digits, the
        // form the PBX knows them by), and the call lands on that card's timeline.
        window.openGuest(known.id);
        auto *contacts = window.cardPanel()->findChild<QLabel *>(QStringLiteral("guestContacts"));
        QVERIFY2(contacts->text().contains(QStringLiteral("tel:+79165551234")), qPrintable(contacts->text()));
        emit contacts->linkActivated(QStringLiteral("tel:+79165551234"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !caller.calls().isEmpty() && caller.calls().first().state == CallState::Ringing, 10'000);
        QVERIFY(caller.answer(caller.calls().first().id).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!session->phone().calls().isEmpty() &&
                                     session->phone().calls().first().state == CallState::Connected,
                                 10'000);
        QTest::qWait(1100);
        recorded.clear();
        // Hanging up here may end the call inside hangUp (liblinphone calls back at once): the
        // record can be there before any wait starts.
        QVERIFY(session->phone().hangUp(session->phone().calls().first().id).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!recorded.isEmpty(), 10'000);
        QCOMPARE(recorded.first().first().value<Id>(), known.id);
        const Touch dialled = storage::TouchRepository(t.db, clock).forGuest(known.id, 10).value().first();
        QCOMPARE(dialled.kind, TouchKind::CallOut);
        QCOMPARE(dialled.userId, consultant.id);
        QVERIFY(dialled.durationSecs >= 1);

        // From the search box: Ctrl+Enter calls the first result's main number.
        QTRY_VERIFY_WITH_TIMEOUT(caller.calls().isEmpty(), 10'000);
        window.searchPanel()->setQuery(QStringLiteral("Звонкова"));
        QTest::keyClick(window.searchPanel()->findChild<QLineEdit *>(QStringLiteral("guestSearchEdit")),
                        Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(
            !caller.calls().isEmpty() && caller.calls().first().state == CallState::Ringing, 10'000);
        QCOMPARE(session->phone().calls().first().remoteUser, QStringLiteral("89165551234"));
        QVERIFY(session->phone().hangUp(session->phone().calls().first().id).ok());
        QTRY_VERIFY_WITH_TIMEOUT(caller.calls().isEmpty() && session->phone().calls().isEmpty(), 10'000);
    }

    // Two guests at once and a transfer, all from the phone panel: the second call waits in the
    // list; taking it holds the first; a click on the first takes it back; then the guest is put
    // through to a colleague picked in the transfer dialog, after a word with them (consult, join).
    void callWaitingAndATransferFromThePanel()
    {
        const QString dir = test::makeTempDir(QStringLiteral("phone-settings-2"));
        session::Settings settings(dir + QStringLiteral("/kasp.ini"));
        settings.setPhone({pbx.server(), QStringLiteral("201"), QStringLiteral("udp")});
        // The desk's own user and a colleague whose desk has published extension 202.
        const User consultant{newId(), QStringLiteral("vera"), QStringLiteral("Орлова Вера"),
                              Role::Consultant, true};
        const User colleagueUser{
            newId(), QStringLiteral("irina"), QStringLiteral("Белова Ирина"), Role::Consultant,
            true,    QStringLiteral("202")};
        QVERIFY(storage::UserRepository(t.db, clock).create(consultant).ok());
        QVERIFY(storage::UserRepository(t.db, clock).create(colleagueUser).ok());
        Guest second;
        second.id = newId();
        second.lastName = QStringLiteral("Второва");
        second.firstName = QStringLiteral("Нина");
        second.phones = {Phone::parse(QStringLiteral("+7 925 000-11-22")).value()};
        QVERIFY(storage::GuestRepository(t.db, clock).create(second).ok());

        app::AppContext context(t.db, clock, consultant, settings);
        app::MainWindow window(context);
        window.resize(1400, 860);
        Softphone::Options deskOptions = phoneOptions(QStringLiteral("desk-2"));
        deskOptions.dataDir.clear();
        app::PhoneSession *session = window.enablePhone(deskOptions);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(session->phone().registrationState() == RegistrationState::Registered,
                                 10'000);
        // Registered: the user's record now carries the desk's extension, for colleagues' lists.
        QTRY_COMPARE(storage::UserRepository(t.db, clock).byLogin(QStringLiteral("vera")).value()->extension,
                     QStringLiteral("201"));
        bool published = false;
        for (const storage::OutboxEntry &e : storage::Outbox(t.db).pending(1000).value())
            published = published || e.name == QLatin1String("user.set_extension");
        QVERIFY(published);

        Softphone first(phoneOptions(QStringLiteral("first-guest")));
        Softphone other(phoneOptions(QStringLiteral("second-guest")));
        Softphone colleague(phoneOptions(QStringLiteral("colleague-2")));
        QVERIFY(registered(first, pbx.server(), QStringLiteral("89165551234")));
        QVERIFY(registered(other, pbx.server(), QStringLiteral("89250001122")));
        QVERIFY(registered(colleague, pbx.server(), QStringLiteral("202")));
        auto *answer = window.findChild<QPushButton *>(QStringLiteral("answerButton"));
        auto *list = window.findChild<QListWidget *>(QStringLiteral("callList"));
        auto *label = window.findChild<QLabel *>(QStringLiteral("callLabel"));
        Softphone &desk = session->phone();
        auto deskState = [&desk](const QString &remote) {
            for (const CallInfo &c : desk.calls())
                if (c.remoteUser == remote)
                    return c.state;
            return CallState::Ended;
        };

        QVERIFY(first.dial(QStringLiteral("201")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(answer->isEnabled(), 10'000);
        // Answered with the desktop-wide key, as from another program (xdotool types it via XTEST).
        QCOMPARE(QProcess::execute(QStringLiteral("xdotool"),
                                   {QStringLiteral("key"), QStringLiteral("ctrl+shift+F3")}),
                 0);
        QTRY_COMPARE_WITH_TIMEOUT(deskState(QStringLiteral("89165551234")), CallState::Connected, 10'000);
        QVERIFY(!list->isVisible());

        // A second guest rings during the talk: it waits in the list; the talk stays current.
        QVERIFY(other.dial(QStringLiteral("201")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(list->isVisible() && list->count() == 2, 10'000);
        QVERIFY(label->text().contains(QStringLiteral("Звонкова")));
        QTRY_VERIFY(list->item(1)->text().contains(QStringLiteral("Второва")));
        QVERIFY(list->item(1)->text().startsWith(QStringLiteral("Второй звонок")));
        QVERIFY(answer->isEnabled());
        answer->click();
        QTRY_COMPARE_WITH_TIMEOUT(deskState(QStringLiteral("89250001122")), CallState::Connected, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(deskState(QStringLiteral("89165551234")), CallState::OnHold, 10'000);
        QTRY_VERIFY(label->text().contains(QStringLiteral("Второва")));
        QTRY_VERIFY(list->item(0)->text().startsWith(QStringLiteral("На удержании")));
        const QString shots = qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR")
                                  ? test::makeTempDir(QStringLiteral("shots-2"))
                                  : qEnvironmentVariable("KASP_SCREENSHOT_DIR");
        QVERIFY(window.grab().save(shots + QStringLiteral("/phone-two-calls.png")));
        QStringList clipped = test::clippedTexts(window.findChild<QWidget *>(QStringLiteral("phonePanel")));
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));

        // A click on the first guest takes them back; the second waits on hold in turn.
        emit list->itemClicked(list->item(0));
        QTRY_COMPARE_WITH_TIMEOUT(deskState(QStringLiteral("89165551234")), CallState::Connected, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(deskState(QStringLiteral("89250001122")), CallState::OnHold, 10'000);
        QCOMPARE(window.cardPanel()->currentGuest(), known.id); // the card follows the call
        QVERIFY(other.hangUp(other.calls().first().id).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!list->isVisible(), 10'000);

        // Transfer after a word with the colleague, picked by name in the dialog.
        window.findChild<QPushButton *>(QStringLiteral("transferButton"))->click();
        auto *dialog = window.findChild<telephony::ui::TransferDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        auto *colleagues = dialog->findChild<QListWidget *>(QStringLiteral("colleagueList"));
        QCOMPARE(colleagues->count(), 1); // not oneself; only desks with an extension
        QCOMPARE(colleagues->item(0)->text(), QStringLiteral("Белова Ирина — 202")); // no presence here
        {
            // Where the PBX serves presence (telephony.presence), the list says whose line is free.
            telephony::ui::TransferDialog withPresence(
                {{QStringLiteral("Белова Ирина"), QStringLiteral("202"), Presence::Busy},
                 {QStringLiteral("Орлов Пётр"), QStringLiteral("203"), Presence::Free}},
                QStringLiteral("гость"));
            auto *list = withPresence.findChild<QListWidget *>(QStringLiteral("colleagueList"));
            QCOMPARE(list->item(0)->text(), QStringLiteral("Белова Ирина — 202 · разговаривает"));
            QCOMPARE(list->item(1)->text(), QStringLiteral("Орлов Пётр — 203 · линия свободна"));
        }
        dialog->findChild<QLineEdit *>(QStringLiteral("transferSearch"))->setText(QStringLiteral("бел"));
        QCOMPARE(dialog->target(), QStringLiteral("202"));
        QVERIFY(dialog->grab().save(shots + QStringLiteral("/phone-transfer-dialog.png")));
        QSignalSpy colleagueRings(&colleague, &Softphone::incomingCall);
        dialog->findChild<QPushButton *>(QStringLiteral("consultTransferButton"))->click();
        QVERIFY(colleagueRings.wait(10'000));
        QCOMPARE(colleagueRings.first().first().value<CallInfo>().remoteUser, QStringLiteral("201"));
        QCOMPARE(deskState(QStringLiteral("89165551234")), CallState::OnHold); // held before the dial
        auto *join = window.findChild<QPushButton *>(QStringLiteral("joinButton"));
        QVERIFY(join->isVisible() && !join->isEnabled());
        QVERIFY(colleague.answer(colleagueRings.first().first().value<CallInfo>().id).ok());
        QTRY_VERIFY_WITH_TIMEOUT(join->isEnabled(), 10'000);
        QVERIFY(label->text().contains(QStringLiteral("202")));
        QVERIFY(window.grab().save(shots + QStringLiteral("/phone-consult.png")));
        QSignalSpy recorded(session, &app::PhoneSession::callRecorded);
        join->click();
        QTRY_VERIFY_WITH_TIMEOUT(!colleague.calls().isEmpty() &&
                                     colleague.calls().first().state == CallState::Connected &&
                                     colleague.calls().first().remoteUser == QLatin1String("89165551234"),
                                 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(desk.calls().isEmpty(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!recorded.isEmpty(), 10'000);
        // The guest's call, recorded on their card as put through to 202.
        const QList<Touch> history = storage::TouchRepository(t.db, clock).forGuest(known.id, 20).value();
        QString seen;
        bool handed = false;
        for (const Touch &touch : history) {
            seen += QStringLiteral("%1 %2 «%3»; ")
                        .arg(touch.at.toString(Qt::ISODateWithMs), touchKindKey(touch.kind), touch.note);
            handed =
                handed || (touch.kind == TouchKind::CallIn && touch.note.contains(QStringLiteral("202")));
        }
        QVERIFY2(handed, qPrintable(seen));
        QVERIFY(!join->isVisible());
        for (Softphone *phone : {&first, &colleague})
            for (const CallInfo &c : phone->calls())
                phone->hangUp(c.id);
        QTRY_VERIFY_WITH_TIMEOUT(first.calls().isEmpty() && colleague.calls().isEmpty(), 10'000);

        // The phone's settings: this desk stops recording and lets the desktop-wide keys go.
        auto *record = window.findChild<QPushButton *>(QStringLiteral("recordButton"));
        QVERIFY(record->isVisible());
        window.modalHook = [&](QDialog &d) {
            d.show();
            auto *recording = d.findChild<QComboBox *>(QStringLiteral("recordingPolicy"));
            QCOMPARE(recording->currentText(), QStringLiteral("по правилу роли (всегда)"));
            QCOMPARE(d.findChild<QComboBox *>(QStringLiteral("microphone"))->itemText(0),
                     QStringLiteral("Системный по умолчанию"));
            QVERIFY(d.findChild<QLineEdit *>(QStringLiteral("pbxUser"))->text() == QLatin1String("201"));
            recording->setCurrentIndex(recording->findData(QStringLiteral("never")));
            auto *prefix = d.findChild<QComboBox *>(QStringLiteral("dialPrefix"));
            QCOMPARE(prefix->currentData().toString(), QStringLiteral("8"));
            prefix->setCurrentIndex(prefix->findData(QStringLiteral("+7")));
            d.findChild<QCheckBox *>(QStringLiteral("globalKeys"))->setChecked(false);
            QVERIFY(d.grab().save(shots + QStringLiteral("/phone-settings.png")));
            const QStringList cut = test::clippedTexts(&d);
            QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral(" | "))));
            d.accept();
        };
        window.editPhoneSettings();
        window.modalHook = nullptr;
        QCOMPARE(settings.phone().recording, QStringLiteral("never"));
        QCOMPARE(settings.phone().dialPrefix, QStringLiteral("+7"));
        QVERIFY(!settings.phone().globalKeys);
        QCOMPARE(settings.phone().server, pbx.server()); // the rest kept
        QCOMPARE(desk.recordingPolicy(), RecordingPolicy::Never);
        QTRY_VERIFY(!record->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(desk.registrationState() == RegistrationState::Registered, 10'000);
    }

    void cleanupTestCase()
    {
        t.close();
        pbx.stop();
    }
};

QTEST_MAIN(TestPhone)
#include "tst_phone.moc"
