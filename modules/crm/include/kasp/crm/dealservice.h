#pragma once
// The deals' use cases: the board's columns, moving a deal (with its history and touch), new deals
// from a guest's card, and the head of sales' pipeline. No widgets.
#include "kasp/storage/dealrepository.h"

namespace kasp::crm {

struct BoardColumn
{
    DealStageDef stage;
    QString title;
    QList<storage::BoardDeal> deals; // most recently moved first, at most the board's limit
    storage::StageTotal total;       // all of the column's deals, not only those shown
};

class DealService
{
public:
    // Closed columns (stayed, lost) show the deals closed in the last kClosedDays; open columns
    // show every deal, the newest kColumnLimit of them as cards.
    static constexpr int kColumnLimit = 200;
    static constexpr int kClosedDays = 30;

    DealService(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

    Result<DealPipeline> pipeline() const;
    // Every active stage as a column, and hidden stages that still hold open deals.
    Result<QList<BoardColumn>> board() const;
    Result<BoardColumn> column(const DealStageDef &stage, const QString &title) const;
    // The column's next kColumnLimit cards after `last` (the column scrolled to its end).
    Result<QList<storage::BoardDeal>> moreOf(const QString &stage, const Deal &last) const;
    Result<DealMove> move(const Id &dealId, const QString &to, const Id &userId,
                          const QString &lostReason = {});
    // A new deal at the first active stage, owned by `ownerId`. Title required.
    Result<Deal> create(const Id &guestId, const Id &ownerId, const QString &title, Money amount);
    // The editor's whole pipeline in one transaction: positions follow the list's order, built-in
    // stages nobody stored yet are stored, new stages get a key made from their title.
    Status savePipeline(const QList<DealStageDef> &stages);

    // Reasons offered when a deal is lost; the consultant may type another.
    static QStringList lostReasons();
    // A key for a new stage: its title transliterated ("Вид на море" -> "vid_na_more"), made unique.
    static QString keyForTitle(const QString &title, const QStringList &taken);

private:
    storage::DealRepository repo() const { return storage::DealRepository(m_db, m_clock); }
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::crm
