from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.languages import CODES, DEFAULT
from releases.importer import import_article_file
from releases.models import Release


class Command(BaseCommand):
    help = (
        "Import scraped archive articles (plain-text files, or folders of .txt files) as draft "
        "releases in one language. Scraping noise is dropped; a file whose text was already "
        "imported, or whose path was, is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders to import.")
        parser.add_argument(
            "--language",
            default=DEFAULT,
            choices=CODES,
            help="The language the articles are written in (default: %(default)s).",
        )
        parser.add_argument(
            "--kind",
            default=Release.Kind.NEWS,
            choices=Release.Kind.values,
            help="Kind for articles whose text does not tell (default: %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; change nothing."
        )

    def handle(self, *args, paths, language, kind, dry_run, **options):
        files = []
        for path in paths:
            files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
        if not files:
            raise CommandError("No files to import.")

        outcomes = {}
        for number, path in enumerate(files, start=1):
            # Releases record the file's path from here: same-named files in two folders differ.
            result = import_article_file(
                path, language=language, relative_to=Path.cwd(), default_kind=kind, dry_run=dry_run
            )
            outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
            line = f"[{number}/{len(files)}] {path}: {result.message}"
            if result.failed:
                self.stderr.write(self.style.ERROR(line))
            elif options["verbosity"] >= 1:
                self.stdout.write(self.style.SUCCESS(line) if result.release else line)

        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
        self.stdout.write(("Dry run, nothing changed: " if dry_run else "Done: ") + summary)
        if outcomes.get("failed"):
            raise CommandError(f"{outcomes['failed']} of {len(files)} files could not be imported.")
