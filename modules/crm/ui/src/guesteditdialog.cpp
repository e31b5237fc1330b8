#include "kasp/crm/ui/guesteditdialog.h"
#include "kasp/core/datetext.h"
#include "kasp/core/guestmerge.h"
#include "kasp/core/textlimits.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>

namespace kasp::crm::ui {

namespace {
QStringList lines(const QPlainTextEdit *edit)
{
    static const QRegularExpression separators(QStringLiteral("[\\n;]"));
    QStringList out;
    for (const QString &line : edit->toPlainText().split(separators, Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            out.append(line.trimmed());
    return out;
}
} // namespace

GuestEditDialog::GuestEditDialog(GuestService &service, Guest guest, const Id &defaultManager,
                                 QWidget *parent)
    : QDialog(parent), m_service(service), m_original(std::move(guest)), m_last(new QLineEdit),
      m_first(new QLineEdit), m_middle(new QLineEdit), m_tags(new QLineEdit), m_hasBirthDate(new QCheckBox),
      m_birthDate(new QDateEdit), m_phones(new QPlainTextEdit), m_emails(new QPlainTextEdit),
      m_manager(new QComboBox), m_problems(new QLabel), m_warnings(new QLabel),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("guestEditDialog"));
    setWindowTitle(m_original.id.isNull() ? tr("New guest") : tr("Guest: %1").arg(m_original.displayName()));
    m_last->setObjectName(QStringLiteral("lastName"));
    m_first->setObjectName(QStringLiteral("firstName"));
    m_middle->setObjectName(QStringLiteral("middleName"));
    m_phones->setObjectName(QStringLiteral("phones"));
    m_emails->setObjectName(QStringLiteral("emails"));
    m_tags->setObjectName(QStringLiteral("tags"));
    m_problems->setObjectName(QStringLiteral("problems"));
    m_warnings->setObjectName(QStringLiteral("warnings"));

    // The same limits the server keeps (textlimits.h): nothing typed here is refused later.
    for (QLineEdit *name : {m_last, m_first, m_middle})
        name->setMaxLength(textlimits::kName);
    m_last->setText(m_original.lastName);
    m_first->setText(m_original.firstName);
    m_middle->setText(m_original.middleName);
    m_hasBirthDate->setChecked(m_original.birthDate.isValid());
    m_birthDate->setDisplayFormat(datetext::dateEditFormat());
    m_birthDate->setCalendarPopup(true);
    m_birthDate->setDate(m_original.birthDate.isValid() ? m_original.birthDate : QDate(1965, 1, 1));
    m_birthDate->setEnabled(m_hasBirthDate->isChecked());
    connect(m_hasBirthDate, &QCheckBox::toggled, m_birthDate, &QWidget::setEnabled);
    QStringList phoneLines;
    for (const Phone &p : m_original.phones)
        phoneLines << p.display();
    m_phones->setPlainText(phoneLines.join(QLatin1Char('\n')));
    m_phones->setToolTip(tr("One number per line, in any format: 8 916 123-45-67, +7 (916) 1234567 доб. 12"));
    m_emails->setPlainText(m_original.emails.join(QLatin1Char('\n')));
    for (QPlainTextEdit *edit : {m_phones, m_emails}) {
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
    }
    m_tags->setText(m_original.tags.join(QStringLiteral(", ")));
    m_tags->setPlaceholderText(tr("comma-separated, e.g. кардиология, с ребёнком"));

    m_manager->addItem(tr("— nobody —"), QVariant::fromValue(Id()));
    if (auto users = m_service.users(); users.ok()) {
        for (const User &u : users.value())
            if (u.active && u.role != Role::Director)
                m_manager->addItem(u.displayName, QVariant::fromValue(u.id));
    }
    const Id manager =
        m_original.id.isNull() && m_original.managerId.isNull() ? defaultManager : m_original.managerId;
    m_manager->setCurrentIndex(std::max(0, m_manager->findData(QVariant::fromValue(manager))));

