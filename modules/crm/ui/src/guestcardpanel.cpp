#include "kasp/crm/ui/guestcardpanel.h"

#include "kasp/core/datetext.h"
#include "kasp/core/guestmerge.h"
#include "kasp/core/programtext.h"
#include "kasp/core/textlimits.h"
#include "kasp/crm/ui/consentdialog.h"
#include "kasp/crm/ui/flowlayout.h"

#include "kasp/crm/ui/duplicatesdialog.h"
#include "kasp/crm/ui/timelinefiltermodel.h"
#include "kasp/crm/ui/timelinemodel.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QStackedLayout>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kasp::crm::ui {

namespace {

// RFC 3966: "tel:+79161234567", with ";ext=12" for an extension (two of them differ by it).
QString telLink(const Phone &phone)
{
    return QStringLiteral("tel:") + phone.e164() +
           (phone.extension().isEmpty() ? QString() : QStringLiteral(";ext=") + phone.extension());
}

} // namespace

GuestCardPanel::GuestCardPanel(GuestService &service, const Clock &clock, QWidget *parent)
    : QWidget(parent), m_service(service), m_clock(clock), m_timeline(new TimelineModel(this)),
      m_filter(new TimelineFilterModel(this)), m_stack(new QStackedLayout(this)),
      m_placeholder(new QLabel(this)), m_name(new QLabel), m_segment(new QLabel), m_facts(new QLabel),
      m_contacts(new QLabel), m_summary(new QLabel), m_open(new QLabel), m_duplicates(new QLabel),
      m_edit(new QPushButton(tr("Edit…"))), m_book(new QPushButton(tr("Book…"))),
      m_undo(new QPushButton(tr("Undo the change"))), m_task(new QPushButton(tr("Task…"))),
      m_consent(new QPushButton(tr("Consent…"))), m_consents(new QLabel), m_note(new QLineEdit),
      m_table(new QTableView)
{
    setObjectName(QStringLiteral("guestCardPanel"));
    m_placeholder->setText(tr("Find a guest by phone or surname (Ctrl+K),\nor create a new one (Ctrl+N)."));
    m_placeholder->setObjectName(QStringLiteral("cardPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setEnabled(false);

    auto *card = new QWidget(this);
    m_name->setObjectName(QStringLiteral("guestName"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_segment->setObjectName(QStringLiteral("guestSegment"));
    m_segment->setMargin(3);
    m_open->setObjectName(QStringLiteral("guestOpenWork"));
    m_open->setTextFormat(Qt::RichText);
    m_duplicates->setObjectName(QStringLiteral("guestDuplicates"));
    m_duplicates->setTextFormat(Qt::RichText);
    m_duplicates->setWordWrap(true);
    m_duplicates->setToolTip(tr("Another card may belong to this person: compare them and merge"));
    connect(m_duplicates, &QLabel::linkActivated, this,
            [this](const QString &link) { emit compareRequested(m_guestId, idFromString(link)); });
    for (QLabel *label : {m_facts, m_contacts, m_summary, m_open}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_facts->setObjectName(QStringLiteral("guestFacts"));
    m_contacts->setObjectName(QStringLiteral("guestContacts"));
    m_contacts->setTextFormat(Qt::RichText);
    m_contacts->setToolTip(tr("Click a number to call it"));
    m_contacts->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse |
                                        Qt::LinksAccessibleByKeyboard);
    connect(m_contacts, &QLabel::linkActivated, this, [this](const QString &link) {
        for (const Phone &p : m_phones)
            if (link == telLink(p)) {
                emit callRequested(m_guestId, p);
                break;
            }
    });
    m_summary->setObjectName(QStringLiteral("guestSummary"));
    m_edit->setObjectName(QStringLiteral("guestEditButton"));
    m_edit->setToolTip(tr("Edit the guest's name, contacts and tags (Ctrl+E)"));
    connect(m_edit, &QPushButton::clicked, this, [this] { emit editRequested(m_guestId); });
    m_book->setObjectName(QStringLiteral("guestBookButton"));
    m_book->setToolTip(tr("Free rooms for this guest's dates and party (Ctrl+B)"));
    m_book->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(m_book, &QPushButton::clicked, this, [this] { emit bookRequested(m_guestId); });
    m_task->setObjectName(QStringLiteral("guestTaskButton"));
    m_task->setToolTip(tr("A task about this guest: call back, send an offer, remind (Ctrl+T)"));
    m_task->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_task, &QPushButton::clicked, this, [this] { emit taskRequested(m_guestId); });
    m_consent->setObjectName(QStringLiteral("consentButton"));
    m_consent->setToolTip(tr("Record the guest's consent to advertising by SMS, e-mail, calls or ads "
                             "audiences — or its withdrawal"));
    connect(m_consent, &QPushButton::clicked, this, [this] { emit consentRequested(m_guestId); });
    m_consents->setObjectName(QStringLiteral("consentLine"));
    m_note->setObjectName(QStringLiteral("guestNote"));
    m_note->setPlaceholderText(tr("A note for the history: what the guest said, what they want (Enter)"));
    m_note->setClearButtonEnabled(true);
    m_note->setMaxLength(textlimits::kLongText);
    connect(m_note, &QLineEdit::returnPressed, this, &GuestCardPanel::addNote);
    m_undo->setObjectName(QStringLiteral("guestUndoButton"));
    m_undo->setToolTip(tr("Put the card back as it was before the last edit (Ctrl+Z in the card)"));
    m_undo->hide();
    connect(m_undo, &QPushButton::clicked, this, &GuestCardPanel::undoLastEdit);
    auto *undoKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z), this);
    undoKey->setContext(Qt::WidgetWithChildrenShortcut); // the deals board has its own Ctrl+Z
    connect(undoKey, &QShortcut::activated, this, &GuestCardPanel::undoLastEdit);

    m_table->setObjectName(QStringLiteral("guestTimeline"));
    m_filter->setSourceModel(m_timeline);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString recording = index.data(TimelineModel::RecordingRole).toString();
        if (!recording.isEmpty())
            emit recordingRequested(recording);
    });
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(TimelineModel::WhenColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TimelineModel::WhatColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TimelineModel::DetailsColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(TimelineModel::WhoColumn,
                                                      QHeaderView::ResizeToContents);

    auto *header = new QHBoxLayout;
    auto *identity = new QVBoxLayout;
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name);
    nameRow->addWidget(m_segment);
    nameRow->addStretch(1);
    identity->addLayout(nameRow);
    identity->addWidget(m_facts);
    identity->addWidget(m_contacts);
    identity->addWidget(m_summary);
    identity->addWidget(m_open);
    identity->addWidget(m_consents);
    identity->addWidget(m_duplicates);
    header->addLayout(identity, 1);
    auto *actions = new QVBoxLayout;
    actions->addWidget(m_book);
    actions->addWidget(m_edit);
    actions->addWidget(m_task);
    actions->addWidget(m_consent);
    actions->addWidget(m_undo);
    actions->addStretch(1);
    header->addLayout(actions);

    auto *layout = new QVBoxLayout(card);
    layout->addLayout(header);
    layout->addWidget(m_note);
    auto *historyTitle = new QLabel(tr("History"));
    QFont bold = historyTitle->font();
    bold.setBold(true);
    historyTitle->setFont(bold);
    auto *historyRow = new QHBoxLayout;
    historyRow->addWidget(historyTitle);
    historyRow->addWidget(buildFilterBar(), 1);
    layout->addLayout(historyRow);
    layout->addWidget(m_table, 1);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(card);
}

