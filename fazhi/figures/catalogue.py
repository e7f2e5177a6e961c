"""The starter catalogue of hand-entered figures shipped with the platform: what the published reports state
and no ledger records (政务服务, 营商, 应急, 经费 …), taken from the three seed reports. A fresh installation has
these rows (migration 0002; ``install`` again after a test database is flushed); the 法治办 edits, adds and
removes rows on the admin page, and enters each year's values on the 手工填报指标 page. Installing never
overwrites a row the office has edited, and adds only the codes it lacks.

(code, label as the reports write it, unit, other wordings separated by 、, theme)
"""

STARTER = [
    # 经费保障
    ("manual.mediation_funding", "调解经费保障", "万元", "调解服务资金保障", "经费保障"),
    ("manual.prelitigation_funding", "诉前调解经费保障", "万元", "诉前调解经费", "经费保障"),
    ("manual.award_subsidy_budget", "调解“以奖代补”年度经费预算", "万元", "以奖代补经费预算", "经费保障"),
    ("manual.source_governance_funding", "诉源治理项目保障经费", "万元", "项目保障经费", "经费保障"),
    # 学习宣传
    ("manual.theory_talks", "理论宣讲和政策宣讲活动", "场", "理论宣讲", "学习宣传"),
    ("manual.congress_talks", "学习宣传贯彻党的二十大精神宣讲活动", "场", "二十大精神宣讲", "学习宣传"),
    ("manual.study_on_law", "专题学习习近平法治思想等重要内容", "次", "专题学习", "学习宣传"),
    ("manual.reading_class_days", "主题教育读书班天数", "天", "读书班", "学习宣传"),
    ("manual.reading_class_topics", "主题教育专题研讨", "个", "专题研讨", "学习宣传"),
    ("manual.study_books", "发放主题教育用书", "本", "主题教育用书", "学习宣传"),
    ("manual.research_leaders", "处级领导基层调研", "名", "到基层一线调研", "学习宣传"),
    ("manual.law_graduates", "新招法学专业公务员", "名", "法学专业公务员", "学习宣传"),
    # 政务服务
    ("manual.hall_accepted", "行政服务大厅受理业务", "万件", "行政服务大厅受理", "政务服务"),
    ("manual.hall_certificates", "行政服务大厅发证业务", "万件", "大厅发证", "政务服务"),
    ("manual.hall_consultations", "行政服务大厅咨询", "万件", "大厅咨询", "政务服务"),
    ("manual.communities", "辖区社区", "个", "辖区社区数", "政务服务"),
    ("manual.window_total", "社区政务综合窗口业务总量", "万件", "社区政务综合窗口", "政务服务"),
    ("manual.window_services", "社区窗口政务服务业务", "万件", "社区政务服务业务", "政务服务"),
    ("manual.window_certificates", "社区窗口发证业务", "万件", "社区发证业务", "政务服务"),
    ("manual.cannot_do_window", "“办不成事反映窗口”解决急事难事", "名", "办不成事反映窗口", "政务服务"),
    ("manual.web_consultations", "门户网站办理群众咨询投诉", "条", "群众咨询投诉", "政务服务"),
    ("manual.citywide_accepted", "全市域通办受理量", "件", "全市域通办受理", "政务服务"),
    ("manual.citywide_registered", "全市域通办登记量", "件", "全市域通办登记", "政务服务"),
    ("manual.service_praise_rate", "政务服务好评率", "%", "好评率", "政务服务"),
    ("manual.published_service_items", "对外公开办事信息", "项", "公开办事地点信息", "政务服务"),
    ("manual.reply_templates", "政府信息公开申请答复书模板", "份", "答复书模板", "政务服务"),
    # 营商环境
    ("manual.subsidy_applications", "惠企政策申报企业", "个", "企业申报", "营商环境"),
    ("manual.subsidy_amount", "发放奖补金额", "万元", "奖补金额", "营商环境"),
    ("manual.subsidy_enterprises", "惠及规上工业企业", "家", "规上工业企业", "营商环境"),
    ("manual.enterprise_visits", "走访企业", "家次", "挂点服务走访企业", "营商环境"),
    ("manual.enterprise_demands", "收集和处理企业诉求", "件", "企业诉求", "营商环境"),
    ("manual.enterprise_demands_rate", "企业诉求办结率", "%", "企业诉求办结", "营商环境"),
    ("manual.enterprises_served", "助企服务队服务企业", "家", "服务企业", "营商环境"),
    ("manual.enterprise_meetings", "企业诉求协调座谈会", "场", "协调座谈会", "营商环境"),
    ("manual.key_enterprises", "解决重点企业急难愁盼", "家", "重点企业", "营商环境"),
    ("manual.parks", "惠企宣讲园区", "个", "园区宣讲", "营商环境"),
    ("manual.parks_enterprises", "园区惠企宣讲惠及企业", "家", "惠及企业", "营商环境"),
    ("manual.policy_notices", "推荐热点政策资讯", "条", "政策资讯", "营商环境"),
    # 执法保障
    ("manual.cross_plans", "跨街道、跨部门标准化执法计划", "次", "标准化执法计划", "执法保障"),
    ("manual.verified_enterprises", "配合检查核实重点企业", "家", "检查核实", "执法保障"),
    ("manual.body_cameras", "新增执法记录仪", "台", "执法记录仪", "执法保障"),
    ("manual.live_enforcement", "直播式执法活动", "场", "直播式执法", "执法保障"),
    ("manual.ai_cameras", "上线AI智能摄像头", "个", "AI智能摄像头", "执法保障"),
    ("manual.court_investigations", "配合法院开展调查", "次", "审前调查", "执法保障"),
    # 应急管理
    ("manual.drills", "应急演练", "场", "各类应急演练", "应急管理"),
    ("manual.drill_participants", "应急演练参演人数", "人", "参演人数", "应急管理"),
    ("manual.first_responders", "“应急第一响应人”通过考核", "人", "应急第一响应人", "应急管理"),
    ("manual.emergency_team", "应急处突队伍", "人", "应急处突队伍人数", "应急管理"),
    ("manual.emergencies_handled", "处置突发事件", "宗", "突发事件处置", "应急管理"),
    ("manual.crisis_events", "应急处置危机事件", "宗", "危机事件", "应急管理"),
    ("manual.suicide_interventions", "化解轻生人群", "人次", "轻生人群", "应急管理"),
    # 劳动就业
    ("manual.labour_cases", "处理投诉案件和劳资纠纷", "宗", "劳资纠纷", "劳动就业"),
    ("manual.labour_major_staff", "重大劳资纠纷涉及员工", "人", "涉及员工", "劳动就业"),
    ("manual.labour_major_amount", "重大劳资纠纷涉及金额", "万元", "劳资纠纷涉及金额", "劳动就业"),
    ("manual.arbitration_cases", "劳动仲裁派出庭受理案件", "件", "派出庭受理案件", "劳动就业"),
    ("manual.night_job_fairs", "举办招聘夜市", "场", "招聘夜市", "劳动就业"),
    ("manual.night_job_fairs_enterprises", "招聘夜市服务企业", "家次", "招聘夜市企业", "劳动就业"),
    ("manual.night_job_fairs_seekers", "招聘夜市进场应聘", "人", "进场应聘", "劳动就业"),
    ("manual.station_job_fairs", "就业驿站公益招聘会", "场", "公益招聘会", "劳动就业"),
    ("manual.station_job_fairs_enterprises", "公益招聘会服务企业", "家次", "公益招聘会企业", "劳动就业"),
    ("manual.station_job_fairs_seekers", "公益招聘会入场", "人", "公益招聘会入场人数", "劳动就业"),
    # 基层治理与民主
    ("manual.shuoshi_pingli", "“说事评理”调处纠纷", "宗", "说事评理", "基层治理与民主"),
    ("manual.secretary_reports", "听取社区党委书记述职", "场", "书记述职", "基层治理与民主"),
    ("manual.secretary_teas", "社区书记茶话会", "场", "书记茶话会", "基层治理与民主"),
    ("manual.micro_projects", "民生微实事审议通过项目", "项", "民生微实事项目", "基层治理与民主"),
    ("manual.micro_projects_funds", "民生微实事项目资金", "万元", "民生微实事资金", "基层治理与民主"),
    ("manual.liaison_committees", "新增居委会联系点", "个", "居委会联系点", "基层治理与民主"),
    ("manual.liaison_parks", "新增工业园区联系点", "个", "工业园区联系点", "基层治理与民主"),
    ("manual.legislation_meetings", "立法联系点意见座谈会", "场", "意见座谈会", "基层治理与民主"),
    ("manual.legislation_opinions", "立法联系点收集意见", "条", "立法意见", "基层治理与民主"),
]


def install(manual_figure_model=None) -> int:
    """Add the catalogue's rows an installation lacks (by code); returns how many were added. The model is
    passed by the data migration (its historical model); otherwise the current one."""
    if manual_figure_model is None:
        from .models import ManualFigure as manual_figure_model
    have = set(manual_figure_model.objects.values_list("code", flat=True))
    missing = [
        manual_figure_model(code=code, label=label, unit=unit, phrases=phrases, description=theme)
        for code, label, unit, phrases, theme in STARTER
        if code not in have
    ]
    manual_figure_model.objects.bulk_create(missing)
    return len(missing)
