'use strict';
// Never served: the strings of the admin's own scripts (django.contrib.admin's djangojs) that
// Django's Arabic or Persian catalogue lacks, listed so that makemessages -d djangojs keeps them
// in ours (locale/ar, locale/fa). Without them Persian would show these in Arabic, the
// LANGUAGE_CODE's catalogue, which Django's JavaScript catalogue falls back to.
// core/catalogue_gaps.py does the same for the server's strings.
[
    gettext_noop("Choose %s by selecting them and then select the \"Choose\" arrow button."),
    gettext_noop("Choose all %s"),
    gettext_noop("Choose selected %s"),
    gettext_noop("Remove selected %s"),
    gettext_noop("Remove %s by selecting them and then select the \"Remove\" arrow button."),
    gettext_noop("Type into this box to filter down the list of selected %s."),
    gettext_noop("(click to clear)"),
    gettext_noop("Remove all %s"),
    ngettext("%s selected option not visible", "%s selected options not visible", 0),
    gettext_noop("You have selected an action, and you haven’t made any changes on individual fields. You’re probably looking for the Run button rather than the Save button."),
    gettext_noop("server"),
    ngettext("Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour ahead.)", "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours ahead.)", 0),
    ngettext("Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour behind.)", "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours behind.)", 0),
    gettext_noop("Today (%(date)s)"),
    gettext_noop("Yesterday (%(date)s)"),
    gettext_noop("Tomorrow (%(date)s)"),
    gettext_noop("Previous (%(month)s %(year)s)"),
    gettext_noop("Next (%(month)s %(year)s)"),
    gettext_noop("Sunday"),
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    pgettext("abbrev. day Sunday", "Sun"),
    pgettext("abbrev. day Monday", "Mon"),
    pgettext("abbrev. day Tuesday", "Tue"),
    pgettext("abbrev. day Wednesday", "Wed"),
    pgettext("abbrev. day Thursday", "Thur"),
    pgettext("abbrev. day Friday", "Fri"),
    pgettext("abbrev. day Saturday", "Sat"),
    gettext_noop("%(month)s %(day)s, %(year)s"),
    gettext_noop("%s (today, current selection)"),
    gettext_noop("%s (today)"),
    gettext_noop("%s (current selection)"),

];