QWidget *GuestCardPanel::buildFilterBar()
{
    struct Filter
    {
        const char *id;
        QString title;
        QString tip;
        QSet<QString> categories;
    };
    const QList<Filter> filters{
        {"all", tr("All"), tr("Every touch, stay, deal and task"), {}},
        {"calls", tr("Calls"), tr("Incoming, outgoing and missed calls"), {QStringLiteral("call")}},
        {"requests", tr("Requests"), tr("Web requests and callback requests"), {QStringLiteral("request")}},
        {"stays", tr("Stays"), tr("Stays and bookings"), {QStringLiteral("stay"), QStringLiteral("booking")}},
        {"deals", tr("Deals"), tr("Sales attempts and their stages"), {QStringLiteral("deal")}},
        {"tasks", tr("Tasks"), tr("Tasks about this guest"), {QStringLiteral("task")}},
        {"notes",
         tr("Notes"),
         tr("Notes, e-mails and messages"),
         {QStringLiteral("note"), QStringLiteral("message")}},
    };
    auto *bar = new QWidget;
    auto *row = new FlowLayout(bar, 0); // wraps in a narrow window instead of widening it
    auto *group = new QButtonGroup(bar);
    group->setExclusive(true);
    for (const Filter &f : filters) {
        auto *button = new QToolButton;
        button->setText(f.title);
        button->setToolTip(f.tip);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setChecked(f.categories.isEmpty());
        button->setObjectName(QStringLiteral("timelineFilter-") + QLatin1String(f.id));
        group->addButton(button);
        row->addWidget(button);
        const QSet<QString> categories = f.categories;
        connect(button, &QToolButton::toggled, this, [this, categories](bool on) {
            if (on)
                m_filter->setCategories(categories);
        });
    }
    return bar;
}

