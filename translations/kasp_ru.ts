<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>QObject</name>
    <message>
        <source>consultant</source>
        <translation>консультант</translation>
    </message>
    <message>
        <source>head of sales</source>
        <translation>руководитель отдела продаж</translation>
    </message>
    <message>
        <source>director</source>
        <translation>директор</translation>
    </message>
</context>
<context>
    <name>SqlCipherResult</name>
    <message>
        <source>The database is not open</source>
        <translation>База данных не открыта</translation>
    </message>
    <message>
        <source>Unable to prepare statement</source>
        <translation>Не удалось подготовить запрос</translation>
    </message>
    <message>
        <source>The query is empty</source>
        <translation>Пустой запрос</translation>
    </message>
    <message>
        <source>Only one SQL statement per query is supported</source>
        <translation>В запросе допускается только одна SQL-команда</translation>
    </message>
    <message>
        <source>No statement has been prepared</source>
        <translation>Запрос не подготовлен</translation>
    </message>
    <message>
        <source>Parameter count mismatch: the statement has %1 parameters, %2 values are bound</source>
        <translation>Число параметров не совпадает: в запросе их %1, а привязано значений: %2</translation>
    </message>
    <message>
        <source>Cannot bind a value of type %1 to parameter %2</source>
        <translation>Нельзя привязать значение типа %1 к параметру %2</translation>
    </message>
    <message>
        <source>Unable to bind parameter %1</source>
        <translation>Не удалось привязать параметр %1</translation>
    </message>
    <message>
        <source>Unable to execute statement</source>
        <translation>Не удалось выполнить запрос</translation>
    </message>
    <message>
        <source>Unable to fetch row</source>
        <translation>Не удалось прочитать строку результата</translation>
    </message>
</context>
<context>
    <name>kasp</name>
    <message>
        <source>A stay needs at least one adult</source>
        <translation>В путёвке должен быть хотя бы один взрослый</translation>
    </message>
    <message>
        <source>A child is 0 to 17 years old; older guests are adults</source>
        <translation>Ребёнку от 0 до 17 лет; гости старше — взрослые</translation>
    </message>
    <message>
        <source>«%1» sleeps %2 on main beds and %3 on extra beds</source>
        <translation>В номере «%1» %2 основных мест и %3 дополнительных</translation>
    </message>
    <message>
        <source>No tariff for «%1» on the night of %2</source>
        <translation>Нет тарифа для «%1» на ночь %2</translation>
    </message>
    <message>
        <source>Season «%1» does not offer this meal plan</source>
        <translation>В сезоне «%1» нет такого питания</translation>
    </message>
    <message>
        <source>Season «%1» has no programme of this profile</source>
        <translation>В сезоне «%1» нет программы лечения этого профиля</translation>
    </message>
    <message>
        <source>returning guest %1 %</source>
        <translation>постоянный гость %1 %</translation>
    </message>
    <message>
        <source>%1 nights or more %2 %</source>
        <translation>от %1 ночей %2 %</translation>
    </message>
    <message>
        <source>promo code %1 %2 %</source>
        <translation>промокод %1 %2 %</translation>
    </message>
    <message>
        <source>Promo code «%1» does not apply to these dates</source>
        <translation>Промокод «%1» не действует на эти даты</translation>
    </message>
    <message>
        <source>Base tariff</source>
        <translation>Базовый тариф</translation>
    </message>
    <message>
        <source>A payment belongs to a booking</source>
        <translation>Платёж должен относиться к брони</translation>
    </message>
    <message>
        <source>A payment needs the guest who paid</source>
        <translation>У платежа должен быть плательщик</translation>
    </message>
    <message>
        <source>The amount must be above zero</source>
        <translation>Сумма должна быть больше нуля</translation>
    </message>
    <message>
        <source>The booking is cancelled or the guest has checked in: take the money at the front desk&apos;s till</source>
        <translation>Бронь отменена или гость уже заселён: деньги принимает касса службы приёма</translation>
    </message>
    <message>
        <source>That is more than is due: %1 of %2 is left to pay</source>
        <translation>Это больше, чем осталось: к оплате %1 из %2</translation>
    </message>
    <message>
        <source>The prepayment is at least %1 % of the total: %2</source>
        <translation>Предоплата — не меньше %1 % стоимости: %2</translation>
    </message>
    <message>
        <source>Name the building, e.g. «Корпус 1»</source>
        <translation>Назовите корпус, например «Корпус 1»</translation>
    </message>
    <message>
        <source>A room category needs a name and a short code</source>
        <translation>У категории номеров должны быть название и короткий код</translation>
    </message>
    <message>
        <source>«%1»: 1 to 20 main places and up to 10 extra beds</source>
        <translation>«%1»: от 1 до 20 основных мест и до 10 дополнительных</translation>
    </message>
    <message>
        <source>«%1»: a price below zero</source>
        <translation>«%1»: цена меньше нуля</translation>
    </message>
    <message>
        <source>A room needs a number</source>
        <translation>У номера должен быть номер</translation>
    </message>
    <message>
        <source>Room %1: choose its building</source>
        <translation>Номер %1: выберите корпус</translation>
    </message>
    <message>
        <source>Room %1: choose its category</source>
        <translation>Номер %1: выберите категорию</translation>
    </message>
    <message>
        <source>Room %1: the floor is -5 to 200</source>
        <translation>Номер %1: этаж от −5 до 200</translation>
    </message>
    <message>
        <source>Room %1: 1 to 20 places</source>
        <translation>Номер %1: от 1 до 20 мест</translation>
    </message>
    <message>
        <source>Name the season, e.g. «Лето 2027»</source>
        <translation>Назовите сезон, например «Лето 2027»</translation>
    </message>
    <message>
        <source>Season «%1»: the last night must come after the first</source>
        <translation>Сезон «%1»: последняя ночь должна быть не раньше первой</translation>
    </message>
    <message>
        <source>Season «%1»: a price below zero</source>
        <translation>Сезон «%1»: цена меньше нуля</translation>
    </message>
    <message>
        <source>Season «%1»: the minimum stay is 1 to 365 nights</source>
        <translation>Сезон «%1»: минимальный срок — от 1 до 365 ночей</translation>
    </message>
    <message>
        <source>A children&apos;s rule covers ages 0 to 17, youngest first, at 0-100 % of the adult price</source>
        <translation>Детское правило: возраст от 0 до 17 лет (сначала младший), 0–100 % от цены взрослого</translation>
    </message>
    <message>
        <source>A discount is 1 to 90 %</source>
        <translation>Скидка — от 1 до 90 %</translation>
    </message>
    <message>
        <source>A long-stay discount starts from 2 nights or more</source>
        <translation>Скидка за длительное проживание — от 2 ночей</translation>
    </message>
    <message>
        <source>A promo code is 2-32 letters, digits or &apos;-&apos;, without spaces</source>
        <translation>Промокод — 2–32 буквы, цифры или «-», без пробелов</translation>
    </message>
    <message>
        <source>Promo code %1: its last check-in date comes before the first</source>
        <translation>Промокод %1: последняя дата заезда раньше первой</translation>
    </message>
    <message>
        <source>«%1»: seasons «%2» and «%3» both price the night of %4</source>
        <translation>«%1»: сезоны «%2» и «%3» оба включают ночь на %4</translation>
    </message>
    <message>
        <source>category</source>
        <translation>категория</translation>
    </message>
    <message>
        <source>Age %1 falls under two children&apos;s rules</source>
        <translation>Возраст %1 попадает в два детских правила</translation>
    </message>
    <message>
        <source>Promo code %1 is entered twice</source>
        <translation>Промокод %1 введён дважды</translation>
    </message>
    <message>
        <source>«%1»: a bed-night above 10 000 000 ₽</source>
        <translation>«%1»: койко-день дороже 10 000 000 ₽</translation>
    </message>
    <message>
        <source>Season «%1»: a price above 10 000 000 ₽ a night</source>
        <translation>Сезон «%1»: цена выше 10 000 000 ₽ за ночь</translation>
    </message>
    <message numerus="yes">
        <source>In season «%1» the shortest stay is %n night(s); this one has %2</source>
        <translation>
            <numerusform>В сезоне «%1» минимальный срок — %n ночь, а выбрано %2</numerusform>
            <numerusform>В сезоне «%1» минимальный срок — %n ночи, а выбрано %2</numerusform>
            <numerusform>В сезоне «%1» минимальный срок — %n ночей, а выбрано %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::Booking</name>
    <message>
        <source>The booking has no total to take a prepayment from</source>
        <translation>У брони нет суммы, от которой считать предоплату</translation>
    </message>
    <message>
        <source>The prepayment must be from %1 to %2</source>
        <translation>Предоплата должна быть от %1 до %2</translation>
    </message>
    <message>
        <source>Choose the check-in and check-out dates</source>
        <translation>Выберите даты заезда и выезда</translation>
    </message>
    <message>
        <source>A booking needs a guest</source>
        <translation>У брони должен быть гость</translation>
    </message>
    <message>
        <source>A booking needs a room</source>
        <translation>У брони должен быть номер</translation>
    </message>
    <message>
        <source>A booking needs at least one adult</source>
        <translation>В брони должен быть хотя бы один взрослый</translation>
    </message>
    <message>
        <source>The number of children cannot be negative</source>
        <translation>Число детей не может быть отрицательным</translation>
    </message>
    <message>
        <source>Amounts cannot be negative</source>
        <translation>Суммы не могут быть отрицательными</translation>
    </message>
    <message>
        <source>The prepayment cannot exceed the total</source>
        <translation>Предоплата не может быть больше суммы брони</translation>
    </message>
    <message>
        <source>A cancelled booking cannot be changed.</source>
        <translation>Отменённую бронь нельзя изменить.</translation>
    </message>
    <message>
        <source>A booking cannot go from %1 to %2.</source>
        <extracomment>%1 and %2 are status keys (hold, prepaid, paid, lived, cancelled)</extracomment>
        <translation>Бронь нельзя перевести из статуса «%1» в статус «%2».</translation>
    </message>
    <message>
        <source>A cancelled booking cannot be moved.</source>
        <translation>Отменённую бронь нельзя перенести.</translation>
    </message>
</context>
<context>
    <name>kasp::Consent</name>
    <message>
        <source>SMS and messengers</source>
        <translation>SMS и мессенджеры</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Advertising calls</source>
        <translation>Рекламные звонки</translation>
    </message>
    <message>
        <source>Ads audiences</source>
        <translation>Рекламные аудитории</translation>
    </message>
    <message>
        <source>on a recorded call</source>
        <translation>на записанном звонке</translation>
    </message>
    <message>
        <source>on the website&apos;s form</source>
        <translation>в форме на сайте</translation>
    </message>
    <message>
        <source>on paper</source>
        <translation>на бумаге</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>из импорта</translation>
    </message>
</context>
<context>
    <name>kasp::Csv</name>
    <message>
        <source>Line %1: a quote opens a field and is never closed</source>
        <translation>Строка %1: кавычка открывает поле и не закрывается</translation>
    </message>
</context>
<context>
    <name>kasp::DealPipeline</name>
    <message>
        <source>A deal cannot move from &quot;%1&quot; to &quot;%2&quot;: a closed deal stays closed.</source>
        <translation>Сделку нельзя перенести из «%1» в «%2»: закрытая сделка остаётся закрытой.</translation>
    </message>
    <message>
        <source>Say why the deal was lost.</source>
        <translation>Укажите, почему сделка потеряна.</translation>
    </message>
    <message>
        <source>The reason is too long (at most 200 characters).</source>
        <translation>Причина слишком длинная (не больше 200 символов).</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Новое обращение</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Квалификация</translation>
    </message>
    <message>
        <source>Offer sent</source>
        <translation>Предложение отправлено</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Бронь</translation>
    </message>
    <message>
        <source>Prepaid</source>
        <translation>Предоплата</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>Stayed</source>
        <translation>Заезд состоялся</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <source>A stage key is 1 to 40 Latin letters, digits or &apos;_&apos;.</source>
        <translation>Ключ этапа — от 1 до 40 латинских букв, цифр или «_».</translation>
    </message>
    <message>
        <source>A stage title is at most 60 characters.</source>
        <translation>Название этапа — не больше 60 символов.</translation>
    </message>
    <message>
        <source>Give the stage a title.</source>
        <translation>Дайте этапу название.</translation>
    </message>
    <message>
        <source>The won and lost stages cannot be hidden.</source>
        <translation>Этапы «выиграна» и «потеряна» скрыть нельзя.</translation>
    </message>
    <message>
        <source>There is no stage &quot;%1&quot; to move to.</source>
        <translation>Этапа «%1» нет, переносить некуда.</translation>
    </message>
    <message>
        <source>There is a stage &quot;%1&quot; already.</source>
        <translation>Этап «%1» уже есть.</translation>
    </message>
</context>
<context>
    <name>kasp::Guest</name>
    <message>
        <source>Unnamed guest</source>
        <extracomment>Shown instead of a name for a guest we know nothing about yet</extracomment>
        <translation>Гость без имени</translation>
    </message>
    <message>
        <source>Enter a name, a phone number or an e-mail</source>
        <translation>Укажите имя, телефон или e-mail</translation>
    </message>
    <message>
        <source>Not a valid e-mail address: %1</source>
        <translation>Неверный адрес e-mail: %1</translation>
    </message>
    <message>
        <source>A phone number is empty</source>
        <translation>Пустой номер телефона</translation>
    </message>
    <message>
        <source>The phone number %1 is entered twice</source>
        <translation>Телефон %1 указан дважды</translation>
    </message>
    <message>
        <source>Check the date of birth</source>
        <translation>Проверьте дату рождения</translation>
    </message>
    <message>
        <source>More than %1 phones, e-mails or tags</source>
        <translation>Больше %1 телефонов, адресов e-mail или тегов</translation>
    </message>
    <message>
        <source>A tag is longer than %1 characters</source>
        <translation>Тег длиннее %1 символов</translation>
    </message>
    <message>
        <source>The card holds a character that cannot be stored (a NUL or a broken one)</source>
        <translation>В карточке есть символ, который нельзя сохранить (NUL или испорченный)</translation>
    </message>
    <message>
        <source>«%1» is longer than %2 characters</source>
        <translation>«%1» длиннее %2 символов</translation>
    </message>
</context>
<context>
    <name>kasp::GuestField</name>
    <message>
        <source>Surname</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
</context>
<context>
    <name>kasp::Json</name>
    <message>
        <source>expected a string</source>
        <translation>ожидается строка</translation>
    </message>
    <message>
        <source>expected a UUID</source>
        <translation>ожидается UUID</translation>
    </message>
    <message>
        <source>expected a date yyyy-MM-dd</source>
        <translation>ожидается дата yyyy-MM-dd</translation>
    </message>
    <message>
        <source>expected an ISO 8601 date-time with a time zone</source>
        <translation>ожидается дата и время ISO 8601 с часовым поясом</translation>
    </message>
    <message>
        <source>expected an integer in range</source>
        <translation>ожидается целое число в допустимых пределах</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>ожидается массив</translation>
    </message>
    <message>
        <source>expected a known key</source>
        <translation>ожидается известное значение</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot;: %2</source>
        <extracomment>%1 is a field name, %2 what is wrong with its value</extracomment>
        <translation>Поле «%1»: %2</translation>
    </message>
    <message>
        <source>Missing field &quot;%1&quot;</source>
        <translation>Нет поля «%1»</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>ожидается объект</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>ожидается true или false</translation>
    </message>
    <message>
        <source>expected a stage key (a-z, 0-9, _)</source>
        <translation>ожидается ключ этапа (a-z, 0-9, _)</translation>
    </message>
</context>
<context>
    <name>kasp::Money</name>
    <message>
        <source>Enter an amount</source>
        <translation>Введите сумму</translation>
    </message>
    <message>
        <source>Not an amount of money; write it like 1 234,50</source>
        <extracomment>An amount of money could not be read</extracomment>
        <translation>Это не сумма; пишите так: 1 234,50</translation>
    </message>
    <message>
        <source>An amount has at most two digits after the comma</source>
        <translation>В сумме не больше двух знаков после запятой</translation>
    </message>
    <message>
        <source>The amount is too large</source>
        <translation>Слишком большая сумма</translation>
    </message>
</context>
<context>
    <name>kasp::Phone</name>
    <message>
        <source>Enter a phone number</source>
        <translation>Введите номер телефона</translation>
    </message>
    <message>
        <source>A phone number may contain only digits, spaces, brackets, dashes and a leading +</source>
        <translation>В номере телефона допустимы только цифры, пробелы, скобки, дефисы и + в начале</translation>
    </message>
    <message>
        <source>The phone number is too short</source>
        <translation>Слишком короткий номер телефона</translation>
    </message>
    <message>
        <source>The phone number is too long</source>
        <translation>Слишком длинный номер телефона</translation>
    </message>
    <message>
        <source>A country code never starts with 0</source>
        <translation>Код страны не может начинаться с 0</translation>
    </message>
    <message>
        <source>Write a number outside Russia with + and the country code</source>
        <translation>Номер не из России пишите с + и кодом страны</translation>
    </message>
    <message>
        <source>Not a phone number in international format: %1</source>
        <translation>Номер телефона не в международном формате: %1</translation>
    </message>
</context>
<context>
    <name>kasp::Source</name>
    <message>
        <source>Yandex</source>
        <translation>Яндекс</translation>
    </message>
    <message>
        <source>Google</source>
        <translation>Google</translation>
    </message>
    <message>
        <source>VK</source>
        <translation>ВКонтакте</translation>
    </message>
    <message>
        <source>Odnoklassniki</source>
        <translation>Одноклассники</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>2GIS</source>
        <translation>2ГИС</translation>
    </message>
    <message>
        <source>Avito</source>
        <translation>Авито</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>ads</source>
        <translation>реклама</translation>
    </message>
    <message>
        <source>social network</source>
        <translation>соцсети</translation>
    </message>
    <message>
        <source>newsletter</source>
        <translation>рассылка</translation>
    </message>
    <message>
        <source>link from another site</source>
        <translation>переход с другого сайта</translation>
    </message>
    <message>
        <source>search</source>
        <translation>поиск</translation>
    </message>
</context>
<context>
    <name>kasp::Stay</name>
    <message>
        <source>Enter valid check-in and check-out dates</source>
        <translation>Укажите правильные даты заезда и выезда</translation>
    </message>
    <message>
        <source>Check-out must be after check-in</source>
        <translation>Выезд должен быть позже заезда</translation>
    </message>
    <message numerus="yes">
        <source>A stay cannot be longer than %n night(s)</source>
        <translation>
            <numerusform>Проживание не может быть дольше %n ночи</numerusform>
            <numerusform>Проживание не может быть дольше %n ночей</numerusform>
            <numerusform>Проживание не может быть дольше %n ночей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::Task</name>
    <message>
        <source>Call back</source>
        <translation>Перезвонить</translation>
    </message>
    <message>
        <source>Send an offer</source>
        <translation>Отправить предложение</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>Напомнить</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
</context>
<context>
    <name>kasp::app</name>
    <message>
        <source>Creating the demo sanatorium…</source>
        <translation>Создаётся демо-санаторий…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Демо-база</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV для Excel (*.csv)</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Экспорт списка</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Exported %L1 of %L2 rows…</source>
        <translation>Выгружено %L1 из %L2 строк…</translation>
    </message>
</context>
<context>
    <name>kasp::app::AccountActions</name>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Учётные записи…</translation>
    </message>
    <message>
        <source>Who signs in at this desk: passwords, a new consultant, the idle lock</source>
        <translation>Кто входит на этом рабочем месте: пароли, новый консультант, блокировка при простое</translation>
    </message>
    <message>
        <source>The head of sales manages the desk&apos;s accounts</source>
        <translation>Учётными записями рабочего места управляет руководитель отдела продаж</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Сменить &amp;пароль…</translation>
    </message>
    <message>
        <source>Your own password at this desk</source>
        <translation>Ваш собственный пароль на этом рабочем месте</translation>
    </message>
    <message>
        <source>Only the head of sales manages the desk&apos;s accounts: nothing was changed.</source>
        <translation>Учётными записями рабочего места управляет только руководитель отдела продаж: ничего не изменено.</translation>
    </message>
    <message>
        <source>Your password has been changed. Sign in with the new one from now on.</source>
        <translation>Пароль изменён. Теперь входите с новым.</translation>
    </message>
