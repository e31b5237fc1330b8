#!/usr/bin/env python3
"""What Excel and LibreOffice see in a workbook's first sheet, read with nothing but zipfile and
xml (no spreadsheet library): the sheet's name, the column widths, and each cell of the first rows
with its type, its value and its number format. Printed as JSON for the tests.

usage: inspect_sheet.py FILE.xlsx [ROWS]
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
# Excel's built-in date formats (ECMA-376 18.8.30).
BUILTIN_DATES = {14: "m/d/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "m/d/yyyy h:mm"}


def text_of(node):
    return "".join(t.text or "" for t in node.iter("{%s}t" % NS["m"]))


def main():
    path, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
    z = zipfile.ZipFile(path)
    book = ET.fromstring(z.read("xl/workbook.xml"))
    sheet = book.find("m:sheets/m:sheet", NS)
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target") for r in rels
                  if r.get("Id") == sheet.get("{%s}id" % NS["r"]))
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        shared = [text_of(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml"))]
    styles = ET.fromstring(z.read("xl/styles.xml"))
    formats = {int(f.get("numFmtId")): f.get("formatCode")
               for f in styles.findall("m:numFmts/m:numFmt", NS)}
    xfs = [int(x.get("numFmtId", "0")) for x in styles.findall("m:cellXfs/m:xf", NS)]
    ws = ET.fromstring(z.read("xl/" + target.lstrip("/").replace("xl/", "", 1)))
    cols = [{"min": int(c.get("min")), "max": int(c.get("max")), "width": float(c.get("width"))}
            for c in ws.findall("m:cols/m:col", NS)]
    out_rows = []
    for row in ws.findall("m:sheetData/m:row", NS)[:rows]:
        cells = []
        for c in row.findall("m:c", NS):
            kind = c.get("t", "n")
            v = c.find("m:v", NS)
            if kind == "s":
                value = shared[int(v.text)]
            elif kind == "inlineStr":
                value = text_of(c.find("m:is", NS))
            else:
                value = v.text if v is not None else None
            fmt_id = xfs[int(c.get("s", "0"))]
            code = formats.get(fmt_id, BUILTIN_DATES.get(fmt_id, "General" if fmt_id == 0 else str(fmt_id)))
            is_date = kind == "n" and bool(re.search(r"[dy]", re.sub(r'"[^"]*"', "", code)))
            cells.append({"ref": c.get("r"), "type": kind, "value": value, "format": code,
                          "date": is_date})
        out_rows.append(cells)
    print(json.dumps({"sheet": sheet.get("name"), "cols": cols, "rows": out_rows,
                      "autofilter": (ws.find("m:autoFilter", NS).get("ref")
                                     if ws.find("m:autoFilter", NS) is not None else None)},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
