// Fuzzes everything kasp-sync and the desktop read from the wire: push and pull bodies, the
// mutations inside (plan, merge against a record made from the same bytes), entity canonicalisation.
// Any crash, leak or undefined behaviour is a finding; wrong input must only produce Errors.
#include "kasp/syncproto/entitymerge.h"
#include "kasp/syncproto/mutationplan.h"
#include "kasp/syncproto/wire.h"

#include <cstddef>
#include <cstdint>

using namespace kasp;
using namespace kasp::sync;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(1'780'000'000'000, Qt::UTC);

    if (auto push = decodePushRequest(body); push.ok()) {
        for (const PushedMutation &m : push.value().mutations) {
            auto plan = planMutation(Mutation{m.name, m.args});
            if (!plan.ok())
                continue;
            (void)mergeEntity(std::nullopt, plan.value(), m.at.isValid() ? m.at : at);
            // The same bytes as the current record: patches and creates over arbitrary state.
            (void)mergeEntity(m.args, plan.value(), at);
        }
        (void)encode(push.value());
    }
    if (auto pull = decodePullResponse(body); pull.ok())
        for (const Record &r : pull.value().records)
            (void)canonicalEntity(r.kind, r.data);
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