    // A row widget (not a bare layout) so the label gets a buddy and its mnemonic works.
    auto *birth = new QWidget;
    auto *birthLayout = new QHBoxLayout(birth);
    birthLayout->setContentsMargins(0, 0, 0, 0);
    birthLayout->addWidget(m_hasBirthDate);
    birthLayout->addWidget(m_birthDate, 1);
    birth->setFocusProxy(m_hasBirthDate);
    m_hasBirthDate->setToolTip(tr("The birth date is known"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Surname:"), m_last);
    form->addRow(tr("&Name:"), m_first);
    form->addRow(tr("&Patronymic:"), m_middle);
    for (const GuestFieldDef &def : guestFields()) {
        const bool name = isNameField(def.field);
        if (def.type != GuestFieldType::Text || name)
            continue;
        auto *edit = new QLineEdit(def.value(m_original).toString());
        edit->setObjectName(QLatin1String(def.wireName));
        edit->setMaxLength(textlimits::maxLengthOf(QString::fromLatin1(def.wireName)));
        form->addRow(tr("%1:").arg(guestFieldTitle(def.field)), edit);
        m_otherTexts.append({def.field, edit});
    }
    form->addRow(tr("&Birth date:"), birth);
    form->addRow(tr("P&hones:"), m_phones);
    form->addRow(tr("&E-mails:"), m_emails);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("&Manager:"), m_manager);

    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    connect(m_warnings, &QLabel::linkActivated, this, [this](const QString &id) {
        m_existingId = idFromString(id);
        done(OpenExisting);
    });
    m_warnings->setStyleSheet(QStringLiteral("color: #8a5300;"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addWidget(m_warnings);
    layout->addWidget(m_buttons);
    QWidget *previous = m_middle; // the other texts come after the names, as laid out
    for (const auto &[field, edit] : m_otherTexts) {
        setTabOrder(previous, edit);
        previous = edit;
    }
    setTabOrder(previous, m_hasBirthDate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &GuestEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Re-check as the user types, but not on every keystroke.
    auto *checkTimer = new QTimer(this);
    checkTimer->setSingleShot(true);
    checkTimer->setInterval(300);
    connect(checkTimer, &QTimer::timeout, this, &GuestEditDialog::refreshChecks);
    connect(m_phones, &QPlainTextEdit::textChanged, checkTimer, qOverload<>(&QTimer::start));
    connect(m_emails, &QPlainTextEdit::textChanged, checkTimer, qOverload<>(&QTimer::start));
    setMinimumWidth(540);
    refreshChecks();
}

void GuestEditDialog::setPhonesText(const QString &text)
{
    m_phones->setPlainText(text);
    refreshChecks();
}

QString GuestEditDialog::problemsText() const
{
    return m_problems->text();
}
void GuestEditDialog::completeCard(const Guest &existing)
{
    if (!m_original.id.isNull() || existing.id.isNull())
        return; // an edit of a card already is one
    m_original = existing;
    refreshChecks(); // "already belongs to" that card no longer applies
}

QString GuestEditDialog::warningsText() const
{
    return m_warningsText;
}

Guest GuestEditDialog::collect(QStringList *problems) const
{
    Guest g = m_original;
    g.lastName = m_last->text();
    g.firstName = m_first->text();
    g.middleName = m_middle->text();
    for (const auto &[field, edit] : m_otherTexts)
        for (const GuestFieldDef &def : guestFields())
            if (def.field == field)
                def.setValue(g, edit->text().trimmed());
    g.birthDate = m_hasBirthDate->isChecked() ? m_birthDate->date() : QDate();
    g.phones.clear();
    for (const QString &line : lines(m_phones)) {
        auto phone = Phone::parse(line);
        if (phone.ok())
            g.phones.append(phone.value());
        else if (problems)
            problems->append(tr("«%1»: %2").arg(line, phone.error().message));
    }
    g.emails = lines(m_emails);
    if (problems) {
        for (const QString &email : g.emails)
            if (!isValidEmail(email))
                problems->append(tr("«%1» is not an e-mail address").arg(email));
    }
    g.tags = m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    g.managerId = m_manager->currentData().value<Id>();
    return g;
}

void GuestEditDialog::refreshChecks()
{
    QStringList problems;
    const Guest g = collect(&problems);
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    QStringList warnings, linked;
    if (auto owners = m_service.phoneOwners(g.phones, g.id); owners.ok()) {
        for (const auto &owner : owners.value()) {
            auto phone = Phone::parse(owner.mainPhone);
            const QString number = phone.ok() ? phone->display() : owner.mainPhone;
            warnings << tr("%1 already belongs to %2").arg(number, owner.displayName);
            // A new card can be the guest who is already in the base (the first-day walk made a
            // second card with the same phone): a link opens theirs instead.
            QString line = tr("%1 already belongs to %2")
                               .toHtmlEscaped()
                               .arg(number.toHtmlEscaped(), owner.displayName.toHtmlEscaped());
            if (m_original.id.isNull())
                line += QStringLiteral(" — <a href=\"%1\">%2</a>")
                            .arg(idToString(owner.id), tr("open their card instead").toHtmlEscaped());
            linked << line;
        }
    }
    m_warningsText = warnings.join(QLatin1Char('\n'));
    m_warnings->setText(linked.join(QStringLiteral("<br>")));
    m_warnings->setVisible(!warnings.isEmpty());
}

void GuestEditDialog::accept()
{
    QStringList problems;
    const Guest g = collect(&problems);
    if (!problems.isEmpty()) {
        m_problems->setText(problems.join(QLatin1Char('\n')));
        m_problems->setVisible(true);
        return; // keep the dialog and everything typed in it
    }
    auto saved = m_service.save(g);
    if (!saved.ok()) {
        m_problems->setText(saved.error().message);
        m_problems->setVisible(true);
        return;
    }
    m_savedId = saved.value();
    QDialog::accept();
}

} // namespace kasp::crm::ui
