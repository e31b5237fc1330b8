// The guest's consent to advertising: each change a record, the latest per channel decides.
#include "kasp/core/consent.h"

#include <QTest>

using namespace kasp;

namespace {

Consent record(ConsentChannel channel, bool given, const QDateTime &at, const QString &id)
{
    Consent c;
    c.id = Id::fromString(id);
    c.guestId = Id::fromString(QStringLiteral("01900000-0000-7000-8000-0000000000aa"));
    c.channel = channel;
    c.given = given;
    c.at = at;
    c.method = ConsentMethod::RecordedCall;
    return c;
}

const QDateTime kMorning(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC);

} // namespace

class TestConsent : public QObject
{
    Q_OBJECT

private slots:
    void keysRoundTrip();
    void codecRoundTripsAndRefusesGaps();
    void latestRecordDecidesAndHistoryStays();
};

void TestConsent::keysRoundTrip()
{
    QCOMPARE(consentChannels().size(), 4);
    for (ConsentChannel c : consentChannels()) {
        QCOMPARE(consentChannelFromKey(consentChannelKey(c)), std::optional<ConsentChannel>(c));
        QVERIFY(!consentChannelTitle(c).isEmpty());
    }
    for (ConsentMethod m :
         {ConsentMethod::RecordedCall, ConsentMethod::WebForm, ConsentMethod::Paper, ConsentMethod::Import})
        QCOMPARE(consentMethodFromKey(consentMethodKey(m)), std::optional<ConsentMethod>(m));
    QVERIFY(!consentChannelFromKey(QStringLiteral("fax")));
    QVERIFY(!consentMethodFromKey(QStringLiteral("guess")));
}

void TestConsent::codecRoundTripsAndRefusesGaps()
{
    Consent c =
        record(ConsentChannel::Email, true, kMorning, QStringLiteral("01900000-0000-7000-8000-000000000001"));
    c.method = ConsentMethod::WebForm;
    c.userId = Id::fromString(QStringLiteral("01900000-0000-7000-8000-0000000000bb"));
    c.note = QStringLiteral("форма «Подписка» на сайте");
    const QJsonObject json = toJson(c);
    QCOMPARE(json.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(json.value(QStringLiteral("method")).toString(), QStringLiteral("web"));
    auto back = consentFromJson(json);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QCOMPARE(back.value(), c);

    // Given or withdrawn must be said; a channel or a method nobody knows is refused.
    for (const auto &[field, value] :
         std::initializer_list<std::pair<const char *, QJsonValue>>{{"given", QJsonValue()},
                                                                    {"given", QStringLiteral("yes")},
                                                                    {"channel", QStringLiteral("fax")},
                                                                    {"method", QStringLiteral("guess")},
                                                                    {"at", QStringLiteral("yesterday")},
                                                                    {"guestId", QString()}}) {
        QJsonObject bad = json;
        if (value.isNull())
            bad.remove(QLatin1String(field));
        else
            bad.insert(QLatin1String(field), value);
        auto refused = consentFromJson(bad);
        QVERIFY2(!refused.ok(), field);
        QVERIFY2(refused.error().message.contains(QLatin1String(field)) ||
                     refused.error().code.startsWith(QLatin1String("json.")),
                 field);
    }
}

void TestConsent::latestRecordDecidesAndHistoryStays()
{
    const QList<Consent> history{
        record(ConsentChannel::Sms, true, kMorning, QStringLiteral("01900000-0000-7000-8000-000000000001")),
        record(ConsentChannel::Calls, true, kMorning, QStringLiteral("01900000-0000-7000-8000-000000000002")),
        // Withdrawn at noon: the morning's consent stays in the history, the state is "no".
        record(ConsentChannel::Sms, false, kMorning.addSecs(3 * 3600),
               QStringLiteral("01900000-0000-7000-8000-000000000003")),
        // Two records of one millisecond: the later id decides, on every desk alike.
        record(ConsentChannel::Calls, false, kMorning,
               QStringLiteral("01900000-0000-7000-8000-000000000004")),
    };
    for (int shift = 0; shift < history.size(); ++shift) { // any order of arrival
        QList<Consent> arrived = history.mid(shift) + history.mid(0, shift);
        const auto current = currentConsents(arrived);
        QCOMPARE(current.size(), 2);
        QVERIFY(!mayAdvertise(current, ConsentChannel::Sms));
        QVERIFY(!mayAdvertise(current, ConsentChannel::Calls));
        QVERIFY(!mayAdvertise(current, ConsentChannel::Email)); // never asked: no
        QCOMPARE(current.value(ConsentChannel::Sms).id, history[2].id);
        QCOMPARE(current.value(ConsentChannel::Calls).id, history[3].id);
    }
    QVERIFY(mayAdvertise(currentConsents(history.mid(0, 2)), ConsentChannel::Sms));
}

QTEST_GUILESS_MAIN(TestConsent)
#include "tst_consent.moc"
