// Caller ids the PBX should not send but some do, through kamailio to the Sales Window under Xvfb:
// an anonymous caller (privacy: From anonymous@anonymous.invalid), a number with letters in it, a
// 300-digit one and a 5,000-digit one. Each opens the unknown-caller card (no number to fill in), nothing
// crashes, and each unanswered call lands as a missed call on the one «Скрытый номер» card. The callers are
// raw liblinphone cores: our Softphone only ever presents the account's own identity.
#include "appcontext.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/crm/guestservice.h"
#include "kasp/session/settings.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/telephony/softphone.h"
#include "kasp/testsupport/kamailioprocess.h"
#include "kasp/testsupport/testdb.h"
#include "mainwindow.h"
#include "phonesession.h"
#include "translations.h"

#include <linphone++/linphone.hh>
#include <QDialog>
#include <QPlainTextEdit>
#include <QtTest>

using namespace kasp;

namespace {

// A SIP endpoint with no account: its INVITE's From is whatever primary contact it is given.
class RawCaller
{
public:
    explicit RawCaller(const QString &dir)
    {
        auto factory = linphone::Factory::get();
        const QString config =
            QStringLiteral("[sip]\nsip_port=-1\nsip_tcp_port=-1\nsip_tls_port=0\nguess_hostname=0\n"
                           "bind_address=127.0.0.1\n[rtp]\nbind_address=127.0.0.1\n[net]\nipv6=0\n"
                           "[video]\ncapture=0\ndisplay=0\n");
        factory->setDataDir((dir + QLatin1Char('/')).toStdString());
        factory->setConfigDir((dir + QLatin1Char('/')).toStdString());
        m_core =
            factory->createCoreWithConfig(factory->createConfigFromString(config.toStdString()), nullptr);
        m_core->setUseFiles(true);
        m_core->setAudioPort(-1);
        m_core->start();
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { m_core->iterate(); });
        m_timer.start();
    }
    ~RawCaller()
    {
        m_timer.stop();
        m_core->stop();
    }
    // Rings `target` presenting `from` ("sip:…@127.0.0.1"), or anonymously when `from` is empty.
    bool ring(const QString &target, const QString &from)
    {
        auto params = m_core->createCallParams(nullptr);
        if (from.isEmpty())
            params->setPrivacy(unsigned(linphone::Privacy::Id) | unsigned(linphone::Privacy::User));
        else
            m_core->setPrimaryContact(from.toStdString());
        m_call = m_core->inviteAddressWithParams(m_core->createAddress(target.toStdString()), params);
        return m_call != nullptr;
    }
    bool ringing() const { return m_call && m_call->getState() == linphone::Call::State::OutgoingRinging; }
    void giveUp()
    {
        if (m_call)
            m_call->terminate();
    }
    bool idle() const { return m_core->getCallsNb() == 0; }

private:
    std::shared_ptr<linphone::Core> m_core;
    std::shared_ptr<linphone::Call> m_call;
    QTimer m_timer;
};

} // namespace

class TestPhoneCallerIds : public QObject
{
    Q_OBJECT
    test::KamailioProcess pbx;
    test::TestDatabase t;
    SystemClock clock;

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        QString error;
        QVERIFY2(pbx.start(&error), qPrintable(error));
        t = test::TestDatabase::create(QStringLiteral("callerids"));
    }

    void strangeCallerIdsOpenTheUnknownCallerCard()
    {
        session::Settings settings(test::makeTempDir(QStringLiteral("callerids-settings")) +
                                   QStringLiteral("/kasp.ini"));
        settings.setPhone({pbx.server(), QStringLiteral("201"), QStringLiteral("udp")});
        const User consultant{newId(), QStringLiteral("olga"), QStringLiteral("Иванова Ольга"),
                              Role::Consultant, true};
        // The desk registers with the password from the keychain, as in the field.
        credentials::CredentialStore keychain(QStringLiteral("KASP"));
        QSignalSpy written(&keychain, &credentials::CredentialStore::writeFinished);
        keychain.write(QLatin1String(session::Settings::kSipPasswordKey),
                       QLatin1String(test::KamailioProcess::kPassword));
        QVERIFY(written.wait(10'000));
        app::AppContext context(t.db, clock, consultant, settings);
        app::MainWindow window(context);
        telephony::Softphone::Options options;
        options.bindAddress = QStringLiteral("127.0.0.1");
        options.useSoundFiles = true;
        options.recording = RecordingPolicy::Never;
        app::PhoneSession *session = window.enablePhone(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(
            session->phone().registrationState() == telephony::RegistrationState::Registered, 10'000);

        RawCaller caller(test::makeTempDir(QStringLiteral("raw-caller")));
        const QString desk = QStringLiteral("sip:201@%1").arg(pbx.server());
        const QStringList froms = {QString(), // anonymous
                                   QStringLiteral("sip:+7(916)ABC-12@127.0.0.1"),
                                   QStringLiteral("sip:%1@127.0.0.1").arg(QString(300, QLatin1Char('7'))),
                                   QStringLiteral("sip:%1@127.0.0.1").arg(QString(5000, QLatin1Char('7')))};
        QSignalSpy recorded(session, &app::PhoneSession::callRecorded);
        QSignalSpy rings(&session->phone(), &telephony::Softphone::incomingCall);
        for (const QString &from : froms) {
            QVERIFY(caller.ring(desk, from));
            QTRY_VERIFY_WITH_TIMEOUT(
                window.findChild<QDialog *>(QStringLiteral("newCallerDialog")) != nullptr, 10'000);
            auto *dialog = window.findChild<QDialog *>(QStringLiteral("newCallerDialog"));
            QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("phones"))->toPlainText(), QString());
            QTRY_VERIFY_WITH_TIMEOUT(caller.ringing(), 10'000);
            caller.giveUp();
            QTRY_VERIFY_WITH_TIMEOUT(caller.idle() && session->phone().calls().isEmpty(), 10'000);
            dialog->close();
            QTRY_VERIFY_WITH_TIMEOUT(
                window.findChild<QDialog *>(QStringLiteral("newCallerDialog")) == nullptr, 5000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 4, 10'000);
        // What the desk was given: really anonymous, really letters, really 300 digits. 5,000 digits
        // arrive as no id at all (the SIP stack drops a user part that long): hidden, too.
        QCOMPARE(rings.size(), 4);
        QCOMPARE(rings.at(0).first().value<telephony::CallInfo>().remoteUser.toLower(),
                 QStringLiteral("anonymous"));
        QCOMPARE(rings.at(1).first().value<telephony::CallInfo>().remoteUser,
                 QStringLiteral("+7(916)ABC-12"));
        QCOMPARE(rings.at(2).first().value<telephony::CallInfo>().remoteUser.size(), 300);
        // All four on the one hidden-number card, as missed calls with a call-back each.
        const Id hidden = recorded.first().first().value<Id>();
        for (const QList<QVariant> &r : recorded)
            QCOMPARE(r.first().value<Id>(), hidden);
        QCOMPARE(storage::GuestRepository(t.db, clock).byId(hidden).value()->lastName,
                 QStringLiteral("Скрытый"));
        const QList<Touch> touches = storage::TouchRepository(t.db, clock).forGuest(hidden, 10).value();
        QCOMPARE(touches.size(), 4);
        for (const Touch &touch : touches)
            QCOMPARE(touch.kind, TouchKind::CallMissed);
    }

    void cleanupTestCase()
    {
        t.close();
        pbx.stop();
    }
};

QTEST_MAIN(TestPhoneCallerIds)
#include "tst_phonecallerids.moc"
