#include "kasp/crm/ui/guestsearchpanel.h"

#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guestsearchmodel.h"

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

namespace kasp::crm::ui {

namespace {
constexpr int kResultLimit = 50;
constexpr int kDebounceMs = 120; // short enough to feel instant, long enough to skip keystrokes

// A list view asks its items' size with no width, so a wrapped name got one line's height and was
// cut: each item is measured at the list's own width, and wraps there.
class WrapToViewDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem atWidth(option);
        if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
            atWidth.rect.setWidth(view->viewport()->width());
        return QStyledItemDelegate::sizeHint(atWidth, index);
    }
};
} // namespace

GuestSearchPanel::GuestSearchPanel(GuestService &service, QWidget *parent)
    : QWidget(parent), m_service(service), m_model(new GuestSearchModel(this)), m_edit(new QLineEdit(this)),
      m_list(new QListView(this)), m_status(new QLabel(this)), m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("guestSearchPanel"));
    m_edit->setObjectName(QStringLiteral("guestSearchEdit"));
    m_edit->setPlaceholderText(tr("Phone or surname (Ctrl+K)"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setToolTip(
        tr("A phone number (any format, or its last digits), the beginning of a surname (also typed on the "
           "Latin layout), an e-mail or a booking number"));
    m_edit->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("guestSearchResults"));
    m_list->setModel(m_model);
    // A long name in the narrow dock goes on to a second line instead of being cut.
    m_list->setItemDelegate(new WrapToViewDelegate(m_list));
    m_list->setWordWrap(true);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setAlternatingRowColors(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->installEventFilter(this);
    m_status->setObjectName(QStringLiteral("guestSearchStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_edit);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &GuestSearchPanel::runSearch);
    connect(m_edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        runSearch();
        activateRow(m_list->currentIndex().isValid() ? m_list->currentIndex().row() : 0);
    });
    connect(m_list, &QListView::activated, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_list->indexAt(at);
        if (!index.isValid())
            return;
        QMenu menu;
        menu.addAction(tr("Open the card\tEnter"), this, [this, index] { activateRow(index.row()); });
        const auto phone = Phone::fromE164(index.data(GuestSearchModel::PhoneRole).toString());
        if (phone.ok())
            menu.addAction(tr("Call %1\tCtrl+Enter").arg(phone.value().display()), this,
                           [this, index] { callRow(index.row()); });
        menu.exec(m_list->viewport()->mapToGlobal(at));
    });
}

void GuestSearchPanel::callRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    if (!index.isValid())
        return;
    const auto phone = Phone::fromE164(index.data(GuestSearchModel::PhoneRole).toString());
    const Id id = index.data(GuestSearchModel::IdRole).value<Id>();
    if (phone.ok() && !id.isNull())
        emit callRequested(id, phone.value());
}

void GuestSearchPanel::focusSearch()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void GuestSearchPanel::setQuery(const QString &text)
{
    m_edit->setText(text);
    m_debounce->stop();
    runSearch();
}

void GuestSearchPanel::refresh()
{
    if (m_edit->text().trimmed().isEmpty())
        return;
    const QVariant current = m_list->currentIndex().data(GuestSearchModel::IdRole);
    runSearch();
    for (int row = 0; current.isValid() && row < m_model->rowCount(); ++row)
        if (m_model->index(row).data(GuestSearchModel::IdRole) == current) {
            m_list->setCurrentIndex(m_model->index(row));
            break;
        }
}

void GuestSearchPanel::runSearch()
{
    QElapsedTimer timer;
    timer.start();
    auto results = m_service.search(m_edit->text(), kResultLimit);
    if (!results.ok()) {
        m_model->setResults({});
        m_status->setText(results.error().message);
        emit errorOccurred(results.error().message);
        return;
    }
    const int count = int(results.value().size());
    m_model->setResults(std::move(results).value());
    if (count > 0)
        m_list->setCurrentIndex(m_model->index(0));
    if (m_edit->text().trimmed().isEmpty())
        m_status->clear();
    else if (count == 0)
        m_status->setText(tr("Nobody found. Ctrl+N creates a guest."));
    else
        m_status->setText(tr("Found: %1%2 (%3 ms)")
                              .arg(count)
                              .arg(count >= kResultLimit ? QStringLiteral("+") : QString())
                              .arg(timer.elapsed()));
}

void GuestSearchPanel::activateRow(int row)
{
    if (const auto *summary = m_model->at(row))
        emit guestActivated(summary->id);
}

bool GuestSearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    // On Linux a line edit takes Ctrl+E for itself (the end of the line, as in Emacs), so the
    // window's «Изменить гостя» never fired from here, where the focus is after Ctrl+K and Enter.
    // The End key still moves to the end.
    if (event->type() == QEvent::ShortcutOverride && watched == m_edit) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_E && key->modifiers() == Qt::ControlModifier) {
            event->ignore();
            return true;
        }
    }
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_edit && key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
            m_list->setFocus();
            return true;
        }
        if (watched == m_list && key->key() == Qt::Key_Up && m_list->currentIndex().row() == 0) {
            m_edit->setFocus();
            return true;
        }
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && (key->modifiers() & Qt::ControlModifier) && (watched == m_list || watched == m_edit)) {
            callRow(m_list->currentIndex().isValid() ? m_list->currentIndex().row() : 0);
            return true;
        }
        if (watched == m_list && enter) {
            activateRow(m_list->currentIndex().row());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kasp::crm::ui
