"""The generated district: N 街道, each with its working units and ~8 社区 with their 调委会.

Codes start with "gen-" and every short name (the prefix of record numbers) is distinct, so a
generated district sits next to the demo data without a clash of codes or numbers.
"""

from dataclasses import dataclass, field

from fazhi.orgs.models import Kind, Organisation

DISTRICT_CODE = "gen"
STREET_NAMES = [
    "东湖",
    "南苑",
    "星桥",
    "乔司",
    "运河",
    "塘栖",
    "崇贤",
    "良渚",
    "闲林",
    "中泰",
    "瓶窑",
    "径山",
    "黄湖",
    "鸬鸟",
    "百丈",
    "临平",
    "东塘",
    "沾桥",
    "翁梅",
    "博陆",
]
COMMUNITY_NAMES = [
    "和平",
    "幸福",
    "光明",
    "新华",
    "文化",
    "建设",
    "朝阳",
    "红旗",
    "人民",
    "团结",
    "向阳",
    "长安",
    "春晖",
    "金桥",
    "翠苑",
    "景苑",
]
COMMUNITIES_PER_STREET = 8
# (code suffix, name suffix, short-name suffix, kind) of the units every 街道 has, as in the demo tree.
UNITS = (
    ("office", "街道党政办（法治办）", "办", Kind.OFFICE),
    ("sfs", "司法所", "司", Kind.JUSTICE_OFFICE),
    ("zf", "街道综合行政执法队", "执", Kind.ENFORCEMENT_TEAM),
    ("tw", "街道人民调解委员会", "街", Kind.STREET_COMMITTEE),
    ("jm", "警民联调工作室", "警", Kind.POLICE_JOINT),
    ("gw", "街道法律顾问室", "顾", Kind.LEGAL_ADVISER),
    ("yz", "公共法律服务驿站", "驿", Kind.LEGAL_STATION),
    ("xl", "心理服务站", "心", Kind.PSYCH_SERVICE),
    ("ls", "律师调解工作室", "律", Kind.LAWYER_MEDIATOR),
)


@dataclass
class Street:
    index: int
    org: Organisation
    units: dict[str, Organisation]  # "office", "sfs", … as in UNITS
    communities: list[Organisation] = field(default_factory=list)
    committees: list[Organisation] = field(default_factory=list)  # the 社区调委会, in community order

    @property
    def short(self) -> str:
        return self.org.short_name


def street_name(index: int) -> str:
    base = STREET_NAMES[index % len(STREET_NAMES)]
    return base if index < len(STREET_NAMES) else f"{base}{index // len(STREET_NAMES) + 1}"


def _org(code: str, name: str, short: str, kind: str, parent) -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        code=code, defaults={"name": name, "short_name": short, "kind": kind, "parent": parent}
    )
    return org


def build_district(streets: int) -> tuple[Organisation, list[Street]]:
    """Create (or find) the district and its first ``streets`` 街道; idempotent."""
    district = _org(DISTRICT_CODE, "模拟区", "模拟区", Kind.DISTRICT, None)
    result = []
    for index in range(streets):
        name = street_name(index)
        code = f"{DISTRICT_CODE}-s{index + 1:02d}"
        street_org = _org(code, f"{name}街道办事处", name, Kind.STREET, district)
        units = {
            suffix: _org(f"{code}-{suffix}", f"{name}{label}", f"{name}{short}", kind, street_org)
            for suffix, label, short, kind in UNITS
        }
        street = Street(index, street_org, units)
        for number in range(COMMUNITIES_PER_STREET):
            community_name = COMMUNITY_NAMES[number % len(COMMUNITY_NAMES)]
            c_code = f"{code}-c{number + 1}"
            community = _org(
                c_code, f"{name}{community_name}社区", f"{name}{community_name}", Kind.COMMUNITY, street_org
            )
            committee = _org(
                f"{c_code}-tw",
                f"{name}{community_name}社区人民调解委员会",
                f"{name}{community_name}调",
                Kind.COMMUNITY_COMMITTEE,
                community,
            )
            street.communities.append(community)
            street.committees.append(committee)
        result.append(street)
    return district, result
