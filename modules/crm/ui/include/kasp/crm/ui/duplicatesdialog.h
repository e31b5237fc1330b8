#pragma once
// Гость → Дубли: the likely duplicate pairs of the base on the left, the chosen pair side by side
// on the right; Merge (the left card keeps everything), Not a duplicate, Swap sides.
#include "kasp/crm/duplicateservice.h"
#include <functional>
#include <QDialog>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

class QProgressDialog;

namespace kasp::crm::ui {

class MergeComparisonView;

class DuplicatesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DuplicatesDialog(DuplicateService &service, QWidget *parent = nullptr);

    // Scans the whole base with a progress bar (Cancel stops it). False when cancelled or failed,
    // or while a scan is under way. With worker connections it runs off the GUI thread.
    bool rescan();
    bool lastScanInWorker() const { return m_lastScanInWorker; }
    // Lists only this pair (the card's "possible duplicate" link), selected and compared.
    void showPair(const Id &a, const Id &b);
    // Merges the selected pair after asking (the confirmation can be replaced for tests).
    bool mergeSelected();
    bool markSelectedDistinct();
    void setConfirmation(std::function<bool(const QString &)> confirm) { m_confirm = std::move(confirm); }

    QTableView *pairsView() const { return m_pairs; }
    MergeComparisonView *comparisonView() const { return m_view; }
    QPushButton *mergeButton() const { return m_merge; }
    int pairCount() const;

signals:
    void merged(const kasp::Id &survivor, const kasp::Id &gone);
    void guestActivated(const kasp::Id &guestId);
    void errorOccurred(const QString &message);

private:
    void fill(const QList<storage::DuplicatePair> &pairs);
    void compareCurrent();
    void removePairsOf(const Id &guestId);
    std::optional<std::pair<Id, Id>> currentPair() const;
    void updateState();
    Result<QList<storage::DuplicatePair>> scanInWorker(QProgressDialog &progress);

    DuplicateService &m_service;
    QStandardItemModel *m_model;
    QTableView *m_pairs;
    MergeComparisonView *m_view;
    QLabel *m_summary;
    QPushButton *m_merge;
    QPushButton *m_distinct;
    QPushButton *m_swap;
    QPushButton *m_rescan;
    std::function<bool(const QString &)> m_confirm;
    bool m_scanning = false;
    bool m_lastScanInWorker = false;
};

// "Same phone, same e-mail": a pair's reasons as the list and the card say them.
QString duplicateReasonsText(int reasons);

} // namespace kasp::crm::ui
