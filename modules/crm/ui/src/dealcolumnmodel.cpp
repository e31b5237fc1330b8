#include "kasp/crm/ui/dealcolumnmodel.h"

#include <QApplication>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>

namespace kasp::crm::ui {

namespace {

// "id stage": both are plain ASCII by construction (a UUID and a stage key).
QByteArray encodeDrag(const Id &dealId, const QString &stage)
{
    return (idToString(dealId) + QLatin1Char(' ') + stage).toLatin1();
}

bool decodeDrag(const QMimeData *data, Id *dealId, QString *stage)
{
    if (!data || !data->hasFormat(QLatin1String(kDealMimeType)))
        return false;
    const QList<QByteArray> parts = data->data(QLatin1String(kDealMimeType)).split(' ');
    if (parts.size() != 2)
        return false;
    *dealId = idFromString(QString::fromLatin1(parts.at(0)));
    *stage = QString::fromLatin1(parts.at(1));
    return !dealId->isNull() && isValidStageKey(*stage);
}

QString ageText(const QDateTime &since, const QDateTime &now)
{
    const qint64 days = since.isValid() ? since.daysTo(now) : 0;
    if (days <= 0)
        return QCoreApplication::translate("kasp::crm::ui::DealColumnModel", "today");
    return QCoreApplication::translate("kasp::crm::ui::DealColumnModel", "%n day(s)", nullptr, int(days));
}

} // namespace

DealColumnModel::DealColumnModel(const Clock &clock, QObject *parent)
    : QAbstractListModel(parent), m_clock(clock)
{
}

void DealColumnModel::setColumn(BoardColumn column)
{
    beginResetModel();
    m_column = std::move(column);
    m_exhausted = false;
    endResetModel();
}

bool DealColumnModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loader && !m_exhausted && !m_column.deals.isEmpty() &&
           m_column.deals.size() < m_column.total.count;
}

// The view asks when its list is scrolled to the end: the next page of cards is appended.
void DealColumnModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = m_loader(m_column.stage.key, m_column.deals.constLast().deal);
    if (!page.ok()) {
        m_exhausted = true; // not asked again until the column is reloaded
        emit pageFailed(page.error().message);
        return;
    }
    if (page.value().isEmpty()) {
        m_exhausted = true;
        return;
    }
    const int first = int(m_column.deals.size());
    beginInsertRows({}, first, first + int(page.value().size()) - 1);
    m_column.deals.append(page.value());
    endInsertRows();
}

int DealColumnModel::indexOfDeal(const Id &dealId) const
{
    for (int i = 0; i < m_column.deals.size(); ++i)
        if (m_column.deals.at(i).deal.id == dealId)
            return i;
    return -1;
}

int DealColumnModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_column.deals.size());
}

QVariant DealColumnModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const storage::BoardDeal &row = m_column.deals.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.deal.title;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b><br>%2")
                          .arg(row.deal.title.toHtmlEscaped(), row.guestName.toHtmlEscaped());
        if (row.deal.amount.kopecks() != 0)
            tip += QStringLiteral("<br>") + row.deal.amount.toString();
        if (const QString owner = m_userNames.value(row.deal.ownerId); !owner.isEmpty())
            tip += QStringLiteral("<br>") + tr("Manager: %1").arg(owner.toHtmlEscaped());
        if (!row.deal.lostReason.isEmpty())
            tip += QStringLiteral("<br>") + tr("Lost: %1").arg(row.deal.lostReason.toHtmlEscaped());
        tip += QStringLiteral("<br><i>%1</i>")
                   .arg(tr("Enter opens the guest's card; Ctrl+→ / Ctrl+← moves the "
                           "deal to the next or previous stage"));
        return tip;
    }
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1, %2").arg(row.deal.title, row.guestName);
    case DealIdRole:
        return QVariant::fromValue(row.deal.id);
    case GuestIdRole:
        return QVariant::fromValue(row.deal.guestId);
    case GuestNameRole:
        return row.guestName;
    case AmountRole:
        return row.deal.amount.kopecks() == 0 ? QString() : row.deal.amount.toString();
    case UpdatedRole:
        return ageText(row.deal.updatedAt, m_clock.now().toLocalTime());
    case OwnerRole:
        return m_userNames.value(row.deal.ownerId);
    default:
        return {};
    }
}

