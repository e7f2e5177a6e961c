from django.core.management.base import BaseCommand
from django.db import transaction

from fazhi import demo
from fazhi.db import refresh_planner_statistics
from fazhi.demo.tree import DEMO_PASSWORD, PEOPLE, build_orgs, build_people
from fazhi.orgs.models import Organisation


class Command(BaseCommand):
    help = "载入演示数据：组织机构、演示用户和各台账一年的记录（已载入则只打印登录信息）。"

    def handle(self, *args, **options):
        fresh = not Organisation.objects.filter(code="wuchang").exists()
        with transaction.atomic():
            orgs = build_orgs()
            users = build_people(orgs)
            if fresh:
                for loader in demo.loaders():
                    loader(orgs, users, self.stdout)
        if fresh:
            refresh_planner_statistics()
        self.stdout.write(self.style.SUCCESS("演示数据已就绪。请用以下账号登录 http://127.0.0.1:8000 ："))
        self.stdout.write(f"  所有演示账号的密码：{DEMO_PASSWORD}")
        for username, full_name, _, _, what in PEOPLE:
            self.stdout.write(f"  {username:<12}{full_name}　{what}")
