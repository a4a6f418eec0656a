"""Makes the workbook fixtures with openpyxl (PyPI), as Excel would save
them: typed cells (date cells formatted yyyy-mm-dd, whole numbers), a status
drop-down, an instructions sheet. Never hand-written XML.

    pip install openpyxl && python3 tests/data/workbooks/make.py

Writes next to this file:
- dezhou.xlsx: the default data (data/dezhou.json), a sheet per task force
  with the template's Chinese headers, the programme's fields in 填写说明,
  and an office's own notes sheet;
- seven.json and seven-all.xlsx (one workbook, a sheet per task force) and
  seven-1.xlsx … seven-7.xlsx (one task force each; the first carries the
  programme's fields), with plain field-name headers;
- bad-status.xlsx: a status typed outside the drop-down, on row 2;
- dup-a.xlsx, dup-b.xlsx: the same task force in two files.
"""
import datetime
import json
import pathlib

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

HERE = pathlib.Path(__file__).parent
ROOT = HERE.parent.parent.parent
COLUMNS = ["type", "task_force_id", "task_force", "task_force_en", "focus", "focus_en", "leader", "members",
           "measure_id", "title", "title_en", "status", "progress", "start", "due", "sample", "report_date",
           "report_status", "report_progress", "note", "note_en", "url"]
LABELS = ["行类型", "专班编号", "专班名称", "专班英文名称", "工作重点", "工作重点英文", "专班组长", "成员单位", "措施编号",
          "措施名称", "措施英文名称", "状态", "进度", "开始日期", "完成时限", "示例数据", "汇报日期", "汇报时状态",
          "汇报时进度", "汇报内容", "汇报内容英文", "汇报链接"]
STATUS = {"completed": "已完成", "on-track": "按序时推进", "behind": "滞后序时", "blocked": "受阻",
          "not-started": "未启动", "dropped": "不再推进"}
DATES = {"start", "due", "report_date"}


def zh(t):
    return t if isinstance(t, str) else t.get("zh-Hans", "")


def en(t):
    return "" if isinstance(t, str) or t is None else t.get("en", "")


def date(s):
    return datetime.date.fromisoformat(s)


def rows(tf):
    """The rows of one task force, as the spreadsheet lays them out."""
    out = []
    for i, m in enumerate(tf["measures"]):
        r = {"type": "measure", "task_force_id": tf["id"], "measure_id": m["id"], "title": zh(m["title"]),
             "title_en": en(m["title"]), "status": STATUS[m["status"]], "progress": m.get("progress"),
             "start": m.get("start"), "due": m.get("due"), "sample": "是" if m.get("sample") else None}
        if i == 0:
            r.update({"task_force": zh(tf["name"]), "task_force_en": en(tf["name"]),
                      "focus": zh(tf.get("focus", "")), "focus_en": en(tf.get("focus")),
                      "leader": zh(tf.get("leader", "")), "members": "、".join(zh(x) for x in tf.get("members", []))})
        out.append(r)
        for ms in m.get("milestones", []):
            out.append({"type": "milestone", "task_force_id": tf["id"], "measure_id": m["id"], "title": zh(ms["title"]),
                        "title_en": en(ms["title"]), "due": ms["due"], "status": "已完成" if ms.get("done") else None})
        for rep in m.get("reports", []):
            out.append({"type": "report", "task_force_id": tf["id"], "measure_id": m["id"], "report_date": rep["date"],
                        "report_status": STATUS.get(rep.get("status")), "report_progress": rep.get("progress"),
                        "note": zh(rep.get("note", "")), "note_en": en(rep.get("note")), "url": rep.get("url"),
                        "sample": "是" if rep.get("sample") else None})
    return out


def data_sheet(ws, tfs, labels=True):
    ws.append([f"{l}（{c}）" if labels else c for l, c in zip(LABELS, COLUMNS)])
    ws.freeze_panes = "A2"
    status = DataValidation(type="list", formula1='"' + ",".join(STATUS.values()) + '"', allow_blank=True)
    ws.add_data_validation(status)
    status.add("L2:L2000")
    status.add("R2:R2000")
    for tf in tfs:
        for r in rows(tf):
            line = []
            for c in COLUMNS:
                v = r.get(c)
                if v in ("", None):
                    line.append(None)
                elif c in DATES:
                    line.append(date(v))
                else:
                    line.append(v)
            ws.append(line)
            for i, c in enumerate(COLUMNS):
                if c in DATES and r.get(c):
                    ws.cell(row=ws.max_row, column=i + 1).number_format = "yyyy-mm-dd"


