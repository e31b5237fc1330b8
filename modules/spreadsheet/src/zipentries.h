#pragma once
// A minimal ZIP reader for .xlsx files: the central directory, stored and deflated entries.
#include "kasp/core/result.h"
#include <QByteArray>
#include <QHash>
#include <QString>

namespace kasp::spreadsheet {

class ZipEntries
{
public:
    // Reads the central directory; the entries themselves are inflated on demand.
    static Result<ZipEntries> open(const QByteArray &archive);

    bool contains(const QString &name) const { return m_entries.contains(name); }
    // The entry's bytes, CRC-checked. Errors: "xlsx.broken", "xlsx.unsupported", "xlsx.too_large".
    Result<QByteArray> read(const QString &name) const;

    static constexpr qint64 kMaxEntrySize = 512LL * 1024 * 1024; // a sheet of a million rows fits

private:
    struct Entry
    {
        quint16 method = 0;
        quint16 flags = 0;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint32 localOffset = 0;
    };
    const QByteArray *m_archive = nullptr;
    QHash<QString, Entry> m_entries;
};

} // namespace kasp::spreadsheet
