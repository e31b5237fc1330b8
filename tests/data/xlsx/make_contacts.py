# Writes the contacts workbook tests/crm/tst_xlsximport reads: openpyxl (Debian's python3-openpyxl)
# with a date cell, a phone stored as a number and a row left out; its texts then moved to shared
# strings as Excel writes them, one of them rich text.
import datetime
import html
import re
import sys
import zipfile

import openpyxl

path = sys.argv[1]
wb = openpyxl.Workbook()
if len(sys.argv) > 2 and sys.argv[2] == 'date1904':
    # Old Excel for Mac counts dates from 1904-01-01: the same birth date is another number.
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = 'Контакты'
ws.append(['Фамилия', 'Имя', 'Отчество', 'Мобильный телефон', 'E-mail', 'Дата рождения'])
ws.append(['Кузнецова', 'Анна', 'Сергеевна', 79161112233, 'anna@mail.ru', datetime.date(1975, 3, 14)])
ws.append(['Петров', 'Олег', None, '8 (903) 222-33-44', None, '01.02.1980'])
ws.append(['Смирнова', 'Ольга;Мария', 'Ивановна\nмл.', '+7 926 555 66 77', 'нет почты', None])
ws.cell(row=6, column=1, value='Орлова')
ws.cell(row=6, column=4, value='+7 999 000 11 22')
wb.save(path)

with zipfile.ZipFile(path) as z:
    parts = {name: z.read(name) for name in z.namelist()}

# Excel, amoCRM and Bitrix24 write texts once, in sharedStrings.xml; Debian's openpyxl 3.0 writes
# them inline. Move them out the way Excel does, and make «Орлова» rich text (two runs) with a
# phonetic hint that is not part of the text.
sheet = parts['xl/worksheets/sheet1.xml'].decode()
strings = []


def shared(match):
    text = match.group(2)
    strings.append(text)
    return '<c r="%s" t="s"><v>%d</v></c>' % (match.group(1), len(strings) - 1)


sheet = re.sub(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is></c>', shared, sheet, flags=re.S)
assert 't="inlineStr"' not in sheet
items = []
for text in strings:
    if html.unescape(text) == 'Орлова':
        items.append('<si><r><rPr><b/></rPr><t>Орл</t></r><r><t xml:space="preserve">ова </t></r>'
                     '<rPh sb="0" eb="1"><t>ｵﾙﾛｰﾜ</t></rPh></si>')
    else:
        items.append('<si><t xml:space="preserve">%s</t></si>' % text)
# Hostile variants for the reader's limits: a row past Excel's last, a cell reference that
# overflows any column number.
mode = sys.argv[2] if len(sys.argv) > 2 else ''
if mode == 'bigrow':
    sheet = sheet.replace('<row r="6"', '<row r="2000000000"')
elif mode == 'badcolumn':
    sheet = sheet.replace('r="A6"', 'r="ZZZZZZZZZZZZ6"')
parts['xl/worksheets/sheet1.xml'] = sheet.encode()
parts['xl/sharedStrings.xml'] = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
    % (len(items), len(items), ''.join(items))).encode()
types = parts['[Content_Types].xml'].decode()
parts['[Content_Types].xml'] = types.replace(
    '</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>').encode()
rels = parts['xl/_rels/workbook.xml.rels'].decode()
parts['xl/_rels/workbook.xml.rels'] = rels.replace(
    '</Relationships>', '<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>').encode()
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)