void GuestCardPanel::setEditable(bool editable)
{
    m_edit->setVisible(editable);
    m_book->setVisible(editable);
    m_task->setVisible(editable);
    m_note->setVisible(editable);
    // A role that makes no guests is not told to make one (the director's first screen said so).
    m_placeholder->setText(
        editable ? tr("Find a guest by phone or surname (Ctrl+K),\nor create a new one (Ctrl+N).")
                 : tr("Find a guest by phone or surname (Ctrl+K)."));
}

void GuestCardPanel::clear()
{
    m_before.reset();
    m_after.reset();
    m_undo->hide();
    m_guestId = Id();
    m_timeline->setCard({}, {});
    m_stack->setCurrentIndex(0);
}

QString GuestCardPanel::shownName() const
{
    return m_name->text();
}

bool GuestCardPanel::addNote()
{
    if (m_guestId.isNull())
        return false;
    auto note = m_service.addNote(m_guestId, m_userId, m_note->text());
    if (!note.ok()) {
        emit errorOccurred(note.error().message);
        return false;
    }
    m_note->clear(); // only once it is saved: nothing typed is lost on a refusal
    showGuest(m_guestId);
    return true;
}

void GuestCardPanel::offerUndo(const Guest &before)
{
    auto after = m_service.card(before.id);
    if (!after.ok())
        return;
    m_before = before;
    m_after = after.value().guest;
    m_undo->setVisible(m_guestId == before.id && m_edit->isVisible());
}

bool GuestCardPanel::undoLastEdit()
{
    if (!m_before || !m_after || m_before->id != m_guestId)
        return false;
    auto current = m_service.card(m_guestId);
    if (!current.ok()) {
        emit errorOccurred(current.error().message);
        return false;
    }
    const Guest reverted = revertEdit(current.value().guest, *m_before, *m_after);
    // Equal when everything the edit changed was changed again since: nothing to put back.
    const bool changes = reverted != current.value().guest;
    if (changes) {
        auto saved = m_service.save(reverted);
        if (!saved.ok()) {
            emit errorOccurred(saved.error().message); // the undo is still offered
            return false;
        }
    }
    m_before.reset();
    m_after.reset();
    m_undo->hide();
    if (!changes)
        return true;
    showGuest(reverted.id);
    emit guestChanged(reverted.id);
    return true;
}

void GuestCardPanel::keepUndoOnlyFor(const Id &guestId)
{
    if (m_before && m_before->id != guestId) {
        m_before.reset(); // the undo belongs to the card it was offered on
        m_after.reset();
        m_undo->hide();
    }
}

bool GuestCardPanel::showGuest(const Id &guestId)
{
    keepUndoOnlyFor(guestId);
    auto card = m_service.card(guestId);
    if (!card.ok()) {
        emit errorOccurred(card.error().message);
        return false;
    }
    showCard(card.value());
    return true;
}

