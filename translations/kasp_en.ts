<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>kasp</name>
    <message numerus="yes">
        <source>In season «%1» the shortest stay is %n night(s); this one has %2</source>
        <translation>
            <numerusform>In season «%1» the shortest stay is %n night; this one has %2</numerusform>
            <numerusform>In season «%1» the shortest stay is %n nights; this one has %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::Stay</name>
    <message numerus="yes">
        <source>A stay cannot be longer than %n night(s)</source>
        <translation>
            <numerusform>A stay cannot be longer than %n night</numerusform>
            <numerusform>A stay cannot be longer than %n nights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::app::CatalogueActions</name>
    <message numerus="yes">
        <source>Price list saved: %n change(s)</source>
        <translation>
            <numerusform>Price list saved: %n change</numerusform>
            <numerusform>Price list saved: %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Room stock saved: %n change(s)</source>
        <translation>
            <numerusform>Room stock saved: %n change</numerusform>
            <numerusform>Room stock saved: %n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::app::SyncStatusWidget</name>
    <message numerus="yes">
        <source> · %n change(s) to send</source>
        <translation>
            <numerusform> · %n change to send</numerusform>
            <numerusform> · %n changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n change(s) kept locally</source>
        <translation>
            <numerusform> · %n change kept locally</numerusform>
            <numerusform> · %n changes kept locally</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::app::TasksController</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Time for %n task(s)</source>
        <translation>
            <numerusform>Time for %n task</numerusform>
            <numerusform>Time for %n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::booking::ui::BookingDialog</name>
    <message numerus="yes">
        <source>Holds the room for %n hour(s); prepayment confirms it</source>
        <translation>
            <numerusform>Holds the room for %n hour; prepayment confirms it</numerusform>
            <numerusform>Holds the room for %n hours; prepayment confirms it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s)</source>
        <translation>
            <numerusform>%n night</numerusform>
            <numerusform>%n nights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::booking::ui::BookingPanel</name>
    <message numerus="yes">
        <source>%n stay(s) took place: the deal(s) moved to «stayed».</source>
        <translation>
            <numerusform>%n stay took place: the deal moved to «stayed».</numerusform>
            <numerusform>%n stays took place: the deals moved to «stayed».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unpaid hold(s) lapsed.</source>
        <translation>
            <numerusform>%n unpaid hold lapsed.</numerusform>
            <numerusform>%n unpaid holds lapsed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The room is on hold for %n hour(s).</source>
        <translation>
            <numerusform>The room is on hold for %n hour.</numerusform>
            <numerusform>The room is on hold for %n hours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move the booking to %1 – %2 (%n night(s))?
New price: %3.</source>
        <translation>
            <numerusform>Move the booking to %1 – %2 (%n night)?
New price: %3.</numerusform>
            <numerusform>Move the booking to %1 – %2 (%n nights)?
New price: %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Room %1: %n night(s), %2. To take out more nights, first select them in the grid with Shift+→ and open this menu on them.</source>
        <extracomment>%1 the room&apos;s number, %2 the nights as &quot;21 дек. – 22 дек. 2026&quot; (the last is the morning after)</extracomment>
        <translation>
            <numerusform>Room %1: %n night, %2. To take out more nights, first select them in the grid with Shift+→ and open this menu on them.</numerusform>
            <numerusform>Room %1: %n nights, %2. To take out more nights, first select them in the grid with Shift+→ and open this menu on them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Room %1 is out of service: %n night(s), %2.</source>
        <extracomment>%1 the room&apos;s number, %2 the nights as &quot;21 дек. – 22 дек. 2026&quot;</extracomment>
        <translation>
            <numerusform>Room %1 is out of service: %n night, %2.</numerusform>
            <numerusform>Room %1 is out of service: %n nights, %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::DealBoardPanel</name>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln deal</numerusform>
            <numerusform>%Ln deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deals that arrived here in the last %n day(s).</source>
        <translation>
            <numerusform>Deals that arrived here in the last %n day.</numerusform>
            <numerusform>Deals that arrived here in the last %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::DealColumnModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::DuplicatesDialog</name>
    <message numerus="yes">
        <source>%n pair(s) of cards look like one person.</source>
        <translation>
            <numerusform>%n pair of cards look like one person.</numerusform>
            <numerusform>%n pairs of cards look like one person.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::GuestCardPanel</name>
    <message numerus="yes">
        <source>Segment by recency, frequency and money: %n stay(s) bought, %1 in all, the latest bought %2.
