// The phone panel with several calls, against a real kamailio and callers' own liblinphone
// endpoints (issue 21): outgoing calls name the guest as incoming ones do; a second caller ringing
// during a talk leaves the card on the talk; an attended transfer the PBX cannot complete (it
// refuses the guest's Replaces call) gives the guest back to the consultant, says so once, and the
// word with the colleague lands on no guest's timeline.
#include "appcontext.h"
#include "clippedtexts.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/session/settings.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/telephony/softphone.h"
#include "kasp/telephony/ui/phonepanel.h"
#include "kasp/telephony/ui/transferdialog.h"
#include "kasp/testsupport/kamailioprocess.h"
#include "kasp/testsupport/testdb.h"
#include "mainwindow.h"
#include "phonesession.h"
#include "translations.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace kasp;
using namespace kasp::telephony;

namespace {

Softphone::Options peerOptions(const QString &name)
{
    Softphone::Options o;
    o.dataDir = test::makeTempDir(name);
    o.bindAddress = QStringLiteral("127.0.0.1");
    o.useSoundFiles = true;
    o.playFile = QStringLiteral("/usr/share/sounds/linphone/hello8000.wav");
    o.transferTimeoutSecs = 8;
    return o;
}

bool registered(Softphone &phone, const QString &server, const QString &user)
{
    if (!phone.start().ok() || !phone
                                    .registerAccount({server, user, {}, SipTransport::Udp},
                                                     QLatin1String(test::KamailioProcess::kPassword))
                                    .ok())
        return false;
    return QTest::qWaitFor([&] { return phone.registrationState() == RegistrationState::Registered; },
                           10'000);
}

CallState stateWith(Softphone &phone, const QString &remote)
{
    for (const CallInfo &c : phone.calls())
        if (c.remoteUser == remote)
            return c.state;
    return CallState::Ended;
}

void hangUpAll(std::initializer_list<Softphone *> phones)
{
    for (Softphone *phone : phones)
        for (const CallInfo &c : phone->calls())
            phone->hangUp(c.id);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(phones.begin(), phones.end(), [](Softphone *p) { return p->calls().isEmpty(); }), 10'000);
}

} // namespace

class TestPhoneCalls : public QObject
{
    Q_OBJECT
    SystemClock clock;
    test::KamailioProcess pbx;
    test::TestDatabase t;
    Guest first, second;
    User consultant, colleagueUser;
    std::unique_ptr<session::Settings> settings;
    std::unique_ptr<app::AppContext> context;
    std::unique_ptr<app::MainWindow> window;
    app::PhoneSession *session = nullptr;
    std::unique_ptr<Softphone> firstPhone, secondPhone, colleague;

