// Call recording: the policy (always / on demand / never), the file each call is recorded to, and
// starting it. liblinphone takes the file in the call's parameters when the call is answered or
// dialled and writes it from startRecording() to the end of the call (WAV: both voices mixed).
#include "softphone_p.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>

namespace kasp::telephony {

QString Softphone::Private::plannedRecording(const QString &remote, int id) const
{
    if (options.recordingsDir.isEmpty() || options.recording == RecordingPolicy::Never)
        return {};
    static const SystemClock systemClock;
    const QDateTime now = (options.clock ? *options.clock : systemClock).now().toLocalTime();
    QString digits;
    for (const QChar c : remote.left(32))
        if (c.isDigit())
            digits += c;
    const QString month = now.toString(QStringLiteral("yyyy-MM"));
    const QDir dir(options.recordingsDir);
    if (!dir.mkpath(month))
        return {};
    const QString name = QStringLiteral("%1-%2-%3.wav")
                             .arg(now.toString(QStringLiteral("yyyyMMdd-HHmmss")),
                                  digits.isEmpty() ? QStringLiteral("hidden") : digits)
                             .arg(id);
    return dir.filePath(month + QLatin1Char('/') + name);
}

bool Softphone::Private::beginRecording(Call &c)
{
    if (c.recordPath.isEmpty() || c.recordingStarted)
        return c.recordingStarted;
    c.call->startRecording();
    c.recordingStarted = true;
    c.info.recording = QDir(options.recordingsDir).relativeFilePath(c.recordPath);
    return true;
}

void Softphone::setRecordingPolicy(RecordingPolicy policy)
{
    if (d->options.recording == policy)
        return;
    d->options.recording = policy;
    emit recordingPolicyChanged();
}

RecordingPolicy Softphone::recordingPolicy() const
{
    return d->options.recording;
}

Status Softphone::startRecording(int id)
{
    Private::Call *c = d->find(id);
    if (!c || !c->connected)
        return Error{QStringLiteral("sip.no_call"),
                     QCoreApplication::translate("kasp::telephony", "There is no talk to record")};
    if (!d->beginRecording(*c))
        return Error{QStringLiteral("sip.recording_off"),
                     QCoreApplication::translate("kasp::telephony", "Calls are not recorded on this desk")};
    emit callStateChanged(c->info);
    return {};
}

} // namespace kasp::telephony
