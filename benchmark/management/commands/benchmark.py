import json
from pathlib import Path

import psycopg
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from benchmark import archive, load, pages


class Command(BaseCommand):
    help = (
        "Build a synthetic archive (100,000 releases by default) in a PostgreSQL database of its "
        "own, then measure the server time and SQL queries of the key pages, and the throughput "
        "of three pages under gunicorn. Run it through `make benchmark`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--releases", type=int, default=100_000)
        parser.add_argument("--events", type=int, default=2_000)
        parser.add_argument("--people", type=int, default=5_000)
        parser.add_argument("--organisations", type=int, default=1_000)
        parser.add_argument("--pledges", type=int, default=10_000)
        parser.add_argument(
            "--rebuild", action="store_true", help="Empty the database and build it again."
        )
        parser.add_argument("--runs", type=int, default=25, help="Timed requests per page.")
        parser.add_argument(
            "--load-seconds",
            type=int,
            default=10,
            help="How long wrk loads each page; 0 skips the load test.",
        )
        parser.add_argument(
            "--connections",
            type=int,
            default=load.CONNECTIONS,
            help="wrk's open connections (64 for the overload test).",
        )
        parser.add_argument("--json", default="benchmark-results.json", help="Where to write.")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "The benchmark runs on PostgreSQL: set DATABASE_URL to a database of its own "
                "(`make benchmark` does)."
            )
        self.ensure_database()
        call_command("migrate", interactive=False, verbosity=0)
        if archive.holds_real_content():
            raise CommandError(
                f"{connection.settings_dict['NAME']} holds releases the benchmark did not write. "
                "It only runs on a database of its own, never on a newsroom's."
            )
        self.build(options)

        self.stdout.write(f"\nMeasuring server time: {options['runs']} requests per page…")
        results = pages.measure(runs=options["runs"], report=self.stdout.write)
        self.stdout.write("\n" + pages.table(results))

        throughput = []
        if options["load_seconds"]:
            self.stdout.write("\nThroughput under gunicorn (wrk on 127.0.0.1)…")
            throughput = load.measure(
                seconds=options["load_seconds"],
                report=self.stdout.write,
                connections=options["connections"],
            )
            self.stdout.write("\n" + load.table(throughput))

        path = Path(options["json"])
        path.write_text(
            json.dumps(
                {
                    "archive": archive.sizes(),
                    "pages": [result.as_dict() for result in results],
                    "throughput": throughput,
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n",
            encoding="utf-8",
        )
        self.stdout.write(f"\nWritten to {path}")
        fresh = [result.name for result in results if not result.within_budget]
        cached = [result.name for result in results if not result.within_budget_cached]
        if fresh:
            self.stdout.write(
                self.style.WARNING(f"Over budget rendered afresh: {', '.join(fresh)}")
            )
        if cached:
            self.stdout.write(self.style.WARNING(f"Over budget as served: {', '.join(cached)}"))

    def ensure_database(self):
        """Create the benchmark's database on first use, from the server's maintenance one."""
        try:
            connection.ensure_connection()
            return
        except Exception:
            pass
        config = connection.settings_dict
        name = config["NAME"]
        params = {
            "host": config["HOST"] or None,
            "port": config["PORT"] or None,
            "user": config["USER"] or None,
            "password": config["PASSWORD"] or None,
        }
        self.stdout.write(f"Creating the database {name}…")
        try:
            with psycopg.connect(dbname="postgres", autocommit=True, **params) as maintenance:
                maintenance.execute(f'CREATE DATABASE "{name}"')
        except psycopg.Error as error:
            raise CommandError(f"Cannot reach or create the database {name}: {error}") from error

    def build(self, options):
        sizes = {
            key: options[key]
            for key in ("releases", "events", "people", "organisations", "pledges")
        }
        held = archive.exists()
        if held and not options["rebuild"]:
            if held != sizes["releases"]:
                self.stdout.write(
                    f"The database holds {held:,} synthetic releases, not {sizes['releases']:,}: "
                    "measuring those (pass --rebuild to build the size asked for)."
                )
            else:
                self.stdout.write(f"Reusing the archive of {held:,} releases already built.")
            archive.vacuum(self.stdout.write)
            return
        if held:
            self.stdout.write("Emptying the benchmark database…")
            call_command("flush", interactive=False, verbosity=0)
        self.stdout.write("Building the synthetic archive…")
        archive.ArchiveBuilder(**sizes, report=self.stdout.write).build()
