#pragma once
// The guest card: who the guest is (name, age, phones, e-mails, tags, manager), what they bought,
// and the timeline of every touch.
#include "kasp/core/clock.h"
#include "kasp/core/guestsegment.h"
#include "kasp/crm/guestservice.h"
#include <optional>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QPushButton;
class QStackedLayout;

namespace kasp::crm::ui {

class TimelineModel;
class TimelineFilterModel;

class GuestCardPanel : public QWidget
{
    Q_OBJECT
public:
    // The clock says what is overdue, ahead, and how old the guest is.
    GuestCardPanel(GuestService &service, const Clock &clock, QWidget *parent = nullptr);

    bool showGuest(const Id &guestId); // false (and a message) if it could not be loaded
    // A card loaded already (the window loads a ringing caller's once and shares it).
    void showCard(const GuestCard &card);
    void clear();
    void setEditable(bool editable);
    void setUser(const Id &userId) { m_userId = userId; } // who writes the card's notes
    // The note line under the header: Enter adds the note to the timeline.
    QLineEdit *noteEdit() const { return m_note; }
    bool addNote();
    // After an edit: "Undo the change" (Ctrl+Z in the card) puts back the fields the edit changed,
    // as one more guest.update; a field changed again since (sync) keeps its newer value. Offered
    // until another guest is shown or the undo is used.
    void offerUndo(const Guest &before);
    QPushButton *undoButton() const { return m_undo; }
    QPushButton *taskButton() const { return m_task; }
    QPushButton *consentButton() const { return m_consent; }
    QLabel *consentLine() const { return m_consents; }
    // «Согласие…» is enabled for whoever may record a guest's consent (not the director).
    void setCanRecordConsent(bool can);
    // «Похож на: …» names other cards as links to compare and merge for whoever may merge cards;
    // for anyone else the names are plain text.
    void setCanMerge(bool can) { m_canMerge = can; }
    bool undoLastEdit();
    const Id &currentGuest() const { return m_guestId; }
    QString shownName() const; // the name at the top of the card
    TimelineModel *timeline() const { return m_timeline; }
    TimelineFilterModel *timelineFilter() const { return m_filter; }

signals:
    void editRequested(const kasp::Id &guestId);
    void bookRequested(const kasp::Id &guestId);
    void taskRequested(const kasp::Id &guestId);                           // "Задача…" (Ctrl+T)
    void consentRequested(const kasp::Id &guestId);                        // «Согласие…»
    void callRequested(const kasp::Id &guestId, const kasp::Phone &phone); // a number clicked
    // The "looks like" link: compare this card with another side by side.
    void compareRequested(const kasp::Id &guestId, const kasp::Id &otherId);
    void errorOccurred(const QString &message);
    // A recorded call double-clicked on the timeline: its file under the recordings folder.
    void recordingRequested(const QString &recording);
    void guestChanged(const kasp::Id &guestId); // saved from the card itself (an undo)

public:
    static QString segmentTitle(GuestSegment segment); // «VIP», «Потерянный», …

private:
    void render(const GuestCard &card);
    void keepUndoOnlyFor(const Id &guestId);
    void showSegment(const GuestCard &card);
    QWidget *buildFilterBar();

    GuestService &m_service;
    const Clock &m_clock;
    Id m_guestId;
    TimelineModel *m_timeline;
    TimelineFilterModel *m_filter;
    QStackedLayout *m_stack;
    QLabel *m_placeholder;
    QLabel *m_name;
    QLabel *m_segment; // the RFM segment badge: VIP, lost, promising, one-time
    QLabel *m_facts;
    QLabel *m_contacts;
    QLabel *m_summary;
    QLabel *m_open;       // open deals and tasks: what is under way with this guest
    QLabel *m_duplicates; // "looks like …": other cards of perhaps the same person
    bool m_canMerge = true;
    QPushButton *m_edit;
    QPushButton *m_book;
    QPushButton *m_undo;
    QPushButton *m_task;
    QPushButton *m_consent;
    QLabel *m_consents; // the consents to advertising: one line, the details in its tooltip
    QLineEdit *m_note;
    QList<Phone> m_phones; // the shown card's numbers, for the links
    Id m_userId;
    std::optional<Guest> m_before; // what an undo restores
    std::optional<Guest> m_after;  // what the edit saved: fields changed since are kept
    QTableView *m_table;
};

} // namespace kasp::crm::ui
