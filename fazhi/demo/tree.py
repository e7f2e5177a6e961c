"""The demo organisation tree and people."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from fazhi.orgs.models import Kind, Organisation, RoleAssignment

DEMO_PASSWORD = "Fazhi#2024demo"

# 西乡街道's communities beyond the two the demo fills, numbered from 03 in this order.
XIXIANG_COMMUNITIES = ("西乡", "河东", "河西", "盐田", "臣田", "渔业", "草围", "南昌", "径贝", "铁岗", "九围", "黄田",
                       "钟屋", "凤凰岗", "麻布", "三围", "共和", "共乐", "龙腾", "劳动", "乐群", "桃源", "固兴")  # fmt: skip

# (code, name, short name used in numbers, kind, parent code)
ORGS = [
    ("yuhang", "余杭区", "余杭", Kind.DISTRICT, None),
    ("wuchang", "五常街道办事处", "五常", Kind.STREET, "yuhang"),
    ("wuchang-office", "五常街道党政办（法治办）", "五常办", Kind.OFFICE, "wuchang"),
    ("wuchang-xf", "五常街道信访办", "五常访", Kind.OFFICE, "wuchang"),
    ("wuchang-sfs", "五常司法所", "五常司", Kind.JUSTICE_OFFICE, "wuchang"),
    ("wuchang-zf", "五常街道综合行政执法队", "五常执", Kind.ENFORCEMENT_TEAM, "wuchang"),
    ("wuchang-tw", "五常街道人民调解委员会", "五常街", Kind.STREET_COMMITTEE, "wuchang"),
    ("wuchang-jm", "五常警民联调工作室", "五常警", Kind.POLICE_JOINT, "wuchang"),
    ("wuchang-gw", "五常街道法律顾问室", "五常顾", Kind.LEGAL_ADVISER, "wuchang"),
    # 五常's four community 驿站: 永福 and 沿山河 piloted at the end of 2023, 文一 and 邱桥 built in 2024
    ("wuchang-yz", "永福社区公共法律服务驿站", "永福驿", Kind.LEGAL_STATION, "wuchang"),
    ("wuchang-yz-ysh", "沿山河社区公共法律服务驿站", "沿山驿", Kind.LEGAL_STATION, "wuchang"),
    ("wuchang-yz-wy", "文一社区公共法律服务驿站", "文一驿", Kind.LEGAL_STATION, "wuchang"),
    ("wuchang-yz-qq", "邱桥社区公共法律服务驿站", "邱桥驿", Kind.LEGAL_STATION, "wuchang"),
    ("wuchang-xl", "五常心理服务站", "五常心", Kind.PSYCH_SERVICE, "wuchang"),
    ("wuchang-ls", "五常律师调解工作室", "五常律", Kind.LAWYER_MEDIATOR, "wuchang"),
    ("wuchang-wy", "文一社区", "文一", Kind.COMMUNITY, "wuchang"),
    ("wuchang-wy-tw", "文一社区人民调解委员会", "文一调", Kind.COMMUNITY_COMMITTEE, "wuchang-wy"),
    ("wuchang-yy", "友谊社区", "友谊", Kind.COMMUNITY, "wuchang"),
    ("wuchang-yy-tw", "友谊社区人民调解委员会", "友谊调", Kind.COMMUNITY_COMMITTEE, "wuchang-yy"),
    ("wuchang-js", "荆山社区", "荆山", Kind.COMMUNITY, "wuchang"),
    ("wuchang-js-tw", "荆山社区人民调解委员会", "荆山调", Kind.COMMUNITY_COMMITTEE, "wuchang-js"),
    ("wuchang-xx", "西溪社区", "西溪", Kind.COMMUNITY, "wuchang"),
    ("wuchang-xx-tw", "西溪社区人民调解委员会", "西溪调", Kind.COMMUNITY_COMMITTEE, "wuchang-xx"),
    ("cangqian", "仓前街道办事处", "仓前", Kind.STREET, "yuhang"),
    ("cangqian-office", "仓前街道党政办（法治办）", "仓前办", Kind.OFFICE, "cangqian"),
    ("cangqian-tw", "仓前街道人民调解委员会", "仓前街", Kind.STREET_COMMITTEE, "cangqian"),
    ("cangqian-sfs", "仓前司法所", "仓前司", Kind.JUSTICE_OFFICE, "cangqian"),
    # 西乡街道 (深圳市宝安区), the demo office of the 2023 seed report. It counts 25 communities (its
    # “一社区一法律顾问” has 25 advisers) but names none: two of them have a 调委会 and hold the demo's
    # disputes (the report counts the street's total, not theirs); the other 23 (XIXIANG_MORE_COMMUNITIES,
    # illustrative names) hold only their adviser.
    ("baoan", "宝安区", "宝安", Kind.DISTRICT, None),
    ("xixiang", "西乡街道办事处", "西乡", Kind.STREET, "baoan"),
    ("xixiang-office", "西乡街道党政办（法治办）", "西乡办", Kind.OFFICE, "xixiang"),
    ("xixiang-sfs", "西乡司法所", "西乡司", Kind.JUSTICE_OFFICE, "xixiang"),
    ("xixiang-zf", "西乡街道综合行政执法队", "西乡执", Kind.ENFORCEMENT_TEAM, "xixiang"),
    ("xixiang-tw", "西乡街道人民调解委员会", "西乡街", Kind.STREET_COMMITTEE, "xixiang"),
    ("xixiang-gw", "西乡街道法律顾问室", "西乡顾", Kind.LEGAL_ADVISER, "xixiang"),
    ("xixiang-gs", "固戍社区", "固戍", Kind.COMMUNITY, "xixiang"),
    ("xixiang-gs-tw", "固戍社区人民调解委员会", "固戍调", Kind.COMMUNITY_COMMITTEE, "xixiang-gs"),
    ("xixiang-lt", "流塘社区", "流塘", Kind.COMMUNITY, "xixiang"),
    ("xixiang-lt-tw", "流塘社区人民调解委员会", "流塘调", Kind.COMMUNITY_COMMITTEE, "xixiang-lt"),
    *(
        (f"xixiang-sq{index:02d}", f"{name}社区", name, Kind.COMMUNITY, "xixiang")
        for index, name in enumerate(XIXIANG_COMMUNITIES, start=3)
    ),
    # 观澜街道 (深圳市龙华区), the demo office of the 2024 seed report: its 青年律师调解员 take the disputes the
    # 精智解纷 system dispatches, its 心理服务 joins in mediation; the report names none of its communities (it
    # counts 10), so two stand for them, each with its 调委会.
    ("longhua", "龙华区", "龙华", Kind.DISTRICT, None),
    ("guanlan", "观澜街道办事处", "观澜", Kind.STREET, "longhua"),
    ("guanlan-office", "观澜街道党政办（法治办）", "观澜办", Kind.OFFICE, "guanlan"),
    ("guanlan-xf", "观澜街道信访办", "观澜访", Kind.OFFICE, "guanlan"),
    ("guanlan-sfs", "观澜司法所", "观澜司", Kind.JUSTICE_OFFICE, "guanlan"),
    ("guanlan-zf", "观澜街道综合行政执法队", "观澜执", Kind.ENFORCEMENT_TEAM, "guanlan"),
    ("guanlan-tw", "观澜街道人民调解委员会", "观澜街", Kind.STREET_COMMITTEE, "guanlan"),
    ("guanlan-ls", "观澜青年律师调解工作室", "观澜律", Kind.LAWYER_MEDIATOR, "guanlan"),
    ("guanlan-xl", "观澜心理服务站", "观澜心", Kind.PSYCH_SERVICE, "guanlan"),
    ("guanlan-gh", "桂花社区", "桂花", Kind.COMMUNITY, "guanlan"),
    ("guanlan-gh-tw", "桂花社区人民调解委员会", "桂花调", Kind.COMMUNITY_COMMITTEE, "guanlan-gh"),
    ("guanlan-kk", "库坑社区", "库坑", Kind.COMMUNITY, "guanlan"),
    ("guanlan-kk-tw", "库坑社区人民调解委员会", "库坑调", Kind.COMMUNITY_COMMITTEE, "guanlan-kk"),
]

# The 街道's resident population for the district page's per-10,000 figures: round demo values of the order of
# the census counts, not official statistics (an office enters its own on the organisation's admin page).
RESIDENTS = {"wuchang": 160000, "cangqian": 150000, "xixiang": 1000000, "guanlan": 450000}

# (username, full name, role, org code, what they do)
PEOPLE = [
    ("tiaojie", "李调解", "handler", "wuchang-tw", "五常街道调委会调解员"),
    ("shequ", "王社区", "handler", "wuchang-wy-tw", "文一社区调委会调解员（只看本社区）"),
    ("jingmin", "赵警民", "handler", "wuchang-jm", "警民联调工作室调解员"),
    ("sifa", "陈司法", "legal", "wuchang-sfs", "司法所/法律顾问（合法性审查、诉讼）"),
    ("fazhiban", "周法治", "office", "wuchang", "党政办（法治办）：全街道台账、指标与年度报告"),
    ("xinfang", "郑信访", "petition", "wuchang", "信访办：信访接访、民意诉求、居民议事会（可转为纠纷调解）"),
    ("gongkai", "王公开", "petition", "wuchang-office", "党政办信息公开人员：政府信息公开申请的登记与答复"),
    ("lingdao", "吴主任", "leader", "wuchang", "街道领导（只读）"),
    ("zhifa", "孔执法", "enforcement", "wuchang-zf", "综合行政执法队执法人员（案件、执法证、执法检查）"),
    ("cangqian", "郑仓前", "handler", "cangqian-tw", "仓前街道调解员（看不到五常的记录）"),
    (
        "xixiang-fzb",
        "林法治",
        "office",
        "xixiang",
        "西乡街道党政办（法治办）：西乡全街道台账、指标与年度报告",
    ),
    (
        "guanlan-fzb",
        "黄法治",
        "office",
        "guanlan",
        "观澜街道党政办（法治办）：观澜全街道台账、指标与年度报告",
    ),
    ("guanlan-zhifa", "曾执法", "enforcement", "guanlan-zf", "观澜街道综合行政执法队执法人员"),
    ("guanlan-xinfang", "叶信访", "petition", "guanlan", "观澜街道信访办：信访接访、民意诉求、居民议事会"),
    ("qushenyue", "钱审阅", "district_reviewer", "yuhang", "区级审阅（全区只读）"),
    ("sysadmin", "孙系统", "sys_admin", "yuhang", "系统管理员（首次登录需绑定动态口令）"),
    ("secadmin", "冯安全", "sec_admin", "yuhang", "安全管理员（首次登录需绑定动态口令）"),
    ("auditadmin", "褚审计", "audit_admin", "yuhang", "审计管理员（首次登录需绑定动态口令）"),
]


def build_orgs() -> dict[str, Organisation]:
    orgs: dict[str, Organisation] = {}
    for code, name, short, kind, parent in ORGS:
        org, _ = Organisation.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short,
                "kind": kind,
                "parent": orgs.get(parent),
                "residents": RESIDENTS.get(code),
            },
        )
        orgs[code] = org
    return orgs


def build_people(orgs: dict[str, Organisation]) -> dict:
    User = get_user_model()
    users = {}
    encoded = None
    for username, full_name, role, org_code, _ in PEOPLE:
        user = User.objects.filter(username=username).first()
        if user is None:
            # Every demo account has the one printed password: hashed once, not once an account (the
            # production hasher takes half a second a password, some ten seconds of `make run`).
            encoded = encoded or make_password(DEMO_PASSWORD)
            user = User(
                username=username, full_name=full_name, is_staff=role == "sys_admin", password=encoded
            )
            user.password_changed_at = timezone.now()
            user.save()
        RoleAssignment.objects.get_or_create(user=user, org=orgs[org_code], role=role)
        users[username] = user
    return users