VIP and lost: %3+ stays or %4; VIP and promising bought this year or last.</source>
        <translation>
            <numerusform>Segment by recency, frequency and money: %n stay bought, %1 in all, the latest bought %2.
VIP and lost: %3+ stays or %4; VIP and promising bought this year or last.</numerusform>
            <numerusform>Segment by recency, frequency and money: %n stays bought, %1 in all, the latest bought %2.
VIP and lost: %3+ stays or %4; VIP and promising bought this year or last.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>born %1 (%n years)</source>
        <translation>
            <numerusform>born %1 (%n year)</numerusform>
            <numerusform>born %1 (%n years)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stay(s)</source>
        <translation>
            <numerusform>%n stay</numerusform>
            <numerusform>%n stays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ahead</source>
        <translation>
            <numerusform>%n ahead</numerusform>
            <numerusform>%n ahead</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n touch(es)</source>
        <translation>
            <numerusform>%n touch</numerusform>
            <numerusform>%n touches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::GuestListPanel</name>
    <message numerus="yes">
        <source>%Ln guest(s) in the base, alphabetically</source>
        <translation>
            <numerusform>%Ln guest in the base, alphabetically</numerusform>
            <numerusform>%Ln guests in the base, alphabetically</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::MergeComparisonView</name>
    <message numerus="yes">
        <source>%n touch(es)</source>
        <translation>
            <numerusform>%n touch</numerusform>
            <numerusform>%n touches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n booking</numerusform>
            <numerusform>%n bookings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n deal</numerusform>
            <numerusform>%n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n payment</numerusform>
            <numerusform>%n payments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s)</source>
        <translation>
            <numerusform>%n phone</numerusform>
            <numerusform>%n phones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n e-mail(s)</source>
        <translation>
            <numerusform>%n e-mail</numerusform>
            <numerusform>%n e-mails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::TaskAgendaPanel</name>
    <message numerus="yes">
        <source>Today: %n task(s)</source>
        <translation>
            <numerusform>Today: %n task</numerusform>
            <numerusform>Today: %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in the shared queue</source>
        <translation>
            <numerusform>%n in the shared queue</numerusform>
            <numerusform>%n in the shared queue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::TeamTasksDialog</name>
    <message numerus="yes">
        <source>Today the team has %n task(s)</source>
        <translation>
            <numerusform>Today the team has %n task</numerusform>
            <numerusform>Today the team has %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::TimelineModel</name>
    <message numerus="yes">
        <source>Stay, %n night(s)</source>
        <translation>
            <numerusform>Stay, %n night</numerusform>
            <numerusform>Stay, %n nights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::documents</name>
    <message numerus="yes">
        <source>%n adult(s)</source>
        <translation>
            <numerusform>%n adult</numerusform>
            <numerusform>%n adults</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n child</numerusform>
            <numerusform>%n children</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::programtext</name>
    <message numerus="yes">
        <source>Stay from %1, %n night(s)</source>
        <translation>
            <numerusform>Stay from %1, %n night</numerusform>
            <numerusform>Stay from %1, %n nights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::storage</name>
    <message numerus="yes">
        <source>The room has %n booking(s) on these nights: move them first.</source>
        <translation>
            <numerusform>The room has %n booking on these nights: move them first.</numerusform>
            <numerusform>The room has %n bookings on these nights: move them first.</numerusform>
        </translation>
    </message>
</context>
</TS>
