#pragma once
// One column of the deals board: the deals at one stage as cards. Cards are dragged out as
// "application/x-kasp-deal" (the deal's id and its stage); a card dropped here asks for a move
// (dealDropped, queued so that a dialog may open outside the drop) and changes nothing by itself:
// the board reloads the two columns once the move is stored.
#include "kasp/crm/dealservice.h"
#include <functional>
#include <QAbstractListModel>
#include <QStyledItemDelegate>

namespace kasp::crm::ui {

inline constexpr char kDealMimeType[] = "application/x-kasp-deal";

class DealColumnModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        DealIdRole = Qt::UserRole + 1,
        GuestIdRole,
        GuestNameRole,
        AmountRole,
        UpdatedRole,
        OwnerRole
    };

    // The next page of a column: the cards after the last one loaded (DealService::moreOf).
    using PageLoader =
        std::function<Result<QList<storage::BoardDeal>>(const QString &stage, const Deal &last)>;

    explicit DealColumnModel(const Clock &clock, QObject *parent = nullptr);
    void setColumn(BoardColumn column);
    // Without a loader, a column shows its first page only.
    void setPageLoader(PageLoader loader) { m_loader = std::move(loader); }
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void setUserNames(QHash<Id, QString> names) { m_userNames = std::move(names); }
    const BoardColumn &column() const { return m_column; }
    QString stageKey() const { return m_column.stage.key; }
    int indexOfDeal(const Id &dealId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

signals:
    void dealDropped(const kasp::Id &dealId, const QString &fromStage, const QString &toStage);
    void pageFailed(const QString &message);

private:
    BoardColumn m_column;
    const Clock &m_clock; // a card's age
    QHash<Id, QString> m_userNames;
    PageLoader m_loader;
    bool m_exhausted = false; // a page came back empty: the total was stale
};

// Paints a deal as a card: its title, the guest, the amount and how long it has been at the stage.
// A deal as a card: the title (bold), the guest's name, the amount and the time at the stage. A
// narrow column (eight stages side by side) wraps the title and the name onto more lines, and the
// card grows, instead of cutting them.
class DealCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    struct Line
    {
        QString text;
        QRect rect; // in the view's coordinates
        bool bold = false;
        bool muted = false; // the time at the stage
    };

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The lines a card is drawn as, at option.rect (its width; the view's when it has none).
    static QList<Line> layoutCard(const QStyleOptionViewItem &option, const QModelIndex &index);
};

} // namespace kasp::crm::ui
