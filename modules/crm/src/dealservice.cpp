#include "kasp/crm/dealservice.h"

#include "kasp/storage/sqlhelpers.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace kasp::crm {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kasp::crm::DealService", text);
}

QDateTime sinceFor(const QString &stage, const QDateTime &now)
{
    return isClosedStage(stage) ? now.addDays(-DealService::kClosedDays) : QDateTime();
}

} // namespace

Result<DealPipeline> DealService::pipeline() const
{
    return repo().pipeline();
}

Result<BoardColumn> DealService::column(const DealStageDef &stage, const QString &title) const
{
    const QDateTime since = sinceFor(stage.key, m_clock.now());
    BoardColumn column{stage, title, {}, {}};
    auto deals = repo().inStage(stage.key, since, kColumnLimit);
    if (!deals.ok())
        return deals.error();
    column.deals = deals.value();
    auto total = repo().stageTotal(stage.key, since);
    if (!total.ok())
        return total.error();
    column.total = total.value();
    return column;
}

Result<QList<storage::BoardDeal>> DealService::moreOf(const QString &stage, const Deal &last) const
{
    return repo().inStage(stage, sinceFor(stage, m_clock.now()), kColumnLimit, &last);
}

Result<QList<BoardColumn>> DealService::board() const
{
    auto p = pipeline();
    if (!p.ok())
        return p.error();
    QList<BoardColumn> columns;
    for (const DealStageDef &stage : p.value().stages()) {
        auto c = column(stage, p.value().title(stage.key));
        if (!c.ok())
            return c.error();
        if (stage.active || c.value().total.count > 0)
            columns.append(c.value());
    }
    return columns;
}

Result<DealMove> DealService::move(const Id &dealId, const QString &to, const Id &userId,
                                   const QString &lostReason)
{
    return repo().move(dealId, to, userId, lostReason);
}

Result<Deal> DealService::create(const Id &guestId, const Id &ownerId, const QString &title, Money amount)
{
    if (title.trimmed().isEmpty())
        return Error{QStringLiteral("deal.title"), tr("Give the deal a title.")};
    if (amount.kopecks() < 0)
        return Error{QStringLiteral("deal.amount"), tr("The amount cannot be negative.")};
    auto p = pipeline();
    if (!p.ok())
        return p.error();
    const QList<DealStageDef> active = p.value().activeStages();
    Deal deal;
    deal.id = newId();
    deal.guestId = guestId;
    deal.ownerId = ownerId;
    deal.title = title.trimmed();
    deal.stage = active.isEmpty() ? dealstage::New : active.first().key;
    deal.amount = amount;
    deal.createdAt = m_clock.now();
    deal.updatedAt = deal.createdAt;
    if (auto s = repo().create(deal); !s.ok())
        return s.error();
    return deal;
}

Status DealService::savePipeline(const QList<DealStageDef> &stages)
{
    auto current = pipeline();
    if (!current.ok())
        return current.error();
    QStringList keys;
    for (const DealStageDef &s : stages) {
        if (keys.contains(s.key))
            return Error{QStringLiteral("deal_stage.duplicate"),
                         tr("Two stages have the key \"%1\".").arg(s.key)};
        keys.append(s.key);
    }
    storage::sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s;
    for (int i = 0; i < stages.size(); ++i) {
        DealStageDef stage = stages.at(i);
        stage.position = (i + 1) * 10;
        const int before = current.value().indexOf(stage.key);
        // Write only what differs from what is stored: an unchanged pipeline logs nothing.
        if (!stage.id.isNull() && before >= 0 && current.value().stages().at(before) == stage)
            continue;
        if (auto saved = repo().saveStage(stage); !saved.ok())
            return saved.error();
    }
    return tx.commit();
}

QStringList DealService::lostReasons()
{
    return {tr("Too expensive"),
            tr("No rooms on their dates"),
            tr("Chose another sanatorium"),
            tr("Could not reach the guest"),
            tr("Changed their plans"),
            tr("Treatment is contraindicated")};
}

QString DealService::keyForTitle(const QString &title, const QStringList &taken)
{
    static const QHash<QChar, QString> kLatin{
        {u'а', u"a"_s},  {u'б', u"b"_s},   {u'в', u"v"_s},    {u'г', u"g"_s},  {u'д', u"d"_s},
        {u'е', u"e"_s},  {u'ё', u"e"_s},   {u'ж', u"zh"_s},   {u'з', u"z"_s},  {u'и', u"i"_s},
        {u'й', u"y"_s},  {u'к', u"k"_s},   {u'л', u"l"_s},    {u'м', u"m"_s},  {u'н', u"n"_s},
        {u'о', u"o"_s},  {u'п', u"p"_s},   {u'р', u"r"_s},    {u'с', u"s"_s},  {u'т', u"t"_s},
        {u'у', u"u"_s},  {u'ф', u"f"_s},   {u'х', u"kh"_s},   {u'ц', u"ts"_s}, {u'ч', u"ch"_s},
        {u'ш', u"sh"_s}, {u'щ', u"sch"_s}, {u'ъ', QString()}, {u'ы', u"y"_s},  {u'ь', QString()},
        {u'э', u"e"_s},  {u'ю', u"yu"_s},  {u'я', u"ya"_s}};
    QString key;
    for (const QChar c : title.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            key += c;
        else if (kLatin.contains(c))
            key += kLatin.value(c);
        else if (!key.isEmpty() && !key.endsWith(u'_'))
            key += u'_';
    }
    while (key.endsWith(u'_'))
        key.chop(1);
    key = key.left(32);
    if (key.isEmpty())
        key = QStringLiteral("stage");
    QString unique = key;
    for (int n = 2; taken.contains(unique); ++n)
        unique = QStringLiteral("%1_%2").arg(key).arg(n);
    return unique;
}

} // namespace kasp::crm