</context>
<context>
    <name>kasp::app::AccountsDialog</name>
    <message>
        <source>&amp;Set password…</source>
        <translation>&amp;Задать пароль…</translation>
    </message>
    <message>
        <source>&amp;Add consultant…</source>
        <translation>&amp;Добавить консультанта…</translation>
    </message>
    <message>
        <source>Desk accounts</source>
        <translation>Учётные записи рабочего места</translation>
    </message>
    <message>
        <source>Who signs in at this desk. Passwords are not kept, only a check value from which the password cannot be recovered.</source>
        <translation>Кто входит на этом рабочем месте. Пароли не хранятся — только проверочное значение, из которого пароль не восстановить.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Последний вход</translation>
    </message>
    <message>
        <source>A new password for the chosen person (they forgot theirs, or are new)</source>
        <translation>Новый пароль для выбранного сотрудника (забыл свой или только пришёл)</translation>
    </message>
    <message>
        <source> min</source>
        <extracomment>The idle lock&apos;s minutes: &quot;15 мин&quot;</extracomment>
        <translation> мин</translation>
    </message>
    <message>
        <source>never</source>
        <extracomment>The idle lock at 0 minutes</extracomment>
        <translation>никогда</translation>
    </message>
    <message>
        <source>&amp;Lock the desk after no input for:</source>
        <translation>&amp;Блокировать рабочее место после простоя:</translation>
    </message>
    <message>
        <source>0 — never. The window is covered and asks for the password again; it applies at once and is kept on this desk.</source>
        <translation>0 — никогда. Окно закрывается и снова спрашивает пароль; действует сразу и сохраняется на этом рабочем месте.</translation>
    </message>
    <message>
        <source> (switched off)</source>
        <translation> (отключён)</translation>
    </message>
    <message>
        <source>set</source>
        <translation>задан</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>не задан</translation>
    </message>
    <message>
        <source>New password set: %1.</source>
        <translation>Новый пароль задан: %1.</translation>
    </message>
    <message>
        <source>Consultant %1 added: they sign in with the login «%2».</source>
        <translation>Добавлен консультант: %1, логин для входа — «%2».</translation>
    </message>
    <message>
        <source>This desk works with the sync server: accounts and passwords are kept there, and the list is shown here as it is.</source>
        <translation>Это рабочее место подключено к серверу синхронизации: учётные записи и пароли хранятся там, здесь — только их список.</translation>
    </message>
</context>
<context>
    <name>kasp::app::CardController</name>
    <message>
        <source>Consent recorded.</source>
        <translation>Согласие записано.</translation>
    </message>
</context>
<context>
    <name>kasp::app::CatalogueActions</name>
    <message numerus="yes">
        <source>Price list saved: %n change(s)</source>
        <translation>
            <numerusform>Прайс-лист сохранён: %n изменение</numerusform>
            <numerusform>Прайс-лист сохранён: %n изменения</numerusform>
            <numerusform>Прайс-лист сохранён: %n изменений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Room stock saved: %n change(s)</source>
        <translation>
            <numerusform>Номерной фонд сохранён: %n изменение</numerusform>
            <numerusform>Номерной фонд сохранён: %n изменения</numerusform>
            <numerusform>Номерной фонд сохранён: %n изменений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::app::DamageGuard</name>
    <message>
        <source>Rebuild it from the server: this desk&apos;s changes that have not been sent yet are kept, the damaged file is kept aside. Or restore the database from a backup copy. Technical details are in the log.</source>
        <translation>Пересоберите её с сервера: изменения этого рабочего места, ещё не отправленные на сервер, сохранятся, а повреждённый файл останется рядом. Или восстановите базу из резервной копии. Технические подробности записаны в журнал.</translation>
    </message>
    <message>
        <source>Restore the database from a backup copy. If this desk works with a sync server, connect it (Server → Connect to server…) and rebuild the database from there. Technical details are in the log.</source>
        <translation>Восстановите базу из резервной копии. Если рабочее место работает с сервером синхронизации, подключите его («Сервер → Подключиться к серверу…») и пересоберите базу с сервера. Технические подробности записаны в журнал.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>База данных повреждена</translation>
    </message>
    <message>
        <source>Rebuild from the server</source>
        <translation>Пересобрать с сервера</translation>
    </message>
    <message>
        <source>Open anyway</source>
        <translation>Открыть всё равно</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Rebuild from the server…</source>
        <translation>Пересобрать с сервера…</translation>
    </message>
    <message>
        <source>Part of the data in the database file cannot be read: the file is damaged. Lists and counts may be incomplete.</source>
        <translation>Часть данных в файле базы не читается: файл повреждён. Списки и счётчики могут быть неполными.</translation>
    </message>
</context>
<context>
    <name>kasp::app::DealsController</name>
    <message>
        <source>Open the guest&apos;s card first: a deal belongs to a guest.</source>
        <translation>Сначала откройте карточку гостя: сделка всегда чья-то.</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Новая сделка</translation>
    </message>
    <message>
        <source>What is the guest choosing?</source>
        <translation>Что выбирает гость?</translation>
    </message>
    <message>
        <source>A stay</source>
        <translation>Подбор путёвки</translation>
    </message>
    <message>
        <source>Deal &quot;%1&quot; created.</source>
        <translation>Сделка «%1» создана.</translation>
    </message>
</context>
<context>
    <name>kasp::app::DeskSignIn</name>
    <message>
        <source>This person cannot sign in on this desk: the account is not here or is switched off.</source>
        <translation>Этот сотрудник не может войти на этом рабочем месте: учётной записи здесь нет или она отключена.</translation>
    </message>
    <message>
        <source>The server does not answer, and you have not signed in on this desk before. Sign in when the server is back, or at your own desk.</source>
        <translation>Сервер не отвечает, а вы ещё не входили на этом рабочем месте. Войдите, когда сервер снова будет доступен, или за своим рабочим местом.</translation>
    </message>
    <message>
        <source>Wrong login or password. Too many failed attempts in a row: the next one waits.</source>
        <translation>Неверный логин или пароль. Слишком много неудачных попыток подряд: следующая — после паузы.</translation>
    </message>
    <message>
        <source>A sign-in is being checked. Wait a moment.</source>
        <translation>Вход уже проверяется. Подождите немного.</translation>
    </message>
</context>
<context>
    <name>kasp::app::DuplicatesController</name>
    <message>
        <source>Cards merged.</source>
        <translation>Карточки объединены.</translation>
    </message>
</context>
<context>
    <name>kasp::app::FirstSyncDialog</name>
    <message>
        <source>KASP — loading the base</source>
        <extracomment>the window title while a new desktop loads the base from the server</extracomment>
        <translation>КАСП — загрузка базы</translation>
    </message>
    <message>
        <source>This desktop is new: the sanatorium&apos;s guests, bookings and staff come from the server once. Later starts open the Sales Window at once.</source>
        <translation>Рабочее место новое: гости, брони и сотрудники санатория загружаются с сервера один раз. Следующие запуски сразу открывают Окно продаж.</translation>
    </message>
    <message>
        <source>Loading the base from the server…</source>
        <translation>Загружаем базу с сервера…</translation>
    </message>
    <message>
        <source>Try again</source>
        <extracomment>asks the server again at once after a failed first sync</extracomment>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>The server does not answer. KASP keeps trying; check the network, or press Cancel to stop.</source>
        <translation>Сервер не отвечает. КАСП продолжает попытки; проверьте сеть или нажмите «Отмена», чтобы прекратить.</translation>
    </message>
    <message>
        <source>The base could not be loaded: %1</source>
        <extracomment>%1 the server&apos;s or the client&apos;s reason</extracomment>
        <translation>Не удалось загрузить базу: %1</translation>
    </message>
    <message>
        <source>Records received: %1</source>
        <extracomment>how many records of the base arrived so far</extracomment>
        <translation>Получено записей: %1</translation>
    </message>
    <message>
        <source>The base is not loaded yet</source>
        <translation>База ещё не загружена</translation>
    </message>
</context>
<context>
    <name>kasp::app::GlobalHotkeys</name>
    <message>
        <source>keys for the whole desktop work under X11 only</source>
        <translation>клавиши для всего рабочего стола работают только под X11</translation>
    </message>
    <message>
        <source>«%1» is not one key</source>
        <translation>«%1» — не одна клавиша</translation>
    </message>
    <message>
        <source>the key «%1» has no code on this keyboard</source>
        <translation>у клавиши «%1» нет кода на этой клавиатуре</translation>
    </message>
    <message>
        <source>another program already uses «%1»</source>
        <translation>«%1» уже занята: её использует другая программа</translation>
    </message>
    <message>
        <source>keys for the whole desktop are not available on this system yet</source>
        <translation>клавиши для всего рабочего стола в этой системе пока недоступны</translation>
    </message>
</context>
<context>
    <name>kasp::app::HelpDialog</name>
    <message>
        <source>&lt;h3&gt;A consultant&apos;s first day&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Put on the headset. The «Phone» panel says «registered»: calls come to you.&lt;/li&gt;&lt;li&gt;A call rings: the guest&apos;s card opens by itself. An unknown number opens the new guest&apos;s form: type the name while you talk, the call stays on that card.&lt;/li&gt;&lt;li&gt;Find anyone with Ctrl+K: a surname, or the last digits of a phone, then Enter.&lt;/li&gt;&lt;li&gt;Book in three steps: «Book…» on the card (Ctrl+B), the dates and the party, Enter on the room offered. Take the prepayment (10–20 %): the voucher goes by e-mail.&lt;/li&gt;&lt;li&gt;The tasks of the day are on the left, overdue ones in red. A missed call becomes a call-back task by itself. «Done» (Ctrl+Enter) on a call-back asks what came of it.&lt;/li&gt;&lt;li&gt;Write down what the guest said in the card&apos;s note line (Enter): the next colleague reads it.&lt;/li&gt;&lt;li&gt;Leaving the desk: Ctrl+Shift+L locks it. Ctrl+Shift+F3, F4, F6, F8 answer, hang up, hold and transfer from any program.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;h3&gt;Первый день консультанта&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Наденьте гарнитуру. Панель «Телефон» пишет «Зарегистрирован на АТС»: звонки идут к вам.&lt;/li&gt;&lt;li&gt;Звонит гость — его карточка открывается сама. Незнакомый номер открывает форму нового гостя: впишите имя, пока говорите, звонок останется в этой карточке.&lt;/li&gt;&lt;li&gt;Любого гостя найдёт Ctrl+K: фамилия или последние цифры телефона, затем Enter.&lt;/li&gt;&lt;li&gt;Бронь в три шага: «Забронировать…» в карточке (Ctrl+B), даты и состав гостей, Enter на предложенном номере. Примите предоплату (10–20 %) — ваучер уйдёт по e-mail.&lt;/li&gt;&lt;li&gt;Задачи на сегодня — слева, просроченные красным. Пропущенный звонок сам становится задачей «Перезвонить». «Выполнено» (Ctrl+Enter) у перезвона спросит, чем закончился звонок.&lt;/li&gt;&lt;li&gt;Что сказал гость, запишите в строку заметки в карточке (Enter): следующий коллега это прочтёт.&lt;/li&gt;&lt;li&gt;Отходите от места — Ctrl+Shift+L заблокирует его. Ctrl+Shift+F3, F4, F6, F8 — ответить, положить трубку, удержание и перевод из любой программы.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;A director&apos;s first day&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;The director reads the base: cards, the room grid (Ctrl+G), the deals&apos; funnel (Ctrl+D), the guest list (Ctrl+L). Buttons that change something are off.&lt;/li&gt;&lt;li&gt;The base is on this computer, encrypted: it opens without a network, on a laptop on the road. With a network it catches up with the colleagues&apos; work.&lt;/li&gt;&lt;li&gt;Find a guest with Ctrl+K, by a surname or the last digits of a phone.&lt;/li&gt;&lt;li&gt;Leaving the laptop: Ctrl+Shift+L locks it.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;h3&gt;Первый день директора&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Директор читает базу: карточки, шахматку (Ctrl+G), воронку сделок (Ctrl+D), список гостей (Ctrl+L). Кнопки, которые что-то меняют, выключены.&lt;/li&gt;&lt;li&gt;База лежит на этом компьютере, зашифрованная: она открывается без сети, на ноутбуке в дороге. С сетью она догоняет работу коллег.&lt;/li&gt;&lt;li&gt;Гостя найдёт Ctrl+K — по фамилии или последним цифрам телефона.&lt;/li&gt;&lt;li&gt;Отходите от ноутбука — Ctrl+Shift+L заблокирует его.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Первый день</translation>
    </message>
    <message>
        <source>&lt;h3&gt;A head of sales&apos; first day&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;On a new server, set up the house first: Tools → Room stock, Tariffs and discounts, Booking rules (how long an unpaid hold lasts, the prepayment asked for). Every desk gets them with the next sync.&lt;/li&gt;&lt;li&gt;Move the guest base in: Guest → Import guests (CSV or XLSX from another CRM). The preview says which rows are new, which complete a card, which are left out.&lt;/li&gt;&lt;li&gt;The «Deals» tab (Ctrl+D) is the funnel: drag a deal to its stage, see where deals stall; the stages&apos; names are yours to edit.&lt;/li&gt;&lt;li&gt;Guest → Duplicate cards (Ctrl+Shift+U) merges two cards of one person with all their history.&lt;/li&gt;&lt;li&gt;Go → The team&apos;s tasks (Ctrl+Shift+T): each consultant&apos;s tasks for today and what is overdue.&lt;/li&gt;&lt;li&gt;On a desk without a server, Tools → Accounts sets your people&apos;s passwords, adds a consultant and sets how soon an idle desk locks.&lt;/li&gt;&lt;li&gt;You can work calls and bookings like a consultant; the guest list (Ctrl+L) with its contacts is exported by you (Ctrl+Shift+E).&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;h3&gt;Первый день руководителя отдела продаж&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;На новом сервере сначала настройте дом: Сервис → Номерной фонд, Тарифы и скидки, Правила бронирования (сколько держится неоплаченная бронь, какая нужна предоплата). Все рабочие места получат это со следующей синхронизацией.&lt;/li&gt;&lt;li&gt;Перенесите базу гостей: Гость → Импорт гостей (CSV или XLSX из другой CRM). Предпросмотр покажет, какие строки новые, какие дополнят карточку, какие будут пропущены.&lt;/li&gt;&lt;li&gt;Вкладка «Сделки» (Ctrl+D) — это воронка: перетащите сделку на её этап, смотрите, где сделки застревают; названия этапов задаёте вы.&lt;/li&gt;&lt;li&gt;Гость → Дубли карточек (Ctrl+Shift+U) объединяет две карточки одного человека со всей историей.&lt;/li&gt;&lt;li&gt;Перейти → Задачи команды (Ctrl+Shift+T): задачи каждого консультанта на сегодня и просроченные.&lt;/li&gt;&lt;li&gt;На рабочем месте без сервера Сервис → Учётные записи задаёт пароли ваших сотрудников, добавляет консультанта и задаёт, через сколько минут простоя рабочее место блокируется.&lt;/li&gt;&lt;li&gt;Звонки и брони можно вести как консультант; список гостей (Ctrl+L) с контактами выгружаете вы (Ctrl+Shift+E).&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
