#include "kasp/booking/ui/bookingdialog.h"

#include "kasp/core/datetext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>

namespace kasp::booking::ui {

namespace {

const QList<QPair<MealPlan, const char *>> kMeals{
    {MealPlan::FullBoard, QT_TRANSLATE_NOOP("kasp::booking::ui::BookingDialog", "Full board")},
    {MealPlan::HalfBoard, QT_TRANSLATE_NOOP("kasp::booking::ui::BookingDialog", "Half board")},
    {MealPlan::Breakfast, QT_TRANSLATE_NOOP("kasp::booking::ui::BookingDialog", "Breakfast")},
    {MealPlan::None, QT_TRANSLATE_NOOP("kasp::booking::ui::BookingDialog", "No meals")}};
const QList<QPair<TreatmentProfile, const char *>> kTreatments{
    {TreatmentProfile::General, QT_TRANSLATE_NOOP("kasp::booking::ui::BookingDialog", "General health")},
    {TreatmentProfile::Cardiology, QT_TRANSLATE_NOOP("kasp::booking::ui::BookingDialog", "Cardiology")},
    {TreatmentProfile::Neurology, QT_TRANSLATE_NOOP("kasp::booking::ui::BookingDialog", "Neurology")},
    {TreatmentProfile::Musculoskeletal,
     QT_TRANSLATE_NOOP("kasp::booking::ui::BookingDialog", "Musculoskeletal")},
    {TreatmentProfile::Digestive, QT_TRANSLATE_NOOP("kasp::booking::ui::BookingDialog", "Digestive")},
    {TreatmentProfile::Respiratory, QT_TRANSLATE_NOOP("kasp::booking::ui::BookingDialog", "Respiratory")},
    {TreatmentProfile::None, QT_TRANSLATE_NOOP("kasp::booking::ui::BookingDialog", "Accommodation only")}};

} // namespace

BookingDialog::BookingDialog(BookingService &booking, crm::GuestService &guests,
                             const crm::GuestSummary &guest, const Stay &stay, const Id &preferredRoom,
                             QWidget *parent)
    : QDialog(parent), m_booking(booking), m_guests(guests), m_guestId(guest.id),
      m_preferredRoom(preferredRoom), m_guest(new QComboBox), m_guestSearch(new QTimer(this)),
      m_checkIn(new QDateEdit), m_checkOut(new QDateEdit), m_nights(new QLabel), m_adults(new QSpinBox),
      m_childAges(new QLineEdit), m_meals(new QComboBox), m_treatment(new QComboBox), m_promo(new QLineEdit),
      m_returning(new QCheckBox(tr("Returning guest"))), m_table(new QTableWidget(0, 5)), m_quote(new QLabel),
      m_error(new QLabel)
{
    setObjectName(QStringLiteral("bookingDialog"));
    setWindowTitle(tr("Book a stay"));

    m_guest->setEditable(true);
    m_guest->setObjectName(QStringLiteral("guest"));
    m_guest->lineEdit()->setPlaceholderText(tr("Name, phone or its last digits"));
    m_guest->setToolTip(tr("Who the booking is for; type to search the base"));
    if (!guest.id.isNull())
        m_guest->addItem(guest.displayName, QVariant::fromValue(guest.id));
    m_guestSearch->setSingleShot(true);
    m_guestSearch->setInterval(200);
    connect(m_guestSearch, &QTimer::timeout, this, &BookingDialog::searchGuests);
    connect(m_guest->lineEdit(), &QLineEdit::textEdited, m_guestSearch, qOverload<>(&QTimer::start));
    connect(m_guest, qOverload<int>(&QComboBox::activated), this, [this](int i) {
        m_guestId = m_guest->itemData(i).value<Id>();
        markReturningGuest();
    });

    for (QDateEdit *e : {m_checkIn, m_checkOut}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(datetext::dateEditFormat());
    }
    m_checkIn->setObjectName(QStringLiteral("checkIn"));
    m_checkOut->setObjectName(QStringLiteral("checkOut"));
    m_checkIn->setDate(stay.checkIn());
    m_checkOut->setDate(stay.checkOut());
    m_adults->setRange(1, 8);
    m_adults->setValue(2);
    m_adults->setObjectName(QStringLiteral("adults"));
    m_childAges->setPlaceholderText(tr("e.g. 5, 12"));
    m_childAges->setToolTip(tr("Children's ages on the check-in day, separated by commas"));
    m_childAges->setObjectName(QStringLiteral("childAges"));
    for (const auto &[plan, name] : kMeals)
        m_meals->addItem(tr(name), int(plan));
    for (const auto &[profile, name] : kTreatments)
        m_treatment->addItem(tr(name), int(profile));
    m_promo->setPlaceholderText(tr("Promo code"));

    auto *form = new QFormLayout;
    form->addRow(tr("Guest:"), m_guest);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_checkIn);
    dates->addWidget(new QLabel(QStringLiteral("—")));
    dates->addWidget(m_checkOut);
    dates->addWidget(m_nights);
    form->addRow(tr("Dates:"), dates);
    auto *people = new QHBoxLayout;
    people->addWidget(m_adults);
    people->addWidget(new QLabel(tr("children's ages:")));
    people->addWidget(m_childAges, 1);
    form->addRow(tr("Adults:"), people);
    auto *programme = new QHBoxLayout;
    programme->addWidget(m_meals);
    programme->addWidget(m_treatment, 1);
    form->addRow(tr("Programme:"), programme);
    auto *discounts = new QHBoxLayout;
    discounts->addWidget(m_promo);
    discounts->addWidget(m_returning);
    form->addRow(tr("Discount:"), discounts);

