// The head of sales' pipeline: stage keys, which moves are allowed, and how the stored stages and
// the built-in ones make the board's columns.
#include "kasp/core/deal.h"
#include "kasp/core/mutation.h"
#include "kasp/testsupport/testenv.h"

#include <QtTest>

using namespace kasp;
using namespace Qt::StringLiterals;

namespace {

QStringList keysOf(const DealPipeline &p)
{
    QStringList keys;
    for (const DealStageDef &s : p.stages())
        keys.append(s.key);
    return keys;
}

DealStageDef stored(const QString &key, int position, const QString &title = {}, bool active = true)
{
    return DealStageDef{newId(), key, title, position, active};
}

} // namespace

class TestDealPipeline : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { kasp::test::initTestEnvironment(); }

    void stageKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("valid");
        QTest::newRow("built-in") << u"prepaid"_s << true;
        QTest::newRow("own") << u"sea_view_2"_s << true;
        QTest::newRow("40 chars") << QString(40, u'a') << true;
        QTest::newRow("41 chars") << QString(41, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("upper case") << u"Paid"_s << false;
        QTest::newRow("space") << u"sea view"_s << false;
        QTest::newRow("dash") << u"sea-view"_s << false;
        QTest::newRow("cyrillic") << u"оплата"_s << false;
        QTest::newRow("quote") << u"a'b"_s << false;
    }
    void stageKeys()
    {
        QFETCH(QString, key);
        QFETCH(bool, valid);
        QCOMPARE(isValidStageKey(key), valid);
    }

    void lostNeedsAReason()
    {
        QCOMPARE(validateDealMove(u"offer"_s, u"lost"_s, QString()).error().code, u"deal.lost_reason"_s);
        QCOMPARE(validateDealMove(u"offer"_s, u"lost"_s, u"   "_s).error().code, u"deal.lost_reason"_s);
        QCOMPARE(validateDealMove(u"offer"_s, u"lost"_s, QString(201, u'x')).error().code,
                 u"deal.lost_reason"_s);
        QVERIFY(validateDealMove(u"offer"_s, u"lost"_s, u"дорого"_s).ok());
        QVERIFY(validateDealMove(u"offer"_s, u"booked"_s, QString()).ok());
        QCOMPARE(validateDealMove(u"lost"_s, u"offer"_s, QString()).error().code, u"deal.bad_move"_s);
        QCOMPARE(validateDealMove(u"stayed"_s, u"lost"_s, u"x"_s).error().code, u"deal.bad_move"_s);
        QCOMPARE(validateDealMove(u"offer"_s, u"offer"_s, QString()).error().code, u"deal.bad_move"_s);
    }

    void builtInPipeline()
    {
        const DealPipeline p;
        QCOMPARE(keysOf(p), builtinStageKeys());
        QCOMPARE(keysOf(p), (QStringList{u"new"_s, u"qualified"_s, u"offer"_s, u"booked"_s, u"prepaid"_s,
                                         u"paid"_s, u"stayed"_s, u"lost"_s}));
        QCOMPARE(p.indexOf(u"paid"_s), 5);
        QCOMPARE(p.indexOf(u"nowhere"_s), -1);
        QCOMPARE(p.title(u"nowhere"_s), u"nowhere"_s);
        QVERIFY(!p.title(u"offer"_s).isEmpty());
        QCOMPARE(DealPipeline::fromStored({}).stages(), p.stages());
    }

    // The head of sales added a stage, renamed one, hid one and moved "lost" to the front: the
    // ends still close the board, and their own stage sits where they put it.
    void storedStagesOrderTheBoard()
    {
        const QList<DealStageDef> stages{stored(u"lost"_s, 1),
                                         stored(u"new"_s, 10),
                                         stored(u"qualified"_s, 20, u"Выяснили потребность"_s),
                                         stored(u"sea_view"_s, 25, u"Хотят вид на море"_s),
                                         stored(u"offer"_s, 30),
                                         stored(u"booked"_s, 40),
                                         stored(u"prepaid"_s, 50, {}, false),
                                         stored(u"paid"_s, 60),
                                         stored(u"stayed"_s, 70)};
        const DealPipeline p = DealPipeline::fromStored(stages);
        QCOMPARE(keysOf(p), (QStringList{u"new"_s, u"qualified"_s, u"sea_view"_s, u"offer"_s, u"booked"_s,
                                         u"prepaid"_s, u"paid"_s, u"stayed"_s, u"lost"_s}));
        QCOMPARE(p.title(u"qualified"_s), u"Выяснили потребность"_s);
        QCOMPARE(p.title(u"sea_view"_s), u"Хотят вид на море"_s);
        QCOMPARE(p.title(u"new"_s), builtinStageTitle(u"new"_s));
        QVERIFY(!p.activeStages().contains(stages.at(6)));
        QCOMPARE(p.activeStages().size(), 8);
    }

    // Stored by an older desktop without "prepaid": it appears after "booked", not at the end.
    void missingBuiltInsGoWhereTheyBelong()
    {
        const DealPipeline p =
            DealPipeline::fromStored({stored(u"new"_s, 10), stored(u"mine"_s, 15), stored(u"offer"_s, 30),
                                      stored(u"booked"_s, 40), stored(u"paid"_s, 60)});
        QCOMPARE(keysOf(p), (QStringList{u"new"_s, u"mine"_s, u"qualified"_s, u"offer"_s, u"booked"_s,
                                         u"prepaid"_s, u"paid"_s, u"stayed"_s, u"lost"_s}));
    }

    void duplicatesAndBadKeysAreLeftOut()
    {
        DealStageDef first = stored(u"mine"_s, 15, u"первая"_s);
        DealStageDef second = stored(u"mine"_s, 16, u"вторая"_s);
        const DealPipeline p =
            DealPipeline::fromStored({second, stored(u"Bad Key"_s, 5), first, stored(u"new"_s, 10)});
        QCOMPARE(keysOf(p).count(u"mine"_s), 1);
        QCOMPARE(p.title(u"mine"_s), u"первая"_s);
        QCOMPARE(p.indexOf(u"Bad Key"_s), -1);
        QCOMPARE(keysOf(p).size(), 9);
    }

    void validateStage()
    {
        QVERIFY(validateDealStage(DealStageDef{Id(), u"new"_s, QString(), 0, true}).ok());
        QCOMPARE(validateDealStage(DealStageDef{Id(), u"mine"_s, u"  "_s, 0, true}).error().code,
                 u"deal_stage.title"_s);
        QCOMPARE(validateDealStage(DealStageDef{Id(), u"mine"_s, QString(61, u'я'), 0, true}).error().code,
                 u"deal_stage.title"_s);
        QCOMPARE(validateDealStage(DealStageDef{Id(), u"Mine"_s, u"x"_s, 0, true}).error().code,
                 u"deal_stage.key"_s);
        QCOMPARE(validateDealStage(DealStageDef{Id(), u"lost"_s, QString(), 0, false}).error().code,
                 u"deal_stage.closed_hidden"_s);
        QVERIFY(validateDealStage(DealStageDef{Id(), u"paid"_s, QString(), 0, false}).ok());
    }

    void codecsRoundTrip()
    {
        const DealStageDef stage{newId(), u"sea_view"_s, u"Вид на море"_s, -5, false};
        QCOMPARE(dealStageFromJson(toJson(stage)).value(), stage);
        const DealMove move{newId(),
                            newId(),
                            newId(),
                            newId(),
                            u"offer"_s,
                            u"lost"_s,
                            QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC)};
        QCOMPARE(dealMoveFromJson(toJson(move)).value(), move);
        QJsonObject bad = toJson(move);
        bad.insert(u"to"_s, u"Lost Cause"_s);
        QCOMPARE(dealMoveFromJson(bad).error().code, u"json.bad_value"_s);
        bad = toJson(move);
        bad.remove(u"at"_s);
        QCOMPARE(dealMoveFromJson(bad).error().code, u"json.missing_field"_s);
        QJsonObject noStage = toJson(stage);
        noStage.insert(u"position"_s, 1.5);
        QCOMPARE(dealStageFromJson(noStage).error().code, u"json.bad_value"_s);
    }
};

QTEST_GUILESS_MAIN(TestDealPipeline)
#include "tst_dealpipeline.moc"
