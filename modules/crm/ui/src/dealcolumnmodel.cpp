#include "kasp/crm/ui/dealcolumnmodel.h"

#include "kasp/core/programtext.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

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
        return programtext::display(row.deal.title);
    case Qt::ToolTipRole: {
        QString tip =
            QStringLiteral("<b>%1</b><br>%2")
                .arg(programtext::display(row.deal.title).toHtmlEscaped(), row.guestName.toHtmlEscaped());
        if (row.deal.amount.kopecks() != 0)
            tip += QStringLiteral("<br>") + row.deal.amount.toString();
        if (const QString owner = m_userNames.value(row.deal.ownerId); !owner.isEmpty())
            tip += QStringLiteral("<br>") + tr("Manager: %1").arg(owner.toHtmlEscaped());
        if (!row.deal.lostReason.isEmpty())
            tip += QStringLiteral("<br>") +
                   tr("Lost: %1").arg(programtext::display(row.deal.lostReason).toHtmlEscaped());
        tip += QStringLiteral("<br><i>%1</i>")
                   .arg(tr("Enter opens the guest's card; Ctrl+→ / Ctrl+← moves the "
                           "deal to the next or previous stage"));
        return tip;
    }
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1, %2").arg(programtext::display(row.deal.title), row.guestName);
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

namespace {

constexpr int kCardInset = 3; // the card within its row
constexpr int kTextInset = 6; // the text within the card
constexpr int kLineGap = 1;

// The lines `text` takes at `width`, broken between words (a word longer than the width is broken
// where it must).
QStringList wrapped(const QString &text, const QFont &font, int width)
{
    QStringList lines;
    QTextLayout layout(text, font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

} // namespace

QList<DealCardDelegate::Line> DealCardDelegate::layoutCard(const QStyleOptionViewItem &option,
                                                           const QModelIndex &index)
{
    QRect row = option.rect;
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget); view && row.width() <= 0)
        row.setWidth(view->viewport()->width());
    const QRect text = row.adjusted(kCardInset + kTextInset, kCardInset + 4, -kCardInset - kTextInset, 0);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold), metrics(option.font);
    QList<Line> lines;
    int y = text.top();
    auto add = [&](const QString &value, bool isBold) {
        const QFontMetrics &m = isBold ? boldMetrics : metrics;
        for (const QString &part : wrapped(value, isBold ? bold : option.font, text.width())) {
            lines.append({part, QRect(text.left(), y, text.width(), m.height()), isBold});
            y += m.height() + kLineGap;
        }
    };
    add(index.data(Qt::DisplayRole).toString(), true);
    add(index.data(DealColumnModel::GuestNameRole).toString(), false);
    // The amount, and the time at the stage on its right when both fit on one line.
    const QString amount = index.data(DealColumnModel::AmountRole).toString();
    const QString age = index.data(DealColumnModel::UpdatedRole).toString();
    const int ageWidth = metrics.horizontalAdvance(age);
    const int amountWidth = metrics.horizontalAdvance(amount);
    const int h = metrics.height();
    auto right = [&](int width) { return QRect(text.right() - width + 1, y, width, h); };
    if (!amount.isEmpty() && !age.isEmpty() && amountWidth + 8 + ageWidth <= text.width()) {
        lines.append({amount, QRect(text.left(), y, text.width() - ageWidth - 8, h)});
        lines.append({age, right(ageWidth), false, true});
        y += h + kLineGap;
    } else {
        if (!amount.isEmpty()) {
            lines.append({amount, QRect(text.left(), y, text.width(), h)});
            y += h + kLineGap;
        }
        if (!age.isEmpty()) {
            lines.append({age, right(ageWidth), false, true});
            y += h + kLineGap;
        }
    }
    return lines;
}

void DealCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const QRectF card = QRectF(option.rect).adjusted(kCardInset, kCardInset, -kCardInset, -kCardInset);
    const bool selected = option.state & QStyle::State_Selected;
    QPainterPath path;
    path.addRoundedRect(card, 5, 5);
    painter->fillPath(path, selected ? pal.highlight().color().lighter(175) : pal.base().color());
    painter->setPen(QPen(selected ? pal.highlight().color() : pal.mid().color(), selected ? 1.5 : 1.0));
    painter->drawPath(path);

    QFont bold = option.font;
    bold.setBold(true);
    for (const Line &line : layoutCard(option, index)) {
        painter->setFont(line.bold ? bold : option.font);
        painter->setPen(line.muted ? pal.placeholderText().color() : pal.text().color());
        painter->drawText(line.rect, Qt::AlignLeft | Qt::TextSingleLine, line.text);
    }
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(pal.highlight().color(), 1, Qt::DotLine));
        painter->drawRoundedRect(card.adjusted(2, 2, -2, -2), 4, 4);
    }
    painter->restore();
}

QSize DealCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem at(option);
    at.rect.moveTo(0, 0);
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
        view && at.rect.width() <= 0)
        at.rect.setWidth(view->viewport()->width());
    const QList<Line> lines = layoutCard(at, index);
    const int bottom = lines.isEmpty() ? 0 : lines.last().rect.bottom() + 1;
    return {std::max(at.rect.width(), 1), bottom + 5 + kCardInset};
}

} // namespace kasp::crm::ui
