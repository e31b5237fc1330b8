#include "kasp/core/id.h"

#include <QByteArray>
#include <QDateTime>
#include <QRandomGenerator>

namespace kasp {

Id uuidV7(qint64 unixMs, quint64 randomHigh, quint64 randomLow)
{
    QByteArray bytes(16, Qt::Uninitialized);
    for (int i = 0; i < 6; ++i) // 48-bit big-endian timestamp: byte order = sort order
        bytes[i] = char((unixMs >> (8 * (5 - i))) & 0xff);
    bytes[6] = char(0x70 | (randomHigh & 0x0f)); // version 7
    bytes[7] = char((randomHigh >> 4) & 0xff);
    bytes[8] = char(0x80 | (randomLow & 0x3f)); // RFC variant
    for (int i = 9; i < 16; ++i)
        bytes[i] = char((randomLow >> (8 * (i - 8))) & 0xff);
    return QUuid::fromRfc4122(bytes);
}

Id newId()
{
    auto *rng = QRandomGenerator::global();
    return uuidV7(QDateTime::currentMSecsSinceEpoch(), rng->generate64(), rng->generate64());
}

} // namespace kasp
