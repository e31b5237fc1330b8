#include "kasp/crm/ui/consentdialog.h"

#include "kasp/core/textlimits.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace kasp::crm::ui {

ConsentDialog::ConsentDialog(GuestService &service, const Id &guestId, const QString &guestName,
                             const Id &userId, QWidget *parent)
    : QDialog(parent), m_service(service), m_guestId(guestId), m_userId(userId),
      m_given(new QRadioButton(tr("Consent given"))), m_withdrawn(new QRadioButton(tr("Consent withdrawn"))),
      m_method(new QComboBox), m_note(new QLineEdit), m_problem(new QLabel)
{
    setObjectName(QStringLiteral("consentDialog"));
    setWindowTitle(tr("Consent to advertising — %1").arg(guestName));
    auto *channels = new QVBoxLayout;
    for (ConsentChannel channel : consentChannels()) {
        auto *box = new QCheckBox(consentChannelTitle(channel));
        box->setObjectName(QStringLiteral("consent_") + consentChannelKey(channel));
        box->setChecked(true); // a guest usually answers for all of them at once
        channels->addWidget(box);
        m_channels.insert(channel, box);
    }
    m_given->setObjectName(QStringLiteral("consentGiven"));
    m_withdrawn->setObjectName(QStringLiteral("consentWithdrawn"));
    m_given->setChecked(true);
    m_withdrawn->setToolTip(tr("The guest asked not to be sent advertising: the earlier consent stays in "
                               "the history, no mailing or advertising call reaches them"));
    auto *answer = new QHBoxLayout;
    answer->addWidget(m_given);
    answer->addWidget(m_withdrawn);
    answer->addStretch(1);
    m_method->setObjectName(QStringLiteral("consentMethod"));
    for (ConsentMethod method : {ConsentMethod::RecordedCall, ConsentMethod::WebForm, ConsentMethod::Paper})
        m_method->addItem(consentMethodTitle(method), int(method));
    m_method->setToolTip(tr("How the guest said it: the law asks for proof of consent"));
    m_note->setObjectName(QStringLiteral("consentNote"));
    m_note->setMaxLength(textlimits::kName);
    m_note->setPlaceholderText(tr("What the guest said, the form's number…"));
    m_problem->setObjectName(QStringLiteral("consentProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Channels:"), channels);
    form->addRow(tr("Answer:"), answer);
    form->addRow(tr("How:"), m_method);
    form->addRow(tr("Note:"), m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConsentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConsentDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

void ConsentDialog::accept()
{
    QList<ConsentChannel> picked;
    for (ConsentChannel channel : consentChannels())
        if (m_channels.value(channel)->isChecked())
            picked.append(channel);
    const Status saved = m_service.recordConsent(m_guestId, picked, m_given->isChecked(),
                                                 static_cast<ConsentMethod>(m_method->currentData().toInt()),
                                                 m_userId, m_note->text());
    if (!saved.ok()) {
        m_problem->setText(saved.error().message);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

QString consentSummary(const QList<Consent> &history)
{
    const auto current = currentConsents(history);
    QStringList parts;
    for (ConsentChannel channel : consentChannels()) {
        const auto it = current.find(channel);
        const QString mark = it == current.end() ? QStringLiteral("—")
                             : it->given         ? QStringLiteral("✓")
                                                 : QStringLiteral("✗");
        parts << consentChannelTitle(channel) + QLatin1Char(' ') + mark;
    }
    return ConsentDialog::tr("Advertising: %1").arg(parts.join(QStringLiteral(" · ")));
}

QString consentDetails(const QList<Consent> &history, const QHash<Id, QString> &userNames)
{
    const auto current = currentConsents(history);
    const QLocale locale;
    QStringList lines;
    for (ConsentChannel channel : consentChannels()) {
        const auto it = current.find(channel);
        if (it == current.end()) {
            lines << ConsentDialog::tr("%1: never asked").arg(consentChannelTitle(channel));
            continue;
        }
        const QString who = userNames.value(it->userId);
        lines << (it->given ? ConsentDialog::tr("%1: given %2, %3%4")
                            : ConsentDialog::tr("%1: withdrawn %2, %3%4"))
                     .arg(consentChannelTitle(channel),
                          locale.toString(it->at.toLocalTime(), QLocale::ShortFormat),
                          consentMethodTitle(it->method),
                          who.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(who));
    }
    lines << ConsentDialog::tr(
        "Advertising by SMS, e-mail and calls needs the guest's consent (38-ФЗ, art. 18).");
    return lines.join(QLatin1Char('\n'));
}

} // namespace kasp::crm::ui
