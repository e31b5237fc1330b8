#pragma once
// The status bar's messages that can be read whole (issue 21): a long message («Ваучер не
// отправлен: …») was cut and ran into the status bar's permanent text. Every message the window
// shows is kept here with its time; the bar shows a short form, and this button («Сообщения (2)»,
// the count of the unread ones) opens the recent ones in full.
#include "kasp/core/clock.h"
#include <QDateTime>
#include <QList>
#include <QToolButton>

class QFrame;
class QListWidget;

namespace kasp::app {

class NotificationArea : public QToolButton
{
    Q_OBJECT
public:
    static constexpr int kKept = 50;
    explicit NotificationArea(const Clock &clock, QWidget *parent = nullptr);

    void add(const QString &text);
    struct Entry
    {
        QDateTime at;
        QString text;
    };
    const QList<Entry> &entries() const { return m_entries; } // newest first
    int unread() const { return m_unread; }
    void showList(); // the button's click: the recent messages, unread ones counted as read
    QFrame *list() const { return m_popup; }
    QListWidget *listView() const { return m_view; }

    // `text` cut to `width` pixels with "…" (whole when it fits).
    static QString shortForm(const QString &text, const QFontMetrics &metrics, int width);

private:
    void updateLabel();

    const Clock &m_clock;
    QList<Entry> m_entries;
    int m_unread = 0;
    QFrame *m_popup;
    QListWidget *m_view;
};

} // namespace kasp::app
