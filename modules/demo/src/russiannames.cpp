// Common Russian surnames, first names and patronymics, in male and female forms, for demo guests.
#include "democontext.h"

#include <QHash>

namespace kasp::demo {

namespace {

// Male surname stems whose female form adds "а" (Иванов -> Иванова).
const QVector<QString> kSurnamesOv{
    QStringLiteral("Иванов"),   QStringLiteral("Смирнов"),  QStringLiteral("Кузнецов"),
    QStringLiteral("Попов"),    QStringLiteral("Васильев"), QStringLiteral("Петров"),
    QStringLiteral("Соколов"),  QStringLiteral("Михайлов"), QStringLiteral("Новиков"),
    QStringLiteral("Фёдоров"),  QStringLiteral("Морозов"),  QStringLiteral("Волков"),
    QStringLiteral("Алексеев"), QStringLiteral("Лебедев"),  QStringLiteral("Семёнов"),
    QStringLiteral("Егоров"),   QStringLiteral("Павлов"),   QStringLiteral("Козлов"),
    QStringLiteral("Степанов"), QStringLiteral("Николаев"), QStringLiteral("Орлов"),
    QStringLiteral("Андреев"),  QStringLiteral("Макаров"),  QStringLiteral("Никитин"),
    QStringLiteral("Захаров"),  QStringLiteral("Зайцев"),   QStringLiteral("Соловьёв"),
    QStringLiteral("Борисов"),  QStringLiteral("Яковлев"),  QStringLiteral("Григорьев"),
    QStringLiteral("Романов"),  QStringLiteral("Воробьёв"), QStringLiteral("Сергеев"),
    QStringLiteral("Кузьмин"),  QStringLiteral("Фролов"),   QStringLiteral("Александров"),
    QStringLiteral("Дмитриев"), QStringLiteral("Королёв"),  QStringLiteral("Гусев"),
    QStringLiteral("Киселёв"),  QStringLiteral("Ильин"),    QStringLiteral("Максимов"),
    QStringLiteral("Поляков"),  QStringLiteral("Сорокин"),  QStringLiteral("Виноградов"),
    QStringLiteral("Ковалёв"),  QStringLiteral("Белов"),    QStringLiteral("Медведев"),
    QStringLiteral("Антонов"),  QStringLiteral("Тарасов"),  QStringLiteral("Жуков"),
    QStringLiteral("Баранов"),  QStringLiteral("Филиппов"), QStringLiteral("Комаров"),
    QStringLiteral("Давыдов"),  QStringLiteral("Беляев"),   QStringLiteral("Герасимов"),
    QStringLiteral("Богданов"), QStringLiteral("Осипов"),   QStringLiteral("Сидоров"),
    QStringLiteral("Матвеев"),  QStringLiteral("Титов"),    QStringLiteral("Марков"),
    QStringLiteral("Миронов"),  QStringLiteral("Крылов"),   QStringLiteral("Куликов"),
    QStringLiteral("Карпов"),   QStringLiteral("Власов"),   QStringLiteral("Мельников"),
    QStringLiteral("Денисов"),  QStringLiteral("Гаврилов"), QStringLiteral("Тихонов"),
};
// Surnames in -ский (female -ская).
const QVector<QString> kSurnamesSky{QStringLiteral("Ковальский"), QStringLiteral("Вишневский"),
                                    QStringLiteral("Островский"), QStringLiteral("Покровский"),
                                    QStringLiteral("Смоленский"), QStringLiteral("Троицкий")};
const QVector<QString> kMaleFirst{
    QStringLiteral("Александр"), QStringLiteral("Сергей"),   QStringLiteral("Владимир"),
    QStringLiteral("Андрей"),    QStringLiteral("Алексей"),  QStringLiteral("Дмитрий"),
    QStringLiteral("Николай"),   QStringLiteral("Михаил"),   QStringLiteral("Евгений"),
    QStringLiteral("Виктор"),    QStringLiteral("Юрий"),     QStringLiteral("Игорь"),
    QStringLiteral("Олег"),      QStringLiteral("Анатолий"), QStringLiteral("Валерий"),
    QStringLiteral("Геннадий"),  QStringLiteral("Борис"),    QStringLiteral("Павел"),
    QStringLiteral("Иван"),      QStringLiteral("Максим")};
const QVector<QString> kFemaleFirst{
    QStringLiteral("Елена"),     QStringLiteral("Ольга"),    QStringLiteral("Татьяна"),
    QStringLiteral("Наталья"),   QStringLiteral("Ирина"),    QStringLiteral("Светлана"),
    QStringLiteral("Галина"),    QStringLiteral("Людмила"),  QStringLiteral("Марина"),
    QStringLiteral("Валентина"), QStringLiteral("Нина"),     QStringLiteral("Любовь"),
    QStringLiteral("Надежда"),   QStringLiteral("Людмила"),  QStringLiteral("Анна"),
    QStringLiteral("Мария"),     QStringLiteral("Вера"),     QStringLiteral("Тамара"),
    QStringLiteral("Лариса"),    QStringLiteral("Екатерина")};
// Fathers' names as patronymic stems: male +"ович"/"евич", female +"овна"/"евна" (given whole).
const QVector<QPair<QString, QString>> kPatronymics{
    {QStringLiteral("Александрович"), QStringLiteral("Александровна")},
    {QStringLiteral("Сергеевич"), QStringLiteral("Сергеевна")},
    {QStringLiteral("Владимирович"), QStringLiteral("Владимировна")},
    {QStringLiteral("Иванович"), QStringLiteral("Ивановна")},
    {QStringLiteral("Николаевич"), QStringLiteral("Николаевна")},
    {QStringLiteral("Петрович"), QStringLiteral("Петровна")},
    {QStringLiteral("Михайлович"), QStringLiteral("Михайловна")},
    {QStringLiteral("Викторович"), QStringLiteral("Викторовна")},
    {QStringLiteral("Юрьевич"), QStringLiteral("Юрьевна")},
    {QStringLiteral("Анатольевич"), QStringLiteral("Анатольевна")},
    {QStringLiteral("Васильевич"), QStringLiteral("Васильевна")},
    {QStringLiteral("Алексеевич"), QStringLiteral("Алексеевна")},
    {QStringLiteral("Дмитриевич"), QStringLiteral("Дмитриевна")},
    {QStringLiteral("Геннадьевич"), QStringLiteral("Геннадьевна")},
    {QStringLiteral("Борисович"), QStringLiteral("Борисовна")}};

} // namespace

RussianName randomRussianName(DemoRandom &random)
{
    RussianName name;
    name.female = random.chance(0.58); // sanatorium guests are more often women
    const bool sky = random.chance(0.06);
    QString surname = sky ? random.pick(kSurnamesSky) : random.pick(kSurnamesOv);
    if (name.female)
        surname = sky ? surname.chopped(2) + QStringLiteral("ая") : surname + QStringLiteral("а");
    name.last = surname;
    name.first = name.female ? random.pick(kFemaleFirst) : random.pick(kMaleFirst);
    const auto &patronymic = random.pick(kPatronymics);
    name.middle = name.female ? patronymic.second : patronymic.first;
    return name;
}

QString transliterate(const QString &cyrillic)
{
    static const QHash<QChar, QString> table{{u'а', QStringLiteral("a")},    {u'б', QStringLiteral("b")},
                                             {u'в', QStringLiteral("v")},    {u'г', QStringLiteral("g")},
                                             {u'д', QStringLiteral("d")},    {u'е', QStringLiteral("e")},
                                             {u'ё', QStringLiteral("e")},    {u'ж', QStringLiteral("zh")},
                                             {u'з', QStringLiteral("z")},    {u'и', QStringLiteral("i")},
                                             {u'й', QStringLiteral("y")},    {u'к', QStringLiteral("k")},
                                             {u'л', QStringLiteral("l")},    {u'м', QStringLiteral("m")},
                                             {u'н', QStringLiteral("n")},    {u'о', QStringLiteral("o")},
                                             {u'п', QStringLiteral("p")},    {u'р', QStringLiteral("r")},
                                             {u'с', QStringLiteral("s")},    {u'т', QStringLiteral("t")},
                                             {u'у', QStringLiteral("u")},    {u'ф', QStringLiteral("f")},
                                             {u'х', QStringLiteral("kh")},   {u'ц', QStringLiteral("ts")},
                                             {u'ч', QStringLiteral("ch")},   {u'ш', QStringLiteral("sh")},
                                             {u'щ', QStringLiteral("shch")}, {u'ъ', QString()},
                                             {u'ы', QStringLiteral("y")},    {u'ь', QString()},
                                             {u'э', QStringLiteral("e")},    {u'ю', QStringLiteral("yu")},
                                             {u'я', QStringLiteral("ya")}};
    QString out;
    for (QChar c : cyrillic.toLower())
        out += table.value(c, c.isLetterOrNumber() ? QString(c) : QString());
    return out;
}

} // namespace kasp::demo
