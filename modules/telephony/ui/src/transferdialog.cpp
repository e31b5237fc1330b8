#include "kasp/telephony/ui/transferdialog.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace kasp::telephony::ui {

namespace {
constexpr int kExtensionRole = Qt::UserRole;
constexpr int kNameRole = Qt::UserRole + 1;

// A number one can dial: digits with the usual separators, an optional leading +.
bool dialable(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\+?[0-9][0-9 ()\\-]{0,30}$"));
    return pattern.match(text.trimmed()).hasMatch();
}

QString digitsOf(const QString &text)
{
    QString out;
    for (const QChar c : text)
        if (c.isDigit() || (c == QLatin1Char('+') && out.isEmpty()))
            out += c;
    return out;
}
} // namespace

TransferDialog::TransferDialog(const QList<Colleague> &colleagues, const QString &caller, QWidget *parent)
    : QDialog(parent), m_search(new QLineEdit), m_list(new QListWidget), m_hint(new QLabel)
{
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("Transfer the call"));
    auto *who = new QLabel(tr("Transfer <b>%1</b> to:").arg(caller.toHtmlEscaped()));
    who->setWordWrap(true);
    m_search->setObjectName(QStringLiteral("transferSearch"));
    m_search->setPlaceholderText(tr("Colleague's name or any number"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("colleagueList"));
    m_list->setToolTip(tr("Colleagues whose phones are registered, with their extensions"));
    for (const Colleague &c : colleagues) {
        QString text = QStringLiteral("%1 — %2").arg(c.name, c.extension);
        if (c.presence == Presence::Free)
            text += tr(" · line free");
        else if (c.presence == Presence::Busy)
            text += tr(" · on a call");
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(kExtensionRole, c.extension);
        item->setData(kNameRole, c.name);
    }
    m_hint->setObjectName(QStringLiteral("transferHint"));
    m_hint->setWordWrap(true);
    m_hint->setText(colleagues.isEmpty()
                        ? tr("No colleague's extension is known yet (each desk's phone publishes its own "
                             "when it registers): type the number.")
                        : QString());
    m_hint->setVisible(colleagues.isEmpty());

    m_blind = new QPushButton(tr("Transfer now"));
    m_blind->setObjectName(QStringLiteral("blindTransferButton"));
    m_blind->setToolTip(tr("The guest hears the colleague's phone ring; you are free at once"));
    m_blind->setDefault(true);
    m_consultButton = new QPushButton(tr("Talk to the colleague first"));
    m_consultButton->setObjectName(QStringLiteral("consultTransferButton"));
    m_consultButton->setToolTip(tr("The guest waits on hold while you call the colleague; "
                                   "then «Join» hands the guest over"));
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_blind, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_consultButton, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_blind, &QPushButton::clicked, this, [this] { finish(false); });
    connect(m_consultButton, &QPushButton::clicked, this, [this] { finish(true); });
    connect(m_search, &QLineEdit::textChanged, this, &TransferDialog::filter);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { finish(false); });
    connect(m_list, &QListWidget::currentItemChanged, this, &TransferDialog::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, [this] { finish(false); });
    // Up and Down in the search box walk the list, as in any picker.
    m_search->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(who);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    resize(420, 380);
    filter({});
    m_search->setFocus();
}

QString TransferDialog::target() const
{
    if (const QListWidgetItem *item = m_list->currentItem(); item && !item->isHidden())
        return item->data(kExtensionRole).toString();
    return dialable(m_search->text()) ? digitsOf(m_search->text()) : QString();
}

QString TransferDialog::targetName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && !item->isHidden() ? item->data(kNameRole).toString() : QString();
}

void TransferDialog::filter(const QString &text)
{
    const QString needle = text.trimmed();
    QListWidgetItem *first = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const bool shown = needle.isEmpty() || item->text().contains(needle, Qt::CaseInsensitive);
        item->setHidden(!shown);
        if (shown && !first)
            first = item;
    }
    // A typed number that is nobody's extension is dialled as typed.
    const bool typedNumber = dialable(needle) && !(first && first->data(kExtensionRole).toString() == needle);
    m_list->setCurrentItem(typedNumber && needle.size() > 5 ? nullptr : first);
    updateButtons();
}

bool TransferDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down) {
            const int step = key == Qt::Key_Down ? 1 : -1;
            for (int row = m_list->currentRow() + step; row >= 0 && row < m_list->count(); row += step)
                if (!m_list->item(row)->isHidden()) {
                    m_list->setCurrentRow(row);
                    break;
                }
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void TransferDialog::updateButtons()
{
    const bool any = !target().isEmpty();
    m_blind->setEnabled(any);
    m_consultButton->setEnabled(any);
}

void TransferDialog::finish(bool consult)
{
    if (target().isEmpty())
        return;
    m_consult = consult;
    accept();
}

} // namespace kasp::telephony::ui
