// Sound cards: which microphone and which speaker (a headset, usually) the phone uses.
#include "softphone_p.h"

#include <QCoreApplication>

namespace kasp::telephony {

namespace {
std::shared_ptr<linphone::AudioDevice> deviceById(const std::shared_ptr<linphone::Core> &core,
                                                  const QString &id,
                                                  linphone::AudioDevice::Capabilities wanted)
{
    for (const auto &device : core->getExtendedAudioDevices())
        if (QString::fromStdString(device->getId()) == id && device->hasCapability(wanted))
            return device;
    return nullptr;
}
} // namespace

QList<AudioDevice> Softphone::audioDevices() const
{
    QList<AudioDevice> out;
    if (!d->core)
        return out;
    using Cap = linphone::AudioDevice::Capabilities;
    for (const auto &device : d->core->getExtendedAudioDevices()) {
        AudioDevice a;
        a.id = QString::fromStdString(device->getId());
        a.name = QStringLiteral("%1 (%2)").arg(QString::fromStdString(device->getDeviceName()),
                                               QString::fromStdString(device->getDriverName()));
        a.microphone = device->hasCapability(Cap::CapabilityRecord);
        a.speaker = device->hasCapability(Cap::CapabilityPlay);
        if (a.microphone || a.speaker) // ALSA's "default" on a machine without a card can do neither
            out.append(a);
    }
    return out;
}

Status Softphone::setAudioDevices(const QString &microphoneId, const QString &speakerId)
{
    if (!d->core)
        return Error{QStringLiteral("sip.start"),
                     QCoreApplication::translate("kasp::telephony", "The phone is not started")};
    using Cap = linphone::AudioDevice::Capabilities;
    const auto microphone =
        microphoneId.isEmpty() ? nullptr : deviceById(d->core, microphoneId, Cap::CapabilityRecord);
    const auto speaker = speakerId.isEmpty() ? nullptr : deviceById(d->core, speakerId, Cap::CapabilityPlay);
    if ((!microphoneId.isEmpty() && !microphone) || (!speakerId.isEmpty() && !speaker))
        return Error{QStringLiteral("sip.no_device"),
                     QCoreApplication::translate("kasp::telephony", "The sound card is not connected: %1")
                         .arg(!microphoneId.isEmpty() && !microphone ? microphoneId : speakerId)};
    // Nothing chosen: whatever the system calls its default (the first card liblinphone lists).
    if (microphone)
        d->core->setDefaultInputAudioDevice(microphone);
    if (speaker)
        d->core->setDefaultOutputAudioDevice(speaker);
    for (const Private::Call &c : std::as_const(d->calls)) {
        if (microphone)
            c.call->setInputAudioDevice(microphone);
        if (speaker)
            c.call->setOutputAudioDevice(speaker);
    }
    return {};
}

} // namespace kasp::telephony
