#include "kasp/storage/databasekey.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace kasp::storage {

DatabaseKey DatabaseKey::generateRaw()
{
    DatabaseKey key;
    key.m_kind = Kind::Raw;
    key.m_raw.resize(32);
    // The system generator reads the OS entropy source; the key must not be reproducible.
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.m_raw.data()),
                                         reinterpret_cast<quint32 *>(key.m_raw.data() + key.m_raw.size()));
    return key;
}

Result<DatabaseKey> DatabaseKey::fromHex(const QString &hex)
{
    const QString trimmed = hex.trimmed();
    bool allHex = trimmed.size() == 64;
    for (QChar c : trimmed)
        allHex =
            allHex && (c.isDigit() || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')));
    if (!allHex)
        return Error{QStringLiteral("key.bad_hex"),
                     QCoreApplication::translate("kasp::storage", "The stored database key is damaged.")};
    DatabaseKey key;
    key.m_kind = Kind::Raw;
    key.m_raw = QByteArray::fromHex(trimmed.toLatin1());
    return key;
}

DatabaseKey DatabaseKey::fromPassphrase(const QString &passphrase)
{
    DatabaseKey key;
    key.m_kind = Kind::Passphrase;
    key.m_passphrase = passphrase;
    return key;
}

QString DatabaseKey::toHex() const
{
    return m_kind == Kind::Raw ? QString::fromLatin1(m_raw.toHex()) : QString();
}

QString DatabaseKey::sqlcipherKeySpec() const
{
    switch (m_kind) {
    case Kind::Raw:
        return QStringLiteral("x'%1'").arg(toHex());
    case Kind::Passphrase:
        return m_passphrase;
    case Kind::None:
        break;
    }
    return {};
}

} // namespace kasp::storage
