#pragma once
// The "Гости" tab: the whole base, alphabetically, scrolled like any table at a million guests.
// Typing letters in the table jumps to the surname; Enter or a double click opens the card.
// The filter bar above it (issue 21) narrows the list: a name or a phone, my guests, birthdays this
// month (by the desk's Clock), a tag, a segment, the last stay in a period; they combine, «Сбросить»
// clears them, and the count says how many guests are shown. The export writes what is shown.
#include "kasp/core/clock.h"
#include "kasp/core/phone.h"
#include "kasp/crm/ui/guestlistmodel.h"
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
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
    // The desk's Clock (birthdays this month, stays that took place) and the signed-in person
    // («Мои гости»). Until it is set those filters are off.
    void setDesk(const Clock &clock, const Id &me);
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
    QWidget *filterBar();
    void applyFilter();
    storage::GuestListFilter currentFilter() const;
    void resetFilter();
    void fillTags();
    void updateStatus();
    void callRow(int row);

    GuestListModel *m_model;
    QTableView *m_view;
    QLabel *m_status;
    QProgressBar *m_progress;
    QLineEdit *m_text = nullptr;
    QCheckBox *m_mine = nullptr;
    QCheckBox *m_birthdays = nullptr;
    QComboBox *m_tag = nullptr;
    QComboBox *m_segment = nullptr;
    QCheckBox *m_lastStay = nullptr;
    QDateEdit *m_stayFrom = nullptr;
    QDateEdit *m_stayTo = nullptr;
    QPushButton *m_reset = nullptr;
    QTimer m_typing;
    const Clock *m_clock = nullptr;
    Id m_me;
    bool m_resetting = false;
    bool m_stale = true;
};

} // namespace kasp::crm::ui
