// The deals board under Xvfb, in Russian, over a small demo sanatorium: columns and their totals
// as the database has them, a card dragged (real drag-and-drop events on the view) to another
// column, "lost" asking for its reason, the keyboard moves and their undo, the list, and the head
// of sales' pipeline editor. Screenshots of the board, the list and the editor.
#include "clippedtexts.h"
#include "kasp/crm/dealservice.h"
#include "kasp/crm/ui/dealboardpanel.h"
#include "kasp/crm/ui/pipelineeditordialog.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/storage/dealrepository.h"
#include "kasp/testsupport/testdb.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace kasp;
using crm::ui::DealBoardPanel;
using crm::ui::DealColumnModel;

class TestDealBoard : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    SystemClock clock;
    std::unique_ptr<crm::DealService> service;
    std::unique_ptr<DealBoardPanel> board;
    const Id me = newId();

    void shoot(QWidget *w, const QString &name)
    {
        if (!qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR"))
            w->grab().save(qEnvironmentVariable("KASP_SCREENSHOT_DIR") + QLatin1Char('/') + name);
    }

    qint64 sqlCount(const QString &where)
    {
        QSqlQuery q(t.db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM deals WHERE ") + where) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    QString stageOf(const Id &dealId)
    {
        return storage::DealRepository(t.db, clock).find(dealId).value()->stage;
    }

    // What a drag from one column does on arriving over another: enter, move, drop.
    bool dropOn(QListView *view, QMimeData *data)
    {
        const QPoint pos(view->viewport()->width() / 2, 10);
        QDragEnterEvent enter(pos, Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &enter);
        QDragMoveEvent move(pos, Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        if (!move.isAccepted())
            return false;
        QDropEvent drop(QPointF(pos), Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &drop);
        return true;
    }

    // Answers the next modal input dialog with `text` (or cancels it for an empty text).
    void answerInputDialog(const QString &text)
    {
        QTimer::singleShot(50, this, [text] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            if (text.isEmpty()) {
                dialog->reject();
                return;
            }
            dialog->setTextValue(text);
            dialog->accept();
        });
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        t = test::TestDatabase::create(QStringLiteral("deals"));
        demo::DemoOptions options;
        options.guests = 1500;
        options.years = 1;
        options.today = QDate::currentDate();
        auto made = demo::generateDemo(t.db, options);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
        service = std::make_unique<crm::DealService>(t.db, clock);
        board = std::make_unique<DealBoardPanel>(*service, clock);
        board->setUser(me, true);
        board->resize(1400, 760);
        board->show();
        QVERIFY(QTest::qWaitForWindowExposed(board.get()));
    }

    void columnsAreThePipelineWithTheDatabasesTotals()
    {
        QCOMPARE(board->columnViews().size(), 8);
        QStringList keys;
        qint64 open = 0;
        for (QListView *view : board->columnViews()) {
            auto *model = static_cast<DealColumnModel *>(view->model());
            keys.append(model->stageKey());
            const qint64 expected =
                isClosedStage(model->stageKey())
                    ? sqlCount(QStringLiteral("stage = '%1' AND updated_at >= %2")
                                   .arg(model->stageKey())
                                   .arg(QDateTime::currentDateTime().addDays(-30).toMSecsSinceEpoch()))
                    : sqlCount(QStringLiteral("stage = '%1'").arg(model->stageKey()));
            QCOMPARE(model->column().total.count, expected);
            QCOMPARE(model->rowCount(), int(std::min<qint64>(expected, crm::DealService::kColumnLimit)));
            // After the first page is checked: the tester also asks for the next one (fetchMore).
            QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            if (!isClosedStage(model->stageKey()))
                open += expected;
        }
        QCOMPARE(keys, builtinStageKeys());
        QCOMPARE(open, sqlCount(QStringLiteral("stage NOT IN ('stayed', 'lost')")));
        QVERIFY2(open > 0, "the demo has open deals");
        QVERIFY(board->columnModel(dealstage::New)->rowCount() > 0);
        shoot(board.get(), QStringLiteral("deals-board.png"));
        const QStringList clipped = test::clippedTexts(board.get());
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
    }

    void aDraggedCardMovesTheDeal()
    {
        DealColumnModel *from = board->columnModel(dealstage::New);
        const Id dealId = from->index(0).data(DealColumnModel::DealIdRole).value<Id>();
        const qint64 newBefore = from->column().total.count;
        const qint64 offerBefore = board->columnModel(dealstage::Offer)->column().total.count;
        QSignalSpy moved(board.get(), &DealBoardPanel::dealMoved);
        std::unique_ptr<QMimeData> data(from->mimeData({from->index(0)}));
        // Dropped back on its own column: no move.
        QVERIFY(!dropOn(board->columnView(dealstage::New), data.get()));
        QVERIFY(dropOn(board->columnView(dealstage::Offer), data.get()));
        QTRY_COMPARE(moved.size(), 1);
        QCOMPARE(stageOf(dealId), dealstage::Offer);
        QCOMPARE(board->columnModel(dealstage::New)->column().total.count, newBefore - 1);
        QCOMPARE(board->columnModel(dealstage::Offer)->column().total.count, offerBefore + 1);
        QCOMPARE(board->columnModel(dealstage::Offer)->indexOfDeal(dealId), 0); // on top, selected
        QCOMPARE(board->columnView(dealstage::Offer)->currentIndex().row(), 0);
        QCOMPARE(board->columnModel(dealstage::New)->indexOfDeal(dealId), -1);
        const QList<DealMove> moves = storage::DealRepository(t.db, clock).moves(dealId).value();
        QCOMPARE(moves.size(), 1);
        QCOMPARE(moves.first().userId, me);

        // Undo: the deal goes back, as one more move in its history.
        QVERIFY(board->undoAction()->isEnabled());
        board->undoAction()->trigger();
        QCOMPARE(stageOf(dealId), dealstage::New);
        QCOMPARE(storage::DealRepository(t.db, clock).moves(dealId).value().size(), 2);
        QVERIFY(!board->undoAction()->isEnabled());
    }

    void lostAsksWhyAndAClosedCardStays()
    {
        DealColumnModel *from = board->columnModel(dealstage::New);
        const Id dealId = from->index(0).data(DealColumnModel::DealIdRole).value<Id>();
        std::unique_ptr<QMimeData> data(from->mimeData({from->index(0)}));
        answerInputDialog(QString()); // cancelled: nothing moves
        QVERIFY(dropOn(board->columnView(dealstage::Lost), data.get()));
        QTest::qWait(300);
        QCOMPARE(stageOf(dealId), dealstage::New);

        answerInputDialog(QStringLiteral("Выбрали другой санаторий"));
        QVERIFY(dropOn(board->columnView(dealstage::Lost), data.get()));
        QTRY_COMPARE(stageOf(dealId), dealstage::Lost);
        QCOMPARE(storage::DealRepository(t.db, clock).find(dealId).value()->lostReason,
                 QStringLiteral("Выбрали другой санаторий"));
        QVERIFY(!board->undoAction()->isEnabled()); // a closed deal is not moved back

        DealColumnModel *lost = board->columnModel(dealstage::Lost);
        const int row = lost->indexOfDeal(dealId);
        QVERIFY(row >= 0);
        QVERIFY(!(lost->flags(lost->index(row)) & Qt::ItemIsDragEnabled));
        std::unique_ptr<QMimeData> closed(lost->mimeData({lost->index(row)}));
        QVERIFY(!dropOn(board->columnView(dealstage::Offer), closed.get()));
        QCOMPARE(stageOf(dealId), dealstage::Lost);
    }

    void keyboardMovesToTheNextStage()
    {
        board->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(board.get()));
        QListView *view = board->columnView(dealstage::Qualified);
        QVERIFY(view->model()->rowCount() > 0);
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        const Id dealId = view->currentIndex().data(DealColumnModel::DealIdRole).value<Id>();
        QTest::keyClick(view, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(stageOf(dealId), dealstage::Offer);
        QListView *offer = board->columnView(dealstage::Offer);
        QCOMPARE(QApplication::focusWidget(), offer);
        QTest::keyClick(offer, Qt::Key_Left, Qt::ControlModifier);
        QCOMPARE(stageOf(dealId), dealstage::Qualified);
        QTest::keyClick(board->columnView(dealstage::Qualified), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stageOf(dealId), dealstage::Offer);
    }

    void theListShowsTheSameDeals()
    {
        board->showList(true);
        int shown = 0;
        for (QListView *view : board->columnViews())
            shown += view->model()->rowCount();
        QCOMPARE(board->listView()->model()->rowCount(), shown);
        board->listView()->sortByColumn(3, Qt::DescendingOrder);
        QAbstractItemModel *m = board->listView()->model();
        QVERIFY(m->index(0, 3).data(Qt::UserRole).toLongLong() >=
                m->index(1, 3).data(Qt::UserRole).toLongLong());
        shoot(board.get(), QStringLiteral("deals-list.png"));
        board->showList(false);
    }

    void theHeadOfSalesEditsThePipeline()
    {
        crm::ui::PipelineEditorDialog dialog(*service, board.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTableWidget *table = dialog.table();
        QCOMPARE(table->rowCount(), 8);
        table->item(1, 0)->setText(QStringLiteral("Выяснили потребность"));
        table->item(4, 1)->setCheckState(Qt::Unchecked);            // prepaid hidden
        QVERIFY(!(table->item(7, 1)->flags() & Qt::ItemIsEnabled)); // lost cannot be hidden
        dialog.addButton()->click();
        QCOMPARE(table->rowCount(), 9);
        QCOMPARE(table->currentRow(), 6); // before "stayed" and "lost"
        table->closePersistentEditor(table->item(6, 0));
        table->item(6, 0)->setText(QStringLiteral("Заселение"));
        shoot(&dialog, QStringLiteral("pipeline-editor.png"));
        const QStringList clipped = test::clippedTexts(&dialog);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
        QVERIFY(dialog.save());
        dialog.close();

        board->reload();
        const DealPipeline p = service->pipeline().value();
        QCOMPARE(p.title(dealstage::Qualified), QStringLiteral("Выяснили потребность"));
        QCOMPARE(p.indexOf(QStringLiteral("zaselenie")), 6);
        QVERIFY(!p.stages().at(p.indexOf(dealstage::Prepaid)).active);
        QVERIFY(board->columnView(QStringLiteral("zaselenie")));
        // Hidden, but it holds deals: still on the board, marked, taking no drops.
        const bool prepaidHasDeals = sqlCount(QStringLiteral("stage = 'prepaid'")) > 0;
        QCOMPARE(board->columnView(dealstage::Prepaid) != nullptr, prepaidHasDeals);
        DealColumnModel *fromNew = board->columnModel(dealstage::New);
        std::unique_ptr<QMimeData> data(fromNew->mimeData({fromNew->index(0)}));
        if (prepaidHasDeals)
            QVERIFY(!dropOn(board->columnView(dealstage::Prepaid), data.get()));
        // Saving again without a change writes nothing.
        QSqlQuery q(t.db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM outbox")) && q.next());
        const qint64 outbox = q.value(0).toLongLong();
        QVERIFY(service->savePipeline(service->pipeline().value().stages()).ok());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM outbox")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), outbox);
        QTest::qWait(50); // new columns are shown by a queued call
        QVERIFY(board->columnView(dealstage::New)->isVisible());
        shoot(board.get(), QStringLiteral("deals-board-edited.png"));
    }

    // A column longer than a page shows 200 cards; scrolled to its end it loads the next ones, in
    // the same order (most recently moved first), none twice, until every deal is a card.
    void aLongColumnLoadsMoreAsItScrolls()
    {
        QSqlQuery q(t.db);
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM guests LIMIT 1")) && q.next());
        const Id guest = idFromString(q.value(0).toString());
        storage::DealRepository deals(t.db, clock);
        for (int i = 0; i < 450; ++i) // many within one millisecond: the id orders those
            QVERIFY(
                deals
                    .create(Deal{newId(), guest, Id(), QStringLiteral("Путёвка %1").arg(i), dealstage::Offer})
                    .ok());
        board->reload();
        DealColumnModel *model = board->columnModel(dealstage::Offer);
        const qint64 total = model->column().total.count;
        QVERIFY(total >= 450);
        QCOMPARE(model->rowCount(), crm::DealService::kColumnLimit);
        QListView *view = board->findChild<QListView *>(QStringLiteral("deals_") + dealstage::Offer);
        QVERIFY(view);
        for (int turn = 0; turn < 10 && model->rowCount() < total; ++turn) {
            view->scrollToBottom();
            QTest::qWait(20);
        }
        QCOMPARE(model->rowCount(), int(total));
        QVERIFY(!model->canFetchMore({}));
        QSet<Id> seen;
        for (int row = 0; row < model->rowCount(); ++row) {
            const Deal &d = model->column().deals.at(row).deal;
            QVERIFY2(!seen.contains(d.id), "a card twice");
            seen.insert(d.id);
            if (row > 0) {
                const Deal &before = model->column().deals.at(row - 1).deal;
                QVERIFY(before.updatedAt > d.updatedAt ||
                        (before.updatedAt == d.updatedAt && idToString(before.id) > idToString(d.id)));
            }
        }
        board->showList(true);
        int shown = 0;
        for (QListView *v : board->columnViews())
            shown += v->model()->rowCount();
        QCOMPARE(board->listView()->model()->rowCount(), shown); // the list has the loaded cards too
        board->showList(false);
    }

    void cleanupTestCase()
    {
        board.reset();
        service.reset();
        t.close();
    }
};

QTEST_MAIN(TestDealBoard)
#include "tst_dealboard.moc"
