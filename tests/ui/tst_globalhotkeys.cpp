// Keys for the whole desktop under Xvfb: a key grabbed by the Sales Window fires while another
// window has the focus (xdotool presses it through XTEST, as a keyboard would), also with NumLock
// on; a key another program holds is refused with a message; let go, a key fires nothing.
#include "globalhotkeys.h"
#include "kasp/testsupport/testenv.h"
#include "translations.h"

#include <QProcess>
#include <QtTest>
#include <QWidget>
#include <xcb/xcb.h>

using namespace kasp;

namespace {
bool press(const QString &keys)
{
    return QProcess::execute(QStringLiteral("xdotool"), {QStringLiteral("key"), keys}) == 0;
}
} // namespace

class TestGlobalHotkeys : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("needs an X server (run under Xvfb: scripts/run-tests.sh)");
    }

    void aGrabbedKeyFiresWhateverHasTheFocus()
    {
        app::GlobalHotkeys keys;
        QVERIFY(keys.available());
        int answered = 0;
        QString error;
        QVERIFY2(keys.add(
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F3), [&] { ++answered; }, &error),
                 qPrintable(error));
        // Some other window has the focus (the consultant is typing elsewhere).
        QWidget elsewhere;
        elsewhere.show();
        QVERIFY(QTest::qWaitForWindowExposed(&elsewhere));
        QVERIFY(press(QStringLiteral("ctrl+shift+F3")));
        QTRY_COMPARE(answered, 1);
        QVERIFY(press(QStringLiteral("F3")));       // without the modifiers: not ours
        QVERIFY(press(QStringLiteral("ctrl+F3")));  // nor with only one of them
        QVERIFY(press(QStringLiteral("Num_Lock"))); // NumLock on: still the same key
        QVERIFY(press(QStringLiteral("ctrl+shift+F3")));
        QTRY_COMPARE(answered, 2);
        QVERIFY(press(QStringLiteral("Num_Lock")));
        QTest::qWait(200);
        QCOMPARE(answered, 2);

        keys.clear(); // let go: the key is the other programs' again
        QVERIFY(press(QStringLiteral("ctrl+shift+F3")));
        QTest::qWait(300);
        QCOMPARE(answered, 2);
    }

    void aKeyAnotherProgramHoldsIsRefused()
    {
        // Another program (its own X connection) holds Ctrl+Shift+F9.
        xcb_connection_t *other = xcb_connect(nullptr, nullptr);
        QVERIFY(!xcb_connection_has_error(other));
        const xcb_window_t root = xcb_setup_roots_iterator(xcb_get_setup(other)).data->root;
        // It grabs every key with Ctrl+Shift (AnyKey), F9 among them.
        const xcb_void_cookie_t grab =
            xcb_grab_key_checked(other, 1, root, XCB_MOD_MASK_CONTROL | XCB_MOD_MASK_SHIFT, XCB_GRAB_ANY,
                                 XCB_GRAB_MODE_ASYNC, XCB_GRAB_MODE_ASYNC);
        QVERIFY(xcb_request_check(other, grab) == nullptr);
        app::GlobalHotkeys keys;
        int fired = 0;
        QString error;
        QVERIFY(!keys.add(
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F9), [&] { ++fired; }, &error));
        QVERIFY2(error.contains(QStringLiteral("другая программа")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("F9")), qPrintable(error));
        xcb_disconnect(other); // its grabs go with it, once the X server has noticed it gone
        bool added = false;
        for (int i = 0; i < 100 && !added; ++i) {
            added = keys.add(
                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F9), [&] { ++fired; }, &error);
            if (!added)
                QTest::qWait(20);
        }
        QVERIFY2(added, qPrintable(error));
        QVERIFY(!keys.add(
            QKeySequence(Qt::CTRL | Qt::Key_Backslash), [] {}, &error)); // no code for it
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestGlobalHotkeys)
#include "tst_globalhotkeys.moc"
