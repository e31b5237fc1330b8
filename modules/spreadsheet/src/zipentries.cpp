#include "zipentries.h"

#include <QCoreApplication>
#include <zlib.h>

namespace kasp::spreadsheet {

namespace {

quint16 u16(const QByteArray &b, qsizetype at)
{
    return quint16(quint8(b[at]) | quint8(b[at + 1]) << 8);
}

quint32 u32(const QByteArray &b, qsizetype at)
{
    return quint32(u16(b, at)) | quint32(u16(b, at + 2)) << 16;
}

Error broken(const QString &what)
{
    return Error{QStringLiteral("xlsx.broken"),
                 QCoreApplication::translate("kasp::spreadsheet::Xlsx", "the file is damaged: %1").arg(what)};
}

constexpr quint32 kEndOfDirectory = 0x06054b50;
constexpr quint32 kDirectoryEntry = 0x02014b50;
constexpr quint32 kLocalHeader = 0x04034b50;

} // namespace

Result<ZipEntries> ZipEntries::open(const QByteArray &archive)
{
    // The end-of-directory record is in the last 22 + 65,535 bytes (its comment may be that long).
    qsizetype end = -1;
    for (qsizetype at = archive.size() - 22; at >= 0 && at >= archive.size() - 22 - 65535; --at)
        if (u32(archive, at) == kEndOfDirectory) {
            end = at;
            break;
        }
    if (end < 0)
        return Error{
            QStringLiteral("xlsx.not_zip"),
            QCoreApplication::translate("kasp::spreadsheet::Xlsx", "this is not an .xlsx (ZIP) file")};
    const quint16 count = u16(archive, end + 10);
    const quint32 directorySize = u32(archive, end + 12);
    const quint32 directoryOffset = u32(archive, end + 16);
    if (count == 0xFFFF || directoryOffset == 0xFFFFFFFF)
        return Error{
            QStringLiteral("xlsx.unsupported"),
            QCoreApplication::translate("kasp::spreadsheet::Xlsx", "ZIP64 archives are not supported")};
    if (qint64(directoryOffset) + directorySize > end)
        return broken(QCoreApplication::translate("kasp::spreadsheet::Xlsx",
                                                  "the central directory lies outside the file"));

    ZipEntries zip;
    zip.m_archive = &archive;
    qsizetype at = directoryOffset;
    for (int i = 0; i < count; ++i) {
        if (at + 46 > end || u32(archive, at) != kDirectoryEntry)
            return broken(
                QCoreApplication::translate("kasp::spreadsheet::Xlsx", "entry %1 of the central directory")
                    .arg(i));
        Entry e;
        e.flags = u16(archive, at + 8);
        e.method = u16(archive, at + 10);
        e.crc = u32(archive, at + 16);
        e.compressedSize = u32(archive, at + 20);
        e.size = u32(archive, at + 24);
        const quint16 nameLength = u16(archive, at + 28);
        const quint16 extraLength = u16(archive, at + 30);
        const quint16 commentLength = u16(archive, at + 32);
        e.localOffset = u32(archive, at + 42);
        if (at + 46 + nameLength > end)
            return broken(
                QCoreApplication::translate("kasp::spreadsheet::Xlsx", "a name in the central directory"));
        const QString name = QString::fromUtf8(archive.mid(at + 46, nameLength));
        zip.m_entries.insert(name, e);
        at += 46 + nameLength + extraLength + commentLength;
    }
    return zip;
}

Result<QByteArray> ZipEntries::read(const QString &name) const
{
    const auto it = m_entries.constFind(name);
    if (it == m_entries.cend())
        return broken(QCoreApplication::translate("kasp::spreadsheet::Xlsx", "%1 is missing").arg(name));
    const Entry &e = *it;
    const QByteArray &archive = *m_archive;
    if (e.flags & 0x1)
        return Error{
            QStringLiteral("xlsx.unsupported"),
            QCoreApplication::translate("kasp::spreadsheet::Xlsx",
                                        "the file is password-protected; save it without a password")};
    if (e.size == 0xFFFFFFFF || e.compressedSize == 0xFFFFFFFF)
        return Error{
            QStringLiteral("xlsx.unsupported"),
            QCoreApplication::translate("kasp::spreadsheet::Xlsx", "ZIP64 archives are not supported")};
    if (e.size > kMaxEntrySize)
        return Error{QStringLiteral("xlsx.too_large"),
                     QCoreApplication::translate("kasp::spreadsheet::Xlsx", "%1 unpacks to more than 512 MB")
                         .arg(name)};
    const qsizetype local = e.localOffset;
    if (local + 30 > archive.size() || u32(archive, local) != kLocalHeader)
        return broken(QCoreApplication::translate("kasp::spreadsheet::Xlsx", "the header of %1").arg(name));
    const qsizetype data = local + 30 + u16(archive, local + 26) + u16(archive, local + 28);
    if (data + qint64(e.compressedSize) > archive.size())
        return broken(QCoreApplication::translate("kasp::spreadsheet::Xlsx", "%1 is cut short").arg(name));

    QByteArray out;
    if (e.method == 0) {
        out = archive.mid(data, e.compressedSize);
    } else if (e.method == 8) {
        // Deflate packs at most ~1032:1. A directory claiming more would have us reserve memory
        // for a size the data cannot hold: refused before anything is allocated.
        if (qint64(e.size) > qint64(e.compressedSize) * 1032 + 1024)
            return broken(
                QCoreApplication::translate("kasp::spreadsheet::Xlsx", "%1 claims more than it can unpack to")
                    .arg(name));
        out.resize(qsizetype(e.size));
        z_stream z{};
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
            return broken(QCoreApplication::translate("kasp::spreadsheet::Xlsx", "zlib"));
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(archive.constData() + data));
        z.avail_in = e.compressedSize;
        z.next_out = reinterpret_cast<Bytef *>(out.data());
        z.avail_out = e.size;
        const int rc = inflate(&z, Z_FINISH);
        const uLong produced = z.total_out;
        inflateEnd(&z);
        // The directory's size is a claim: more data than it says is refused (a zip bomb).
        if (rc != Z_STREAM_END || produced != e.size)
            return broken(
                QCoreApplication::translate("kasp::spreadsheet::Xlsx", "%1 does not unpack").arg(name));
    } else {
        return Error{QStringLiteral("xlsx.unsupported"),
                     QCoreApplication::translate("kasp::spreadsheet::Xlsx", "%1 uses compression method %2")
                         .arg(name)
                         .arg(e.method)};
    }
    if (crc32(0L, reinterpret_cast<const Bytef *>(out.constData()), uInt(out.size())) != e.crc)
        return broken(
            QCoreApplication::translate("kasp::spreadsheet::Xlsx", "%1 fails its checksum").arg(name));
    return out;
}

} // namespace kasp::spreadsheet