void GuestCardPanel::showCard(const GuestCard &card)
{
    keepUndoOnlyFor(card.guest.id);
    m_guestId = card.guest.id;
    render(card);
    m_stack->setCurrentIndex(1);
}

QString GuestCardPanel::segmentTitle(GuestSegment segment)
{
    switch (segment) {
    case GuestSegment::NeverBought:
        return tr("Not bought yet");
    case GuestSegment::Vip:
        return tr("VIP");
    case GuestSegment::Lost:
        return tr("Lost");
    case GuestSegment::Promising:
        return tr("Promising");
    case GuestSegment::OneTime:
        return tr("One-time");
    }
    return {};
}

// The badge beside the name: which of the head of sales' segments the guest is in, and why.
void GuestCardPanel::showSegment(const GuestCard &card)
{
    const RfmFigures f = rfmFigures(card.stays, m_clock.today());
    struct Look
    {
        const char *background;
        const char *text;
    };
    static const QHash<GuestSegment, Look> looks{
        {GuestSegment::NeverBought, {"#e8e8e8", "#444444"}},
        {GuestSegment::Vip, {"#f3d36b", "#4a3600"}},
        {GuestSegment::Lost, {"#f2c4c4", "#7a1010"}},
        {GuestSegment::Promising, {"#cde9c8", "#1d4d16"}},
        {GuestSegment::OneTime, {"#d5e1f0", "#1c3a63"}},
    };
    const Look look = looks.value(f.segment);
    m_segment->setText(segmentTitle(f.segment));
    m_segment->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px; }")
                                 .arg(QLatin1String(look.background), QLatin1String(look.text)));
    m_segment->setProperty("segment", guestSegmentKey(f.segment));
    if (f.stays == 0) {
        m_segment->setToolTip(
            tr("Segment: has not paid for a stay yet (a hold or a call is not a purchase)"));
        return;
    }
    m_segment->setToolTip(tr("Segment by recency, frequency and money: %n stay(s) bought, %1 in all, "
                             "the latest bought %2.\nVIP and lost: %3+ stays or %4; "
                             "VIP and promising bought this year or last.",
                             nullptr, f.stays)
                              .arg(f.spent.toString(), QLocale().toString(f.lastBuy, QLocale::ShortFormat))
                              .arg(RfmThresholds{}.manyStays)
                              .arg(RfmThresholds{}.largeSum.toString()));
}

