#include "kasp/crm/ui/taskagendapanel.h"

#include "kasp/core/datetext.h"
#include "kasp/core/programtext.h"
#include "kasp/crm/ui/callbackresultdialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace kasp::crm::ui {

TaskAgendaModel::TaskAgendaModel(QObject *parent) : QAbstractTableModel(parent) {}

void TaskAgendaModel::setAgenda(const Agenda &agenda, const QDateTime &now)
{
    beginResetModel();
    m_rows = agenda.mine + agenda.pool;
    m_mineCount = int(agenda.mine.size());
    m_now = now;
    endResetModel();
}

int TaskAgendaModel::overdueCount() const
{
    int n = 0;
    for (int i = 0; i < m_mineCount; ++i)
        n += m_rows.at(i).task.isOverdue(m_now) ? 1 : 0;
    return n;
}

int TaskAgendaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskAgendaModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString kindMark(TaskKind kind)
{
    switch (kind) {
    case TaskKind::CallBack:
        return QStringLiteral("\u260E");
    case TaskKind::SendOffer:
        return QStringLiteral("\u2709");
    case TaskKind::Remind:
        return QStringLiteral("\u2691");
    case TaskKind::Other:
        break;
    }
    return {};
}

} // namespace

// A task that turns up already due is announced if its time passed within this window: a colleague's
// call-back pulled minutes late, not the backlog a first sync or a resync brings.
constexpr qint64 kLateWindowSecs = 2 * 3600;

QVariant TaskAgendaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const storage::AgendaTask &row = m_rows.at(index.row());
    const bool overdue = row.task.isOverdue(m_now);
    const bool pool = index.row() >= m_mineCount;
    const QDateTime due = row.task.due.toLocalTime();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DueColumn:
            // Today's tasks by the hour; older overdue ones by day and month over the hour, so that
            // the column stays narrow and the task's text has the dock's width.
            return due.date() == m_now.toLocalTime().date()
                       ? QLocale().toString(due.time(), QLocale::ShortFormat)
                       : QLocale().toString(due.date(), datetext::dayMonthFormat()) + QStringLiteral("\n") +
                             QLocale().toString(due.time(), QLocale::ShortFormat);
        case TitleColumn: {
            // Whom first: a list of call-backs differs by the guest, not by «Перезвонить гостю».
            // Then the task, its kind at a glance: ☎ call back, ✉ send an offer, ⚑ a reminder.
            // Both wrap in a narrow dock (the row grows) instead of being cut.
            const QString mark = kindMark(row.task.kind);
            const QString task = programtext::display(row.task.title); // «Перезвонить гостю» in English too
            const QString title = mark.isEmpty() ? task : mark + QLatin1Char(' ') + task;
            return row.guestName.isEmpty() ? title : row.guestName + QLatin1Char('\n') + title;
        }
        }
        return {};
    case Qt::ForegroundRole:
        return overdue ? QVariant(QColor(0xb0, 0x1c, 0x1c)) : QVariant();
    case Qt::FontRole:
        if (pool) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines{programtext::display(row.task.title),
                          tr("Kind: %1").arg(taskKindTitle(row.task.kind))};
        if (!row.guestName.isEmpty())
            lines << row.guestName;
        if (overdue)
            lines << tr("Overdue since %1").arg(QLocale().toString(due, QLocale::ShortFormat));
        if (pool)
            lines << tr("From the shared queue: whoever is free takes it");
        return lines.join(QLatin1Char('\n'));
    }
    case TaskIdRole:
        return QVariant::fromValue(row.task.id);
    case GuestIdRole:
        return QVariant::fromValue(row.task.guestId);
    case GuestPhoneRole:
        return row.guestPhone;
    case OverdueRole:
        return overdue;
    case PoolRole:
        return pool;
    case DueRole:
        return row.task.due;
    case KindRole:
        return taskKindKey(row.task.kind);
    default:
        return {};
    }
}

QVariant TaskAgendaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DueColumn:
        return tr("Due");
    case TitleColumn:
        return tr("Task");
    }
    return {};
}

