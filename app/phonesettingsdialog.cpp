#include "phonesettingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>

namespace kasp::app {

namespace {
QString policyTitle(RecordingPolicy policy)
{
    switch (policy) {
    case RecordingPolicy::Always:
        return PhoneSettingsDialog::tr("always");
    case RecordingPolicy::OnDemand:
        return PhoneSettingsDialog::tr("when «Record» is pressed");
    case RecordingPolicy::Never:
        break;
    }
    return PhoneSettingsDialog::tr("never");
}

// "System default" first, then the cards that can do `microphone` (or play); a chosen card that
// is unplugged now stays in the list, marked, so saving does not quietly forget it.
void fillDevices(QComboBox *box, const QList<telephony::AudioDevice> &devices, bool microphone,
                 const QString &chosen)
{
    box->addItem(PhoneSettingsDialog::tr("System default"), QString());
    for (const telephony::AudioDevice &d : devices)
        if (microphone ? d.microphone : d.speaker)
            box->addItem(d.name, d.id);
    if (!chosen.isEmpty() && box->findData(chosen) < 0)
        box->addItem(PhoneSettingsDialog::tr("%1 (not connected)").arg(chosen), chosen);
    box->setCurrentIndex(std::max(0, box->findData(chosen)));
}
} // namespace

PhoneSettingsDialog::PhoneSettingsDialog(const session::Settings::Phone &phone, Role role,
                                         const QList<telephony::AudioDevice> &devices, QWidget *parent)
    : QDialog(parent), m_phone(phone), m_server(new QLineEdit(phone.server)),
      m_user(new QLineEdit(phone.user)), m_password(new QLineEdit), m_transport(new QComboBox),
      m_dialPrefix(new QComboBox), m_recording(new QComboBox), m_microphone(new QComboBox),
      m_speaker(new QComboBox),
      m_globalKeys(new QCheckBox(tr("Answer (Ctrl+Shift+F3), hang up (F4), hold (F6) and transfer (F8) from "
                                    "any program")))
{
    setObjectName(QStringLiteral("phoneSettingsDialog"));
    setWindowTitle(tr("Phone (SIP)"));
    m_server->setObjectName(QStringLiteral("pbxServer"));
    m_server->setPlaceholderText(QStringLiteral("pbx.sanatorium.ru:5060"));
    m_user->setObjectName(QStringLiteral("pbxUser"));
    m_user->setPlaceholderText(tr("extension, e.g. 201"));
    m_password->setObjectName(QStringLiteral("pbxPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("kept in the keychain; type to replace"));
    m_transport->addItem(QStringLiteral("UDP"), QStringLiteral("udp"));
    m_transport->addItem(QStringLiteral("TCP"), QStringLiteral("tcp"));
    m_transport->addItem(QStringLiteral("TLS"), QStringLiteral("tls"));
    m_transport->setCurrentIndex(std::max(0, m_transport->findData(phone.transport)));

    m_dialPrefix->setObjectName(QStringLiteral("dialPrefix"));
    for (const char *prefix : {"8", "+7", "7"})
        m_dialPrefix->addItem(QStringLiteral("%1 916 123-45-67").arg(QLatin1String(prefix)),
                              QLatin1String(prefix));
    m_dialPrefix->setCurrentIndex(std::max(0, m_dialPrefix->findData(phone.dialPrefix)));
    m_dialPrefix->setToolTip(
        tr("How this PBX wants Russian numbers dialled (calls from the cards, the search and the lists)"));

    m_recording->setObjectName(QStringLiteral("recordingPolicy"));
    m_recording->addItem(tr("as the role says (%1)").arg(policyTitle(recordingPolicyOf(role))),
                         QStringLiteral("role"));
    for (const RecordingPolicy p :
         {RecordingPolicy::Always, RecordingPolicy::OnDemand, RecordingPolicy::Never})
        m_recording->addItem(policyTitle(p), recordingPolicyKey(p));
    m_recording->setCurrentIndex(std::max(0, m_recording->findData(phone.recording)));
    m_recording->setToolTip(tr("Recordings are kept beside the database and opened from the guest's card"));

    m_microphone->setObjectName(QStringLiteral("microphone"));
    m_speaker->setObjectName(QStringLiteral("speaker"));
    fillDevices(m_microphone, devices, true, phone.microphone);
    fillDevices(m_speaker, devices, false, phone.speaker);
    m_globalKeys->setObjectName(QStringLiteral("globalKeys"));
    m_globalKeys->setChecked(phone.globalKeys);
    m_globalKeys->setToolTip(tr("Inside the Sales Window F3, F4, F6, F7, F8 and F9 work without Ctrl+Shift"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("PBX address:"), m_server);
    form->addRow(tr("Extension (login):"), m_user);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Transport:"), m_transport);
    form->addRow(tr("Russian numbers as:"), m_dialPrefix);
    form->addRow(tr("Microphone:"), m_microphone);
    form->addRow(tr("Speaker / headset:"), m_speaker);
    form->addRow(tr("Record calls:"), m_recording);
    form->addRow(m_globalKeys);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

session::Settings::Phone PhoneSettingsDialog::phone() const
{
    session::Settings::Phone p = m_phone;
    p.server = m_server->text().trimmed();
    p.user = m_user->text().trimmed();
    p.transport = m_transport->currentData().toString();
    p.dialPrefix = m_dialPrefix->currentData().toString();
    p.recording = m_recording->currentData().toString();
    p.microphone = m_microphone->currentData().toString();
    p.speaker = m_speaker->currentData().toString();
    p.globalKeys = m_globalKeys->isChecked();
    return p;
}

QString PhoneSettingsDialog::password() const
{
    return m_password->text();
}

} // namespace kasp::app