void GuestCardPanel::render(const GuestCard &card)
{
    const QLocale locale;
    const Guest &g = card.guest;
    m_name->setText(g.displayName());
    showSegment(card);
    QStringList facts;
    if (g.birthDate.isValid())
        facts << tr("born %1 (%n years)", nullptr, g.ageOn(m_clock.today()))
                     .arg(locale.toString(g.birthDate, QLocale::ShortFormat));
    for (const GuestFieldDef &def : guestFields()) { // a city and the like, from the card's table
        const bool name = isNameField(def.field);
        const QString text = def.type == GuestFieldType::Text && !name ? def.value(g).toString() : QString();
        if (!text.isEmpty()) {
            const QString title = guestFieldTitle(def.field);
            facts << tr("%1: %2").arg(title.left(1).toLower() + title.mid(1), text);
        }
    }
    facts << (card.managerName.isEmpty() ? tr("no manager") : tr("manager: %1").arg(card.managerName));
    if (!g.tags.isEmpty())
        facts << tr("tags: %1").arg(g.tags.join(QStringLiteral(", ")));
    m_facts->setText(facts.join(QStringLiteral(" · ")));
    m_consents->setText(consentSummary(card.consents));
    m_consents->setToolTip(consentDetails(card.consents, card.userNames));

    // Every number is a link: a click calls it (click-to-call through the desk's softphone).
    QStringList contacts;
    for (const Phone &p : g.phones)
        contacts << QStringLiteral("<a href='%1'>%2</a>")
                        .arg(telLink(p).toHtmlEscaped(), p.display().toHtmlEscaped());
    for (const QString &email : g.emails)
        contacts << email.toHtmlEscaped();
    m_contacts->setText(contacts.isEmpty() ? tr("no contacts") : contacts.join(QStringLiteral(" · ")));
    m_phones = g.phones;

    // Stays that took place apart from those ahead: a voucher for next winter is not a stay yet.
    Money spent;
    for (const Booking &b : card.stays)
        if (b.status != BookingStatus::Cancelled)
            spent += b.prepaid;
    const StayCounts stays = countStays(card.stays, m_clock.today());
    QStringList summary{tr("%n stay(s)", nullptr, stays.lived)};
    if (stays.ahead > 0)
        summary << tr("%n ahead", nullptr, stays.ahead);
    summary << tr("paid %1").arg(spent.toString()) << tr("%n touch(es)", nullptr, int(card.touches.size()));
    if (card.firstTouch) {
        summary << tr("first: %1, %2")
                       .arg(touchKindTitle(card.firstTouch->kind).toLower(),
                            locale.toString(card.firstTouch->at.toLocalTime().date(), QLocale::ShortFormat));
        if (const QString utm = sourceTitle(card.firstTouch->source); !utm.isEmpty())
            summary << tr("source: %1").arg(utm); // the advertising that brought the guest
    }
    if (!card.lastManagerName.isEmpty())
        summary << tr("last talked to %1 (%2)")
                       .arg(card.lastManagerName,
                            locale.toString(card.lastTalkAt.toLocalTime().date(), QLocale::ShortFormat));
    m_summary->setText(summary.join(QStringLiteral(" · ")));
    m_summary->setToolTip(tr("Calls of this guest go best to whoever talked to them last"));

    // What is under way: open deals at their stages, open tasks with overdue ones in red.
    QStringList open;
    const QDateTime now = m_clock.now();
    // Bookings still ahead (or under way): what the guest has bought and not yet lived.
    for (const Booking &b : card.stays)
        if (b.status != BookingStatus::Cancelled && b.stay.checkOut() > m_clock.today())
            open << tr("booking %1–%2: %3")
                        .arg(locale.toString(b.stay.checkIn(), datetext::dayMonthFormat(locale)),
                             locale.toString(b.stay.checkOut(), QLocale::ShortFormat),
                             bookingStatusTitle(b.status).toHtmlEscaped());
    for (const Deal &d : card.deals)
        if (!isClosedStage(d.stage))
            open << tr("deal «%1»: %2")
                        .arg(programtext::display(d.title).toHtmlEscaped(),
                             card.pipeline.title(d.stage).toHtmlEscaped());
    for (const Task &t : card.tasks) {
        if (t.status != TaskStatus::Open)
            continue;
        const QString text = tr("task «%1» by %2")
                                 .arg(programtext::display(t.title).toHtmlEscaped(),
                                      locale.toString(t.due.toLocalTime(), QLocale::ShortFormat));
        open << (t.isOverdue(now) ? QStringLiteral("<span style='color:#b01c1c'>%1</span>").arg(text) : text);
    }
    m_open->setText(open.isEmpty() ? tr("nothing open") : open.join(QStringLiteral(" · ")));

    QStringList alike;
    for (const storage::DuplicateCandidate &d : card.duplicates)
        alike << (m_canMerge ? QStringLiteral("<a href='%1'>%2</a> (%3)").arg(idToString(d.guest.id))
                             : QStringLiteral("%1 (%2)"))
                     .arg(d.guest.displayName.toHtmlEscaped(),
                          duplicateReasonsText(d.reasons).toHtmlEscaped());
    m_duplicates->setText(alike.isEmpty() ? QString()
                                          : QStringLiteral("<span style='color:#9a5b00'>%1</span> %2")
                                                .arg(tr("Looks like:"), alike.join(QStringLiteral(", "))));
    m_duplicates->setVisible(!alike.isEmpty());
    m_timeline->setCard(card, m_clock.now());
}

void GuestCardPanel::setCanRecordConsent(bool can)
{
    m_consent->setEnabled(can);
    if (!can)
        m_consent->setToolTip(tr("Only those who talk to guests record their consent: your role reads it"));
}

} // namespace kasp::crm::ui
