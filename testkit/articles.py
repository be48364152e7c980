"""An article of our own on a subject the seed page never mentions, and articles folders built from it."""
from __future__ import annotations

import shutil
from pathlib import Path

from kb.settings import ARTICLES_DIR

SEED_PAGE = ARTICLES_DIR / "2020-02-weifang-resumption.txt"
NEW_TITLE = "诸城市为复学学校备足防疫物资"
NEW_QUESTION = "诸城给中小学配送了多少消毒液"
NEW_FACT = "1600桶"
NEW_ARTICLE = f"""---
page: 测试版面
date: 2020-03-06
---
{NEW_TITLE}
□ 记者 测试 报道
本报诸城讯 3月5日，诸城市教育和体育局向全市118所中小学配送消毒液{NEW_FACT}、额温枪900支，为学生返校复学做准备。
每所学校设立临时观察室，并安排校医每天两次巡查教室通风和消毒情况。
诸城市教育和体育局表示，各学校还将组织教职工开展防疫演练，确保开学后师生健康。
"""


def articles_dir(folder: Path, with_new_article: bool) -> Path:
    """`folder` holding the seed page, and the new article when asked; files not wanted are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED_PAGE, folder)
    new = folder / "2020-03-zhucheng-schools.txt"
    if with_new_article:
        new.write_text(NEW_ARTICLE, encoding="utf-8")
    else:
        new.unlink(missing_ok=True)
    return folder


def built_kb(folder: Path) -> str:
    """A knowledge base built from kb/articles into a SQLite file in `folder`."""
    from kb.build import build
    url = f"sqlite:///{folder / 'kb.sqlite'}"
    build(ARTICLES_DIR, url)
    return url
