#include "notificationarea.h"

#include <QApplication>
#include <QFrame>
#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QScreen>
#include <QVBoxLayout>

namespace kasp::app {

NotificationArea::NotificationArea(const Clock &clock, QWidget *parent)
    : QToolButton(parent), m_clock(clock), m_popup(new QFrame(this, Qt::Popup)), m_view(new QListWidget)
{
    setObjectName(QStringLiteral("notifications"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setToolTip(tr("The recent messages in full, with their time"));
    m_popup->setObjectName(QStringLiteral("notificationList"));
    m_popup->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(m_popup);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *title = new QLabel(tr("Recent messages"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_view);
    connect(this, &QToolButton::clicked, this, &NotificationArea::showList);
    updateLabel();
}

QString NotificationArea::shortForm(const QString &text, const QFontMetrics &metrics, int width)
{
    QString oneLine = text.simplified();
    return metrics.elidedText(oneLine, Qt::ElideRight, std::max(width, 40));
}

void NotificationArea::add(const QString &text)
{
    if (text.trimmed().isEmpty())
        return;
    m_entries.prepend({m_clock.now(), text.trimmed()});
    if (m_entries.size() > kKept)
        m_entries.removeLast();
    ++m_unread;
    if (m_popup->isVisible())
        showList();
    updateLabel();
}

void NotificationArea::showList()
{
    m_view->clear();
    const QLocale locale;
    for (const Entry &e : m_entries) {
        const QString when = locale.toString(e.at.toLocalTime().time(), QLocale::ShortFormat);
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2").arg(when, e.text), m_view);
        item->setToolTip(locale.toString(e.at.toLocalTime(), QLocale::LongFormat));
    }
    if (m_entries.isEmpty())
        new QListWidgetItem(tr("No messages yet."), m_view);
    m_unread = 0;
    updateLabel();
    // Above the button, as wide as a long message needs to read in two or three lines.
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1366, 768);
    const int width = std::min(560, screen.width() - 20);
    const int height = std::min(360, screen.height() / 2);
    m_popup->resize(width, height);
    QPoint at = mapToGlobal(QPoint(width > this->width() ? this->width() - width : 0, -height));
    at.setX(std::clamp(at.x(), screen.left(), screen.right() - width));
    at.setY(std::clamp(at.y(), screen.top(), screen.bottom() - height));
    m_popup->move(at);
    m_popup->show();
}

void NotificationArea::updateLabel()
{
    setText(m_unread > 0 ? tr("Messages (%1)").arg(m_unread) : tr("Messages"));
    // Unread ones in the accent colour; the width follows the text (the bar's layout asks again).
    QPalette colours = QApplication::palette(this);
    if (m_unread > 0)
        colours.setColor(QPalette::ButtonText, QColor(0xb4, 0x53, 0x09));
    setPalette(colours);
    // Wide enough for any count from the start: the bar does not move when a message comes.
    setMinimumWidth(std::max(fontMetrics().horizontalAdvance(tr("Messages (%1)").arg(99)),
                             fontMetrics().horizontalAdvance(text())) +
                    24);
}

} // namespace kasp::app
