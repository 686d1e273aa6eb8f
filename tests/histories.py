"""A plan with a year of scripted history, shared by the tests of history, reports and exports.

1 done in May; 2 reassigned in April, still doing; 3 blocked in April, reopened in June, done
in September; 4 due in March and never finished, its ledger gives no reason; 5 blocked in July,
its progress typed in by hand with no ledger entry; 6 untouched, no owner, no due date.
"""

from __future__ import annotations

from pathlib import Path

HISTORY = """\
title: 2022年机关党建工作要点
year: 2022
roles: [书记, 宣传委员, 组织委员, 纪检委员]
sections:
  - title: 理论学习
    items:
      - number: 1
        title: 学习制度
        text: 健全学习制度。
        owner: 宣传委员
        status: done
        progress: 100
        due: 2022-06-30
        log:
          - {date: 2022-01-10, by: 李明, changes: {status: [null, doing]}, note: 制定学习计划}
          - {date: 2022-03-15, by: 李明, changes: {progress: [null, 50]}, note: 完成两次专题学习}
          - date: 2022-05-20
            by: 李明
            changes: {status: [doing, done], progress: [50, 100]}
            note: 全年学习任务完成
      - number: 2
        title: 意识形态
        text: 落实意识形态工作责任制。
        owner: 书记
        status: doing
        progress: 30
        due: 2022-12-31
        log:
          - {date: 2022-02-01, by: 王芳, changes: {status: [null, doing]}, note: 启动}
          - {date: 2022-04-01, by: 王芳, changes: {owner: [宣传委员, 书记]}, note: 调整分工}
          - {date: 2022-08-10, by: 王芳, changes: {progress: [null, 30]}, note: 开展专题研讨}
  - title: 组织建设
    items:
      - number: 3
        title: 支部标准化
        text: 推进支部标准化规范化建设。
        owner: 组织委员
        status: done
        progress: 100
        due: 2022-09-30
        log:
          - {date: 2022-02-15, by: 张强, changes: {status: [null, doing]}}
          - {date: 2022-04-10, by: 张强, changes: {status: [doing, blocked]}, note: 等待上级文件}
          - {date: 2022-06-05, by: 张强, changes: {status: [blocked, doing]}, note: 上级文件已下发}
          - date: 2022-09-20
            by: 张强
            changes: {status: [doing, done], progress: [null, 100]}
            note: 通过验收
      - number: 4
        title: 党员发展
        text: 做好发展党员工作。
        owner: 组织委员
        status: doing
        progress: 20
        due: 2022-03-31
        log:
          - {date: 2022-01-20, by: 张强, changes: {status: [null, doing], progress: [null, 20]}}
  - title: 纪律建设
    items:
      - number: 5
        title: 警示教育
        text: "=HYPERLINK(\\"http://example.invalid\\")"
        owner: 纪检委员
        status: blocked
        progress: 60
        due: 2022-12-31
        log:
          - {date: 2022-03-01, by: 赵敏, changes: {status: [null, doing]}, note: 制定方案}
          - {date: 2022-07-15, by: 赵敏, changes: {status: [doing, blocked]}, note: 场地未落实}
      - number: 6
        title: 作风建设
        text: 改进作风。
"""


def write_history(folder: Path, name: str = "2022.yaml") -> Path:
    path = folder / name
    path.write_text(HISTORY, encoding="utf-8")
    return path