</context>
<context>
    <name>kasp::app::MainWindow</name>
    <message>
        <source>KASP — Sales Window</source>
        <translation>КАСП — Окно продаж</translation>
    </message>
    <message>
        <source>Guest search</source>
        <translation>Поиск гостя</translation>
    </message>
    <message>
        <source>Local database: %1 · encrypted · schema %2</source>
        <translation>Локальная база данных: %1 · зашифрована · схема %2</translation>
    </message>
    <message>
        <source>&amp;Guest</source>
        <translation>&amp;Гость</translation>
    </message>
    <message>
        <source>&amp;New guest…</source>
        <translation>&amp;Новый гость…</translation>
    </message>
    <message>
        <source>Create a guest card (Ctrl+N)</source>
        <translation>Создать карточку гостя (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit guest…</source>
        <translation>&amp;Изменить карточку гостя…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Перейти</translation>
    </message>
    <message>
        <source>&amp;Find guest</source>
        <translation>&amp;Найти гостя</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About KASP</source>
        <translation>&amp;О программе КАСП</translation>
    </message>
    <message>
        <source>About KASP</source>
        <translation>О программе КАСП</translation>
    </message>
    <message>
        <source>&lt;b&gt;KASP %1&lt;/b&gt;&lt;br&gt;Sales workstation for sanatorium sales departments.</source>
        <translation>&lt;b&gt;КАСП %1&lt;/b&gt;&lt;br&gt;Рабочее место отдела продаж санатория.</translation>
    </message>
    <message>
        <source>Not saved on the server</source>
        <translation>Не сохранено на сервере</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Сервер</translation>
    </message>
    <message>
        <source>&amp;Connect to server…</source>
        <translation>&amp;Подключиться к серверу…</translation>
    </message>
    <message>
        <source>Share the base with colleagues through kasp-sync</source>
        <translation>Общая база с коллегами через сервер kasp-sync</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Синхронизировать сейчас</translation>
    </message>
    <message>
        <source>Guest card</source>
        <translation>Карточка гостя</translation>
    </message>
    <message>
        <source>Room grid</source>
        <translation>Шахматка</translation>
    </message>
    <message>
        <source>Rooms by night: book, move, cancel (Ctrl+G)</source>
        <translation>Номера по ночам: бронировать, переносить, отменять (Ctrl+G)</translation>
    </message>
    <message>
        <source>Room &amp;grid</source>
        <translation>&amp;Шахматка</translation>
    </message>
    <message>
        <source>&amp;Mail for vouchers…</source>
        <translation>&amp;Почта для ваучеров…</translation>
    </message>
    <message>
        <source>The mail server vouchers are sent through</source>
        <translation>Почтовый сервер, через который уходят ваучеры</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>С&amp;ервис</translation>
    </message>
    <message>
        <source>&amp;Booking rules…</source>
        <translation>&amp;Правила бронирования…</translation>
    </message>
    <message>
        <source>How long an unpaid hold lasts; the prepayment asked for</source>
        <translation>Сколько держится неоплаченная бронь; размер предоплаты</translation>
    </message>
    <message>
        <source>&amp;Tariffs and discounts…</source>
        <translation>&amp;Тарифы и скидки…</translation>
    </message>
    <message>
        <source>Seasons, meal plans and programmes, children, discounts (head of sales)</source>
        <translation>Сезоны, питание и программы лечения, дети, скидки (руководитель отдела продаж)</translation>
    </message>
    <message>
        <source>&amp;Room stock…</source>
        <translation>&amp;Номерной фонд…</translation>
    </message>
    <message>
        <source>Buildings, room categories and rooms (head of sales)</source>
        <translation>Корпуса, категории и номера (руководитель отдела продаж)</translation>
    </message>
    <message>
        <source>&amp;Online payment…</source>
        <translation>&amp;Онлайн-оплата…</translation>
    </message>
    <message>
        <source>The YooKassa shop guests pay prepayments to by card</source>
        <translation>Магазин ЮKassa, в который гости вносят предоплату картой</translation>
    </message>
    <message>
        <source>&amp;Phone (SIP)…</source>
        <translation>&amp;Телефон (SIP)…</translation>
    </message>
    <message>
        <source>This desktop&apos;s extension on the sanatorium&apos;s PBX</source>
        <translation>Внутренний номер этого рабочего места на АТС санатория</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Гости</translation>
    </message>
    <message>
        <source>Every guest of the base, alphabetically (Ctrl+L)</source>
        <translation>Все гости базы по алфавиту (Ctrl+L)</translation>
    </message>
    <message>
        <source>All &amp;guests</source>
        <translation>Все &amp;гости</translation>
    </message>
    <message>
        <source>Import guests</source>
        <translation>Импорт гостей</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>The sales pipeline: drag a deal to its next stage (Ctrl+D)</source>
        <translation>Воронка продаж: перетащите сделку на следующий этап (Ctrl+D)</translation>
    </message>
    <message>
        <source>New &amp;deal…</source>
        <translation>Новая с&amp;делка…</translation>
    </message>
    <message>
        <source>A new deal for the open guest card, at the pipeline&apos;s first stage</source>
        <translation>Новая сделка для открытой карточки гостя, на первом этапе воронки</translation>
    </message>
    <message>
        <source>&amp;Deals</source>
        <translation>&amp;Сделки</translation>
    </message>
    <message>
        <source>Tasks for today</source>
        <translation>Задачи на сегодня</translation>
    </message>
    <message>
        <source>E&amp;xport the list…</source>
        <translation>&amp;Экспорт списка…</translation>
    </message>
    <message>
        <source>The list of the open tab (guests or deals) to Excel or CSV</source>
        <translation>Список открытой вкладки (гости или сделки) в Excel или CSV</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>D&amp;uplicate cards…</source>
        <translation>&amp;Дубли карточек…</translation>
    </message>
    <message>
        <source>Cards that look like one person (same phone, e-mail, or name and birth date): compare and merge</source>
        <translation>Карточки, похожие на одного человека (тот же телефон, e-mail или имя и дата рождения): сравнить и объединить</translation>
    </message>
    <message>
        <source>&amp;Import guests from Excel or CSV…</source>
        <translation>&amp;Импорт гостей из Excel или CSV…</translation>
    </message>
    <message>
        <source>Guests from an amoCRM or Bitrix24 export, an Excel workbook (.xlsx) or CSV</source>
        <translation>Гости из выгрузки amoCRM или Битрикс24, книги Excel (.xlsx) или CSV</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Таблицы (*.xlsx *.csv *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>&amp;Lock or switch user</source>
        <translation>&amp;Заблокировать / сменить пользователя</translation>
    </message>
    <message>
        <source>Leave the desk: the window is covered until a password is typed (a shift change: a colleague signs in with theirs)</source>
        <translation>Отойти от рабочего места: окно закрыто, пока не введён пароль (пересменка: коллега входит со своим паролем)</translation>
    </message>
    <message>
        <source>Database %1 · schema %2</source>
        <translation>База %1 · схема %2</translation>
    </message>
    <message>
        <source>Nothing to export: open the guest list (Ctrl+L) or find guests first</source>
        <translation>Нечего выгружать: откройте список гостей (Ctrl+L) или найдите гостей</translation>
    </message>
    <message>
        <source>Found guests</source>
        <translation>Найденные гости</translation>
    </message>
    <message>
        <source>Saved %1 without phones: only the head of sales exports guests&apos; contacts</source>
        <translation>Сохранено без телефонов: %1. Контакты гостей выгружает только руководитель отдела продаж</translation>
    </message>
    <message>
        <source>This desk has no server to sync with: it works alone. To share the base with colleagues, choose Server → Connect to server…</source>
        <translation>У этого рабочего места нет сервера для синхронизации: оно работает само по себе. Чтобы работать с коллегами в общей базе, выберите Сервер → Подключиться к серверу…</translation>
    </message>
    <message>
        <source>Syncing with the server…</source>
        <translation>Синхронизация с сервером…</translation>
    </message>
    <message>
        <source>&amp;Keys and first day</source>
        <translation>&amp;Клавиши и первый день</translation>
    </message>
    <message>
        <source>The team&apos;s &amp;tasks…</source>
        <translation>&amp;Задачи команды…</translation>
    </message>
    <message>
        <source>Each person&apos;s tasks for today and how many are overdue</source>
        <translation>Задачи каждого на сегодня и сколько из них просрочено</translation>
    </message>
    <message>
        <source>Consultants and the head of sales make the calls</source>
        <translation>Звонят консультанты и руководитель отдела продаж</translation>
    </message>
</context>
<context>
    <name>kasp::app::NotificationArea</name>
    <message>
        <source>The recent messages in full, with their time</source>
        <translation>Последние сообщения целиком, со временем</translation>
    </message>
    <message>
        <source>Recent messages</source>
        <translation>Последние сообщения</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Сообщений пока нет.</translation>
    </message>
    <message>
        <source>Messages (%1)</source>
        <translation>Сообщения (%1)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
</context>
<context>
    <name>kasp::app::PassphraseDialog</name>
    <message>
        <source>Database passphrase</source>
        <translation>Парольная фраза базы данных</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Повторите:</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Используйте не менее 8 символов.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Введите парольную фразу.</translation>
    </message>
</context>
<context>
    <name>kasp::app::PasswordDialog</name>
    <message>
        <source>Set password</source>
        <translation>Задать пароль</translation>
    </message>
    <message>
        <source>A new password for %1. Tell it to them in person; they can change it later (Tools → Change password…).</source>
        <translation>Новый пароль для сотрудника: %1. Сообщите его лично; потом его можно сменить самому (Сервис → Сменить пароль…).</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Смена пароля</translation>
    </message>
    <message>
        <source>%1, type your current password and the new one twice.</source>
        <translation>%1, введите текущий пароль и дважды — новый.</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Текущий пароль:</translation>
    </message>
    <message>
        <source>New consultant</source>
        <translation>Новый консультант</translation>
    </message>
    <message>
        <source>A consultant who signs in at this desk with the login and password below.</source>
        <translation>Консультант, который будет входить на этом рабочем месте с этими логином и паролем.</translation>
    </message>
    <message>
        <source>ivanova</source>
        <translation>ivanova</translation>
    </message>
    <message>
        <source>Maria Ivanova</source>
        <translation>Мария Иванова</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Новый пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Повторите:</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>Не меньше %1 символов.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>kasp::app::PaymentLinkActions</name>
    <message>
        <source>Online payment is off: the keychain did not give the shop&apos;s key (%1)</source>
        <translation>Онлайн-оплата выключена: хранилище ключей не выдало ключ магазина (%1)</translation>
    </message>
    <message>
        <source>Payment link for %1 copied: paste it into the guest&apos;s messenger, SMS or e-mail</source>
        <translation>Ссылка на оплату %1 скопирована: вставьте её в мессенджер, SMS или письмо гостю</translation>
    </message>
    <message>
        <source>The guest paid %1 online; the booking is prepaid</source>
        <translation>Гость оплатил онлайн %1; бронь предоплачена</translation>
    </message>
    <message>
        <source>Online payment is not set up: Tools → Online payment…</source>
        <translation>Онлайн-оплата не настроена: Сервис → Онлайн-оплата…</translation>
    </message>
    <message>
        <source>Online payment link</source>
        <translation>Ссылка на онлайн-оплату</translation>
    </message>
    <message>
        <source>Amount the guest pays online (due in all: %1):</source>
        <translation>Сумма онлайн-оплаты (всего к оплате: %1):</translation>
    </message>
    <message>
        <source>Online payment (YooKassa)</source>
        <translation>Онлайн-оплата (ЮKassa)</translation>
    </message>
    <message>
        <source>kept in the keychain; type to replace</source>
        <translation>хранится в хранилище ключей; введите, чтобы заменить</translation>
    </message>
    <message>
        <source>secret key from the shop&apos;s settings</source>
        <translation>секретный ключ из настроек магазина</translation>
    </message>
    <message>
        <source>Shop ID:</source>
        <translation>Идентификатор магазина:</translation>
    </message>
    <message>
        <source>Secret key:</source>
        <translation>Секретный ключ:</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>Адрес API:</translation>
    </message>
    <message>
        <source>After paying, the guest sees:</source>
        <translation>После оплаты гость увидит:</translation>
    </message>
    <message>
        <source>The payment link for %1 is ready: the booking&apos;s menu makes a new one if needed</source>
        <translation>Ссылка на оплату %1 готова; при необходимости создайте новую в меню брони</translation>
    </message>
</context>
<context>
    <name>kasp::app::PhoneController</name>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>hidden number</source>
        <translation>скрытый номер</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <source>Several guests have the number %1: pick the caller in the search</source>
        <translation>Номер %1 есть у нескольких гостей: выберите звонящего в поиске</translation>
    </message>
    <message>
        <source>This desk has no phone yet: set its extension in Tools → Phone (SIP)…</source>
        <translation>На этом рабочем месте телефон ещё не настроен: укажите добавочный номер в меню Сервис → Телефон (SIP)…</translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation>Звоним: %1…</translation>
    </message>
    <message>
        <source>This call&apos;s recording is kept on the desk where the call was taken</source>
        <translation>Запись этого звонка хранится на рабочем месте, где шёл разговор</translation>
    </message>
    <message>
        <source>No program here plays %1</source>
        <translation>Здесь нет программы, которая проиграет %1</translation>
    </message>
    <message>
        <source>Phone keys for the whole desktop: %1</source>
        <translation>Клавиши телефона для всего рабочего стола: %1</translation>
    </message>
    <message>
        <source>The SIP password was not saved in the keychain: %1</source>
        <translation>Пароль SIP не сохранён в хранилище ключей: %1</translation>
    </message>
</context>
<context>
    <name>kasp::app::PhoneSession</name>
    <message>
        <source>Phone off: no SIP password in the keychain (%1)</source>
        <translation>Телефон выключен: нет пароля SIP в хранилище ключей (%1)</translation>
    </message>
    <message>
        <source>The call with %1 could not be recorded: %2</source>
        <translation>Звонок с %1 не удалось записать: %2</translation>
    </message>
    <message>
        <source>The phone&apos;s extension could not be saved: %1</source>
        <translation>Внутренний номер телефона не сохранён: %1</translation>
    </message>
</context>
<context>
    <name>kasp::app::PhoneSettingsDialog</name>
    <message>
        <source>always</source>
        <translation>всегда</translation>
    </message>
    <message>
        <source>when «Record» is pressed</source>
        <translation>по кнопке «Записать»</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Системный по умолчанию</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (не подключено)</translation>
    </message>
    <message>
        <source>Answer (Ctrl+Shift+F3), hang up (F4), hold (F6) and transfer (F8) from any program</source>
        <translation>Отвечать (Ctrl+Shift+F3), класть трубку (F4), ставить на удержание (F6) и переводить (F8) из любой программы</translation>
    </message>
    <message>
        <source>Phone (SIP)</source>
        <translation>Телефон (SIP)</translation>
    </message>
    <message>
        <source>extension, e.g. 201</source>
        <translation>внутренний номер, например 201</translation>
    </message>
    <message>
        <source>kept in the keychain; type to replace</source>
        <translation>хранится в хранилище ключей; введите, чтобы заменить</translation>
    </message>
    <message>
        <source>as the role says (%1)</source>
        <translation>по правилу роли (%1)</translation>
    </message>
    <message>
        <source>Recordings are kept beside the database and opened from the guest&apos;s card</source>
        <translation>Записи хранятся рядом с базой данных и открываются из карточки гостя</translation>
    </message>
    <message>
        <source>Inside the Sales Window F3, F4, F6, F7, F8 and F9 work without Ctrl+Shift</source>
        <translation>В окне продаж F3, F4, F6, F7, F8 и F9 работают без Ctrl+Shift</translation>
    </message>
    <message>
        <source>PBX address:</source>
        <translation>Адрес АТС:</translation>
    </message>
    <message>
        <source>Extension (login):</source>
        <translation>Внутренний номер (логин):</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Транспорт:</translation>
    </message>
    <message>
        <source>Microphone:</source>
        <translation>Микрофон:</translation>
    </message>
    <message>
        <source>Speaker / headset:</source>
        <translation>Динамик / гарнитура:</translation>
    </message>
    <message>
        <source>Record calls:</source>
        <translation>Запись разговоров:</translation>
    </message>
    <message>
        <source>Russian numbers as:</source>
        <translation>Российские номера:</translation>
    </message>
    <message>
        <source>How this PBX wants Russian numbers dialled (calls from the cards, the search and the lists)</source>
        <translation>Как эта АТС набирает российские номера (звонки из карточек, поиска и списков)</translation>
    </message>
</context>
<context>
    <name>kasp::app::ServerDialog</name>
    <message>
        <source>Connect to server</source>
        <translation>Подключение к серверу</translation>
    </message>
    <message>
        <source>The address of kasp-sync, as IT gave it</source>
        <translation>Адрес сервера kasp-sync — его сообщает ИТ-служба</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Адрес сервера:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <source>Colleagues&apos; guests, calls and bookings come through the server. Without it this desktop keeps working on its own copy.</source>
        <translation>Гости, звонки и брони коллег приходят через сервер. Без него это рабочее место продолжает работать со своей копией базы.</translation>
    </message>
    <message>
        <source>Enter the server address, for example https://kasp.sanatorium.local:8765</source>
        <translation>Укажите адрес сервера, например https://kasp.sanatorium.local:8765</translation>
    </message>
    <message>
        <source>Enter your login and password.</source>
        <translation>Введите логин и пароль.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>The desk connects as the person signed in. To connect as someone else, they sign in at the desk first (Guest → Lock or switch user).</source>
        <translation>Рабочее место подключается под учётной записью того, кто вошёл. Чтобы подключиться под другой, этот сотрудник сначала входит на рабочем месте (Гость → Заблокировать / сменить пользователя).</translation>
    </message>
    <message>
        <source>The desk connects to the server only as the person signed in (%1): the changes made here are theirs. To connect as %2, let them sign in at the desk first (Guest → Lock or switch user).</source>
        <translation>Рабочее место подключается к серверу только под учётной записью того, кто вошёл (%1): изменения, сделанные здесь, — его. Чтобы подключиться как %2, пусть этот сотрудник сначала войдёт на рабочем месте (Гость → Заблокировать / сменить пользователя).</translation>
    </message>
</context>
<context>
    <name>kasp::app::SessionLock</name>
    <message>
        <source>The desk is locked</source>
        <translation>Рабочее место заблокировано</translation>
    </message>
</context>
<context>
    <name>kasp::app::SignInDialog</name>
    <message>
        <source>KASP — sign in</source>
        <translation>КАСП — вход</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Sales Window</source>
        <translation>Окно продаж</translation>
    </message>
    <message>
        <source>KASP — desk locked</source>
        <translation>КАСП — рабочее место заблокировано</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Сменить пользователя</translation>
    </message>
    <message>
        <source>Quit KASP</source>
        <translation>Выйти из КАСП</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The desk is locked</source>
        <translation>Рабочее место заблокировано</translation>
    </message>
    <message>
        <source>Type your password to go on, or let a colleague sign in with «Switch user».</source>
        <translation>Введите пароль, чтобы продолжить, или дайте войти коллеге: «Сменить пользователя».</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверяем…</translation>
    </message>
    <message>
        <source>Choose who you are.</source>
        <translation>Выберите себя в списке.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>Next attempt in %1 s.</source>
        <extracomment>The countdown under the sign-in while the desk throttles failed attempts; %1 seconds</extracomment>
        <translation>Следующая попытка — через %1 с.</translation>
    </message>
</context>
<context>
    <name>kasp::app::Startup</name>
    <message>
        <source>KASP cannot start</source>
        <translation>Не удалось запустить КАСП</translation>
    </message>
    <message>
        <source>The database has no users yet. Start KASP with --demo for the demo sanatorium, or connect it to the sync server.</source>
        <translation>В базе данных пока нет пользователей. Запустите КАСП с параметром --demo, чтобы создать демо-санаторий, или подключите базу к серверу синхронизации.</translation>
    </message>
    <message>
        <source>The server ended this desktop&apos;s session. Sign in again.</source>
        <translation>Сервер завершил сеанс этого рабочего места. Войдите снова.</translation>
    </message>
    <message>
        <source>This passphrase does not open the database. Check the keyboard layout and Caps Lock, and type it again.</source>
        <translation>Эта парольная фраза не открывает базу данных. Проверьте раскладку клавиатуры и Caps Lock и введите её ещё раз.</translation>
    </message>
</context>
<context>
    <name>kasp::app::SyncSession</name>
    <message>
        <source>Wrong login or password.</source>
        <translation>Неверный логин или пароль.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait a little and try again.</source>
        <translation>Слишком много неудачных попыток. Подождите немного и попробуйте снова.</translation>
    </message>
    <message>
        <source>The server does not answer. Check the address and the network.</source>
        <translation>Сервер не отвечает. Проверьте адрес и сеть.</translation>
    </message>
    <message>
        <source>The booking was not saved on the server: another consultant booked this room for some of these nights first. Choose another room or other dates.</source>
        <translation>Бронь не сохранена на сервере: другой консультант раньше забронировал этот номер на часть этих ночей. Выберите другой номер или другие даты.</translation>
    </message>
    <message>
        <source>Your role can only read; the change was not saved on the server.</source>
        <translation>Ваша роль позволяет только просмотр; изменение не сохранено на сервере.</translation>
    </message>
    <message>
        <source>Only the head of sales may change this; the change was not saved on the server.</source>
        <translation>Это может менять только руководитель отдела продаж; изменение не сохранено на сервере.</translation>
    </message>
    <message>
        <source>The server refused a change (%1): %2</source>
        <extracomment>%1 the kind of change, %2 the server&apos;s reason</extracomment>
        <translation>Сервер отклонил изменение (%1): %2</translation>
    </message>
    <message>
        <source>sync waits for your sign-in with the server (lock the desk and sign in again when the server answers)</source>
        <translation>синхронизация ждёт вашего входа с сервером (заблокируйте рабочее место и войдите снова, когда сервер ответит)</translation>
    </message>
    <message>
        <source>unsent: %1 change(s) by %2, waiting for their sign-in with the server</source>
        <extracomment>%1 how many, %2 the person who made them</extracomment>
        <translation>не отправлено изменений: %1, автор — %2; ждут входа автора с сервером</translation>
    </message>
    <message>
        <source>The booking of %1, room %2, %3 – %4, was not saved on the server: another consultant booked this room for some of these nights first. Choose another room or other dates.</source>
        <extracomment>%1 the guest, %2 the room&apos;s number, %3 – %4 the dates</extracomment>
        <translation>Бронь не сохранена на сервере: %1, номер %2, %3 – %4 — другой консультант раньше забронировал этот номер на некоторые из этих ночей. Выберите другой номер или другие даты.</translation>
    </message>
    <message>
        <source>a guest</source>
        <translation>гость</translation>
    </message>
    <message>
        <source>another consultant booked this room for some of these nights first</source>
        <translation>другой консультант раньше забронировал этот номер на часть этих ночей</translation>
    </message>
</context>
<context>
    <name>kasp::app::SyncStatusWidget</name>
    <message>
        <source>Server: sign-in needed (Server → Connect to server…)</source>
        <translation>Сервер: нужно войти (Сервер → Подключиться к серверу…)</translation>
    </message>
    <message>
        <source>Loading the base %p%</source>
        <extracomment>the progress bar of the first synchronisation</extracomment>
        <translation>Загрузка базы %p%</translation>
    </message>
    <message>
        <source>No server: this desktop works alone</source>
        <translation>Без сервера: рабочее место работает автономно</translation>
    </message>
    <message>
        <source>Server → Connect to server… to share the base with colleagues</source>
        <translation>Сервер → Подключиться к серверу…, чтобы работать с коллегами в общей базе</translation>
    </message>
    <message>
        <source>Server: online</source>
        <translation>Сервер: в сети</translation>
    </message>
    <message>
        <source> · synced %1</source>
        <translation> · синхронизировано в %1</translation>
    </message>
    <message numerus="yes">
        <source> · %n change(s) to send</source>
        <translation>
            <numerusform> · %n изменение к отправке</numerusform>
            <numerusform> · %n изменения к отправке</numerusform>
            <numerusform> · %n изменений к отправке</numerusform>
        </translation>
    </message>
    <message>
        <source>Server: offline</source>
        <translation>Сервер: нет связи</translation>
    </message>
    <message numerus="yes">
        <source> · %n change(s) kept locally</source>
        <translation>
            <numerusform> · %n изменение сохранено локально</numerusform>
            <numerusform> · %n изменения сохранены локально</numerusform>
            <numerusform> · %n изменений сохранены локально</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::app::TasksController</name>
    <message>
        <source>Task «%1» added.</source>
        <translation>Задача «%1» добавлена.</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Time for %n task(s)</source>
        <translation>
            <numerusform>Пора: %n задача</numerusform>
            <numerusform>Пора: %n задачи</numerusform>
            <numerusform>Пора: %n задач</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::app::VoucherActions</name>
    <message>
        <source>Sanatorium</source>
        <translation>Санаторий</translation>
    </message>
    <message>
        <source>Voucher %1</source>
        <translation>Ваучер %1</translation>
    </message>
    <message>
        <source>Save the voucher</source>
        <translation>Сохранить ваучер</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The voucher could not be saved: %1</source>
        <translation>Не удалось сохранить ваучер: %1</translation>
    </message>
    <message>
        <source>The voucher is saved: %1</source>
        <translation>Ваучер сохранён: %1</translation>
    </message>
    <message>
        <source>Sending the voucher to %1…</source>
        <translation>Отправка ваучера на %1…</translation>
    </message>
    <message>
        <source>The voucher was sent to %1.</source>
        <translation>Ваучер отправлен на %1.</translation>
    </message>
    <message>
        <source>Mail for vouchers</source>
        <translation>Почта для ваучеров</translation>
    </message>
    <message>
        <source>PNG or JPEG file</source>
        <translation>Файл PNG или JPEG</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>The sanatorium&apos;s logo</source>
        <translation>Логотип санатория</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Изображения (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>STARTTLS (port 587 or 25)</source>
        <translation>STARTTLS (порт 587 или 25)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (порт 465)</translation>
    </message>
    <message>
        <source>None (office relay)</source>
        <translation>Без шифрования (внутренний релей)</translation>
    </message>
    <message>
        <source>Санаторий «Родник»</source>
        <translation>Санаторий «Родник»</translation>
    </message>
    <message>
        <source>Address · phone · e-mail of the sales department</source>
        <translation>Адрес · телефон · e-mail отдела продаж</translation>
    </message>
    <message>
        <source>Sanatorium:</source>
        <translation>Санаторий:</translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation>Контакты:</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>Адрес отправителя:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Логотип:</translation>
    </message>
    <message>
        <source>Mail server:</source>
        <translation>Почтовый сервер:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Шифрование:</translation>
    </message>
    <message>
        <source>Mail settings saved.</source>
        <translation>Настройки почты сохранены.</translation>
    </message>
    <message>
        <source>Booking rules</source>
        <translation>Правила бронирования</translation>
    </message>
    <message>
        <source> h</source>
        <translation> ч</translation>
    </message>
    <message>
        <source>An unpaid hold is cancelled after this time</source>
        <translation>Неоплаченная бронь снимается по истечении этого времени</translation>
    </message>
    <message>
        <source>The first payment must reach this share of the price</source>
        <translation>Первый платёж должен быть не меньше этой доли стоимости</translation>
    </message>
    <message>
        <source>Hold without prepayment:</source>
        <translation>Бронь без предоплаты:</translation>
    </message>
    <message>
        <source>Prepayment:</source>
        <translation>Предоплата:</translation>
    </message>
    <message>
        <source>empty for an office relay without a login</source>
        <translation>пусто для офисного сервера без входа</translation>
    </message>
    <message>
        <source>the mailbox&apos;s password</source>
        <translation>пароль почтового ящика</translation>
    </message>
    <message>
        <source>kept in the keychain; type to replace</source>
        <translation>хранится в хранилище ключей; введите, чтобы заменить</translation>
    </message>
    <message>
        <source>only for a server with its own certificate authority</source>
        <translation>только для сервера со своим центром сертификации</translation>
    </message>
    <message>
        <source>A CA certificate (PEM) from IT. Public mail services need none.</source>
        <translation>Сертификат ЦС (PEM) от ИТ-отдела. Для публичных почтовых сервисов не нужен.</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>Сертификат ЦС:</translation>
    </message>
    <message>
        <source>The mailbox&apos;s password could not be kept in the keychain (%1); it is used until the program closes.</source>
        <translation>Пароль почтового ящика не удалось сохранить в хранилище ключей (%1); он действует до закрытия программы.</translation>
    </message>
    <message>
        <source>The head of sales sets these rules.</source>
        <translation>Эти правила задаёт руководитель отдела продаж.</translation>
    </message>
    <message>
        <source>The voucher was not sent: %1. It will be sent by itself once the mail server takes it.</source>
        <translation>Ваучер не отправлен: %1. Он уйдёт сам, как только почтовый сервер его примет.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>A voucher the mail server has not taken by then becomes a task for you</source>
        <translation>Ваучер, который почтовый сервер не принял к этому времени, станет вашей задачей</translation>
    </message>
    <message>
        <source>Task if not sent within:</source>
        <translation>Задача, если не ушёл за:</translation>
    </message>
    <message>
        <source>Consultants and the head of sales set the mail for vouchers.</source>
        <translation>Почту для ваучеров настраивают консультанты и руководитель отдела продаж.</translation>
    </message>
    <message>
        <source>Booking rules saved; every desk gets them at its next sync: holds last %1 h, prepayment %2 %.</source>
        <translation>Правила бронирования сохранены; остальные рабочие места получат их при следующей синхронизации: бронь держится %1 ч, предоплата %2 %.</translation>
    </message>
    <message>
        <source>Booking rules saved on this desk: holds last %1 h, prepayment %2 %.</source>
        <translation>Правила бронирования сохранены на этом рабочем месте: бронь держится %1 ч, предоплата %2 %.</translation>
    </message>
</context>
<context>
    <name>kasp::booking</name>
    <message>
        <source>Two room categories have the code «%1»</source>
        <translation>У двух категорий номеров один код «%1»</translation>
    </message>
    <message>
        <source>Room %1: choose its building</source>
        <translation>Номер %1: выберите корпус</translation>
    </message>
    <message>
        <source>Room %1: choose its category</source>
        <translation>Номер %1: выберите категорию</translation>
    </message>
    <message>
        <source>Room %1 appears twice in «%2»</source>
        <translation>Номер %1 дважды указан в «%2»</translation>
    </message>
    <message>
        <source>Season «%1» belongs to a room category that does not exist</source>
        <translation>Сезон «%1» относится к несуществующей категории номеров</translation>
    </message>
</context>
<context>
    <name>kasp::booking::BookingService</name>
    <message>
        <source>The room is not in the room stock.</source>
        <translation>Такого номера нет в номерном фонде.</translation>
    </message>
    <message>
        <source>Room %1 (%2), %3, %4</source>
        <translation>Номер %1 (%2), %3, %4</translation>
    </message>
    <message>
        <source>on hold</source>
        <translation>в брони</translation>
    </message>
    <message>
        <source>Moved to room %1, %2, %3</source>
        <translation>Перенесена в номер %1, %2, %3</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>перенесена</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Say why the room is out of service.</source>
        <translation>Укажите, почему номер выводится из продажи.</translation>
    </message>
    <message>
        <source>%1 received (%2), paid %3 of %4</source>
        <translation>Получено %1 (%2), оплачено %3 из %4</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>оплачена</translation>
    </message>
    <message>
        <source>prepaid</source>
        <translation>предоплата</translation>
    </message>
    <message>
        <source>Not prepaid in time</source>
        <translation>Нет предоплаты в срок</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>наличные</translation>
    </message>
    <message>
        <source>bank transfer</source>
        <translation>банковский перевод</translation>
    </message>
    <message>
        <source>card</source>
        <translation>карта</translation>
    </message>
    <message>
        <source>online payment</source>
        <translation>онлайн-оплата</translation>
    </message>
    <message>
        <source>Stay %1</source>
        <translation>Заезд %1</translation>
    </message>
</context>
<context>
    <name>kasp::booking::PaymentLinks</name>
    <message>
        <source>Sanatorium stay %1 – %2, booking %3</source>
        <translation>Путёвка в санаторий %1 – %2, бронь %3</translation>
    </message>
    <message>
        <source>The guest&apos;s online payment was cancelled (%1)</source>
        <translation>Онлайн-оплата гостя отменена (%1)</translation>
    </message>
    <message>
        <source>The guest paid %1 online, but the payment could not be recorded: %2</source>
        <translation>Гость оплатил онлайн %1, но платёж не удалось провести: %2</translation>
    </message>
    <message>
        <source>The provider did not answer for a day</source>
        <translation>Платёжный сервис не отвечал сутки</translation>
    </message>
    <message>
        <source>Paid %1 online (YooKassa %2), not recorded: record it by hand or return it</source>
        <translation>Оплата %1 онлайн (ЮKassa %2) не проведена: проведите вручную или верните деньги</translation>
    </message>
    <message>
        <source>The guest paid %1 online (YooKassa %2) but it was not recorded: %3</source>
        <translation>Гость оплатил онлайн %1 (ЮKassa %2), но платёж не проведён: %3</translation>
    </message>
</context>
<context>
    <name>kasp::booking::VoucherMailer</name>
    <message>
        <source>The guest&apos;s card no longer exists.</source>
        <translation>Карточки гостя больше нет.</translation>
    </message>
    <message>
        <source>The voucher is sent once the prepayment is in.</source>
        <translation>Ваучер отправляется после предоплаты.</translation>
    </message>
    <message>
        <source>Voucher No. %1: %2, %3 – %4</source>
        <translation>Ваучер № %1: %2, %3 – %4</translation>
    </message>
    <message>
        <source>Dear %1,

thank you for the prepayment. Your voucher is attached: room %2 (%3) from %4 to %5.
Paid %6, due on arrival %7.

We look forward to seeing you!
%8
%9</source>
        <translation>Здравствуйте, %1!

Спасибо за предоплату. Ваучер во вложении: номер %2 (%3) с %4 по %5.
Оплачено %6, к оплате при заезде %7.

Ждём вас!
%8
%9</translation>
    </message>
    <message>
        <source>The voucher&apos;s PDF could not be made.</source>
        <translation>Не удалось сформировать PDF ваучера.</translation>
    </message>
    <message>
        <source>Voucher %1.pdf</source>
        <translation>Ваучер %1.pdf</translation>
    </message>
    <message>
        <source>voucher sent</source>
        <translation>ваучер отправлен</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 — на %2</translation>
    </message>
</context>
<context>
    <name>kasp::booking::VoucherQueue</name>
    <message>
        <source>the mail server is not set up (Tools → Mail for vouchers…)</source>
        <translation>не настроен почтовый сервер (Сервис → Почта для ваучеров…)</translation>
    </message>
    <message>
        <source>the mail server does not answer</source>
        <translation>почтовый сервер не отвечает</translation>
    </message>
    <message>
        <source>the mail server refused the login: check it in Tools → Mail for vouchers…</source>
        <translation>почтовый сервер не принял вход: проверьте его в Сервис → Почта для ваучеров…</translation>
    </message>
    <message>
        <source>the keychain did not give the mailbox&apos;s password: enter it in Tools → Mail for vouchers…</source>
        <translation>хранилище паролей не выдало пароль почтового ящика: введите его в Сервис → Почта для ваучеров…</translation>
    </message>
    <message>
        <source>no secure connection to the mail server (its certificate or encryption)</source>
        <translation>нет защищённого соединения с почтовым сервером (сертификат или шифрование)</translation>
    </message>
    <message>
        <source>the mail server refused the letter (the sender&apos;s or the guest&apos;s address)</source>
        <translation>почтовый сервер не принял письмо (адрес отправителя или гостя)</translation>
    </message>
    <message>
        <source>the guest&apos;s card has no e-mail address</source>
        <translation>в карточке гостя нет адреса электронной почты</translation>
    </message>
    <message>
        <source>the mail server failed</source>
        <translation>ошибка почтового сервера</translation>
    </message>
    <message>
        <source>%1, %2 – %3</source>
        <translation>%1, %2 – %3</translation>
    </message>
    <message>
        <source>voucher not sent</source>
        <translation>ваучер не отправлен</translation>
    </message>
    <message>
        <source>Voucher No. %1: %2. It is sent again by itself once the server takes it.</source>
        <translation>Ваучер № %1: %2. Он уйдёт сам, как только сервер его примет.</translation>
    </message>
    <message>
        <source>Voucher No. %1 not sent: %2</source>
        <translation>Ваучер № %1 не отправлен: %2</translation>
    </message>
</context>
<context>
    <name>kasp::booking::ui::BookingDialog</name>
    <message>
        <source>Full board</source>
        <translation>Полный пансион</translation>
    </message>
    <message>
        <source>Half board</source>
        <translation>Полупансион</translation>
    </message>
    <message>
        <source>Breakfast</source>
        <translation>Завтраки</translation>
    </message>
    <message>
        <source>No meals</source>
        <translation>Без питания</translation>
    </message>
    <message>
        <source>General health</source>
        <translation>Общетерапевтическая</translation>
    </message>
    <message>
        <source>Cardiology</source>
        <translation>Кардиология</translation>
    </message>
    <message>
        <source>Neurology</source>
        <translation>Неврология</translation>
    </message>
    <message>
        <source>Musculoskeletal</source>
        <translation>Опорно-двигательный аппарат</translation>
    </message>
    <message>
        <source>Digestive</source>
        <translation>Пищеварение</translation>
    </message>
    <message>
        <source>Respiratory</source>
        <translation>Органы дыхания</translation>
    </message>
    <message>
        <source>Accommodation only</source>
        <translation>Только проживание</translation>
    </message>
    <message>
        <source>Returning guest</source>
        <translation>Постоянный гость</translation>
    </message>
    <message>
        <source>Book a stay</source>
        <translation>Бронирование</translation>
    </message>
    <message>
        <source>Name, phone or its last digits</source>
        <translation>Имя, телефон или его последние цифры</translation>
    </message>
    <message>
        <source>Who the booking is for; type to search the base</source>
        <translation>На кого бронь; начните вводить, чтобы найти в базе</translation>
    </message>
    <message>
        <source>e.g. 5, 12</source>
        <translation>например, 5, 12</translation>
    </message>
    <message>
        <source>Children&apos;s ages on the check-in day, separated by commas</source>
        <translation>Возраст детей на день заезда через запятую</translation>
    </message>
    <message>
        <source>Promo code</source>
        <translation>Промокод</translation>
    </message>
    <message>
        <source>Guest:</source>
        <translation>Гость:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Даты:</translation>
    </message>
    <message>
        <source>children&apos;s ages:</source>
        <translation>возраст детей:</translation>
    </message>
    <message>
        <source>Adults:</source>
        <translation>Взрослых:</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>Программа:</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Скидка:</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Корпус</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>Поставить в бронь</translation>
    </message>
    <message numerus="yes">
        <source>Holds the room for %n hour(s); prepayment confirms it</source>
        <translation>
            <numerusform>Номер держится %n час; предоплата подтверждает бронь</numerusform>
            <numerusform>Номер держится %n часа; предоплата подтверждает бронь</numerusform>
            <numerusform>Номер держится %n часов; предоплата подтверждает бронь</numerusform>
        </translation>
    </message>
    <message>
        <source>Free rooms, best first:</source>
        <translation>Свободные номера, лучшие сверху:</translation>
    </message>
    <message numerus="yes">
        <source>%n night(s)</source>
        <translation>
            <numerusform>%n ночь</numerusform>
            <numerusform>%n ночи</numerusform>
            <numerusform>%n ночей</numerusform>
        </translation>
    </message>
    <message>
        <source>The chosen room does not fit this party or these dates; other rooms are listed.</source>
        <translation>Выбранный номер не подходит для этих гостей или дат; показаны другие номера.</translation>
    </message>
    <message>
        <source>%1 + %2 extra</source>
        <translation>%1 + %2 доп.</translation>
    </message>
    <message>
        <source>No free room fits this party on these dates.</source>
        <translation>На эти даты нет свободного номера для таких гостей.</translation>
    </message>
    <message>
        <source>Accommodation %1 · meals %2 · treatment %3</source>
        <translation>Проживание %1 · питание %2 · лечение %3</translation>
    </message>
    <message>
        <source> · discount −%1 (%2)</source>
        <translation> · скидка −%1 (%2)</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Total %1&lt;/b&gt;, prepayment from %2 to %3</source>
        <translation>&lt;br&gt;&lt;b&gt;Итого %1&lt;/b&gt;, предоплата от %2 до %3</translation>
    </message>
    <message>
        <source>Choose the guest first: type a name or a phone number.</source>
        <translation>Сначала выберите гостя: введите имя или номер телефона.</translation>
    </message>
</context>
<context>
    <name>kasp::booking::ui::BookingPanel</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Back to today (Home in the grid)</source>
        <translation>Вернуться к сегодняшнему дню (Home в шахматке)</translation>
    </message>
    <message>
        <source>Jump to a date</source>
        <translation>Перейти к дате</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Column width (+ and − in the grid)</source>
        <translation>Масштаб (+ и − в шахматке)</translation>
    </message>
    <message>
        <source>Book…</source>
        <translation>Забронировать…</translation>
    </message>
    <message>
        <source>Free rooms for the dates and party (or drag across free nights in the grid)</source>
        <translation>Свободные номера на даты и состав гостей (или протяните мышью по свободным ночам в шахматке)</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>бронь</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>подтверждена</translation>
    </message>
    <message>
        <source>prepaid</source>
        <translation>предоплата</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>оплачена</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>заселён</translation>
    </message>
    <message>
        <source>Move the booking</source>
        <translation>Перенос брони</translation>
    </message>
    <message>
        <source>Guest changed plans</source>
        <translation>Гость передумал</translation>
    </message>
    <message>
        <source>Not prepaid in time</source>
        <translation>Нет предоплаты в срок</translation>
    </message>
    <message>
        <source>Found cheaper elsewhere</source>
        <translation>Нашёл дешевле</translation>
    </message>
    <message>
        <source>Health reasons</source>
        <translation>По состоянию здоровья</translation>
    </message>
    <message>
        <source>Duplicate booking</source>
        <translation>Дубль брони</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>%1 rooms · %2 bookings in view</source>
        <translation>Номеров: %1 · броней в окне: %2</translation>
    </message>
    <message>
        <source>Loaded in %1 ms</source>
        <translation>Загружено за %1 мс</translation>
    </message>
    <message>
        <source>Your role views bookings but does not make them.</source>
        <translation>Ваша роль может смотреть брони, но не создавать их.</translation>
    </message>
    <message numerus="yes">
        <source>The room is on hold for %n hour(s).</source>
        <translation>
            <numerusform>Номер в брони на %n час.</numerusform>
            <numerusform>Номер в брони на %n часа.</numerusform>
            <numerusform>Номер в брони на %n часов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move the booking to %1 – %2 (%n night(s))?
New price: %3.</source>
        <translation>
            <numerusform>Перенести бронь на %1 – %2 (%n ночь)?
Новая стоимость: %3.</numerusform>
            <numerusform>Перенести бронь на %1 – %2 (%n ночи)?
Новая стоимость: %3.</numerusform>
            <numerusform>Перенести бронь на %1 – %2 (%n ночей)?
Новая стоимость: %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>The booking was moved.</source>
        <translation>Бронь перенесена.</translation>
    </message>
    <message>
        <source>Open the guest card</source>
        <translation>Открыть карточку гостя</translation>
    </message>
    <message>
        <source>Cancel the booking…</source>
        <translation>Отменить бронь…</translation>
    </message>
    <message>
        <source>Cancel the booking of %1</source>
        <translation>Отмена брони: %1</translation>
    </message>
    <message>
        <source>The booking was cancelled.</source>
        <translation>Бронь отменена.</translation>
    </message>
    <message>
        <source>Take out of service</source>
        <translation>Вывод из продажи</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>Ремонт</translation>
    </message>
    <message>
        <source>Conservation</source>
        <translation>Консервация</translation>
    </message>
    <message>
        <source>Reserved for staff</source>
        <translation>Резерв для сотрудников</translation>
    </message>
    <message numerus="yes">
        <source>%n unpaid hold(s) lapsed.</source>
        <translation>
            <numerusform>Снята %n неоплаченная бронь.</numerusform>
            <numerusform>Сняты %n неоплаченные брони.</numerusform>
            <numerusform>Снято %n неоплаченных броней.</numerusform>
        </translation>
    </message>
    <message>
        <source>Book these nights…</source>
        <translation>Забронировать эти ночи…</translation>
    </message>
    <message>
        <source>Take out of service…</source>
        <translation>Вывести из продажи…</translation>
    </message>
    <message>
        <source>Repairs, conservation: the room takes no bookings on these nights</source>
        <translation>Ремонт, консервация: на эти ночи номер не бронируется</translation>
    </message>
    <message>
        <source>Back in service</source>
        <translation>Вернуть в продажу</translation>
    </message>
    <message>
        <source>The room is back in service.</source>
        <translation>Номер снова в продаже.</translation>
    </message>
    <message>
        <source>Take a payment…</source>
        <translation>Принять оплату…</translation>
    </message>
    <message>
        <source>The payment was recorded.</source>
        <translation>Оплата записана.</translation>
    </message>
    <message>
        <source>

The nearest free room for these nights: %1 (%2, %3). Put it on hold?</source>
        <translation>

Ближайший свободный номер на эти ночи: %1 (%2, %3). Поставить его в бронь?</translation>
    </message>
    <message>
        <source>

No other room is free for these nights.</source>
        <translation>

Других свободных номеров на эти ночи нет.</translation>
    </message>
    <message>
        <source>The booking was not saved</source>
        <translation>Бронь не сохранена</translation>
    </message>
    <message>
        <source>Room %1 is on hold instead.</source>
        <translation>Вместо него в брони номер %1.</translation>
    </message>
    <message>
        <source>E-mail the voucher to the guest</source>
        <translation>Отправить ваучер гостю</translation>
    </message>
    <message>
        <source>Save the voucher as PDF…</source>
        <translation>Сохранить ваучер в PDF…</translation>
    </message>
    <message>
        <source>Online payment link for the guest…</source>
        <translation>Ссылка на онлайн-оплату для гостя…</translation>
    </message>
    <message>
        <source>The guest pays by card on the payment page; the payment is recorded by itself</source>
        <translation>Гость платит картой на странице оплаты; платёж проводится сам</translation>
    </message>
    <message numerus="yes">
        <source>%n stay(s) took place: the deal(s) moved to «stayed».</source>
        <translation>
            <numerusform>Состоялся %n заезд: сделка перенесена в «Заезд состоялся».</numerusform>
            <numerusform>Состоялось %n заезда: сделки перенесены в «Заезд состоялся».</numerusform>
            <numerusform>Состоялось %n заездов: сделки перенесены в «Заезд состоялся».</numerusform>
        </translation>
    </message>
    <message>
        <source>Your role reads the grid: bookings are made by consultants and the head of sales</source>
        <translation>Ваша роль только просматривает шахматку: бронируют консультанты и руководитель отдела продаж</translation>
    </message>
    <message numerus="yes">
        <source>Room %1: %n night(s), %2. To take out more nights, first select them in the grid with Shift+→ and open this menu on them.</source>
        <extracomment>%1 the room&apos;s number, %2 the nights as &quot;21 дек. – 22 дек. 2026&quot; (the last is the morning after)</extracomment>
        <translation>
            <numerusform>Номер %1: %n ночь, %2. Чтобы вывести больше ночей, сначала выделите их в шахматке (Shift+→) и откройте это меню на них.</numerusform>
            <numerusform>Номер %1: %n ночи, %2. Чтобы вывести больше ночей, сначала выделите их в шахматке (Shift+→) и откройте это меню на них.</numerusform>
            <numerusform>Номер %1: %n ночей, %2. Чтобы вывести больше ночей, сначала выделите их в шахматке (Shift+→) и откройте это меню на них.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Room %1 is out of service: %n night(s), %2.</source>
        <extracomment>%1 the room&apos;s number, %2 the nights as &quot;21 дек. – 22 дек. 2026&quot;</extracomment>
        <translation>
            <numerusform>Номер %1 выведен из продажи: %n ночь, %2.</numerusform>
            <numerusform>Номер %1 выведен из продажи: %n ночи, %2.</numerusform>
            <numerusform>Номер %1 выведен из продажи: %n ночей, %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::booking::ui::PaymentDialog</name>
    <message>
        <source>Take a payment</source>
        <translation>Приём оплаты</translation>
    </message>
    <message>
        <source>Prepayment from %1 to %2; %3 is due in all</source>
        <translation>Предоплата от %1 до %2; всего к оплате %3</translation>
    </message>
    <message>
        <source>Receipt or payment order number</source>
        <translation>Номер чека или платёжного поручения</translation>
    </message>
    <message>
        <source>%1 · %2 – %3&lt;br&gt;Total %4, paid %5, &lt;b&gt;due %6&lt;/b&gt;</source>
        <translation>%1 · %2 – %3&lt;br&gt;Стоимость %4, оплачено %5, &lt;b&gt;к оплате %6&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <source>Paid by:</source>
        <translation>Способ оплаты:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Документ:</translation>
    </message>
    <message>
        <source>Record the payment</source>
        <translation>Записать оплату</translation>
    </message>
</context>
<context>
    <name>kasp::booking::ui::RoomGrid</name>
    <message>
        <source>Free rooms by night:</source>
        <translation>Свободно по ночам:</translation>
    </message>
</context>
<context>
    <name>kasp::booking::ui::RoomGridWidget</name>
    <message>
        <source>on hold</source>
        <translation>в брони</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>подтверждена</translation>
    </message>
    <message>
        <source>prepaid</source>
        <translation>предоплата</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>оплачена</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>заселён</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <source>Room %1 is taken on some of these nights.</source>
        <translation>Номер %1 занят в некоторые из этих ночей.</translation>
    </message>
    <message>
        <source>%1, night of %2: %3 of %4 rooms free</source>
        <translation>%1, ночь на %2: свободно %3 из %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 – %3, %4 nights&lt;br&gt;%5 adults, %6 children&lt;br&gt;Status: %7&lt;br&gt;Total %8, paid %9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 – %3, ночей: %4&lt;br&gt;взрослых: %5, детей: %6&lt;br&gt;Статус: %7&lt;br&gt;Стоимость %8, оплачено %9</translation>
    </message>
    <message>
        <source>&lt;br&gt;Hold until %1</source>
        <translation>&lt;br&gt;Бронь до %1</translation>
    </message>
    <message>
        <source>Room %1 is out of service on this night.</source>
        <translation>Номер %1 выведен из продажи на эту ночь.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Out of service&lt;/b&gt;&lt;br&gt;%1 – %2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;Не в продаже&lt;/b&gt;&lt;br&gt;%1 – %2&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not saved: %1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Не сохранено: %1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&quot;color:#b91c1c&quot;&gt;Voucher not sent: %1&lt;/b&gt;&lt;br&gt;It is tried again by itself.</source>
        <translation>&lt;br&gt;&lt;b style=&quot;color:#b91c1c&quot;&gt;Ваучер не отправлен: %1&lt;/b&gt;&lt;br&gt;Программа повторит отправку сама.</translation>
    </message>
</context>
<context>
    <name>kasp::booking::ui::RoomStockDialog</name>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Мест</translation>
    </message>
    <message>
        <source>Extra beds</source>
        <translation>Доп. мест</translation>
    </message>
    <message>
        <source>Bed-night, ₽</source>
        <translation>Койко-день, ₽</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Корпус</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Этаж</translation>
    </message>
    <message>
        <source>Room stock</source>
        <translation>Номерной фонд</translation>
    </message>
    <message>
        <source>The bed-night price sells the category all year until seasons are entered (Tools → Tariffs and discounts)</source>
        <translation>По цене койко-дня категория продаётся круглый год, пока не заведены сезоны (Сервис → Тарифы и скидки)</translation>
    </message>
    <message>
        <source>Find a room number…</source>
        <translation>Найти номер…</translation>
    </message>
    <message>
        <source>Add building</source>
        <translation>Добавить корпус</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>Добавить категорию</translation>
    </message>
    <message>
        <source>Add room</source>
        <translation>Добавить номер</translation>
    </message>
    <message>
        <source>A room leaves sale from the grid: right-click → out of service</source>
        <translation>Номер снимается с продажи в шахматке: правая кнопка → вывести из эксплуатации</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Номера</translation>
    </message>
    <message>
        <source>Places: main beds; extra: folding beds, sofas</source>
        <translation>Мест — основные места; доп. — раскладушки, диваны</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Категории</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>Корпуса</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Building %1</source>
        <translation>Корпус %1</translation>
    </message>
</context>
<context>
    <name>kasp::booking::ui::SeasonForm</name>
    <message>
        <source>Meals, ₽ per person per night</source>
        <translation>Питание, ₽ с человека за ночь</translation>
    </message>
    <message>
        <source>Breakfast</source>
        <translation>Завтрак</translation>
    </message>
    <message>
        <source>Half board</source>
        <translation>Полупансион</translation>
    </message>
    <message>
        <source>Full board</source>
        <translation>Полный пансион</translation>
    </message>
    <message>
        <source>Treatment programmes, ₽ per person per night</source>
        <translation>Программы лечения, ₽ с человека за ночь</translation>
    </message>
    <message>
        <source>General health</source>
        <translation>Общетерапевтическая</translation>
    </message>
    <message>
        <source>Cardiology</source>
        <translation>Кардиология</translation>
    </message>
    <message>
        <source>Neurology</source>
        <translation>Неврология</translation>
    </message>
    <message>
        <source>Musculoskeletal</source>
        <translation>Опорно-двигательный аппарат</translation>
    </message>
    <message>
        <source>Digestive</source>
        <translation>Пищеварение</translation>
    </message>
    <message>
        <source>Respiratory</source>
        <translation>Органы дыхания</translation>
    </message>
    <message>
        <source>Ticked: the season sells it</source>
        <translation>Отмечено — продаётся в этом сезоне</translation>
    </message>
    <message>
        <source>0 ₽: included in the bed-night price</source>
        <translation>0 ₽ — входит в цену койко-дня</translation>
    </message>
    <message>
        <source>Season «%1»: meals and programmes</source>
        <translation>Сезон «%1»: питание и программы</translation>
    </message>
    <message>
        <source>Choose a season to see its meals and programmes</source>
        <translation>Выберите сезон, чтобы увидеть питание и программы</translation>
    </message>
</context>
<context>
    <name>kasp::booking::ui::TariffEditorDialog</name>
    <message>
        <source>Season</source>
        <translation>Сезон</translation>
    </message>
    <message>
        <source>First night</source>
        <translation>Первая ночь</translation>
    </message>
    <message>
        <source>Last night</source>
        <translation>Последняя ночь</translation>
    </message>
    <message>
        <source>Main bed, ₽</source>
        <translation>Осн. место, ₽</translation>
    </message>
    <message>
        <source>Extra bed, ₽</source>
        <translation>Доп. место, ₽</translation>
    </message>
    <message>
        <source>Min. nights</source>
        <translation>Мин. ночей</translation>
    </message>
    <message>
        <source>From age</source>
        <translation>С возраста</translation>
    </message>
    <message>
        <source>To age</source>
        <translation>По возраст</translation>
    </message>
    <message>
        <source>% of the adult price</source>
        <translation>% от цены взрослого</translation>
    </message>
    <message>
        <source>Own bed</source>
        <translation>Своё место</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>From nights</source>
        <translation>От ночей</translation>
    </message>
    <message>
        <source>Promo code</source>
        <translation>Промокод</translation>
    </message>
    <message>
        <source>Check-in from</source>
        <translation>Заезд с</translation>
    </message>
    <message>
        <source>Check-in to</source>
        <translation>Заезд по</translation>
    </message>
    <message>
        <source>Returning guest</source>
        <translation>Постоянный гость</translation>
    </message>
    <message>
        <source>Long stay</source>
        <translation>Длительное проживание</translation>
    </message>
    <message>
        <source>Tariffs and discounts</source>
        <translation>Тарифы и скидки</translation>
    </message>
    <message>
        <source>Prices per person per night. A stay is priced night by night by the season each night falls in; the longest minimum stay among them applies.</source>
        <translation>Цены с человека за ночь. Каждая ночь считается по своему сезону; действует наибольший минимальный срок из затронутых сезонов.</translation>
    </message>
    <message>
        <source>Discounts do not add up: the largest one a stay qualifies for applies</source>
        <translation>Скидки не суммируются: действует наибольшая из подходящих</translation>
    </message>
    <message>
        <source>Age on the check-in day. Ages no rule covers pay as adults.</source>
        <translation>Возраст на день заезда. Возраст вне правил оплачивается как взрослый.</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Удалить правило</translation>
    </message>
    <message>
        <source>Remove discount</source>
        <translation>Удалить скидку</translation>
    </message>
    <message>
        <source>Room category:</source>
        <translation>Категория номеров:</translation>
    </message>
    <message>
        <source>Add season</source>
        <translation>Добавить сезон</translation>
    </message>
    <message>
        <source>Copy to next year</source>
        <translation>Копировать на следующий год</translation>
    </message>
    <message>
        <source>Remove season</source>
        <translation>Удалить сезон</translation>
    </message>
    <message>
        <source>Seasons</source>
        <translation>Сезоны</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Добавить правило</translation>
    </message>
    <message>
        <source>Children pay a share of the adult price of the bed, meals and programme. Without their own bed they sleep with the parents and pay no accommodation.</source>
        <translation>Дети платят долю от цены взрослого за место, питание и лечение. Без своего места ребёнок спит с родителями и не платит за проживание.</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Дети</translation>
    </message>
    <message>
        <source>Add discount</source>
        <translation>Добавить скидку</translation>
    </message>
    <message>
        <source>Promo code dates limit the check-in day (dd.mm.yyyy); leave them empty for no limit.</source>
        <translation>Даты промокода ограничивают день заезда (дд.мм.гггг); пустые — без ограничения.</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Скидки</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>No seasons yet: «%1» sells all year at its bed-night price, %2, every meal plan and programme included.</source>
        <translation>Сезонов пока нет: «%1» продаётся круглый год по цене койко-дня %2, питание и любая программа включены.</translation>
    </message>
    <message>
        <source>Nights outside these seasons cannot be sold in «%1».</source>
        <translation>Ночи вне этих сезонов в «%1» не продаются.</translation>
    </message>
    <message>
        <source>Season from %1</source>
        <translation>Сезон с %1</translation>
    </message>
    <message>
        <source>Discount %1: write dates as 01.06.2027, or leave them empty</source>
        <translation>Скидка %1: пишите даты как 01.06.2027 или оставьте пустыми</translation>
    </message>
</context>
<context>
    <name>kasp::crm</name>
    <message>
        <source>The guest no longer exists.</source>
        <translation>Этого гостя больше нет в базе.</translation>
    </message>
    <message>
        <source>Missed call from %1</source>
        <translation>Пропущенный звонок с %1</translation>
    </message>
    <message>
        <source>Call declined</source>
        <translation>Звонок отклонён</translation>
    </message>
    <message>
        <source>The line was busy</source>
        <translation>Линия была занята</translation>
    </message>
    <message>
        <source>The call did not go through</source>
        <translation>Звонок не прошёл</translation>
    </message>
    <message>
        <source>Put through to %1</source>
        <translation>Переведён на %1</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Экспорт отменён, файл не записан.</translation>
    </message>
    <message>
        <source>An Excel sheet holds at most %L1 rows. Export this list as CSV.</source>
        <translation>Лист Excel вмещает не больше %L1 строк. Выгрузите этот список в CSV.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>the old file cannot be replaced (is it open in Excel?)</source>
        <translation>старый файл нельзя заменить (он открыт в Excel?)</translation>
    </message>
    <message>
        <source>the file cannot be renamed</source>
        <translation>файл нельзя переименовать</translation>
    </message>
    <message>
        <source>Call back: missed call from %1</source>
        <translation>Перезвонить: пропущенный звонок, %1</translation>
    </message>
</context>
<context>
    <name>kasp::crm::DealService</name>
    <message>
        <source>Give the deal a title.</source>
        <translation>Дайте сделке название.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Сумма не может быть отрицательной.</translation>
    </message>
    <message>
        <source>Two stages have the key &quot;%1&quot;.</source>
        <translation>У двух этапов один ключ «%1».</translation>
    </message>
    <message>
        <source>Too expensive</source>
        <translation>Дорого</translation>
    </message>
    <message>
        <source>No rooms on their dates</source>
        <translation>Нет мест на их даты</translation>
    </message>
    <message>
        <source>Chose another sanatorium</source>
        <translation>Выбрали другой санаторий</translation>
    </message>
    <message>
        <source>Could not reach the guest</source>
        <translation>Не дозвонились</translation>
    </message>
    <message>
        <source>Changed their plans</source>
        <translation>Передумали ехать</translation>
    </message>
    <message>
        <source>Treatment is contraindicated</source>
        <translation>Лечение противопоказано</translation>
    </message>
</context>
<context>
    <name>kasp::crm::DuplicateService</name>
    <message>
        <source>This card no longer exists: it was merged or deleted (perhaps on another computer).</source>
        <translation>Этой карточки больше нет: её объединили или удалили (возможно, на другом компьютере).</translation>
    </message>
</context>
<context>
    <name>kasp::crm::GuestExportSource</name>
    <message>
        <source>Guest</source>
        <translation>Гость</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>In the base since</source>
        <translation>В базе с</translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation>Согласие: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
</context>
<context>
    <name>kasp::crm::GuestImporter</name>
    <message>
        <source>&quot;%1&quot; is not a phone number</source>
        <translation>«%1» — не номер телефона</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address</source>
        <translation>«%1» — не адрес e-mail</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date</source>
        <translation>«%1» — не дата</translation>
    </message>
    <message>
        <source>No user &quot;%1&quot;: add them first or skip this column</source>
        <translation>Нет пользователя «%1»: сначала добавьте его или пропустите этот столбец</translation>
    </message>
    <message>
        <source>The phone %1 is also on line %2</source>
        <translation>Телефон %1 уже есть в строке %2</translation>
    </message>
    <message>
        <source>(skip)</source>
        <translation>(пропустить)</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка файла</translation>
    </message>
    <message>
        <source>Card created</source>
        <translation>Карточка создана</translation>
    </message>
    <message>
        <source>Comment (a note)</source>
        <translation>Комментарий (в заметку)</translation>
    </message>
    <message>
        <source>Source (UTM)</source>
        <translation>Источник (UTM)</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>импортирован</translation>
    </message>
    <message>
        <source>Consent to advertising</source>
        <translation>Согласие на рекламу</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither yes nor no (consent to advertising)</source>
        <translation>«%1» — ни «да», ни «нет» (согласие на рекламу)</translation>
    </message>
    <message>
        <source>ok: %1</source>
        <translation>ок: %1</translation>
    </message>
    <message>
        <source>The row&apos;s phones belong to several guests: %1. Merge them first</source>
        <translation>Телефоны строки принадлежат разным гостям: %1. Сначала объедините их</translation>
    </message>
    <message>
        <source>Already in the base: the phone %1 belongs to %2</source>
        <translation>Уже в базе: телефон %1 принадлежит гостю %2</translation>
    </message>
    <message>
        <source>completes the card: %1</source>
        <translation>дополнит карточку: %1</translation>
    </message>
    <message>
        <source>already in the base, nothing new: %1</source>
        <translation>уже в базе, нового нет: %1</translation>
    </message>
</context>
<context>
    <name>kasp::crm::GuestService</name>
    <message>
        <source>Write the note first.</source>
        <translation>Сначала напишите заметку.</translation>
    </message>
    <message>
        <source>A note is at most 2,000 characters; this one has %1.</source>
        <translation>Заметка — не больше 2000 символов, а в этой %1.</translation>
    </message>
    <message>
        <source>Pick at least one channel.</source>
        <translation>Отметьте хотя бы один канал.</translation>
    </message>
</context>
<context>
    <name>kasp::crm::TaskService</name>
    <message>
        <source>Say what is to be done.</source>
        <translation>Опишите, что нужно сделать.</translation>
    </message>
    <message>
        <source>Choose when it is due.</source>
        <translation>Укажите срок.</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>Перезвонили</translation>
    </message>
    <message>
        <source>Called back, not reached</source>
        <translation>Не дозвонились</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui</name>
    <message>
        <source>Incoming call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <source>Outgoing call</source>
        <translation>Исходящий звонок</translation>
    </message>
    <message>
        <source>Missed call</source>
        <translation>Пропущенный звонок</translation>
    </message>
    <message>
        <source>Web request</source>
        <translation>Заявка с сайта</translation>
    </message>
    <message>
        <source>Callback request</source>
        <translation>Заказ обратного звонка</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Бронирование</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>предварительная</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>подтверждена</translation>
    </message>
    <message>
        <source>prepaid</source>
        <translation>предоплачена</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>оплачена</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>заезд состоялся</translation>
    </message>
    <message>
        <source>Deal stage</source>
        <translation>Этап сделки</translation>
    </message>
    <message>
        <source>talked</source>
        <translation>разговор</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>без ответа</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <source>line busy</source>
        <translation>занято</translation>
    </message>
    <message>
        <source>did not go through</source>
        <translation>не прошёл</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::CallBackResultDialog</name>
    <message>
        <source>&amp;Reached, we talked</source>
        <translation>&amp;Дозвонились, поговорили</translation>
    </message>
    <message>
        <source>&amp;Not reached: call again tomorrow</source>
        <translation>&amp;Не дозвонились: перезвонить завтра</translation>
    </message>
    <message>
        <source>How did the call end?</source>
        <translation>Чем закончился звонок?</translation>
    </message>
    <message>
        <source>What the guest said: dates, wishes, why not now</source>
        <translation>Что сказал гость: даты, пожелания, почему не сейчас</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::ConsentDialog</name>
    <message>
        <source>Consent given</source>
        <translation>Согласие дано</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Согласие отозвано</translation>
    </message>
    <message>
        <source>Consent to advertising — %1</source>
        <translation>Согласие на рекламу — %1</translation>
    </message>
    <message>
        <source>The guest asked not to be sent advertising: the earlier consent stays in the history, no mailing or advertising call reaches them</source>
        <translation>Гость просит не присылать рекламу: прежнее согласие остаётся в истории, рассылки и рекламные звонки до него не дойдут</translation>
    </message>
    <message>
        <source>How the guest said it: the law asks for proof of consent</source>
        <translation>Как гость это сказал: закон требует подтверждения согласия</translation>
    </message>
    <message>
        <source>What the guest said, the form&apos;s number…</source>
        <translation>Что сказал гость, номер анкеты…</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Каналы:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Ответ:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>Как:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Advertising: %1</source>
        <translation>Реклама: %1</translation>
    </message>
    <message>
        <source>%1: never asked</source>
        <translation>%1: не спрашивали</translation>
    </message>
    <message>
        <source>%1: given %2, %3%4</source>
        <translation>%1: согласие дано %2, %3%4</translation>
    </message>
    <message>
        <source>%1: withdrawn %2, %3%4</source>
        <translation>%1: согласие отозвано %2, %3%4</translation>
    </message>
    <message>
        <source>Advertising by SMS, e-mail and calls needs the guest&apos;s consent (38-ФЗ, art. 18).</source>
        <translation>Реклама по SMS, e-mail и звонками — только с согласия гостя (38-ФЗ, ст. 18).</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::DealBoardPanel</name>
    <message>
        <source>Board</source>
        <translation>Доска</translation>
    </message>
    <message>
        <source>Deals as cards in a column per stage; drag a card to move the deal</source>
        <translation>Сделки карточками по этапам; перетащите карточку, чтобы перенести сделку</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>The same deals as a table, sortable by any column</source>
        <translation>Те же сделки таблицей, сортировка по любому столбцу</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Read the deals again (F5)</source>
        <translation>Перечитать сделки (F5)</translation>
    </message>
    <message>
        <source>Undo move</source>
        <translation>Отменить перенос</translation>
    </message>
    <message>
        <source>Move the last moved deal back (Ctrl+Z)</source>
        <translation>Вернуть последнюю перенесённую сделку назад (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Pipeline stages…</source>
        <translation>Этапы воронки…</translation>
    </message>
    <message>
        <source>Rename, order, hide or add the stages of the sales pipeline</source>
        <translation>Переименовать, упорядочить, скрыть или добавить этапы воронки продаж</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Гость</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>At the stage</source>
        <translation>На этапе</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>скрыт</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln сделка</numerusform>
            <numerusform>%Ln сделки</numerusform>
            <numerusform>%Ln сделок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deals that arrived here in the last %n day(s).</source>
        <translation>
            <numerusform>Сделки, пришедшие сюда за последний %n день.</numerusform>
            <numerusform>Сделки, пришедшие сюда за последние %n дня.</numerusform>
            <numerusform>Сделки, пришедшие сюда за последние %n дней.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open deals: %L1 for %2</source>
        <translation>Открытых сделок: %L1 на %2</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Сделка потеряна</translation>
    </message>
    <message>
        <source>Why was the deal lost?</source>
        <translation>Почему сделка потеряна?</translation>
    </message>
    <message>
        <source>Open the guest&apos;s card</source>
        <translation>Открыть карточку гостя</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Перенести на этап</translation>
    </message>
    <message>
        <source>The %1 most recently moved are shown as cards; scrolling to the end shows more.</source>
        <translation>Карточками показаны %1 последних по времени перемещения; прокрутите до конца, чтобы увидеть ещё.</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::DealColumnModel</name>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Manager: %1</source>
        <translation>Менеджер: %1</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>Отказ: %1</translation>
    </message>
    <message>
        <source>Enter opens the guest&apos;s card; Ctrl+→ / Ctrl+← moves the deal to the next or previous stage</source>
        <translation>Enter открывает карточку гостя; Ctrl+→ / Ctrl+← переносит сделку на следующий или предыдущий этап</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::DuplicatesDialog</name>
    <message>
        <source>same phone</source>
        <translation>тот же телефон</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>тот же e-mail</translation>
    </message>
    <message>
        <source>same name and birth date</source>
        <translation>те же имя и дата рождения</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Объединить</translation>
    </message>
    <message>
        <source>&amp;Not a duplicate</source>
        <translation>&amp;Не дубль</translation>
    </message>
    <message>
        <source>&amp;Swap sides</source>
        <translation>&amp;Поменять местами</translation>
    </message>
    <message>
        <source>Search &amp;again</source>
        <translation>Искать &amp;снова</translation>
    </message>
    <message>
        <source>Merge cards</source>
        <translation>Объединение карточек</translation>
    </message>
    <message>
        <source>Duplicate guest cards</source>
        <translation>Дубли карточек гостей</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>Похожа на</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Совпадает</translation>
    </message>
    <message>
        <source>Everything of the right-hand card (calls, bookings, deals, tasks) moves to the left-hand one, which stays (Ctrl+M)</source>
        <translation>Всё из правой карточки (звонки, брони, сделки, задачи) переходит в левую, она остаётся (Ctrl+M)</translation>
    </message>
    <message>
        <source>Two different people (a family sharing one phone): not offered again</source>
        <translation>Это разные люди (например, семья с одним телефоном): пара больше не предлагается</translation>
    </message>
    <message>
        <source>Keep the right-hand card instead</source>
        <translation>Оставить правую карточку вместо левой</translation>
    </message>
    <message>
        <source>Search the whole base again (F5)</source>
        <translation>Заново проверить всю базу (F5)</translation>
    </message>
    <message>
        <source>Looking for duplicate cards…</source>
        <translation>Поиск дублей карточек…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>No likely duplicates in the base.</source>
        <translation>Похожих карточек в базе нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) of cards look like one person.</source>
        <translation>
            <numerusform>%n пара карточек похожа на одного человека.</numerusform>
            <numerusform>%n пары карточек похожи на одного человека.</numerusform>
            <numerusform>%n пар карточек похожи на одного человека.</numerusform>
        </translation>
    </message>
    <message>
        <source>This card and one that looks like it.</source>
        <translation>Эта карточка и похожая на неё.</translation>
    </message>
    <message>
        <source>Merge «%1» into «%2»?

Its calls, bookings, deals and tasks (%3) move to «%2», and the card «%1» is deleted. This cannot be undone.</source>
        <translation>Объединить «%1» с «%2»?

Звонки, брони, сделки и задачи (%3) перейдут к «%2», а карточка «%1» будет удалена. Отменить это нельзя.</translation>
    </message>
    <message>
        <source>Merged into «%1».</source>
        <translation>Объединено в «%1».</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::GuestCardPanel</name>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Find a guest by phone or surname (Ctrl+K),
or create a new one (Ctrl+N).</source>
        <translation>Найдите гостя по телефону или фамилии (Ctrl+K)
или создайте нового (Ctrl+N).</translation>
    </message>
    <message>
        <source>Edit the guest&apos;s name, contacts and tags (Ctrl+E)</source>
        <translation>Изменить имя, контакты и теги гостя (Ctrl+E)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message numerus="yes">
        <source>born %1 (%n years)</source>
        <translation>
            <numerusform>род. %1 (%n год)</numerusform>
            <numerusform>род. %1 (%n года)</numerusform>
            <numerusform>род. %1 (%n лет)</numerusform>
        </translation>
    </message>
    <message>
        <source>no manager</source>
        <translation>менеджер не назначен</translation>
    </message>
    <message>
        <source>manager: %1</source>
        <translation>менеджер: %1</translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation>теги: %1</translation>
    </message>
    <message>
        <source>no contacts</source>
        <translation>нет контактов</translation>
    </message>
    <message numerus="yes">
        <source>%n stay(s)</source>
        <translation>
            <numerusform>%n заезд</numerusform>
            <numerusform>%n заезда</numerusform>
            <numerusform>%n заездов</numerusform>
        </translation>
    </message>
    <message>
        <source>paid %1</source>
        <translation>оплачено %1</translation>
    </message>
    <message numerus="yes">
        <source>%n touch(es)</source>
        <translation>
            <numerusform>%n касание</numerusform>
            <numerusform>%n касания</numerusform>
            <numerusform>%n касаний</numerusform>
        </translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Every touch, stay, deal and task</source>
        <translation>Все касания, проживания, сделки и задачи</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <source>Incoming, outgoing and missed calls</source>
        <translation>Входящие, исходящие и пропущенные звонки</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Заявки</translation>
    </message>
    <message>
        <source>Web requests and callback requests</source>
        <translation>Заявки с сайта и заказы обратного звонка</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>Проживания</translation>
    </message>
    <message>
        <source>Stays and bookings</source>
        <translation>Проживания и бронирования</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Sales attempts and their stages</source>
        <translation>Попытки продажи и их этапы</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Tasks about this guest</source>
        <translation>Задачи по этому гостю</translation>
    </message>
    <message>
        <source>Book…</source>
        <translation>Забронировать…</translation>
    </message>
    <message>
        <source>Free rooms for this guest&apos;s dates and party (Ctrl+B)</source>
        <translation>Свободные номера на даты и состав гостей (Ctrl+B)</translation>
    </message>
    <message>
        <source>first: %1, %2</source>
        <translation>впервые: %1, %2</translation>
    </message>
    <message>
        <source>last talked to %1 (%2)</source>
        <translation>последний разговор: %1 (%2)</translation>
    </message>
    <message>
        <source>Calls of this guest go best to whoever talked to them last</source>
        <translation>Звонок этого гостя лучше передать тому, кто говорил с ним последним</translation>
    </message>
    <message>
        <source>deal «%1»: %2</source>
        <translation>сделка «%1»: %2</translation>
    </message>
    <message>
        <source>task «%1» by %2</source>
        <translation>задача «%1» до %2</translation>
    </message>
    <message>
        <source>nothing open</source>
        <translation>открытых сделок и задач нет</translation>
    </message>
    <message>
        <source>Another card may belong to this person: compare them and merge</source>
        <translation>Возможно, у этого человека есть ещё одна карточка: сравните и объедините</translation>
    </message>
    <message>
        <source>Looks like:</source>
        <translation>Похоже на:</translation>
    </message>
    <message>
        <source>Undo the change</source>
        <translation>Отменить изменение</translation>
    </message>
    <message>
        <source>Put the card back as it was before the last edit (Ctrl+Z in the card)</source>
        <translation>Вернуть карточку к виду до последнего изменения (Ctrl+Z в карточке)</translation>
    </message>
    <message>
        <source>Task…</source>
        <translation>Задача…</translation>
    </message>
    <message>
        <source>A task about this guest: call back, send an offer, remind (Ctrl+T)</source>
        <translation>Задача по этому гостю: перезвонить, отправить предложение, напомнить (Ctrl+T)</translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation>источник: %1</translation>
    </message>
    <message>
        <source>A note for the history: what the guest said, what they want (Enter)</source>
        <translation>Заметка в историю: что сказал гость, чего хочет (Enter)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Notes, e-mails and messages</source>
        <translation>Заметки, письма и сообщения</translation>
    </message>
    <message>
        <source>Click a number to call it</source>
        <translation>Нажмите на номер, чтобы позвонить</translation>
    </message>
    <message>
        <source>booking %1–%2: %3</source>
        <translation>бронь %1–%2: %3</translation>
    </message>
    <message>
        <source>Not bought yet</source>
        <translation>Покупок ещё не было</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Потерянный</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>Перспективный</translation>
    </message>
    <message>
        <source>One-time</source>
        <translation>Разовый</translation>
    </message>
    <message>
        <source>Segment: has not paid for a stay yet (a hold or a call is not a purchase)</source>
        <translation>Сегмент: ещё не оплатил ни одной путёвки (бронь без предоплаты или звонок — не покупка)</translation>
    </message>
    <message numerus="yes">
        <source>Segment by recency, frequency and money: %n stay(s) bought, %1 in all, the latest bought %2.
VIP and lost: %3+ stays or %4; VIP and promising bought this year or last.</source>
        <translation>
            <numerusform>Сегмент по давности, частоте и сумме (RFM): куплена %n путёвка на %1, последняя покупка %2.
VIP и потерянные: от %3 путёвок или от %4; VIP и перспективные покупали в этом или прошлом году.</numerusform>
            <numerusform>Сегмент по давности, частоте и сумме (RFM): куплено %n путёвки на %1, последняя покупка %2.
VIP и потерянные: от %3 путёвок или от %4; VIP и перспективные покупали в этом или прошлом году.</numerusform>
            <numerusform>Сегмент по давности, частоте и сумме (RFM): куплено %n путёвок на %1, последняя покупка %2.
VIP и потерянные: от %3 путёвок или от %4; VIP и перспективные покупали в этом или прошлом году.</numerusform>
        </translation>
    </message>
    <message>
        <source>Consent…</source>
        <translation>Согласие…</translation>
    </message>
    <message>
        <source>Record the guest&apos;s consent to advertising by SMS, e-mail, calls or ads audiences — or its withdrawal</source>
        <translation>Записать согласие гостя на рекламу по SMS, e-mail, звонками или в рекламных аудиториях — или его отзыв</translation>
    </message>
    <message>
        <source>Only those who talk to guests record their consent: your role reads it</source>
        <translation>Согласие записывают те, кто говорит с гостями: вашей роли оно видно только для чтения</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n ahead</source>
        <translation>
            <numerusform>ещё %n впереди</numerusform>
            <numerusform>ещё %n впереди</numerusform>
            <numerusform>ещё %n впереди</numerusform>
        </translation>
    </message>
    <message>
        <source>Find a guest by phone or surname (Ctrl+K).</source>
        <translation>Найдите гостя по телефону или фамилии (Ctrl+K).</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::GuestEditDialog</name>
    <message>
        <source>New guest</source>
        <translation>Новый гость</translation>
    </message>
    <message>
        <source>Guest: %1</source>
        <translation>Гость: %1</translation>
    </message>
    <message>
        <source>One number per line, in any format: 8 916 123-45-67, +7 (916) 1234567 доб. 12</source>
        <translation>По одному номеру в строке, в любом формате: 8 916 123-45-67, +7 (916) 1234567 доб. 12</translation>
    </message>
    <message>
        <source>comma-separated, e.g. кардиология, с ребёнком</source>
        <translation>через запятую, например: кардиология, с ребёнком</translation>
    </message>
    <message>
        <source>— nobody —</source>
        <translation>— не назначен —</translation>
    </message>
    <message>
        <source>&amp;Surname:</source>
        <translation>&amp;Фамилия:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Patronymic:</source>
        <translation>&amp;Отчество:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>&amp;Дата рождения:</translation>
    </message>
    <message>
        <source>P&amp;hones:</source>
        <translation>&amp;Телефоны:</translation>
    </message>
    <message>
        <source>&amp;E-mails:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>Те&amp;ги:</translation>
    </message>
    <message>
        <source>&amp;Manager:</source>
        <translation>&amp;Менеджер:</translation>
    </message>
    <message>
        <source>«%1»: %2</source>
        <translation>«%1»: %2</translation>
    </message>
    <message>
        <source>«%1» is not an e-mail address</source>
        <translation>«%1» — это не адрес e-mail</translation>
    </message>
    <message>
        <source>%1 already belongs to %2</source>
        <translation>Номер %1 уже указан в карточке гостя: %2</translation>
    </message>
    <message>
        <source>The birth date is known</source>
        <translation>Дата рождения известна</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>open their card instead</source>
        <translation>открыть эту карточку вместо новой</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::GuestImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Save the report…</source>
        <translation>Сохранить отчёт…</translation>
    </message>
    <message>
        <source>Import guests — %1</source>
        <translation>Импорт гостей — %1</translation>
    </message>
    <message>
        <source>%1 columns, encoding %2, separator &quot;%3&quot;. Choose what each column holds; rows with problems are left out and listed after the import.</source>
        <translation>Столбцов: %1, кодировка %2, разделитель «%3». Укажите, что содержит каждый столбец; строки с ошибками не импортируются и будут перечислены после импорта.</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>табуляция</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Why it was left out</source>
        <translation>Почему не импортирована</translation>
    </message>
    <message>
        <source>The rows left out with their reasons, as a CSV file for Excel</source>
        <translation>Неимпортированные строки с причинами — файлом CSV для Excel</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>What the column &quot;%1&quot; holds</source>
        <translation>Что содержит столбец «%1»</translation>
    </message>
    <message>
        <source>Importing guests…</source>
        <translation>Импорт гостей…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Ничего не импортировано: %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Отменено: ничего не импортировано.</translation>
    </message>
    <message>
        <source>Imported %1 of %2 rows. Left out: %3.</source>
        <translation>Импортировано %1 из %2 строк. Не импортировано: %3.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <source>import problems.csv</source>
        <translation>ошибки импорта.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Не удалось сохранить %1: %2</translation>
    </message>
    <message>
        <source>leave the row out</source>
        <translation>пропустить строку</translation>
    </message>
    <message>
        <source>complete their card</source>
        <translation>дополнить его карточку</translation>
    </message>
    <message>
        <source>A row whose phone is already in the base: leave it out, or fill the card&apos;s empty fields and add its phones, e-mails and tags (nothing is overwritten)</source>
        <translation>Строка с телефоном, который уже есть в базе: пропустить её или заполнить пустые поля карточки и добавить телефоны, e-mail и теги (ничего не перезаписывается)</translation>
    </message>
    <message>
        <source>A guest already in the base:</source>
        <translation>Если гость уже есть в базе:</translation>
    </message>
    <message>
        <source>Manager in the file, not a user here</source>
        <translation>Ответственный в файле (нет среди пользователей)</translation>
    </message>
    <message>
        <source>Their guests go to</source>
        <translation>Его гости переходят к</translation>
    </message>
    <message>
        <source>no manager</source>
        <translation>без менеджера</translation>
    </message>
    <message>
        <source>Whose guests the rows of &quot;%1&quot; become</source>
        <translation>Чьими гостями станут строки «%1»</translation>
    </message>
    <message>
        <source>Of %1 rows: %2 new guests, %3 cards of the base completed, %4 already had everything. Left out: %5.</source>
        <translation>Из %1 строк: новых гостей — %2, дополнено карточек — %3, уже всё было — %4. Пропущено: %5.</translation>
    </message>
    <message>
        <source>Column holds:</source>
        <translation>Что в столбце:</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::GuestListModel</name>
    <message>
        <source>Guest</source>
        <translation>Гость</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>In the base since</source>
        <translation>В базе с</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::GuestListPanel</name>
    <message>
        <source>Type the beginning of a surname to jump to it; Enter opens the card</source>
        <translation>Наберите начало фамилии, чтобы перейти к ней; Enter открывает карточку</translation>
    </message>
    <message>
        <source>Reading the alphabetical index: until it is done, far pages show &quot;…&quot; for a moment</source>
        <translation>Читается алфавитный указатель: пока он не готов, дальние страницы на миг показывают «…»</translation>
    </message>
    <message numerus="yes">
        <source>%Ln guest(s) in the base, alphabetically</source>
        <translation>
            <numerusform>В базе %Ln гость, по алфавиту</numerusform>
            <numerusform>В базе %Ln гостя, по алфавиту</numerusform>
            <numerusform>В базе %Ln гостей, по алфавиту</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the card	Enter</source>
        <translation>Открыть карточку	Enter</translation>
    </message>
    <message>
        <source>Call %1	Ctrl+Enter</source>
        <translation>Позвонить %1	Ctrl+Enter</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Show every guest again</source>
        <translation>Снова показать всех гостей</translation>
    </message>
    <message>
        <source>Guests shown: %1 (filtered)</source>
        <translation>Показано гостей: %1 (по фильтрам)</translation>
    </message>
    <message>
        <source>Surname or phone…</source>
        <translation>Фамилия или телефон…</translation>
    </message>
    <message>
        <source>My guests</source>
        <translation>Мои гости</translation>
    </message>
    <message>
        <source>The guests whose manager you are</source>
        <translation>Гости, у которых вы менеджер</translation>
    </message>
    <message>
        <source>Birthday this month</source>
        <translation>День рождения в этом месяце</translation>
    </message>
    <message>
        <source>any</source>
        <translation>любой</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Тег:</translation>
    </message>
    <message>
        <source>all guests</source>
        <translation>все гости</translation>
    </message>
    <message>
        <source>regular guests (stayed with us)</source>
        <translation>постоянные гости (уже отдыхали)</translation>
    </message>
    <message>
        <source>a stay ahead</source>
        <translation>заезд впереди</translation>
    </message>
    <message>
        <source>never stayed yet</source>
        <translation>ещё не отдыхали</translation>
    </message>
    <message>
        <source>Stays counted as the guest&apos;s card counts them. RFM segments (VIP, lost, …) come with the analysis of the base.</source>
        <translation>Заезды считаются так же, как в карточке гостя. Сегменты RFM (VIP, потерянные, …) появятся вместе с анализом базы.</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Сегмент:</translation>
    </message>
    <message>
        <source>Last stay from</source>
        <translation>Последний заезд с</translation>
    </message>
    <message>
        <source>The arrival of the guest&apos;s latest stay that took place falls in these days</source>
        <translation>Последний состоявшийся заезд гостя пришёлся на эти дни</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Birth month: %1, any year</source>
        <translation>Месяц рождения: %1, год любой</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::GuestSearchModel</name>
    <message>
        <source>%1, born %2</source>
        <translation>%1, род. %2</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::GuestSearchPanel</name>
    <message>
        <source>Phone or surname (Ctrl+K)</source>
        <translation>Телефон или фамилия (Ctrl+K)</translation>
    </message>
    <message>
        <source>Nobody found. Ctrl+N creates a guest.</source>
        <translation>Никого не нашли. Ctrl+N — новый гость.</translation>
    </message>
    <message>
        <source>Found: %1%2 (%3 ms)</source>
        <translation>Найдено: %1%2 (%3 мс)</translation>
    </message>
    <message>
        <source>A phone number (any format, or its last digits), the beginning of a surname (also typed on the Latin layout), an e-mail or a booking number</source>
        <translation>Номер телефона (в любом формате или последние цифры), начало фамилии (можно набрать и в латинской раскладке), e-mail или номер брони</translation>
    </message>
    <message>
        <source>Open the card	Enter</source>
        <translation>Открыть карточку	Enter</translation>
    </message>
    <message>
        <source>Call %1	Ctrl+Enter</source>
        <translation>Позвонить %1	Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::MergeComparisonView</name>
    <message numerus="yes">
        <source>%n touch(es)</source>
        <translation>
            <numerusform>%n касание</numerusform>
            <numerusform>%n касания</numerusform>
            <numerusform>%n касаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n бронь</numerusform>
            <numerusform>%n брони</numerusform>
            <numerusform>%n броней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n сделка</numerusform>
            <numerusform>%n сделки</numerusform>
            <numerusform>%n сделок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n задача</numerusform>
            <numerusform>%n задачи</numerusform>
            <numerusform>%n задач</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a pair of cards on the left to compare them.</source>
        <translation>Выберите пару карточек слева, чтобы сравнить их.</translation>
    </message>
    <message>
        <source>Keep this card</source>
        <translation>Оставить эту карточку</translation>
    </message>
    <message>
        <source>Merge into it</source>
        <translation>Присоединить к ней</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Card created</source>
        <translation>Карточка создана</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>After the merge the card keeps %1 and %2; everything of the right-hand card (%3) moves to it and the right-hand card is deleted.</source>
        <translation>После объединения в карточке останутся %1 и %2; всё из правой карточки (%3) перейдёт в неё, а правая карточка будет удалена.</translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s)</source>
        <translation>
            <numerusform>%n телефон</numerusform>
            <numerusform>%n телефона</numerusform>
            <numerusform>%n телефонов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n e-mail(s)</source>
        <translation>
            <numerusform>%n e-mail</numerusform>
            <numerusform>%n e-mail</numerusform>
            <numerusform>%n e-mail</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n платёж</numerusform>
            <numerusform>%n платежа</numerusform>
            <numerusform>%n платежей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::PipelineEditorDialog</name>
    <message>
        <source>Add stage</source>
        <translation>Добавить этап</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Sales pipeline stages</source>
        <translation>Этапы воронки продаж</translation>
    </message>
    <message>
        <source>Deals move through these stages left to right on the board. Rename a stage by editing its title; a hidden stage takes no new deals but keeps the ones it has. &quot;Stayed&quot; and &quot;Lost&quot; close a deal and are always last.</source>
        <translation>Сделки идут по этим этапам слева направо. Чтобы переименовать этап, измените его название; скрытый этап не принимает новые сделки, но сохраняет свои. «Заезд состоялся» и «Отказ» закрывают сделку и всегда стоят последними.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Показан</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>A stage of your own, before the closing stages</source>
        <translation>Свой этап, перед закрывающими</translation>
    </message>
    <message>
        <source>Earlier in the pipeline</source>
        <translation>Раньше в воронке</translation>
    </message>
    <message>
        <source>Later in the pipeline</source>
        <translation>Позже в воронке</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Ключ: %1</translation>
    </message>
    <message>
        <source>won, closes the deal</source>
        <translation>выиграна, закрывает сделку</translation>
    </message>
    <message>
        <source>lost, closes the deal</source>
        <translation>потеряна, закрывает сделку</translation>
    </message>
    <message>
        <source>your own</source>
        <translation>свой</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>встроенный</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>Новый этап</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::TaskAgendaModel</name>
    <message>
        <source>Overdue since %1</source>
        <translation>Просрочена с %1</translation>
    </message>
    <message>
        <source>From the shared queue: whoever is free takes it</source>
        <translation>Из общей очереди: берёт тот, кто свободен</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Вид: %1</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::TaskAgendaPanel</name>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>To tomorrow</source>
        <translation>На завтра</translation>
    </message>
    <message>
        <source>Mark the selected task done (Ctrl+Enter)</source>
        <translation>Отметить выбранную задачу выполненной (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Put the selected task off to tomorrow, same time</source>
        <translation>Перенести выбранную задачу на завтра, на то же время</translation>
    </message>
    <message numerus="yes">
        <source>Today: %n task(s)</source>
        <translation>
            <numerusform>Сегодня: %n задача</numerusform>
            <numerusform>Сегодня: %n задачи</numerusform>
            <numerusform>Сегодня: %n задач</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n просрочена</numerusform>
            <numerusform>%n просрочены</numerusform>
            <numerusform>%n просрочено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in the shared queue</source>
        <translation>
            <numerusform>%n в общей очереди</numerusform>
            <numerusform>%n в общей очереди</numerusform>
            <numerusform>%n в общей очереди</numerusform>
        </translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Позвонить %1</translation>
    </message>
    <message>
        <source>Open the card</source>
        <translation>Открыть карточку</translation>
    </message>
    <message>
        <source>The tasks cannot be read:</source>
        <translation>Задачи не читаются:</translation>
    </message>
    <message>
        <source>the database is damaged.</source>
        <translation>база данных повреждена.</translation>
    </message>
    <message>
        <source>see the message.</source>
        <translation>см. сообщение.</translation>
    </message>
    <message>
        <source>Your role reads the tasks: consultants and the head of sales work them</source>
        <translation>Ваша роль только просматривает задачи: выполняют их консультанты и руководитель отдела продаж</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::TaskDialog</name>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>When it is due; it shows in «Tasks for today» from that day, red once overdue</source>
        <translation>Срок: с этого дня задача видна в «Задачах на сегодня», просроченная — красным</translation>
    </message>
    <message>
        <source>Shared list (whoever is free)</source>
        <translation>Общий список (кто свободен)</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Гость</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Choose when it is due: today or later.</source>
        <translation>Укажите срок: сегодня или позже.</translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::TeamTasksDialog</name>
    <message>
        <source>The team&apos;s tasks</source>
        <translation>Задачи команды</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>На сегодня</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Overdue since</source>
        <translation>Просрочено с</translation>
    </message>
    <message>
        <source>Their tasks for today, overdue ones first:</source>
        <translation>Задачи на сегодня, сначала просроченные:</translation>
    </message>
    <message>
        <source>The tasks cannot be read: %1</source>
        <translation>Задачи не читаются: %1</translation>
    </message>
    <message numerus="yes">
        <source>Today the team has %n task(s)</source>
        <translation>
            <numerusform>Сегодня у команды %n задача</numerusform>
            <numerusform>Сегодня у команды %n задачи</numerusform>
            <numerusform>Сегодня у команды %n задач</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n просрочена</numerusform>
            <numerusform>%n просрочены</numerusform>
            <numerusform>%n просрочено</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::crm::ui::TimelineModel</name>
    <message numerus="yes">
        <source>Stay, %n night(s)</source>
        <translation>
            <numerusform>Проживание, %n ночь</numerusform>
            <numerusform>Проживание, %n ночи</numerusform>
            <numerusform>Проживание, %n ночей</numerusform>
        </translation>
    </message>
    <message>
        <source>Deal: %1</source>
        <translation>Сделка: %1</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>Задача: %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открыта</translation>
    </message>
    <message>
        <source>done</source>
        <translation>выполнена</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>talk %1:%2</source>
        <translation>разговор %1:%2</translation>
    </message>
    <message>
        <source> · recording ▶</source>
        <translation> · запись ▶</translation>
    </message>
    <message>
        <source>Double-click to listen to the recording</source>
        <translation>Двойной щелчок — прослушать запись</translation>
    </message>
    <message>
        <source>Still ahead: it has not happened yet</source>
        <translation>Ещё впереди: этого пока не было</translation>
    </message>
    <message>
        <source>ahead: %1</source>
        <translation>впереди: %1</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>отклонена сервером</translation>
    </message>
    <message>
        <source>%1, then refused by the server</source>
        <extracomment>the hold a colleague&apos;s earlier booking of the same room beat; %1 its status</extracomment>
        <translation>%1, затем отклонена сервером</translation>
    </message>
</context>
<context>
    <name>kasp::documents</name>
    <message>
        <source>full board</source>
        <translation>полный пансион</translation>
    </message>
    <message>
        <source>half board</source>
        <translation>полупансион</translation>
    </message>
    <message>
        <source>breakfast</source>
        <translation>завтраки</translation>
    </message>
    <message>
        <source>no meals</source>
        <translation>без питания</translation>
    </message>
    <message>
        <source>general health programme</source>
        <translation>общетерапевтическая программа</translation>
    </message>
    <message>
        <source>cardiology programme</source>
        <translation>кардиологическая программа</translation>
    </message>
    <message>
        <source>neurology programme</source>
        <translation>неврологическая программа</translation>
    </message>
    <message>
        <source>musculoskeletal programme</source>
        <translation>программа для опорно-двигательного аппарата</translation>
    </message>
    <message>
        <source>digestive system programme</source>
        <translation>программа для органов пищеварения</translation>
    </message>
    <message>
        <source>respiratory programme</source>
        <translation>программа для органов дыхания</translation>
    </message>
    <message>
        <source>no treatment</source>
        <translation>без лечения</translation>
    </message>
    <message numerus="yes">
        <source>%n adult(s)</source>
        <translation>
            <numerusform>%n взрослый</numerusform>
            <numerusform>%n взрослых</numerusform>
            <numerusform>%n взрослых</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n ребёнок</numerusform>
            <numerusform>%n ребёнка</numerusform>
            <numerusform>%n детей</numerusform>
        </translation>
    </message>
    <message>
        <source>Voucher No. %1</source>
        <translation>Ваучер № %1</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Гость</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Заезд</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <source>Nights</source>
        <translation>Ночей</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Гости</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>accommodation, %1, %2</source>
        <translation>проживание, %1, %2</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <source>Due on arrival</source>
        <translation>К оплате при заезде</translation>
    </message>
    <message>
        <source>Please bring your passport, this voucher and a spa card (санаторно-курортная карта) from your doctor. Check-in from 14:00, check-out until 12:00.</source>
        <translation>Возьмите с собой паспорт, этот ваучер и санаторно-курортную карту от лечащего врача. Заселение с 14:00, выезд до 12:00.</translation>
    </message>
    <message>
        <source>Issued %1</source>
        <translation>Выдан %1</translation>
    </message>
</context>
<context>
    <name>kasp::mail</name>
    <message>
        <source>The guest has no e-mail address.</source>
        <translation>У гостя нет адреса электронной почты.</translation>
    </message>
    <message>
        <source>The mail server %1 does not answer (%2).</source>
        <translation>Почтовый сервер %1 не отвечает (%2).</translation>
    </message>
    <message>
        <source>The mail server refused the login (%1).</source>
        <translation>Почтовый сервер отклонил вход (%1).</translation>
    </message>
    <message>
        <source>The mail server did not accept the message (%1).</source>
        <translation>Почтовый сервер не принял письмо (%1).</translation>
    </message>
    <message>
        <source>The mail server&apos;s certificate is not trusted (%1). Ask IT for its CA certificate and choose it in the mail settings.</source>
        <translation>Сертификату почтового сервера нет доверия (%1). Попросите у ИТ-отдела сертификат ЦС и укажите его в настройках почты.</translation>
    </message>
    <message>
        <source>The mail server %1 offers no encryption (STARTTLS). Check the port and the encryption in the mail settings.</source>
        <translation>Почтовый сервер %1 не предлагает шифрование (STARTTLS). Проверьте порт и шифрование в настройках почты.</translation>
    </message>
    <message>
        <source>The mail server wants a login: enter the mailbox&apos;s login and password in the mail settings (%1).</source>
        <translation>Почтовый сервер требует вход: укажите логин и пароль почтового ящика в настройках почты (%1).</translation>
    </message>
</context>
<context>
    <name>kasp::payments::YooKassaProvider</name>
    <message>
        <source>The payment service refused the shop&apos;s credentials: check the shop id and the secret key.</source>
        <translation>Платёжный сервис не принял данные магазина: проверьте shopId и секретный ключ.</translation>
    </message>
    <message>
        <source>The payment service refused the payment: %1</source>
        <translation>Платёжный сервис отклонил платёж: %1</translation>
    </message>
    <message>
        <source>The payment service does not answer; try again in a minute.</source>
        <translation>Платёжный сервис не отвечает; повторите через минуту.</translation>
    </message>
    <message>
        <source>The payment service answered something unexpected.</source>
        <translation>Платёжный сервис ответил непонятно.</translation>
    </message>
</context>
<context>
    <name>kasp::programtext</name>
    <message>
        <source>Call the guest back</source>
        <translation>Перезвонить гостю</translation>
    </message>
    <message>
        <source>Remind about the spa treatment card</source>
        <translation>Напомнить о санаторно-курортной карте</translation>
    </message>
    <message>
        <source>Choosing a stay</source>
        <translation>Подбор путёвки</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>забронировал</translation>
    </message>
    <message>
        <source>too expensive</source>
        <translation>дорого</translation>
    </message>
    <message>
        <source>the dates did not suit</source>
        <translation>не подошли даты</translation>
    </message>
    <message>
        <source>chose another sanatorium</source>
        <translation>выбрал другой санаторий</translation>
    </message>
    <message>
        <source>changed their mind</source>
        <translation>передумал</translation>
    </message>
    <message>
        <source>asked the prices</source>
        <translation>узнал цены</translation>
    </message>
    <message>
        <source>thinking it over</source>
        <translation>думает</translation>
    </message>
    <message>
        <source>asks to be called back</source>
        <translation>просит перезвонить</translation>
    </message>
    <message numerus="yes">
        <source>Stay from %1, %n night(s)</source>
        <translation>
            <numerusform>Заезд %1, %n ночь</numerusform>
            <numerusform>Заезд %1, %n ночи</numerusform>
            <numerusform>Заезд %1, %n ночей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasp::session::DatabaseUnlocker</name>
    <message>
        <source>The passphrase must not be empty.</source>
        <translation>Введите парольную фразу: она не может быть пустой.</translation>
    </message>
    <message>
        <source>The key of this database is not in the system keychain. If the database is protected by a passphrase, enter it.</source>
        <translation>Ключа этой базы данных нет в хранилище паролей системы. Если база защищена парольной фразой, введите её.</translation>
    </message>
    <message>
        <source>KASP keeps the database key in the system password storage (GNOME Keyring or KWallet), but on this computer it is not running or cannot be reached.

The database can be protected by a passphrase instead: think one up, at least 8 characters, and keep it safe — without it the database cannot be opened. KASP never writes the key to a file.

To use the password storage instead, cancel, have it started (ask IT) and open KASP again.</source>
        <translation>КАСП хранит ключ базы данных в хранилище паролей системы («Связка ключей» GNOME или KWallet), но на этом компьютере оно не запущено или недоступно.

Вместо него базу можно защитить парольной фразой: придумайте её, не короче 8 символов, и сохраните в надёжном месте — без неё базу не открыть. КАСП никогда не записывает ключ в файл.

Чтобы пользоваться хранилищем паролей, нажмите «Отмена», попросите администратора запустить его и откройте КАСП снова.</translation>
    </message>
    <message>
        <source>The system password storage (GNOME Keyring or KWallet), where KASP keeps the database key, is not running or cannot be reached on this computer.

If this database is protected by a passphrase, enter it. If its key is in the password storage, cancel, have the storage started (ask IT) and open KASP again.</source>
        <translation>Хранилище паролей системы («Связка ключей» GNOME или KWallet), где КАСП хранит ключ базы данных, на этом компьютере не запущено или недоступно.

Если эта база защищена парольной фразой, введите её. Если ключ базы в хранилище паролей, нажмите «Отмена», попросите администратора запустить хранилище и откройте КАСП снова.</translation>
    </message>
</context>
<context>
    <name>kasp::session::LocalAccounts</name>
    <message>
        <source>Only the head of sales manages the desk&apos;s accounts: nothing was changed.</source>
        <translation>Учётными записями рабочего места управляет только руководитель отдела продаж: ничего не изменено.</translation>
    </message>
    <message>
        <source>This desk works with the sync server: accounts and passwords are kept there. Nothing was changed.</source>
        <translation>Это рабочее место подключено к серверу синхронизации: учётные записи и пароли хранятся там. Ничего не изменено.</translation>
    </message>
    <message>
        <source>This desk works with the sync server: your password is kept there and the head of sales changes it on the server.</source>
        <translation>Это рабочее место подключено к серверу синхронизации: ваш пароль хранится там, и меняет его на сервере руководитель отдела продаж.</translation>
    </message>
    <message>
        <source>The password is too short: at least %1 characters.</source>
        <translation>Пароль слишком короткий: нужно не меньше %1 символов.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>Пароли не совпадают. Введите один и тот же пароль дважды.</translation>
    </message>
    <message>
        <source>There is no such person at this desk, or their account is switched off.</source>
        <translation>Такого сотрудника на этом рабочем месте нет, или его учётная запись отключена.</translation>
    </message>
    <message>
        <source>Type your current password.</source>
        <translation>Введите текущий пароль.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Текущий пароль неверен.</translation>
    </message>
    <message>
        <source>The login: 2 to 32 small Latin letters, digits, dots, hyphens or underscores, starting with a letter (for example, «ivanova»).</source>
        <translation>Логин: от 2 до 32 строчных латинских букв, цифр, точек, дефисов или подчёркиваний, первой — буква (например, «ivanova»).</translation>
    </message>
    <message>
        <source>Type the person&apos;s name.</source>
        <translation>Введите имя сотрудника.</translation>
    </message>
    <message>
        <source>The login «%1» is taken already. Choose another one.</source>
        <translation>Логин «%1» уже занят. Выберите другой.</translation>
    </message>
</context>
<context>
    <name>kasp::session::SignInGate</name>
    <message>
        <source>Too many failed attempts. Try again in %1 s.</source>
        <translation>Слишком много неудачных попыток. Попробуйте снова через %1 с.</translation>
    </message>
    <message>
        <source>There is no password for this person on this desk.</source>
        <translation>Для этого сотрудника на этом рабочем месте пароль не задан.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Неверный пароль.</translation>
    </message>
    <message>
        <source>Wrong password. Too many failed attempts in a row: the next one waits.</source>
        <translation>Неверный пароль. Слишком много неудачных попыток подряд: следующая — после паузы.</translation>
    </message>
</context>
<context>
    <name>kasp::spreadsheet::Xlsx</name>
    <message>
        <source>the file is damaged: %1, line %2: %3</source>
        <translation>файл повреждён: %1, строка %2: %3</translation>
    </message>
    <message>
        <source>the workbook has no sheet</source>
        <translation>в книге нет ни одного листа</translation>
    </message>
    <message>
        <source>the first sheet&apos;s file is not named</source>
        <translation>не найден файл первого листа</translation>
    </message>
    <message>
        <source>the file is damaged: row %1 names a missing text</source>
        <translation>файл повреждён: строка %1 ссылается на отсутствующий текст</translation>
    </message>
    <message>
        <source>This is an old Excel file (.xls) or one with a password. Open it in Excel or LibreOffice and save it as .xlsx without a password, or as CSV.</source>
        <translation>Это старый файл Excel (.xls) или файл с паролем. Откройте его в Excel или LibreOffice и сохраните как .xlsx без пароля или как CSV.</translation>
    </message>
    <message>
        <source>the file is damaged: %1</source>
        <translation>файл повреждён: %1</translation>
    </message>
    <message>
        <source>this is not an .xlsx (ZIP) file</source>
        <translation>это не файл .xlsx (ZIP)</translation>
    </message>
    <message>
        <source>ZIP64 archives are not supported</source>
        <translation>архивы ZIP64 не поддерживаются</translation>
    </message>
    <message>
        <source>the central directory lies outside the file</source>
        <translation>оглавление архива выходит за пределы файла</translation>
    </message>
    <message>
        <source>entry %1 of the central directory</source>
        <translation>запись %1 оглавления архива</translation>
    </message>
    <message>
        <source>a name in the central directory</source>
        <translation>имя в оглавлении архива</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>нет части %1</translation>
    </message>
    <message>
        <source>the file is password-protected; save it without a password</source>
        <translation>файл защищён паролем; сохраните его без пароля</translation>
    </message>
    <message>
        <source>%1 unpacks to more than 512 MB</source>
        <translation>%1 распаковывается больше чем в 512 МБ</translation>
    </message>
    <message>
        <source>the header of %1</source>
        <translation>заголовок части %1</translation>
    </message>
    <message>
        <source>%1 is cut short</source>
        <translation>часть %1 обрезана</translation>
    </message>
    <message>
        <source>zlib</source>
        <translation>zlib</translation>
    </message>
    <message>
        <source>%1 does not unpack</source>
        <translation>часть %1 не распаковывается</translation>
    </message>
    <message>
        <source>%1 uses compression method %2</source>
        <translation>часть %1 сжата методом %2</translation>
    </message>
    <message>
        <source>%1 fails its checksum</source>
        <translation>у части %1 не сходится контрольная сумма</translation>
    </message>
    <message>
        <source>The sheet is larger than a spreadsheet can be (row %1); save the list as CSV</source>
        <translation>Лист больше, чем бывает в таблице (строка %1); сохраните список как CSV</translation>
    </message>
    <message>
        <source>the file is damaged: a cell named «%1»</source>
        <translation>файл повреждён: ячейка «%1»</translation>
    </message>
    <message>
        <source>%1 claims more than it can unpack to</source>
        <translation>%1 заявляет больше данных, чем может распаковаться</translation>
    </message>
</context>
<context>
    <name>kasp::spreadsheet::XlsxSheet</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>kasp::storage</name>
    <message>
        <source>The room is already booked for some of these nights. Choose other dates or another room.</source>
        <translation>Номер уже забронирован на часть этих ночей. Выберите другие даты или другой номер.</translation>
    </message>
    <message>
        <source>The database file does not exist: %1</source>
        <translation>Файл базы данных не найден: %1</translation>
    </message>
    <message>
        <source>Cannot create the database: the folder %1 is not writable.</source>
        <translation>Не удалось создать базу данных: нет прав на запись в папку %1.</translation>
    </message>
    <message>
        <source>The database file is not readable: %1</source>
        <translation>Нет прав на чтение файла базы данных: %1</translation>
    </message>
    <message>
        <source>The stored database key is damaged.</source>
        <translation>Сохранённый ключ базы данных повреждён.</translation>
    </message>
    <message>
        <source>The database was written by a newer version of KASP (schema %1, this program knows %2). Update KASP; the database was not changed.</source>
        <translation>База данных создана более новой версией КАСП (схема %1, эта программа знает схему %2). Обновите КАСП; база данных не изменена.</translation>
    </message>
    <message>
        <source>The database cannot be opened: the key is wrong or the file is not a KASP database.</source>
        <translation>Не удалось открыть базу данных: неверный ключ или файл не является базой КАСП.</translation>
    </message>
    <message>
        <source>The database is read-only: changes cannot be saved. Check the file&apos;s permissions.</source>
        <translation>База данных доступна только для чтения: изменения не сохранятся. Проверьте права доступа к файлу.</translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved. Free some space and try again.</source>
        <translation>Диск заполнен: изменение не сохранено. Освободите место и повторите попытку.</translation>
    </message>
    <message>
        <source>The database file cannot be opened. Check that the folder exists and is accessible.</source>
        <translation>Не удалось открыть файл базы данных. Проверьте, что папка существует и доступна.</translation>
    </message>
    <message>
        <source>The database is busy. Try again in a moment.</source>
        <translation>База данных занята. Повторите попытку через несколько секунд.</translation>
    </message>
    <message>
        <source>The change conflicts with existing data.</source>
        <translation>Изменение противоречит уже сохранённым данным.</translation>
    </message>
    <message>
        <source>A database error occurred.</source>
        <translation>Ошибка базы данных.</translation>
    </message>
    <message>
        <source>No database key was given.</source>
        <translation>Не указан ключ базы данных.</translation>
    </message>
    <message>
        <source>The room is out of service on some of these nights (%1). Choose another room.</source>
        <translation>Номер выведен из продажи в часть этих ночей (%1). Выберите другой номер.</translation>
    </message>
    <message>
        <source>Say why the booking is cancelled.</source>
        <translation>Укажите причину отмены брони.</translation>
    </message>
    <message>
        <source>Check-out must come after check-in.</source>
        <translation>Дата выезда должна быть позже даты заезда.</translation>
    </message>
    <message>
        <source>The booking no longer exists.</source>
        <translation>Этой брони больше нет.</translation>
    </message>
    <message numerus="yes">
        <source>The room has %n booking(s) on these nights: move them first.</source>
        <translation>
            <numerusform>На эти ночи в номере %n бронь: сначала перенесите её.</numerusform>
            <numerusform>На эти ночи в номере %n брони: сначала перенесите их.</numerusform>
            <numerusform>На эти ночи в номере %n броней: сначала перенесите их.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the first and the last night out of service.</source>
        <translation>Укажите первую и последнюю ночь вне продажи.</translation>
    </message>
    <message>
        <source>e-mail %1</source>
        <translation>e-mail %1</translation>
    </message>
    <message>
        <source>booking %1</source>
        <translation>бронь %1</translation>
    </message>
    <message>
        <source>The search for duplicates was stopped.</source>
        <translation>Поиск дублей остановлен.</translation>
    </message>
    <message>
        <source>A card cannot be merged with itself.</source>
        <translation>Карточку нельзя объединить саму с собой.</translation>
    </message>
    <message>
        <source>One of the two cards no longer exists (merged or deleted on another computer?). Search for the guest again.</source>
        <translation>Одной из карточек больше нет (объединена или удалена на другом компьютере?). Найдите гостя заново.</translation>
    </message>
    <message>
        <source>Two different cards are needed.</source>
        <translation>Нужны две разные карточки.</translation>
    </message>
    <message>
        <source>The database is damaged: some of its data cannot be read, so lists may be incomplete. Restore the database from a backup copy or, on a desk that syncs with the server, rebuild it from the server.</source>
        <translation>База данных повреждена: часть данных не читается, поэтому списки могут быть неполными. Восстановите базу из резервной копии или, если рабочее место синхронизируется с сервером, пересоберите её с сервера.</translation>
    </message>
    <message>
        <source>The director&apos;s account reads the base: nothing was changed.</source>
        <translation>Учётная запись директора только просматривает базу: ничего не изменено.</translation>
    </message>
    <message>
        <source>Only the head of sales changes this (rooms, prices, booking rules, the pipeline, staff): nothing was changed.</source>
        <translation>Это меняет только руководитель отдела продаж (номера, цены, правила бронирования, этапы сделок, сотрудники): ничего не изменено.</translation>
    </message>
    <message>
        <source>The changes not yet sent to the server cannot be read from the damaged database, so it was not rebuilt: they would be lost. Restore the database from a backup copy.</source>
        <translation>Изменения, ещё не отправленные на сервер, не читаются из повреждённой базы, поэтому она не пересобрана: они бы потерялись. Восстановите базу из резервной копии.</translation>
    </message>
    <message>
        <source>The damaged database could not be moved aside (%1). Check the folder&apos;s permissions.</source>
        <translation>Не удалось отложить повреждённую базу (%1). Проверьте права доступа к папке.</translation>
    </message>
    <message>
        <source>The folder %1 is read-only, and KASP keeps its working files next to the database there, so it cannot open the database. Allow writing to that folder or move the database to another one, then start KASP again.</source>
        <translation>Папка %1 закрыта для записи, а КАСП хранит в ней рабочие файлы рядом с базой, поэтому открыть базу нельзя. Разрешите запись в эту папку или перенесите базу в другую, затем запустите КАСП снова.</translation>
    </message>
    <message>
        <source>The database file %1 is read-only, so KASP cannot open it. Allow writing to the file, then start KASP again.</source>
        <translation>Файл базы данных %1 закрыт для записи, поэтому КАСП не может его открыть. Разрешите запись в файл, затем запустите КАСП снова.</translation>
    </message>
    <message>
        <source>This guest has a history (calls, bookings, deals, tasks, payments or consents): merge the card with the right one instead of deleting it.</source>
        <translation>У этого гостя есть история (звонки, брони, сделки, задачи, платежи или согласия): объедините карточку с правильной, а не удаляйте её.</translation>
    </message>
    <message>
        <source>This task is a colleague&apos;s: only they or the head of sales change it. Nothing was changed.</source>
        <translation>Это задача коллеги: менять её может только он сам или руководитель отдела продаж. Ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>kasp::storage::detail::SqlCipherDriver</name>
    <message>
        <source>Error opening database</source>
        <translation>Ошибка открытия базы данных</translation>
    </message>
    <message>
        <source>The database is not open</source>
        <translation>База данных не открыта</translation>
    </message>
    <message>
        <source>Unable to begin transaction</source>
        <translation>Не удалось начать транзакцию</translation>
    </message>
    <message>
        <source>Unable to commit transaction</source>
        <translation>Не удалось завершить транзакцию</translation>
    </message>
    <message>
        <source>Unable to roll back transaction</source>
        <translation>Не удалось откатить транзакцию</translation>
    </message>
</context>
<context>
    <name>kasp::telephony</name>
    <message>
        <source>The PBX refused the login or password</source>
        <translation>АТС не приняла логин или пароль</translation>
    </message>
    <message>
        <source>The PBX does not answer: check the server address and the network</source>
        <translation>АТС не отвечает: проверьте адрес сервера и сеть</translation>
    </message>
    <message>
        <source>The PBX refused the registration: %1 %2</source>
        <translation>АТС отказала в регистрации: %1 %2</translation>
    </message>
    <message>
        <source>The phone could not start its SIP stack</source>
        <translation>Телефон не смог запустить SIP</translation>
    </message>
    <message>
        <source>The phone is not started</source>
        <translation>Телефон не запущен</translation>
    </message>
    <message>
        <source>Check the PBX address and the login: «%1», «%2»</source>
        <translation>Проверьте адрес АТС и логин: «%1», «%2»</translation>
    </message>
    <message>
        <source>The PBX account could not be set up</source>
        <translation>Не удалось настроить учётную запись АТС</translation>
    </message>
    <message>
        <source>The phone is not registered on the PBX</source>
        <translation>Телефон не зарегистрирован на АТС</translation>
    </message>
    <message>
        <source>«%1» cannot be dialled</source>
        <translation>На «%1» нельзя позвонить</translation>
    </message>
    <message>
        <source>The call to %1 could not start</source>
        <translation>Звонок на %1 не удалось начать</translation>
    </message>
    <message>
        <source>There is no such call to answer</source>
        <translation>Нет такого звонка, чтобы ответить</translation>
    </message>
    <message>
        <source>There is no such call</source>
        <translation>Нет такого звонка</translation>
    </message>
    <message>
        <source>This call cannot be put on hold now</source>
        <translation>Этот звонок сейчас нельзя поставить на удержание</translation>
    </message>
    <message>
        <source>This call cannot be resumed now</source>
        <translation>Этот звонок сейчас нельзя снять с удержания</translation>
    </message>
    <message>
        <source>The tone could not be sent</source>
        <translation>Тон не отправлен</translation>
    </message>
    <message>
        <source>Registering on the PBX…</source>
        <translation>Регистрация на АТС…</translation>
    </message>
    <message>
        <source>Registered on the PBX</source>
        <translation>Зарегистрирован на АТС</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Не зарегистрирован</translation>
    </message>
    <message>
        <source>not registered</source>
        <translation>не зарегистрирован</translation>
    </message>
    <message>
        <source>registering…</source>
        <translation>регистрация…</translation>
    </message>
    <message>
        <source>online</source>
        <translation>в сети</translation>
    </message>
    <message>
        <source>registration failed</source>
        <translation>ошибка регистрации</translation>
    </message>
    <message>
        <source>There is no such call to transfer</source>
        <translation>Такого звонка для перевода нет</translation>
    </message>
    <message>
        <source>This call cannot be transferred now</source>
        <translation>Этот звонок сейчас нельзя перевести</translation>
    </message>
    <message>
        <source>The transfer did not go through; the guest is on hold with you</source>
        <translation>Перевод не удался: гость на удержании у вас</translation>
    </message>
    <message>
        <source>There is no talk to record</source>
        <translation>Нет разговора, который можно записать</translation>
    </message>
    <message>
        <source>Calls are not recorded on this desk</source>
        <translation>На этом рабочем месте разговоры не записываются</translation>
    </message>
    <message>
        <source>The sound card is not connected: %1</source>
        <translation>Звуковое устройство не подключено: %1</translation>
    </message>
</context>
<context>
    <name>kasp::telephony::ui::PhonePanel</name>
    <message>
        <source>Number to call</source>
        <translation>Номер для звонка</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <source>Call the number</source>
        <translation>Позвонить на номер</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <source>Answer the ringing call</source>
        <translation>Ответить на входящий звонок</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <source>End or decline the call</source>
        <translation>Завершить или отклонить звонок</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Удержание</translation>
    </message>
    <message>
        <source>Put the caller on hold / take back</source>
        <translation>Поставить на удержание / вернуть</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Без звука</translation>
    </message>
    <message>
        <source>Switch the microphone off / on</source>
        <translation>Выключить / включить микрофон</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Телефон: %1</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>Нет звонка</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <source>Calling</source>
        <translation>Вызов</translation>
    </message>
    <message>
        <source>Talking (incoming)</source>
        <translation>Разговор (входящий)</translation>
    </message>
    <message>
        <source>Talking (outgoing)</source>
        <translation>Разговор (исходящий)</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>На удержании</translation>
    </message>
    <message>
        <source>The other side put you on hold</source>
        <translation>Собеседник поставил вас на удержание</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <source>Every call on this phone; click one to switch to it (the other goes on hold)</source>
        <translation>Все звонки этого телефона; щелчок переключает на звонок (текущий уходит на удержание)</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Перевести…</translation>
    </message>
    <message>
        <source>Hand the call to a colleague or another number</source>
        <translation>Передать звонок коллеге или на другой номер</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Соединить</translation>
    </message>
    <message>
        <source>Hand the guest on hold to the colleague you are talking to</source>
        <translation>Соединить гостя на удержании с коллегой, с которым вы говорите</translation>
    </message>
    <message>
        <source>hidden number</source>
        <translation>скрытый номер</translation>
    </message>
    <message>
        <source>Second call</source>
        <translation>Второй звонок</translation>
    </message>
    <message>
        <source>Calling the colleague</source>
        <translation>Звоним коллеге</translation>
    </message>
    <message>
        <source>Talking to the colleague</source>
        <translation>Разговор с коллегой</translation>
    </message>
    <message>
        <source>Waiting for the transfer</source>
        <translation>Ждёт перевода</translation>
    </message>
    <message>
        <source>the call has ended before the transfer</source>
        <translation>звонок закончился до перевода</translation>
    </message>
    <message>
        <source>transferring to %1…</source>
        <translation>переводим на %1…</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Record this conversation to its end</source>
        <translation>Записать этот разговор до конца</translation>
    </message>
    <message>
        <source>● Recording</source>
        <translation>● Запись</translation>
    </message>
    <message>
        <source>Every conversation on this desk is recorded</source>
        <translation>Все разговоры на этом рабочем месте записываются</translation>
    </message>
    <message>
        <source>During a talk, digits typed here go to the other side as tones</source>
        <translation>Во время разговора набранные здесь цифры уходят собеседнику тонами</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>Вернуть гостя</translation>
    </message>
    <message>
        <source>End the consultation and talk to the guest again (F6)</source>
        <translation>Закончить разговор с коллегой и вернуться к гостю (F6)</translation>
    </message>
    <message>
        <source>Put the caller on hold / take back (F6)</source>
        <translation>Поставить на удержание / вернуть (F6)</translation>
    </message>
    <message>
        <source>The colleague&apos;s line has ended; the guest is on hold: take the call back (F6)</source>
        <translation>Коллега положил трубку; гость на удержании: верните звонок (F6)</translation>
    </message>
    <message>
        <source>The transfer did not go through; the guest is on hold: «Take back» (F6) returns them to you</source>
        <translation>Перевод не удался: гость на удержании. «Вернуть гостя» (F6) вернёт его вам</translation>
    </message>
    <message>
        <source>The transfer did not go through; the guest is on hold: take the call back (F6)</source>
        <translation>Перевод не удался: гость на удержании, верните звонок (F6)</translation>
    </message>
    <message>
        <source>the guest is handed to %1…</source>
        <translation>передаём гостя на %1…</translation>
    </message>
</context>
<context>
    <name>kasp::telephony::ui::TransferDialog</name>
    <message>
        <source>Transfer the call</source>
        <translation>Перевод звонка</translation>
    </message>
    <message>
        <source>Transfer &lt;b&gt;%1&lt;/b&gt; to:</source>
        <translation>Перевести &lt;b&gt;%1&lt;/b&gt; на:</translation>
    </message>
    <message>
        <source>Colleague&apos;s name or any number</source>
        <translation>Имя коллеги или любой номер</translation>
    </message>
    <message>
        <source>Colleagues whose phones are registered, with their extensions</source>
        <translation>Коллеги, чьи телефоны зарегистрированы, с внутренними номерами</translation>
    </message>
    <message>
        <source>No colleague&apos;s extension is known yet (each desk&apos;s phone publishes its own when it registers): type the number.</source>
        <translation>Внутренние номера коллег пока неизвестны (телефон каждого рабочего места сообщает свой при регистрации): наберите номер.</translation>
    </message>
    <message>
        <source>Transfer now</source>
        <translation>Перевести сразу</translation>
    </message>
    <message>
        <source>The guest hears the colleague&apos;s phone ring; you are free at once</source>
        <translation>Гость слышит гудки коллеги; вы сразу свободны</translation>
    </message>
    <message>
        <source>Talk to the colleague first</source>
        <translation>Сначала поговорить с коллегой</translation>
    </message>
    <message>
        <source>The guest waits on hold while you call the colleague; then «Join» hands the guest over</source>
        <translation>Гость ждёт на удержании, пока вы звоните коллеге; затем «Соединить» передаёт гостя</translation>
    </message>
    <message>
        <source> · line free</source>
        <translation> · линия свободна</translation>
    </message>
    <message>
        <source> · on a call</source>
        <translation> · разговаривает</translation>
    </message>
</context>
</TS>
