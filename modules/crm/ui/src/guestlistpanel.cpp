#include "kasp/crm/ui/guestlistpanel.h"

#include "kasp/crm/ui/flowlayout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace kasp::crm::ui {

namespace {

// Enter opens the guest under the cursor; QTableView would only move to the next row.
class GuestTable : public QTableView
{
public:
    using QTableView::QTableView;
    std::function<void(const QModelIndex &)> onEnter;
    std::function<void(const QModelIndex &)> onCall; // Ctrl+Enter

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
            if (event->modifiers() & Qt::ControlModifier)
                onCall(currentIndex());
            else
                onEnter(currentIndex());
            return;
        }
        QTableView::keyPressEvent(event);
    }
};

} // namespace

GuestListPanel::GuestListPanel(storage::GuestList list, QWidget *parent)
    : QWidget(parent), m_model(new GuestListModel(std::move(list), GuestListModel::kCachedPages, this)),
      m_view(new GuestTable(this)), m_status(new QLabel(this)), m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("guestListPanel"));
    m_view->setObjectName(QStringLiteral("guestListView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setToolTip(tr("Type the beginning of a surname to jump to it; Enter opens the card"));
    // Fixed rows: the view never measures a million rows to place its scroll bar.
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    auto *header = m_view->horizontalHeader();
    header->setSectionResizeMode(GuestListModel::NameColumn, QHeaderView::Stretch);
    // Widths from typical contents and the (translated) titles: measuring a million rows is not
    // an option, and a Russian title must not be cut.
    const QFontMetrics cells = m_view->fontMetrics();
    const QFontMetrics titles = header->fontMetrics();
    const auto fit = [&](int column, const QString &typical) {
        const QString title = m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        header->resizeSection(
            column, std::max(cells.horizontalAdvance(typical) + 16, titles.horizontalAdvance(title) + 28));
    };
    fit(GuestListModel::PhoneColumn, QStringLiteral("+7 999 999-99-99"));
    fit(GuestListModel::BirthColumn, QStringLiteral("30.12.1999"));
    fit(GuestListModel::ManagerColumn, QStringLiteral("Константинова Светлана Владимировна"));
    fit(GuestListModel::AddedColumn, QStringLiteral("30.12.1999"));
    static_cast<GuestTable *>(m_view)->onEnter = [this](const QModelIndex &index) {
        if (const Id id = m_model->guestAt(index.row()); !id.isNull())
            emit guestActivated(id);
    };
    static_cast<GuestTable *>(m_view)->onCall = [this](const QModelIndex &index) { callRow(index.row()); };
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_view->indexAt(at);
        if (!index.isValid())
            return;
        QMenu menu;
        menu.addAction(tr("Open the card\tEnter"), this, [this, index] {
            if (const Id id = m_model->guestAt(index.row()); !id.isNull())
                emit guestActivated(id);
        });
        const QString phone = m_model->index(index.row(), GuestListModel::PhoneColumn).data().toString();
        if (!phone.isEmpty())
            menu.addAction(tr("Call %1\tCtrl+Enter").arg(phone), this,
                           [this, index] { callRow(index.row()); });
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const Id id = m_model->guestAt(index.row()); !id.isNull())
            emit guestActivated(id);
    });

    m_status->setObjectName(QStringLiteral("guestListStatus"));
    m_progress->setObjectName(QStringLiteral("guestListProgress"));
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(false);
    m_progress->setToolTip(tr("Reading the alphabetical index: until it is done, far pages show \"…\" "
                              "for a moment"));
    m_progress->hide();
    connect(m_model, &GuestListModel::indexingProgress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 1000);
    });
    connect(m_model, &GuestListModel::indexingFinished, this, [this] { m_progress->hide(); });
    connect(m_model, &GuestListModel::errorOccurred, this, &GuestListPanel::errorOccurred);

    m_reset = new QPushButton(tr("Reset"), this);
    m_reset->setObjectName(QStringLiteral("guestListReset"));
    m_reset->setToolTip(tr("Show every guest again"));
    m_reset->setEnabled(false);
    connect(m_reset, &QPushButton::clicked, this, &GuestListPanel::resetFilter);
    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_progress);
    top->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(filterBar());
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
}

