// Fuzzes everything kasp-sync and the desktop read from the wire: push and pull bodies, the
// mutations inside (plan, merge against a record made from the same bytes), entity canonicalisation,
// each also as a protocol-1 desk's (its names respelled on the way in and out, spelling.h).
// Any crash, leak or undefined behaviour is a finding; wrong input must only produce Errors.
#include "kasp/syncproto/entitymerge.h"
#include "kasp/syncproto/mutationplan.h"
#include "kasp/syncproto/spelling.h"
#include "kasp/syncproto/wire.h"

#include "kasp/core/id.h"
#include "kasp/core/textlimits.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <QJsonArray>

using namespace kasp;
using namespace kasp::sync;

namespace {

// What kasp-sync hands to PostgreSQL after planning must be storable: text without U+0000 or a
// lone surrogate, within the wire's limit, references that are UUIDs. A plan that lets anything
// else through is a finding (it would answer 5xx, or wedge a desk's outbox): abort.
void requireStorable(const QJsonValue &v, int depth = 0)
{
    if (v.isString()) {
        if (!textlimits::textProblem(v.toString()).isEmpty() || v.toString().size() > textlimits::kWireText)
            std::abort();
    } else if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            requireStorable(item, depth + 1);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!textlimits::textProblem(it.key()).isEmpty())
                std::abort();
            if (depth == 0 && it.key().endsWith(QLatin1String("Id")) && it.value().isString() &&
                !it.value().toString().isEmpty() && idFromString(it.value().toString()).isNull())
                std::abort();
            requireStorable(it.value(), depth + 1);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(1'780'000'000'000, Qt::UTC);

    if (auto push = decodePushRequest(body); push.ok()) {
        for (const PushedMutation &m : push.value().mutations) {
            // As a protocol-2 desk sent it, and as kasp-sync reads a protocol-1 desk's.
            for (const QJsonObject &args : {m.args, argsFromProtocol1(m.name, m.args)}) {
                auto plan = planMutation(Mutation{m.name, args});
                if (!plan.ok()) {
                    (void)messageForProtocol1(m.name, plan.error().message);
                    continue;
                }
                requireStorable(plan.value().fields);
                if (auto created = mergeEntity(std::nullopt, plan.value(), m.at.isValid() ? m.at : at);
                    created.ok()) {
                    requireStorable(created.value());
                    requireStorable(recordForProtocol1(plan.value().kind, created.value()));
                }
                // The same bytes as the current record: patches and creates over arbitrary state.
                (void)mergeEntity(recordFromProtocol1(plan.value().kind, args), plan.value(), at);
            }
        }
        (void)encode(push.value());
    }
    if (auto pull = decodePullResponse(body); pull.ok())
        for (const Record &r : pull.value().records) {
            (void)canonicalEntity(r.kind, r.data);
            (void)canonicalEntity(r.kind, recordFromProtocol1(r.kind, r.data));
        }
    (void)decodePullRequest(body);
    (void)decodePushResponse(body);
    (void)decodeError(body, 400);
    if (auto object = parseObject(body); object.ok())
        for (EntityKind kind :
             {EntityKind::User, EntityKind::Building, EntityKind::RoomCategory, EntityKind::Room,
              EntityKind::Guest, EntityKind::Touch, EntityKind::Booking, EntityKind::Deal, EntityKind::Task})
            (void)canonicalEntity(kind, object.value());
    return 0;
}
