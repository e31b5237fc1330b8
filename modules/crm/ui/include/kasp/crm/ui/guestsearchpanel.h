#pragma once
// Search box + result list. Typing searches after a short pause; Enter or a double click opens
// the guest; Down moves from the box into the list, so the keyboard never has to leave.
#include "kasp/core/id.h"
#include "kasp/core/phone.h"
#include <QWidget>

class QLineEdit;
class QListView;
class QLabel;
class QTimer;

namespace kasp::crm {
class GuestService;
}

namespace kasp::crm::ui {

class GuestSearchModel;

class GuestSearchPanel : public QWidget
{
    Q_OBJECT
public:
    explicit GuestSearchPanel(GuestService &service, QWidget *parent = nullptr);

    void focusSearch();
    void setQuery(const QString &text); // searches at once (tests, "find by this number")
    // The same search again (colleagues' records arrived): the guest under the cursor stays there.
    void refresh();
    GuestSearchModel *model() const { return m_model; }

signals:
    void guestActivated(const kasp::Id &guestId);
    // Ctrl+Enter (in the box or the list) or the row's menu: call that guest's main number.
    void callRequested(const kasp::Id &guestId, const kasp::Phone &phone);
    void errorOccurred(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runSearch();
    void callRow(int row);
    void activateRow(int row);

    GuestService &m_service;
    GuestSearchModel *m_model;
    QLineEdit *m_edit;
    QListView *m_list;
    QLabel *m_status;
    QTimer *m_debounce;
};

} // namespace kasp::crm::ui
