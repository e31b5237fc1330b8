#include "globalhotkeys.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTimer>

#ifdef KASP_HAVE_X11
#include <QtGui/qguiapplication_platform.h>
#include <X11/keysym.h>
#include <X11/Xlib.h>
#include <xcb/xcb.h>
#endif

namespace kasp::app {

#ifdef KASP_HAVE_X11
namespace {

constexpr quint16 kShift = XCB_MOD_MASK_SHIFT;
constexpr quint16 kCapsLock = XCB_MOD_MASK_LOCK;
constexpr quint16 kControl = XCB_MOD_MASK_CONTROL;
constexpr quint16 kAlt = XCB_MOD_MASK_1;
constexpr quint16 kNumLock = XCB_MOD_MASK_2;
constexpr quint16 kSuper = XCB_MOD_MASK_4;
constexpr quint16 kMeaningful = kShift | kControl | kAlt | kSuper;

// The X server, or none. The offscreen platform answers for the X11 interface too (its GLX
// build) but with no display and no connection behind it: grabbing a key there crashed in Xlib.
QNativeInterface::QX11Application *x11()
{
    auto *native = qGuiApp ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
    return native && native->display() && native->connection() ? native : nullptr;
}

// The X keysym of a Qt key: function keys, letters and digits (what hotkeys are made of).
KeySym keysymOf(int key)
{
    if (key >= Qt::Key_F1 && key <= Qt::Key_F24)
        return XK_F1 + KeySym(key - Qt::Key_F1);
    if (key >= Qt::Key_A && key <= Qt::Key_Z)
        return XK_a + KeySym(key - Qt::Key_A);
    if (key >= Qt::Key_0 && key <= Qt::Key_9)
        return XK_0 + KeySym(key - Qt::Key_0);
    if (key == Qt::Key_Space)
        return XK_space;
    return NoSymbol;
}

quint16 modifiersOf(Qt::KeyboardModifiers m)
{
    quint16 out = 0;
    if (m & Qt::ShiftModifier)
        out |= kShift;
    if (m & Qt::ControlModifier)
        out |= kControl;
    if (m & Qt::AltModifier)
        out |= kAlt;
    if (m & Qt::MetaModifier)
        out |= kSuper;
    return out;
}

// NumLock and CapsLock are modifiers to X: a grab without them misses every key pressed while one
// is on, so each key is grabbed four times.
const quint16 kLockVariants[] = {0, kCapsLock, kNumLock, kCapsLock | kNumLock};

xcb_window_t rootOf(xcb_connection_t *c)
{
    return xcb_setup_roots_iterator(xcb_get_setup(c)).data->root;
}

} // namespace
#endif

GlobalHotkeys::GlobalHotkeys(QObject *parent) : QObject(parent)
{
    if (available())
        QCoreApplication::instance()->installNativeEventFilter(this);
}

GlobalHotkeys::~GlobalHotkeys()
{
    clear();
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeNativeEventFilter(this);
}

bool GlobalHotkeys::available() const
{
#ifdef KASP_HAVE_X11
    return x11() != nullptr;
#else
    return false;
#endif
}

bool GlobalHotkeys::add(const QKeySequence &key, std::function<void()> action, QString *error)
{
    const auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return false;
    };
#ifdef KASP_HAVE_X11
    auto *native = x11();
    if (!native)
        return fail(tr("keys for the whole desktop work under X11 only"));
    if (key.count() != 1)
        return fail(tr("«%1» is not one key").arg(key.toString(QKeySequence::NativeText)));
    const QKeyCombination combination = key[0];
    const KeySym sym = keysymOf(combination.key());
    const KeyCode code = sym == NoSymbol ? 0 : XKeysymToKeycode(native->display(), sym);
    if (code == 0)
        return fail(
            tr("the key «%1» has no code on this keyboard").arg(key.toString(QKeySequence::NativeText)));
    const quint16 modifiers = modifiersOf(combination.keyboardModifiers());
    xcb_connection_t *c = native->connection();
    const xcb_window_t root = rootOf(c);
    for (const quint16 lock : kLockVariants) {
        const auto cookie = xcb_grab_key_checked(c, 1, root, quint16(modifiers | lock), code,
                                                 XCB_GRAB_MODE_ASYNC, XCB_GRAB_MODE_ASYNC);
        if (xcb_generic_error_t *e = xcb_request_check(c, cookie)) {
            free(e);
            for (const quint16 undo : kLockVariants)
                xcb_ungrab_key(c, code, root, quint16(modifiers | undo));
            xcb_flush(c);
            return fail(tr("another program already uses «%1»").arg(key.toString(QKeySequence::NativeText)));
        }
    }
    xcb_flush(c);
    m_grabs.append({quint8(code), modifiers, key, std::move(action)});
    return true;
#else
    Q_UNUSED(key)
    Q_UNUSED(action)
    return fail(tr("keys for the whole desktop are not available on this system yet"));
#endif
}

void GlobalHotkeys::clear()
{
#ifdef KASP_HAVE_X11
    if (auto *native = x11(); native && !m_grabs.isEmpty()) {
        xcb_connection_t *c = native->connection();
        const xcb_window_t root = rootOf(c);
        for (const Grab &g : std::as_const(m_grabs))
            for (const quint16 lock : kLockVariants)
                xcb_ungrab_key(c, g.keycode, root, quint16(g.modifiers | lock));
        xcb_flush(c);
    }
#endif
    m_grabs.clear();
}

bool GlobalHotkeys::nativeEventFilter(const QByteArray &eventType, void *message, qintptr *)
{
#ifdef KASP_HAVE_X11
    if (m_grabs.isEmpty() || eventType != QByteArrayLiteral("xcb_generic_event_t"))
        return false;
    auto *event = static_cast<xcb_generic_event_t *>(message);
    const int type = event->response_type & 0x7f;
    if (type != XCB_KEY_PRESS && type != XCB_KEY_RELEASE)
        return false;
    // Press and release events share one layout.
    auto *key = reinterpret_cast<xcb_key_press_event_t *>(event);
    const quint16 state = key->state & kMeaningful;
    for (Grab &g : m_grabs) {
        if (g.keycode != key->detail || g.modifiers != state)
            continue;
        if (type == XCB_KEY_RELEASE) {
            g.releasedAt = key->time;
            return true;
        }
        // A held key repeats as release + press at one instant: one action per press of the hand.
        if (key->time != g.releasedAt) // after the event has been handled: the action may open a dialog
            QTimer::singleShot(0, this, g.action);
        return true;
    }
#else
    Q_UNUSED(eventType)
    Q_UNUSED(message)
#endif
    return false;
}

} // namespace kasp::app
