#pragma once
// Keys that work while another program has the focus: a consultant typing an e-mail answers the
// ringing phone with Ctrl+Shift+F3 without looking for the window. On X11 the keys are grabbed on
// the root window (every NumLock / CapsLock combination); elsewhere (Wayland, a platform without
// the code yet) available() is false and the window's own shortcuts remain.
#include <functional>
#include <QAbstractNativeEventFilter>
#include <QKeySequence>
#include <QList>
#include <QObject>

namespace kasp::app {

class GlobalHotkeys : public QObject, public QAbstractNativeEventFilter
{
    Q_OBJECT
public:
    explicit GlobalHotkeys(QObject *parent = nullptr);
    ~GlobalHotkeys() override;

    bool available() const;
    // Grabs `key` (one key with Ctrl / Shift / Alt / Meta) for the whole desktop. False with a
    // message when it cannot be had: another program holds it, or the key has no code here.
    bool add(const QKeySequence &key, std::function<void()> action, QString *error);
    void clear(); // lets every key go

    bool nativeEventFilter(const QByteArray &eventType, void *message, qintptr *result) override;

private:
    struct Grab
    {
        quint8 keycode = 0;
        quint16 modifiers = 0; // X11 modifier mask, without NumLock and CapsLock
        QKeySequence key;
        std::function<void()> action;
        quint32 releasedAt = 0; // X time of the last release: a repeat's press comes at the same time
    };
    QList<Grab> m_grabs;
};

} // namespace kasp::app