    m_table->setObjectName(QStringLiteral("options"));
    m_table->setHorizontalHeaderLabels({tr("Room"), tr("Category"), tr("Building"), tr("Beds"), tr("Price")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->setMinimumSize(620, 240);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &BookingDialog::showQuote);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &BookingDialog::accept);

    m_quote->setObjectName(QStringLiteral("quote"));
    m_quote->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setStyleSheet(QStringLiteral("color: #b91c1c"));
    m_error->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_hold = buttons->addButton(tr("Put on hold"), QDialogButtonBox::AcceptRole);
    m_hold->setObjectName(QStringLiteral("holdButton"));
    m_hold->setDefault(true);
    m_hold->setToolTip(
        tr("Holds the room for %n hour(s); prepayment confirms it", "", m_booking.holdHours()));
    connect(buttons, &QDialogButtonBox::accepted, this, &BookingDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Free rooms, best first:")));
    layout->addWidget(m_table, 1);
    layout->addWidget(m_quote);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    for (QDateEdit *e : {m_checkIn, m_checkOut})
        connect(e, &QDateEdit::dateChanged, this, &BookingDialog::refreshOptions);
    connect(m_adults, &QSpinBox::valueChanged, this, &BookingDialog::refreshOptions);
    connect(m_childAges, &QLineEdit::editingFinished, this, &BookingDialog::refreshOptions);
    connect(m_meals, &QComboBox::currentIndexChanged, this, &BookingDialog::refreshOptions);
    connect(m_treatment, &QComboBox::currentIndexChanged, this, &BookingDialog::refreshOptions);
    connect(m_promo, &QLineEdit::editingFinished, this, &BookingDialog::refreshOptions);
    m_returning->setObjectName(QStringLiteral("returningGuest"));
    markReturningGuest(); // the guest the form opened for
    connect(m_returning, &QCheckBox::toggled, this, &BookingDialog::refreshOptions);
    refreshOptions();
    m_table->setFocus();
    // Enter anywhere in the form holds the highlighted room; Cancel only when clicked or Esc.
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    m_hold->setDefault(true);
}

Party BookingDialog::party() const
{
    Party p;
    p.adults = m_adults->value();
    for (const QString &part :
         m_childAges->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int age = part.toInt(&ok);
        p.childAges.append(ok ? age : -1); // -1: priceStay names the bad age
    }
    p.meals = MealPlan(m_meals->currentData().toInt());
    p.treatment = TreatmentProfile(m_treatment->currentData().toInt());
    p.promoCode = m_promo->text().trimmed();
    p.returningGuest = m_returning->isChecked();
    return p;
}

Result<Stay> BookingDialog::stay() const
{
    return Stay::make(m_checkIn->date(), m_checkOut->date());
}

void BookingDialog::setParty(int adults, const QList<int> &childAges)
{
    QStringList ages;
    for (int a : childAges)
        ages << QString::number(a);
    const QSignalBlocker block(m_adults);
    m_adults->setValue(adults);
    m_childAges->setText(ages.join(QStringLiteral(", ")));
    refreshOptions();
}

void BookingDialog::setStay(const Stay &s)
{
    const QSignalBlocker a(m_checkIn), b(m_checkOut);
    m_checkIn->setDate(s.checkIn());
    m_checkOut->setDate(s.checkOut());
    refreshOptions();
}

void BookingDialog::selectGuest(const crm::GuestSummary &guest)
{
    m_guest->clear();
    m_guest->addItem(guest.displayName, QVariant::fromValue(guest.id));
    m_guestId = guest.id;
    markReturningGuest();
}

void BookingDialog::markReturningGuest()
{
    if (m_guestId.isNull())
        return;
    // An error leaves the box as it was: the consultant can still tick it by hand.
    if (auto stayed = m_booking.hasStayedBefore(m_guestId); stayed.ok())
        m_returning->setChecked(stayed.value());
}

void BookingDialog::searchGuests()
{
    const QString text = m_guest->currentText();
    auto found = m_guests.search(text, 15);
    if (!found.ok())
        return;
    const QSignalBlocker block(m_guest);
    m_guest->clear();
    for (const crm::GuestSummary &g : found.value())
        m_guest->addItem(QStringLiteral("%1 · %2").arg(g.displayName, g.mainPhone),
                         QVariant::fromValue(g.id));
    m_guest->setEditText(text);
    m_guestId = found.value().isEmpty() ? Id() : found.value().first().id;
    markReturningGuest();
    if (!found.value().isEmpty())
        m_guest->showPopup();
}

void BookingDialog::refreshOptions()
{
    m_error->clear();
    m_options.clear();
    m_table->setRowCount(0);
    auto s = stay();
    if (!s.ok()) {
        m_nights->clear();
        m_error->setText(s.error().message);
        m_hold->setEnabled(false);
        return;
    }
    m_nights->setText(tr("%n night(s)", "", s.value().nights()));
    auto options = m_booking.options(s.value(), party());
    if (!options.ok()) {
        m_error->setText(options.error().message);
        m_hold->setEnabled(false);
        return;
    }
    m_options = options.value();
    // The room dragged on the grid goes first when it fits.
    auto preferred = std::find_if(m_options.begin(), m_options.end(),
                                  [&](const StayOption &o) { return o.room.id == m_preferredRoom; });
    if (preferred != m_options.end())
        std::rotate(m_options.begin(), preferred, preferred + 1);
    else if (!m_preferredRoom.isNull())
        m_error->setText(
            tr("The chosen room does not fit this party or these dates; other rooms are listed."));

    auto stock = m_booking.roomStock();
    m_table->setRowCount(int(m_options.size()));
    for (int r = 0; r < m_options.size(); ++r) {
        const StayOption &o = m_options[r];
        const QString beds = o.extraBeds > 0 ? tr("%1 + %2 extra").arg(o.room.beds).arg(o.extraBeds)
                                             : QString::number(o.room.beds);
        const QStringList cells{o.room.number, o.category.name,
                                stock.ok() ? stock.value().buildingName(o.room.buildingId) : QString(), beds,
                                o.quote.total.toString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(3);
    m_table->resizeColumnToContents(4);
    if (m_options.isEmpty() && m_error->text().isEmpty())
        m_error->setText(tr("No free room fits this party on these dates."));
    m_hold->setEnabled(!m_options.isEmpty());
    if (!m_options.isEmpty())
        m_table->selectRow(0);
    showQuote();
}

void BookingDialog::showQuote()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_options.size()) {
        m_quote->clear();
        return;
    }
    const Quote &q = m_options[row].quote;
    QString text = tr("Accommodation %1 · meals %2 · treatment %3")
                       .arg(q.accommodation.toString(), q.meals.toString(), q.treatment.toString());
    if (q.discount.kopecks() != 0)
        text += tr(" · discount −%1 (%2)").arg(q.discount.toString(), q.discountName);
    text += tr("<br><b>Total %1</b>, prepayment from %2 to %3")
                .arg(q.total.toString(), q.total.percent(kMinPrepaymentPercent).toString(),
                     q.total.percent(kMaxPrepaymentPercent).toString());
    m_quote->setText(text);
}

int BookingDialog::optionCount() const
{
    return int(m_options.size());
}

Id BookingDialog::optionRoom(int row) const
{
    return row >= 0 && row < m_options.size() ? m_options[row].room.id : Id();
}

QString BookingDialog::errorText() const
{
    return m_error->text();
}

void BookingDialog::accept()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_options.size())
        return;
    if (m_guestId.isNull()) {
        m_error->setText(tr("Choose the guest first: type a name or a phone number."));
        m_guest->setFocus();
        return;
    }
    auto s = stay();
    if (!s.ok())
        return;
    auto held = m_booking.hold(HoldRequest{m_guestId, m_options[row].room.id, s.value(), party()});
    if (!held.ok()) {
        // The form keeps everything; the list is refreshed in case the room was just taken.
        const QString message = held.error().message;
        refreshOptions();
        m_error->setText(message);
        return;
    }
    m_heldId = held.value();
    QDialog::accept();
}

} // namespace kasp::booking::ui
