'use strict';
// The Persian admin writes its counts in Persian digits (core/admin_l10n.py, the public site's
// rule in core/arabic_script.py). Django's actions.js rewrites the change list's "2 of 5
// selected" in Latin digits whenever a row is ticked: this puts the counter back in Persian.
{
    const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

    function inPersianDigits(element) {
        const text = element.textContent;
        const shown = text.replace(/[0-9]/g, digit => PERSIAN_DIGITS[digit]);
        if (shown !== text) {
            element.textContent = shown;
        }
    }

    document.addEventListener('DOMContentLoaded', function() {
        if (document.documentElement.lang !== 'fa') {
            return;
        }
        for (const counter of document.querySelectorAll('.action-counter')) {
            inPersianDigits(counter);
            new MutationObserver(() => inPersianDigits(counter)).observe(
                counter, {childList: true, characterData: true, subtree: true}
            );
        }
    });
}
