#pragma once
// The "Гости" tab: the whole base, alphabetically, scrolled like any table at a million guests.
// Typing letters in the table jumps to the surname; Enter or a double click opens the card.
#include "kasp/core/phone.h"
#include "kasp/crm/ui/guestlistmodel.h"
#include <QWidget>

class QLabel;
class QProgressBar;
class QTableView;

namespace kasp::crm::ui {

class GuestListPanel : public QWidget
{
    Q_OBJECT
public:
    explicit GuestListPanel(storage::GuestList list, QWidget *parent = nullptr);

    GuestListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setUserNames(QHash<Id, QString> names) { m_model->setUserNames(std::move(names)); }
    // Reads the count again and forgets cached pages: after a save or a sync. Cheap when hidden:
    // the work waits until the tab is shown.
    void reload();

signals:
    void guestActivated(const kasp::Id &guestId);
    // Ctrl+Enter or the row's menu: call the guest's main number.
    void callRequested(const kasp::Id &guestId, const kasp::Phone &phone);
    void errorOccurred(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateStatus();
    void callRow(int row);

    GuestListModel *m_model;
    QTableView *m_view;
    QLabel *m_status;
    QProgressBar *m_progress;
    bool m_stale = true;
};

} // namespace kasp::crm::ui
