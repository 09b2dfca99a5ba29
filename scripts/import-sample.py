#!/usr/bin/env python3
"""Writes a jobs CSV in the bulk-import format (docs/import-export.md) for measuring the import preview.

    scripts/import-sample.py --rows 50000 > jobs-50k.csv      # 50,000 rows
    scripts/import-sample.py --bytes 10000000 > jobs-10mb.csv # as many rows as fit in about 10 MB
    scripts/import-sample.py --bytes 10000000 --short > s.csv # short rows (no skills, no description): about 200,000 rows
    scripts/import-sample.py --bytes 10000000 --xlsx j.xlsx   # the same rows as XLSX, its sheet about 10 MB before compression
    scripts/import-sample.py --rows 250000 --noise --xlsx j.xlsx  # descriptions with random text, so the XLSX compresses as real ones do

Rows have an empty employer_id (an employer's own upload), one in fifty has a bad grade so the preview reports errors.
"""
import argparse, csv, io, random, sys, zipfile
from xml.sax.saxutils import escape

HEADER = ["id", "employer_id", "title", "occupation_code", "min_grade", "skills", "required_certificates", "education_min",
          "experience_min_years", "city", "salary_min", "salary_max", "headcount", "posted_at", "expires_at", "description", "status"]
TITLES = [("氩弧焊工", "6-18-02-04", "氩弧焊:0.6;焊接工艺评定:0.4"), ("数控车工", "6-18-01-01", "数控车床操作:0.7;识图:0.3"),
          ("装配钳工", "6-20-01-01", "装配:0.5;钳工:0.5")]


NOISE = random.Random(1)


def row(i, short=False, noise=False):
    title, code, skills = TITLES[i % len(TITLES)]
    grade = "four" if i % 50 == 49 else str(3 + i % 2)
    description = "" if short else f"负责第{i}号产线的{title}工作。" + (f"编号{NOISE.getrandbits(96):024x}" if noise else "")
    return [f"JB{i:07d}", "", title, code, grade, "" if short else skills, "", "", "2", "370211", "7000", "11000", "3", "", "",
            description, "draft"]


def rows(a):
    written, i = 0, 0
    while (a.rows is None or i < a.rows) and (a.bytes is None or written < a.bytes):
        buf = io.StringIO()
        r = row(i, a.short, a.noise)
        csv.writer(buf, lineterminator="\n").writerow(r)
        written += len(buf.getvalue().encode("utf-8"))
        if a.bytes is not None and written > a.bytes:
            return
        yield r
        i += 1


def write_xlsx(path, records):
    """A minimal workbook: one sheet of inline strings (what a spreadsheet program exports is read the same way)."""
    def cells(values):
        return "".join(f'<c t="inlineStr"><is><t>{escape(v)}</t></is></c>' for v in values)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="jobs" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            f.write(f'<row>{cells(HEADER)}</row>'.encode())
            for r in records:
                f.write(f'<row>{cells(r)}</row>'.encode())
            f.write(b"</sheetData></worksheet>")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int)
    ap.add_argument("--bytes", type=int)
    ap.add_argument("--short", action="store_true")
    ap.add_argument("--noise", action="store_true")
    ap.add_argument("--xlsx")
    a = ap.parse_args()
    if a.xlsx:
        write_xlsx(a.xlsx, rows(a))
        return
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    for r in rows(a):
        w.writerow(r)
    out.flush()


if __name__ == "__main__":
    main()