Qt::ItemFlags DealColumnModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // between cards; canDropMimeData decides
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!isClosedStage(m_column.stage.key))
        f |= Qt::ItemIsDragEnabled; // a closed deal stays where it is
    return f;
}

QStringList DealColumnModel::mimeTypes() const
{
    return {QLatin1String(kDealMimeType)};
}

QMimeData *DealColumnModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty() || !indexes.first().isValid())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QLatin1String(kDealMimeType),
                  encodeDrag(m_column.deals.at(indexes.first().row()).deal.id, m_column.stage.key));
    return data;
}

bool DealColumnModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int,
                                      const QModelIndex &) const
{
    Id dealId;
    QString from;
    return decodeDrag(data, &dealId, &from) && from != m_column.stage.key && m_column.stage.active &&
           canMoveDeal(from, m_column.stage.key);
}

bool DealColumnModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                   const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    Id dealId;
    QString from;
    decodeDrag(data, &dealId, &from);
    const QString to = m_column.stage.key;
    // Queued: the lost-reason dialog must not open inside the drag's event loop.
    QMetaObject::invokeMethod(
        this, [this, dealId, from, to] { emit dealDropped(dealId, from, to); }, Qt::QueuedConnection);
    return false; // the source keeps its row until the board reloads after the stored move
}

void DealCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const QRectF card = QRectF(option.rect).adjusted(4, 3, -4, -3);
    const bool selected = option.state & QStyle::State_Selected;
    QPainterPath path;
    path.addRoundedRect(card, 5, 5);
    painter->fillPath(path, selected ? pal.highlight().color().lighter(175) : pal.base().color());
    painter->setPen(QPen(selected ? pal.highlight().color() : pal.mid().color(), selected ? 1.5 : 1.0));
    painter->drawPath(path);

    const QRect text = card.toRect().adjusted(8, 5, -8, -5);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold), metrics(option.font);
    painter->setPen(pal.text().color());
    painter->setFont(bold);
    const QString title = index.data(Qt::DisplayRole).toString();
    painter->drawText(QRect(text.left(), text.top(), text.width(), boldMetrics.height()), Qt::AlignLeft,
                      boldMetrics.elidedText(title, Qt::ElideRight, text.width()));
    painter->setFont(option.font);
    const int line2 = text.top() + boldMetrics.height() + 2;
    painter->drawText(QRect(text.left(), line2, text.width(), metrics.height()), Qt::AlignLeft,
                      metrics.elidedText(index.data(DealColumnModel::GuestNameRole).toString(),
                                         Qt::ElideRight, text.width()));
    const int line3 = line2 + metrics.height() + 2;
    const QString age = index.data(DealColumnModel::UpdatedRole).toString();
    const int ageWidth = metrics.horizontalAdvance(age);
    painter->setPen(pal.placeholderText().color());
    painter->drawText(QRect(text.right() - ageWidth, line3, ageWidth + 1, metrics.height()), Qt::AlignRight,
                      age);
    painter->setPen(pal.text().color());
    painter->drawText(QRect(text.left(), line3, text.width() - ageWidth - 8, metrics.height()), Qt::AlignLeft,
                      metrics.elidedText(index.data(DealColumnModel::AmountRole).toString(), Qt::ElideRight,
                                         text.width() - ageWidth - 8));
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(pal.highlight().color(), 1, Qt::DotLine));
        painter->drawRoundedRect(card.adjusted(2, 2, -2, -2), 4, 4);
    }
    painter->restore();
}

QSize DealCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int height = QFontMetrics(bold).height() + 2 * QFontMetrics(option.font).height() + 4 + 16;
    return {200, height};
}

} // namespace kasp::crm::ui
