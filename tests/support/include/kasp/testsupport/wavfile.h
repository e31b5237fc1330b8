#pragma once
// How loud a WAV recording is: its RIFF chunks walked to "fmt " (16-bit PCM only) and "data", then
// the RMS and the largest |sample| over every sample. A call recording whose far end played speech
// (the tests play /usr/share/sounds/linphone/hello8000.wav: RMS about 900 over the speech, its
// quiet start under 70) is not silence; a file of the right size full of zeros or hiss is caught.
// A data size the writer never filled in (0, or past the end, as a file still open or one that
// was cut off has; hello8000.wav itself says 1 GiB) counts as "to the end of the file".
#include <cmath>
#include <QFile>
#include <QString>
#include <QtEndian>

namespace kasp::test {

struct WavLevel
{
    QString error; // empty when the file was read
    int channels = 0;
    int sampleRate = 0;
    qint64 samples = 0; // over all channels
    double rms = 0;
    int peak = 0; // the largest |sample|
    double seconds() const { return channels && sampleRate ? double(samples) / channels / sampleRate : 0; }
    // Speech at a telephone's level, not silence: well above the quiet start of hello8000.wav.
    bool hasSound() const { return error.isEmpty() && samples > 0 && rms >= 100 && peak >= 1000; }
    QString describe() const
    {
        if (!error.isEmpty())
            return error;
        return QStringLiteral("%1 ch, %2 Hz, %3 s, RMS %4, peak %5")
            .arg(channels)
            .arg(sampleRate)
            .arg(seconds(), 0, 'f', 2)
            .arg(rms, 0, 'f', 1)
            .arg(peak);
    }
};

inline WavLevel wavLevel(const QString &path)
{
    WavLevel out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = path + QStringLiteral(": ") + file.errorString();
        return out;
    }
    const QByteArray bytes = file.readAll();
    const auto u16 = [&](qsizetype at) { return qFromLittleEndian<quint16>(bytes.constData() + at); };
    const auto u32 = [&](qsizetype at) { return qFromLittleEndian<quint32>(bytes.constData() + at); };
    if (bytes.size() < 12 || !bytes.startsWith("RIFF") || bytes.mid(8, 4) != "WAVE") {
        out.error = path + QStringLiteral(": not a RIFF WAVE file");
        return out;
    }
    int bits = 0;
    bool pcm = false;
    qsizetype at = 12;
    while (at + 8 <= bytes.size()) {
        const QByteArray id = bytes.mid(at, 4);
        const qsizetype size = u32(at + 4);
        const qsizetype body = at + 8;
        if (id == "fmt ") {
            if (size < 16 || body + 16 > bytes.size()) {
                out.error = path + QStringLiteral(": a short fmt chunk");
                return out;
            }
            const quint16 format = u16(body);
            out.channels = u16(body + 2);
            out.sampleRate = int(u32(body + 4));
            bits = u16(body + 14);
            // 1 is PCM; 0xFFFE (extensible) carries PCM when its sub-format says so.
            pcm = format == 1 ||
                  (format == 0xFFFE && size >= 26 && body + 26 <= bytes.size() && u16(body + 24) == 1);
        } else if (id == "data") {
            if (!pcm || bits != 16 || out.channels < 1) {
                out.error =
                    path +
                    QStringLiteral(": not 16-bit PCM (%1 bits, %2 channels)").arg(bits).arg(out.channels);
                return out;
            }
            qsizetype end = body + size;
            if (size == 0 || end > bytes.size())
                end = bytes.size();
            double sumSquares = 0;
            for (qsizetype p = body; p + 2 <= end; p += 2) {
                const int sample = qFromLittleEndian<qint16>(bytes.constData() + p);
                sumSquares += double(sample) * sample;
                out.peak = qMax(out.peak, std::abs(sample));
                ++out.samples;
            }
            out.rms = out.samples ? std::sqrt(sumSquares / double(out.samples)) : 0;
            return out;
        }
        at = body + size + (size & 1); // chunks are padded to an even size
    }
    out.error = path + QStringLiteral(": no data chunk");
    return out;
}

} // namespace kasp::test