def instructions(wb, p):
    ws = wb.create_sheet("填写说明", 0)
    ws.append(["本工作簿的填写方法"])
    ws.append(["每个专班一个工作表。"])
    ws.append([])
    ws.append(["项目", "内容"])
    src = p.get("source", {})
    for label, key, value in [
        ("计划名称", "programme_title", zh(p["title"])), ("计划名称（英文）", "programme_title_en", en(p["title"])),
        ("数据截至日期", "as_of", p["asOf"]), ("来源标题", "source_title", zh(src.get("title", ""))),
        ("来源标题（英文）", "source_title_en", en(src.get("title"))),
        ("来源发布单位", "source_publisher", zh(src.get("publisher", ""))),
        ("来源发布单位（英文）", "source_publisher_en", en(src.get("publisher"))),
        ("来源链接", "source_url", src.get("url")), ("来源日期", "source_date", src.get("date")),
        ("示例数据", "programme_sample", "是" if p.get("sample") else None),
    ]:
        ws.append([f"{label}（{key}）", value or None])


def workbook(path, p, tfs, labels=True, settings=True, one_sheet=False):
    wb = Workbook()
    wb.remove(wb.active)
    if settings:
        instructions(wb, p)
    if one_sheet:
        data_sheet(wb.create_sheet("全部专班"), tfs, labels)
    else:
        for tf in tfs:
            data_sheet(wb.create_sheet(zh(tf["name"])[:31]), [tf], labels)
    return wb


def seven():
    statuses = list(STATUS)
    p = {"title": {"zh-Hans": "七个专班的计划", "en": "A programme of seven task forces"}, "asOf": "2024-06-30",
         "source": {"title": "市政府工作报告", "publisher": "市政府办公室", "url": "https://example.org/report",
                    "date": "2024-01-15"},
         "taskForces": []}
    for t in range(7):
        measures = []
        for m in range(3 + t % 3):
            status = statuses[(t + m) % 5]
            meas = {"id": f"m{m + 1}", "title": {"zh-Hans": f"专班{t + 1}的第{m + 1}项措施", "en": f"Measure {m + 1} of task force {t + 1}"},
                    "status": status, "progress": 100 if status == "completed" else (t * 13 + m * 7) % 100,
                    "start": "2024-01-01", "due": f"2024-{(m % 12) + 1:02d}-28"}
            if m == 0:
                meas["milestones"] = [{"title": "方案制定", "due": "2024-03-31", "done": True}]
            meas["reports"] = [{"date": f"2024-0{r + 4}-10", "progress": 10 * r, "note": f"第{r + 1}次汇报"} for r in range(1 + m % 2)]
            measures.append(meas)
        p["taskForces"].append({"id": f"tf{t + 1}", "name": {"zh-Hans": f"第{t + 1}专班", "en": f"Task force {t + 1}"},
                                "focus": f"重点{t + 1}", "leader": f"组长{t + 1}",
                                "members": [f"单位{t + 1}甲", f"单位{t + 1}乙"], "measures": measures})
    return p


def main():
    dezhou = json.loads((ROOT / "data/dezhou.json").read_text(encoding="utf-8"))
    wb = workbook(HERE / "dezhou.xlsx", dezhou, dezhou["taskForces"])
    wb.create_sheet("备注").append(["这一页是办公室自己的备注，不是数据。"])
    wb.save(HERE / "dezhou.xlsx")

    p = seven()
    (HERE / "seven.json").write_text(json.dumps(p, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    workbook(None, p, p["taskForces"], labels=False).save(HERE / "seven-all.xlsx")
    for i, tf in enumerate(p["taskForces"]):
        workbook(None, p, [tf], labels=False, settings=(i == 0)).save(HERE / f"seven-{i + 1}.xlsx")

    bad = workbook(None, dezhou, dezhou["taskForces"][:1])
    ws = bad["产业振兴"]
    ws.cell(row=2, column=COLUMNS.index("status") + 1).value = "进行中"
    bad.save(HERE / "bad-status.xlsx")

    workbook(None, dezhou, dezhou["taskForces"][:2]).save(HERE / "dup-a.xlsx")
    workbook(None, dezhou, dezhou["taskForces"][1:3], settings=False).save(HERE / "dup-b.xlsx")


if __name__ == "__main__":
    main()