TaskAgendaPanel::TaskAgendaPanel(TaskService &service, const Clock &clock, QWidget *parent)
    : QWidget(parent), m_service(service), m_clock(clock), m_model(new TaskAgendaModel(this)),
      m_view(new QTableView), m_summary(new QLabel), m_done(new QPushButton(tr("Done"))),
      m_tomorrow(new QPushButton(tr("To tomorrow"))), m_refresh(new QTimer(this))
{
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("taskAgenda"));
    m_done->setObjectName(QStringLiteral("taskDoneButton"));
    m_tomorrow->setObjectName(QStringLiteral("taskTomorrowButton"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    // A long name or task wraps onto another line of its row rather than being cut («☎ Перезвонить
    // г…» in a narrow dock): each row is as tall as its text at the dock's width.
    m_view->setWordWrap(true);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->horizontalHeader()->setSectionResizeMode(TaskAgendaModel::DueColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TaskAgendaModel::TitleColumn, QHeaderView::Stretch);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setMinimumWidth(220);
    m_summary->setWordWrap(true);
    m_done->setToolTip(tr("Mark the selected task done (Ctrl+Enter)"));
    m_done->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_tomorrow->setToolTip(tr("Put the selected task off to tomorrow, same time"));
    connect(m_done, &QPushButton::clicked, this, &TaskAgendaPanel::completeCurrent);
    connect(m_tomorrow, &QPushButton::clicked, this, &TaskAgendaPanel::postponeCurrent);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        const Id guestId = index.data(TaskAgendaModel::GuestIdRole).value<Id>();
        if (!guestId.isNull())
            emit guestActivated(guestId);
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_view->indexAt(at);
        const auto phone = Phone::fromE164(index.data(TaskAgendaModel::GuestPhoneRole).toString());
        if (!index.isValid() || !phone.ok())
            return;
        m_view->setCurrentIndex(index);
        QMenu menu;
        menu.addAction(tr("Call %1").arg(phone.value().display()), this, &TaskAgendaPanel::callCurrent);
        menu.addAction(tr("Open the card"), this, [this, index] {
            emit guestActivated(index.data(TaskAgendaModel::GuestIdRole).value<Id>());
        });
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &TaskAgendaPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TaskAgendaPanel::updateButtons);
    m_refresh->setInterval(60'000);
    connect(m_refresh, &QTimer::timeout, this, &TaskAgendaPanel::reload);
    m_refresh->start();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_done);
    buttons->addWidget(m_tomorrow);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    updateButtons();
}

void TaskAgendaPanel::setUser(const Id &userId)
{
    m_userId = userId;
    m_remindedUntil = QDateTime(); // another person's list: reminders start from now
    m_known.clear();
    reload();
}

void TaskAgendaPanel::setCanWork(bool can)
{
    m_canWork = can;
    const QString reads = tr("Your role reads the tasks: consultants and the head of sales work them");
    m_done->setToolTip(can ? tr("Mark the selected task done (Ctrl+Enter)") : reads);
    m_tomorrow->setToolTip(can ? tr("Put the selected task off to tomorrow, same time") : reads);
    updateButtons();
}

