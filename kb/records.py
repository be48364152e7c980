"""Typed records pulled out of structured sentences: each kind is a trigger and named field patterns.

A record kind applies to every article whose text contains its trigger; a field is the first match of
its pattern in that article. Adding a kind is adding a spec here, not code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .page import Article
from .text import HAN

H = HAN  # short alias keeps the patterns readable


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    pattern: str
    vocabulary: str = ""  # "platform", "place" or "name": exported for the tokenizer and lookup tables


@dataclass(frozen=True)
class RecordSpec:
    kind: str
    label: str
    trigger: str
    fields: tuple[FieldSpec, ...]


@dataclass(frozen=True)
class Record:
    kind: str
    label: str
    fields: tuple[tuple[FieldSpec, str], ...]

    def value(self, name: str) -> str:
        return next((value for spec, value in self.fields if spec.name == name), "")


SPECS = (
    RecordSpec("job_fair", "网上招聘会", "招聘会", (
        FieldSpec("name", "名称", rf"网上(“{H}+”招聘会)"),
        FieldSpec("dates", "举办时间", r"(\d+月\d+日(?:、\d+日)*)在“"),
        FieldSpec("platforms", "平台", r"在((?:“[^”]+”)+等?微信平台)", vocabulary="platform"),
        FieldSpec("companies", "招聘企业", r"招聘企业(\d+家)"),
        FieldSpec("positions", "用工岗位", r"岗位(\d+个)"),
        FieldSpec("participants", "参与劳动者", r"(\d+名)劳动者通过"),
        FieldSpec("agreements", "达成就业意向", r"(\d+名)劳动者与用人单位达成就业意向"),
    )),
    RecordSpec("job_results", "企业复工用工", "复工复产率", (
        FieldSpec("task_forces", "工作专班", rf"成立了(\d+个{H}+?工作专班)"),
        FieldSpec("companies", "已对接企业", r"已对接(区内规模以上企业\d+家)"),
        FieldSpec("returned", "返岗上岗", r"返岗上岗(\d+人)"),
        FieldSpec("rate", "规上工业企业复工复产率", r"复工复产率达([\d.]+%)"),
        FieldSpec("consulted", "线上政策解答", r"已为(\d+余家企业)线上解答"),
    )),
    RecordSpec("vegetable_platform", "网上“菜篮子超市”", "菜篮子超市", (
        FieldSpec("model", "模式", r"采用(.+?)的模式"),
        FieldSpec("lead", "牵头单位", rf"({H}{{2,12}}?局)牵头", vocabulary="name"),
        FieldSpec("operator", "运营", rf"({H}+?运营中心)携手", vocabulary="name"),
        FieldSpec("partners", "合作企业", r"携手(.+?)及各类"),
        FieldSpec("platform", "平台", rf"依托({H}+?平台)", vocabulary="platform"),
        FieldSpec("delivery", "配送", rf"通过({H}+?公司)全市配送", vocabulary="name"),
        FieldSpec("service", "服务", r"为群众提供(.+?)服务"),
    )),
    RecordSpec("vegetable_cooperative", "蔬菜合作社", "合作社理事长", (
        FieldSpec("name", "名称", rf"({H}+?专业合作社)主要", vocabulary="name"),
        FieldSpec("greenhouses", "温室大棚", r"温室大棚(\d+多个)"),
        FieldSpec("output", "年产", r"年产(.+?万公斤)"),
        FieldSpec("daily", "每天早晨走货", r"每天早晨走货(\d+公斤)"),
        FieldSpec("buyers", "供应", r"主要供应(.+?)，"),
    )),
    RecordSpec("freight_train", "欧亚班列", "班列", (
        FieldSpec("name", "班列", r"(“[^”]+”欧亚班列)", vocabulary="name"),
        FieldSpec("resumed", "恢复日期", r"(\d+月\d+日)，春节后"),
        FieldSpec("origin", "始发", rf"从({H}+?)发车", vocabulary="place"),
        FieldSpec("destinations", "开往", r"驶往(.+?城市)"),
        FieldSpec("frequency", "发车频次", r"(每月\d+至\d+列)"),
        FieldSpec("cargo", "运送货物", r"货物包括(.+?)。"),
    )),
    RecordSpec("liaison_officers", "派驻联络员", "派驻联络员", (
        FieldSpec("date", "派驻日期", r"(\d+月\d+日)，"),
        FieldSpec("departments", "抽调部门", rf"(\d+个{H}+?部门)"),
        FieldSpec("enterprises", "派驻企业", r"向(\d+家.+?)派驻联络员"),
        FieldSpec("duties", "联络员职责", r"联络员为企业(.+?)，认真指导"),
    )),
    RecordSpec("epidemic_control", "疫情防控", "清零", (
        FieldSpec("first_case", "首例确诊", r"(\d+月\d+日)，\S{2,4}确诊\S{2,4}首例"),
        FieldSpec("clinics", "发热门诊", r"设立(\d+处发热门诊)"),
        FieldSpec("hospital", "定点医院", rf"确定了({H}+?)作为定点医院", vocabulary="name"),
        FieldSpec("cured", "全部治愈", r"到(\d+月\d+日)，\S{2,4}\d+例输入性确诊病例全部治愈"),
        FieldSpec("cases", "确诊病例", r"(\d+例)输入性确诊病例全部治愈"),
        FieldSpec("days", "首例到清零用时", r"到“清零”的(\d+天)"),
        FieldSpec("result", "结果", r"做到了(零死亡、零新增、零扩散)"),
    )),
    RecordSpec("medic_family_care", "一线医务人员家庭关爱", "关爱行动", (
        FieldSpec("organizer", "发起", rf"({H}+?总工会)迅速启动", vocabulary="name"),
        FieldSpec("supplies", "关爱内容", r"(发放慰问信，并免费发放.+?等必需品及防疫物资)"),
        FieldSpec("frequency", "配送", r"(每周配送到家中，直至疫情结束)"),
        FieldSpec("delivery", "配送方", rf"由({H}+?)免费配送", vocabulary="name"),
        FieldSpec("households", "受关爱家庭", r"(市直赴湖北救援一线\d+户医护人员)"),
        FieldSpec("counties", "各县市区", r"(各县市区.+?由各县级工会负责落实)"),
    )),
    RecordSpec("project_start", "重点项目集中开工", "集中开工", (
        FieldSpec("count", "开工项目", rf"(\d+个重大重点项目)举行集中开工"),
        FieldSpec("date", "开工日期", r"(\d+月\d+日)上午"),
        FieldSpec("main_venue", "主会场", rf"设在({H}+?)的主会场", vocabulary="place"),
        FieldSpec("branch_venues", "分会场", r"还在(.+?)分别设分会场", vocabulary="place"),
    )),
    RecordSpec("municipal_projects", "市级重大重点项目", "市级重大项目", (
        FieldSpec("scope", "项目", r"集中力量抓好(.+?)。"),
        FieldSpec("total", "总投资", r"(\d+个项目总投资[\d.]+亿元)"),
        FieldSpec("annual", "年度计划投资", r"年度计划投资([\d.]+亿元)"),
        FieldSpec("major", "重大项目", r"(\d+个市级重大项目总投资[\d.]+亿元)"),
        FieldSpec("key", "重点项目", r"(\d+个市级重点项目总投资[\d.]+亿元)"),
    )),
    RecordSpec("project_signing", "重点招商项目视频签约", "视频签约", (
        FieldSpec("date", "签约日期", r"(\d+月\d+日)，"),
        FieldSpec("projects", "签约项目", r"仪式，(.+?等总投资[\d.]+亿元的\d+个项目)"),
        FieldSpec("form", "形式", r"以(远程视频形式)"),
        FieldSpec("fields", "涉及领域", r"涉及(.+?)等领域"),
    )),
)


def extract_records(article: Article, specs=SPECS) -> list[Record]:
    text = article.text
    records = []
    for spec in specs:
        if spec.trigger not in text:
            continue
        found = []
        for field in spec.fields:
            match = re.search(field.pattern, text)
            if match:
                found.append((field, match.group(1)))
        if len(found) >= 2:
            records.append(Record(spec.kind, spec.label, tuple(found)))
    return records
