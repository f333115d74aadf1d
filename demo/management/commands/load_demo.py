from django.core.management.base import BaseCommand

from demo.loader import DemoLoader, create_demo_accounts


class Command(BaseCommand):
    help = (
        "Load the demo site: the five seed articles as published releases in Arabic, with their "
        "English and Persian translations, events, people, organisations, programmes and pledges. "
        "Safe to run again: it updates what is there and duplicates nothing."
    )

    def handle(self, *args, **options):
        def report(line):
            if options["verbosity"] >= 1:
                self.stdout.write(line)

        DemoLoader(report=report).load()
        accounts = create_demo_accounts(report=report)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        for username, password, role in accounts:
            self.stdout.write(f"Demo account: {username:<14} {password:<26} {role}")