void TaskAgendaPanel::reload()
{
    const Id current = m_view->currentIndex().data(TaskAgendaModel::TaskIdRole).value<Id>();
    auto agenda = m_service.today(m_userId);
    if (!agenda.ok()) {
        // Never a count of what happened to be read: the list is not the day's tasks.
        // Two lines, so that a narrow dock shows both.
        m_summary->setText(
            QStringLiteral("<span style='color:#b01c1c'>%1<br>%2</span>")
                .arg(tr("The tasks cannot be read:"), agenda.error().code == QLatin1String("storage.corrupt")
                                                          ? tr("the database is damaged.")
                                                          : tr("see the message.")));
        m_summary->setToolTip(agenda.error().message);
        emit errorOccurred(agenda.error().message);
        return;
    }
    m_summary->setToolTip(QString());
    const QDateTime now = m_clock.now();
    m_model->setAgenda(agenda.value(), now);
    // A minute of lead, so that the reminder comes at the due time, not up to a refresh later.
    const QDateTime until = now.addSecs(60);
    QList<storage::AgendaTask> due;
    if (m_remindedUntil.isValid() && until > m_remindedUntil)
        due = TaskService::dueBetween(agenda.value(), m_remindedUntil, until);
    QSet<Id> known;
    for (const QList<storage::AgendaTask> *list : {&agenda.value().mine, &agenda.value().pool})
        for (const storage::AgendaTask &t : *list) {
            known.insert(t.task.id);
            // Came after its time, so in no window of dueBetween (not on the first load).
            if (m_remindedUntil.isValid() && !m_known.contains(t.task.id) &&
                t.task.status == TaskStatus::Open && t.task.due <= m_remindedUntil &&
                t.task.due > now.addSecs(-kLateWindowSecs))
                due.append(t);
        }
    if (!due.isEmpty())
        emit tasksDue(due);
    m_known = known;
    if (!m_remindedUntil.isValid() || until > m_remindedUntil)
        m_remindedUntil = until;
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (!current.isNull() &&
            m_model->index(row, 0).data(TaskAgendaModel::TaskIdRole).value<Id>() == current)
            m_view->setCurrentIndex(m_model->index(row, TaskAgendaModel::TitleColumn));
    const int overdue = m_model->overdueCount();
    QString text = tr("Today: %n task(s)", nullptr, m_model->mineCount());
    if (overdue > 0)
        text +=
            QStringLiteral(", <span style='color:#b01c1c'>%1</span>").arg(tr("%n overdue", nullptr, overdue));
    const int pool = m_model->rowCount() - m_model->mineCount();
    if (pool > 0)
        text += QStringLiteral("; ") + tr("%n in the shared queue", nullptr, pool);
    m_summary->setText(text);
}

bool TaskAgendaPanel::callCurrent()
{
    const QModelIndex index = m_view->currentIndex();
    const Id guestId = index.data(TaskAgendaModel::GuestIdRole).value<Id>();
    const auto phone = Phone::fromE164(index.data(TaskAgendaModel::GuestPhoneRole).toString());
    if (guestId.isNull() || !phone.ok())
        return false;
    emit callRequested(guestId, phone.value());
    return true;
}

void TaskAgendaPanel::updateButtons()
{
    const bool selected = m_canWork && m_view->currentIndex().isValid();
    m_done->setEnabled(selected);
    m_tomorrow->setEnabled(selected);
}

bool TaskAgendaPanel::completeCurrent()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || !m_canWork)
        return false;
    const Id taskId = index.data(TaskAgendaModel::TaskIdRole).value<Id>();
    const Id guestId = index.data(TaskAgendaModel::GuestIdRole).value<Id>();
    const int row = index.row();
    // A call-back asks what came of it: the card keeps the result, and a guest not reached is
    // called again tomorrow instead of the task vanishing.
    if (index.data(TaskAgendaModel::KindRole).toString() == taskKindKey(TaskKind::CallBack) &&
        !guestId.isNull()) {
        CallBackResultDialog ask(m_model->index(row, TaskAgendaModel::TitleColumn).data().toString(), this);
        if (ask.exec() != QDialog::Accepted)
            return false;
        const QDateTime due = index.data(TaskAgendaModel::DueRole).toDateTime();
        if (auto s = m_service.finishCallBack(taskId, guestId, m_userId, due, ask.result()); !s.ok()) {
            emit errorOccurred(s.error().message);
            return false;
        }
    } else if (auto s = m_service.complete(taskId); !s.ok()) {
        emit errorOccurred(s.error().message);
        return false;
    }
    reload();
    // The next task is where the done one was: a list worked from the top down.
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(
            m_model->index(std::min(row, m_model->rowCount() - 1), TaskAgendaModel::TitleColumn));
    emit tasksChanged(guestId);
    return true;
}

bool TaskAgendaPanel::postponeCurrent()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || !m_canWork)
        return false;
    const Id guestId = index.data(TaskAgendaModel::GuestIdRole).value<Id>();
    auto moved = m_service.postpone(index.data(TaskAgendaModel::TaskIdRole).value<Id>(),
                                    index.data(TaskAgendaModel::DueRole).toDateTime(), 1);
    if (!moved.ok()) {
        emit errorOccurred(moved.error().message);
        return false;
    }
    reload();
    emit tasksChanged(guestId);
    return true;
}

} // namespace kasp::crm::ui
