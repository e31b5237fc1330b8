#include "helpdialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QSet>
#include <QTableWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace kasp::app {

namespace {

// "&Найти гостя…" → "Найти гостя".
QString plainText(QString text)
{
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    return text.trimmed();
}

} // namespace

QList<std::pair<QString, QString>> HelpDialog::shortcutsOf(const QWidget *window)
{
    QList<std::pair<QString, QString>> keys;
    QSet<QString> seen;
    const auto add = [&](const QString &what, const QKeySequence &key) {
        const QString text = key.toString(QKeySequence::NativeText);
        if (what.isEmpty() || text.isEmpty() || seen.contains(text))
            return;
        seen.insert(text);
        keys.append({what, text});
    };
    for (const QAction *action : window->findChildren<QAction *>())
        if (!action->isSeparator())
            add(plainText(action->text()), action->shortcut());
    for (const QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        // A button's words, or its tooltip's first sentence when it is an icon.
        QString what = plainText(button->text());
        if (what.isEmpty())
            what = button->toolTip().section(QLatin1Char('('), 0, 0).trimmed();
        add(what, button->shortcut());
    }
    return keys;
}

QString HelpDialog::firstDay(Role role)
{
    switch (role) {
    case Role::Consultant:
        return tr("<h3>A consultant's first day</h3><ol>"
                  "<li>Put on the headset. The «Phone» panel says «registered»: calls come to you.</li>"
                  "<li>A call rings: the guest's card opens by itself. An unknown number opens the new "
                  "guest's form: type the name while you talk, the call stays on that card.</li>"
                  "<li>Find anyone with Ctrl+K: a surname, or the last digits of a phone, then Enter.</li>"
                  "<li>Book in three steps: «Book…» on the card (Ctrl+B), the dates and the party, Enter on "
                  "the room offered. Take the prepayment (10–20 %): the voucher goes by e-mail.</li>"
                  "<li>The tasks of the day are on the left, overdue ones in red. A missed call becomes "
                  "a call-back task by itself. «Done» (Ctrl+Enter) on a call-back asks what came of "
                  "it.</li>"
                  "<li>Write down what the guest said in the card's note line (Enter): the next "
                  "colleague reads it.</li>"
                  "<li>Leaving the desk: Ctrl+Shift+L locks it. Ctrl+Shift+F3, F4, F6, F8 answer, hang "
                  "up, hold and transfer from any program.</li></ol>");
    case Role::HeadOfSales:
        return tr(
            "<h3>A head of sales' first day</h3><ol>"
            "<li>On a new server, set up the house first: Tools → Room stock, Tariffs and "
            "discounts, Booking rules (how long an unpaid hold lasts, the prepayment asked for). Every desk "
            "gets them with the next sync.</li>"
            "<li>Move the guest base in: Guest → Import guests (CSV or XLSX from another CRM). The "
            "preview says which rows are new, which complete a card, which are left out.</li>"
            "<li>The «Deals» tab (Ctrl+D) is the funnel: drag a deal to its stage, see where deals "
            "stall; the stages' names are yours to edit.</li>"
            "<li>Guest → Duplicate cards (Ctrl+Shift+U) merges two cards of one person with all "
            "their history.</li>"
            "<li>Go → The team's tasks (Ctrl+Shift+T): each consultant's tasks for today and what is "
            "overdue.</li>"
            "<li>On a desk without a server, Tools → Accounts sets your people's passwords, adds a "
            "consultant and sets how soon an idle desk locks.</li>"
            "<li>You can work calls and bookings like a consultant; the guest list (Ctrl+L) with "
            "its contacts is exported by you (Ctrl+Shift+E).</li></ol>");
    case Role::Director:
        return tr("<h3>A director's first day</h3><ol>"
                  "<li>The director reads the base: cards, the room grid (Ctrl+G), the deals' funnel "
                  "(Ctrl+D), the guest list (Ctrl+L). Buttons that change something are off.</li>"
                  "<li>The base is on this computer, encrypted: it opens without a network, on a "
                  "laptop on the road. With a network it catches up with the colleagues' work.</li>"
                  "<li>Find a guest with Ctrl+K, by a surname or the last digits of a phone.</li>"
                  "<li>Leaving the laptop: Ctrl+Shift+L locks it.</li></ol>");
    }
    return {};
}

HelpDialog::HelpDialog(const QWidget *window, Role role, QWidget *parent)
    : QDialog(parent), m_keys(new QTableWidget(0, 2))
{
    setObjectName(QStringLiteral("helpDialog"));
    setWindowTitle(tr("Help"));
    const auto keys = shortcutsOf(window);
    m_keys->setObjectName(QStringLiteral("shortcuts"));
    m_keys->setHorizontalHeaderLabels({tr("What"), tr("Keys")});
    m_keys->setRowCount(int(keys.size()));
    for (int row = 0; row < keys.size(); ++row) {
        m_keys->setItem(row, 0, new QTableWidgetItem(keys[row].first));
        m_keys->setItem(row, 1, new QTableWidgetItem(keys[row].second));
    }
    m_keys->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_keys->verticalHeader()->hide();
    m_keys->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_keys->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *guide = new QTextBrowser;
    guide->setObjectName(QStringLiteral("firstDay"));
    guide->setHtml(firstDay(role));

    auto *tabs = new QTabWidget;
    tabs->addTab(guide, tr("First day"));
    tabs->addTab(m_keys, tr("Keys"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    resize(620, 520);
}

} // namespace kasp::app
