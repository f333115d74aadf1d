"""Filters for the site's LOGGING (newsroom/settings.py)."""

import logging


class BadHostAsWarning(logging.Filter):
    """A request for a host the site does not serve is a scanner's or a misdirected client's,
    not a fault of the site: one warning line, without the traceback Django logs it with."""

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = record.stack_info = None
        return True