void GuestListPanel::reload()
{
    m_stale = true;
    if (isVisible()) {
        m_stale = false;
        fillTags();
        m_model->setFilter(currentFilter());
        m_progress->setVisible(m_model->isIndexing());
        updateStatus();
    }
}

void GuestListPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void GuestListPanel::updateStatus()
{
    if (m_model->filter().isEmpty())
        m_status->setText(
            tr("%Ln guest(s) in the base, alphabetically", nullptr, int(m_model->guestCount())));
    else
        m_status->setText(tr("Guests shown: %1 (filtered)").arg(QLocale().toString(m_model->guestCount())));
    m_reset->setEnabled(!m_model->filter().isEmpty());
}

void GuestListPanel::callRow(int row)
{
    const Id id = m_model->guestAt(row);
    const auto phone = Phone::parse(m_model->index(row, GuestListModel::PhoneColumn).data().toString());
    if (!id.isNull() && phone.ok())
        emit callRequested(id, phone.value());
}

} // namespace kasp::crm::ui

namespace kasp::crm::ui {

QWidget *GuestListPanel::filterBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("guestListFilters"));
    auto *flow = new FlowLayout(bar);
    flow->setContentsMargins(0, 0, 0, 0);
    // A label and its field wrap together.
    const auto group = [bar](std::initializer_list<QWidget *> widgets) {
        auto *box = new QWidget(bar);
        auto *row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(4);
        for (QWidget *w : widgets)
            row->addWidget(w);
        return box;
    };

    m_text = new QLineEdit(bar);
    m_text->setObjectName(QStringLiteral("guestListText"));
    m_text->setPlaceholderText(tr("Surname or phone…"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(m_text->fontMetrics().horizontalAdvance(m_text->placeholderText()) + 48);
    m_typing.setSingleShot(true);
    m_typing.setInterval(250);
    connect(&m_typing, &QTimer::timeout, this, &GuestListPanel::applyFilter);
    connect(m_text, &QLineEdit::textChanged, this, [this] { m_typing.start(); });
    connect(m_text, &QLineEdit::returnPressed, this, [this] {
        m_typing.stop();
        applyFilter();
        m_view->setFocus();
    });
    flow->addWidget(m_text);

    m_mine = new QCheckBox(tr("My guests"), bar);
    m_mine->setObjectName(QStringLiteral("guestListMine"));
    m_mine->setToolTip(tr("The guests whose manager you are"));
    m_mine->setEnabled(false);
    flow->addWidget(m_mine);

    m_birthdays = new QCheckBox(tr("Birthday this month"), bar);
    m_birthdays->setObjectName(QStringLiteral("guestListBirthdays"));
    m_birthdays->setEnabled(false);
    flow->addWidget(m_birthdays);

    m_tag = new QComboBox(bar);
    m_tag->setObjectName(QStringLiteral("guestListTag"));
    m_tag->addItem(tr("any"), QString());
    m_tag->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    flow->addWidget(group({new QLabel(tr("Tag:"), bar), m_tag}));

    m_segment = new QComboBox(bar);
    m_segment->setObjectName(QStringLiteral("guestListSegment"));
    m_segment->addItem(tr("all guests"), int(storage::GuestListFilter::Segment::Any));
    m_segment->addItem(tr("regular guests (stayed with us)"),
                       int(storage::GuestListFilter::Segment::StayedBefore));
    m_segment->addItem(tr("a stay ahead"), int(storage::GuestListFilter::Segment::StayAhead));
    m_segment->addItem(tr("never stayed yet"), int(storage::GuestListFilter::Segment::NeverStayed));
    m_segment->setToolTip(tr("Stays counted as the guest's card counts them. RFM segments (VIP, lost, …) "
                             "come with the analysis of the base."));
    m_segment->setEnabled(false);
    flow->addWidget(group({new QLabel(tr("Segment:"), bar), m_segment}));

    m_lastStay = new QCheckBox(tr("Last stay from"), bar);
    m_lastStay->setObjectName(QStringLiteral("guestListLastStay"));
    m_lastStay->setToolTip(tr("The arrival of the guest's latest stay that took place falls in these days"));
    m_lastStay->setEnabled(false);
    m_stayFrom = new QDateEdit(bar);
    m_stayFrom->setObjectName(QStringLiteral("guestListStayFrom"));
    m_stayTo = new QDateEdit(bar);
    m_stayTo->setObjectName(QStringLiteral("guestListStayTo"));
    for (QDateEdit *edit : {m_stayFrom, m_stayTo}) {
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    flow->addWidget(group({m_lastStay, m_stayFrom, new QLabel(tr("to"), bar), m_stayTo}));

    connect(m_mine, &QCheckBox::toggled, this, &GuestListPanel::applyFilter);
    connect(m_birthdays, &QCheckBox::toggled, this, &GuestListPanel::applyFilter);
    connect(m_tag, &QComboBox::currentIndexChanged, this, &GuestListPanel::applyFilter);
    connect(m_segment, &QComboBox::currentIndexChanged, this, &GuestListPanel::applyFilter);
    connect(m_lastStay, &QCheckBox::toggled, this, [this](bool on) {
        m_stayFrom->setEnabled(on);
        m_stayTo->setEnabled(on);
        applyFilter();
    });
    connect(m_stayFrom, &QDateEdit::dateChanged, this, [this] {
        if (m_lastStay->isChecked())
            applyFilter();
    });
    connect(m_stayTo, &QDateEdit::dateChanged, this, [this] {
        if (m_lastStay->isChecked())
            applyFilter();
    });
    return bar;
}

void GuestListPanel::setDesk(const Clock &clock, const Id &me)
{
    m_clock = &clock;
    m_me = me;
    m_mine->setEnabled(!me.isNull());
    m_mine->setVisible(!me.isNull());
    const QDate today = clock.today();
    m_birthdays->setEnabled(true);
    m_birthdays->setToolTip(tr("Birth month: %1, any year").arg(QLocale().standaloneMonthName(today.month())));
    m_segment->setEnabled(true);
    m_lastStay->setEnabled(true);
    const QSignalBlocker fromBlocker(m_stayFrom);
    const QSignalBlocker toBlocker(m_stayTo);
    m_stayFrom->setDate(today.addYears(-1));
    m_stayTo->setDate(today);
}

void GuestListPanel::applyFilter()
{
    if (m_resetting)
        return;
    const storage::GuestListFilter f = currentFilter();
    if (f == m_model->filter())
        return;
    m_model->setFilter(f);
    m_progress->setVisible(m_model->isIndexing());
    updateStatus();
}

storage::GuestListFilter GuestListPanel::currentFilter() const
{
    storage::GuestListFilter f;
    f.text = m_text->text().trimmed();
    if (m_clock) {
        f.today = m_clock->today();
        if (m_mine->isChecked())
            f.managerId = m_me;
        if (m_birthdays->isChecked())
            f.birthMonth = f.today.month();
        f.segment = storage::GuestListFilter::Segment(m_segment->currentData().toInt());
        if (m_lastStay->isChecked()) {
            f.lastStayFrom = std::min(m_stayFrom->date(), m_stayTo->date());
            f.lastStayTo = std::max(m_stayFrom->date(), m_stayTo->date());
        }
    }
    f.tag = m_tag->currentData().toString();
    return f;
}

void GuestListPanel::resetFilter()
{
    m_resetting = true;
    m_text->clear();
    m_typing.stop();
    m_mine->setChecked(false);
    m_birthdays->setChecked(false);
    m_tag->setCurrentIndex(0);
    m_segment->setCurrentIndex(0);
    m_lastStay->setChecked(false);
    m_resetting = false;
    applyFilter();
}

void GuestListPanel::fillTags()
{
    auto tags = m_model->list().tags();
    if (!tags.ok())
        return;
    const QString chosen = m_tag->currentData().toString();
    const QSignalBlocker blocker(m_tag);
    while (m_tag->count() > 1)
        m_tag->removeItem(1);
    for (const QString &tag : tags.value())
        m_tag->addItem(tag, tag);
    m_tag->setCurrentIndex(std::max(0, m_tag->findData(chosen)));
}

} // namespace kasp::crm::ui