    QLabel *label() const { return window->findChild<QLabel *>(QStringLiteral("callLabel")); }
    QLabel *note() const { return window->findChild<QLabel *>(QStringLiteral("phoneNote")); }
    QPushButton *button(const char *name) const
    {
        return window->findChild<QPushButton *>(QLatin1String(name));
    }
    QString shots() const
    {
        return qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR")
                   ? test::makeTempDir(QStringLiteral("shots"))
                   : qEnvironmentVariable("KASP_SCREENSHOT_DIR");
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        pbx.refuseReplaces();
        QString error;
        QVERIFY2(pbx.start(&error), qPrintable(error));
        t = test::TestDatabase::create(QStringLiteral("phonecalls"));
        first.id = newId();
        first.lastName = QStringLiteral("Звонкова");
        first.firstName = QStringLiteral("Алла");
        first.phones = {Phone::parse(QStringLiteral("+7 916 555-12-34")).value()};
        second.id = newId();
        second.lastName = QStringLiteral("Второва");
        second.firstName = QStringLiteral("Нина");
        second.phones = {Phone::parse(QStringLiteral("+7 925 000-11-22")).value()};
        for (const Guest &g : {first, second})
            QVERIFY(storage::GuestRepository(t.db, clock).create(g).ok());
        consultant = {newId(), QStringLiteral("vera"), QStringLiteral("Орлова Вера"), Role::Consultant, true};
        colleagueUser = {newId(), QStringLiteral("irina"), QStringLiteral("Белова Ирина"), Role::Consultant,
                         true,    QStringLiteral("202")};
        QVERIFY(storage::UserRepository(t.db, clock).create(consultant).ok());
        QVERIFY(storage::UserRepository(t.db, clock).create(colleagueUser).ok());

        settings = std::make_unique<session::Settings>(test::makeTempDir(QStringLiteral("calls-settings")) +
                                                       QStringLiteral("/kasp.ini"));
        settings->setPhone({pbx.server(), QStringLiteral("201"), QStringLiteral("udp")});
        context = std::make_unique<app::AppContext>(t.db, clock, consultant, *settings);
        window = std::make_unique<app::MainWindow>(*context);
        window->resize(1366, 720);
        Softphone::Options desk = peerOptions(QStringLiteral("calls-desk"));
        session = window->enablePhone(desk);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        // The desk's password goes straight to the softphone (no keychain in this test).
        QVERIFY(session->phone()
                    .registerAccount({pbx.server(), QStringLiteral("201"), {}, SipTransport::Udp},
                                     QLatin1String(test::KamailioProcess::kPassword))
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(session->phone().registrationState() == RegistrationState::Registered,
                                 10'000);
        firstPhone = std::make_unique<Softphone>(peerOptions(QStringLiteral("calls-first")));
        secondPhone = std::make_unique<Softphone>(peerOptions(QStringLiteral("calls-second")));
        colleague = std::make_unique<Softphone>(peerOptions(QStringLiteral("calls-colleague")));
        QVERIFY(registered(*firstPhone, pbx.server(), QStringLiteral("89165551234")));
        QVERIFY(registered(*secondPhone, pbx.server(), QStringLiteral("89250001122")));
        QVERIFY(registered(*colleague, pbx.server(), QStringLiteral("202")));
    }

    // An outgoing call shows the guest's name, from the number box as from the card's number.
    void anOutgoingCallNamesTheGuest()
    {
        auto *number = window->findChild<QLineEdit *>(QStringLiteral("dialNumber"));
        number->setText(QStringLiteral("89250001122"));
        button("callButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(stateWith(*secondPhone, QStringLiteral("201")) == CallState::Ringing,
                                 10'000);
        QTRY_VERIFY2(label()->text().contains(QStringLiteral("Второва Нина")), qPrintable(label()->text()));
        QVERIFY(label()->text().contains(QStringLiteral("89250001122")));
        hangUpAll({&session->phone(), secondPhone.get()});

        window->openGuest(first.id);
        auto *contacts = window->cardPanel()->findChild<QLabel *>(QStringLiteral("guestContacts"));
        emit contacts->linkActivated(QStringLiteral("tel:+79165551234"));
        QTRY_VERIFY_WITH_TIMEOUT(stateWith(*firstPhone, QStringLiteral("201")) == CallState::Ringing, 10'000);
        QTRY_VERIFY2(label()->text().contains(QStringLiteral("Звонкова Алла")), qPrintable(label()->text()));
        QVERIFY(window->grab().save(shots() + QStringLiteral("/phone-outgoing.png")));
        hangUpAll({&session->phone(), firstPhone.get()});
        QTRY_VERIFY(label()->text() == QStringLiteral("Нет звонка"));
    }

    // While the consultant talks to the first guest, the second rings: the card stays on the
    // first; answering the second brings its card; a click on the first brings the first back.
    void theCardFollowsTheCallBeingTalkedTo()
    {
        window->openGuest(second.id); // whatever was open before
        Softphone &desk = session->phone();
        QVERIFY(firstPhone->dial(QStringLiteral("201")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(window->cardPanel()->currentGuest(), first.id, 10'000);
        button("answerButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(stateWith(desk, QStringLiteral("89165551234")), CallState::Connected,
                                  10'000);

        QSignalSpy ringing(session, &app::PhoneSession::ringing);
        QVERIFY(secondPhone->dial(QStringLiteral("201")).ok());
        QVERIFY(ringing.wait(10'000));
        auto *list = window->findChild<QListWidget *>(QStringLiteral("callList"));
        QTRY_VERIFY(list->isVisible() && list->count() == 2);
        QTRY_VERIFY(list->item(1)->text().contains(QStringLiteral("Второва")));
        QTest::qWait(300);
        QCOMPARE(window->cardPanel()->currentGuest(), first.id); // it jumped to the ringing caller
        QVERIFY(label()->text().contains(QStringLiteral("Звонкова")));

        button("answerButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(stateWith(desk, QStringLiteral("89250001122")), CallState::Connected,
                                  10'000);
        QTRY_COMPARE(window->cardPanel()->currentGuest(), second.id);
        emit list->itemClicked(list->item(0));
        QTRY_COMPARE_WITH_TIMEOUT(stateWith(desk, QStringLiteral("89165551234")), CallState::Connected,
                                  10'000);
        QTRY_COMPARE(window->cardPanel()->currentGuest(), first.id);
        hangUpAll({&desk, firstPhone.get(), secondPhone.get()});
    }

    // The guest, the consultant and a colleague: «Соединить» fails (the PBX refuses the guest's
    // Replaces call). The guest is not stranded: the panel says so once, «Вернуть гостя» (F6)
    // takes them back, and the colleague's call is on no guest's timeline.
    void aFailedAttendedTransferGivesTheGuestBack()
    {
        Softphone &desk = session->phone();
        QSignalSpy recorded(session, &app::PhoneSession::callRecorded);
        QVERIFY(firstPhone->dial(QStringLiteral("201")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(button("answerButton")->isEnabled(), 10'000);
        button("answerButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(stateWith(desk, QStringLiteral("89165551234")), CallState::Connected,
                                  10'000);

        button("transferButton")->click();
        auto *dialog = window->findChild<telephony::ui::TransferDialog *>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("transferSearch"))->setText(QStringLiteral("бел"));
        QSignalSpy colleagueRings(colleague.get(), &Softphone::incomingCall);
        dialog->findChild<QPushButton *>(QStringLiteral("consultTransferButton"))->click();
        QVERIFY(colleagueRings.wait(10'000));
        QVERIFY(colleague->answer(colleagueRings.first().first().value<CallInfo>().id).ok());
        QPushButton *join = button("joinButton");
        QTRY_VERIFY_WITH_TIMEOUT(join->isEnabled(), 10'000);
        QCOMPARE(button("holdButton")->text(), QStringLiteral("Вернуть гостя"));

        QSignalSpy failed(&desk, &Softphone::transferFailed);
        join->click();
        QVERIFY(failed.wait(15'000));
        QTRY_VERIFY(note()->isVisible());
        const QString said = note()->text();
        QVERIFY2(said.startsWith(QStringLiteral("Перевод не удался")), qPrintable(said));
        QCOMPARE(said.count(QStringLiteral("не удался")), 1); // once
        QVERIFY(button("holdButton")->isEnabled());
        QVERIFY(!button("transferButton")->isEnabled()); // the consultation is still on
        QTest::qWait(200); // the panel's layout takes the note's lines in
        QVERIFY(window->grab().save(shots() + QStringLiteral("/phone-transfer-failed.png")));
        const QStringList squeezed =
            test::squeezedLabels(window->findChild<QWidget *>(QStringLiteral("phonePanel")));
        QVERIFY2(squeezed.isEmpty(), qPrintable(squeezed.join(QStringLiteral(" | "))));

        // F6 takes the guest back: the colleague's line ends, the guest talks to the desk again.
        auto describe = [&] {
            QString out;
            for (Softphone *p : {&desk, colleague.get(), firstPhone.get()}) {
                for (const CallInfo &c : p->calls())
                    out += QStringLiteral("%1:%2 ").arg(c.remoteUser).arg(int(c.state));
                out += QStringLiteral("| ");
            }
            return out + note()->text();
        };
        // F6, as the keyboard types it (through the X server): «Вернуть гостя».
        QCOMPARE(button("holdButton")->shortcut(), QKeySequence(Qt::Key_F6));
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QCOMPARE(QProcess::execute(QStringLiteral("xdotool"), {QStringLiteral("key"), QStringLiteral("F6")}),
                 0);
        QTRY_VERIFY2_WITH_TIMEOUT(colleague->calls().isEmpty(), qPrintable(describe()), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(stateWith(desk, QStringLiteral("89165551234")) == CallState::Connected ||
                                     stateWith(desk, QStringLiteral("89165551234")) ==
                                         CallState::HeldByRemote,
                                 10'000);
        // The guest's phone held its own end to make the failed call; its owner takes it off hold.
        for (const CallInfo &c : firstPhone->calls())
            if (c.state == CallState::OnHold)
                firstPhone->resume(c.id);
        QTRY_COMPARE_WITH_TIMEOUT(stateWith(desk, QStringLiteral("89165551234")), CallState::Connected,
                                  10'000);
        QTRY_VERIFY(!note()->isVisible()); // the message went with the state it was about
        QCOMPARE(button("holdButton")->text(), QStringLiteral("Удержание"));
        QVERIFY(button("transferButton")->isEnabled());
        QVERIFY(!join->isVisible());

        recorded.clear();
        hangUpAll({&desk, firstPhone.get()});
        QTRY_VERIFY_WITH_TIMEOUT(!recorded.isEmpty(), 10'000);
        QTRY_VERIFY(!note()->isVisible());
        // The guest's timeline: the guest's call; the word with the colleague is not there.
        int callIn = 0, callOut = 0;
        for (const Touch &touch : storage::TouchRepository(t.db, clock).forGuest(first.id, 50).value()) {
            callIn += touch.kind == TouchKind::CallIn ? 1 : 0;
            callOut += touch.kind == TouchKind::CallOut ? 1 : 0;
        }
        QCOMPARE(callOut, 1); // anOutgoingCallNamesTheGuest's call, not the consultation
        QVERIFY(callIn >= 2);
    }

    // The PBX dies under the registered desk: the dock says so within 30 s (it took up to 90 s,
    // the renewal's period and then its timeout), and the desk registers again once it is back.
    void aDeadPbxIsNoticedQuickly()
    {
        auto *status = window->findChild<QLabel *>(QStringLiteral("phoneStatus"));
        QTRY_COMPARE_WITH_TIMEOUT(session->phone().registrationState(), RegistrationState::Registered,
                                  10'000);
        QElapsedTimer sinceDeath;
        pbx.stop();
        sinceDeath.start();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("АТС не отвечает")), 30'000);
        qInfo("the dead PBX noticed after %lld ms", sinceDeath.elapsed());
        QCOMPARE(session->phone().registrationState(), RegistrationState::Failed);
        QVERIFY(window->grab().save(shots() + QStringLiteral("/phone-pbx-gone.png")));
        QString error;
        QVERIFY2(pbx.start(&error), qPrintable(error));
        QElapsedTimer sinceBack;
        sinceBack.start();
        QTRY_COMPARE_WITH_TIMEOUT(session->phone().registrationState(), RegistrationState::Registered,
                                  20'000);
        qInfo("registered again %lld ms after the PBX came back", sinceBack.elapsed());
        QVERIFY2(status->text().contains(QStringLiteral("Зарегистрирован")), qPrintable(status->text()));
        // Calls reach the desk again (the restarted PBX had forgotten it).
        QVERIFY(registered(*secondPhone, pbx.server(), QStringLiteral("89250001122")));
        QSignalSpy rings(&session->phone(), &Softphone::incomingCall);
        QVERIFY(secondPhone->dial(QStringLiteral("201")).ok());
        QVERIFY(rings.wait(10'000));
        hangUpAll({&session->phone(), secondPhone.get()});
    }

    void cleanupTestCase()
    {
        firstPhone.reset();
        secondPhone.reset();
        colleague.reset();
        window.reset();
        context.reset();
        t.close();
        pbx.stop();
    }
};

QTEST_MAIN(TestPhoneCalls)
#include "tst_phonecalls.moc"
