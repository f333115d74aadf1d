'use strict';
// django-prose-editor (0.28) names its toolbar's buttons and menu entries in English, never
// through gettext: they are translated here, through the admin's JavaScript catalogue
// (locale/*/LC_MESSAGES/djangojs.po), as the toolbar is built and whenever it swaps a button in.
// Its dialogs do call gettext, with words its own catalogue has for neither Arabic nor Persian:
// they are listed here too, so that makemessages finds them for ours.
{
    const NAMES = new Set([
        // The toolbar: button titles (also their aria-label) and the block type menu.
        gettext_noop('paragraph'),
        gettext_noop('Paragraph'),
        gettext_noop('heading 1'),
        gettext_noop('heading 2'),
        gettext_noop('heading 3'),
        gettext_noop('heading 4'),
        gettext_noop('heading 5'),
        gettext_noop('heading 6'),
        gettext_noop('Heading 1'),
        gettext_noop('Heading 2'),
        gettext_noop('Heading 3'),
        gettext_noop('Heading 4'),
        gettext_noop('Heading 5'),
        gettext_noop('Heading 6'),
        gettext_noop('bold'),
        gettext_noop('italic'),
        gettext_noop('underline'),
        gettext_noop('strike'),
        gettext_noop('subscript'),
        gettext_noop('superscript'),
        gettext_noop('unordered list'),
        gettext_noop('ordered list'),
        gettext_noop('blockquote'),
        gettext_noop('horizontal rule'),
        gettext_noop('insert link'),
        gettext_noop('remove link'),
        gettext_noop('undo'),
        gettext_noop('redo'),
        gettext_noop('edit HTML'),
        gettext_noop('Code'),
        gettext_noop('Code block'),
        gettext_noop('figure'),
        gettext_noop('Insert table'),
        // The editor's own gettext calls (dialogs and their buttons).
        gettext_noop('List properties'),
        gettext_noop('Toggle fullscreen'),
        gettext_noop('Edit Link'),
        gettext_noop('URL'),
        gettext_noop('Title'),
        gettext_noop('Open in new window'),
        gettext_noop('Update'),
        gettext_noop('Cancel'),
        gettext_noop('Edit HTML'),
        gettext_noop('Prettify'),
        gettext_noop('The HTML contents of the editor. Note that the allowed HTML is restricted by the editor schema.'),
        gettext_noop('List type'),
        gettext_noop('Start at'),
        gettext_noop('Decimal numbers'),
        gettext_noop('Lowercase letters'),
        gettext_noop('Uppercase letters'),
        gettext_noop('Lowercase Roman numerals'),
        gettext_noop('Uppercase Roman numerals'),
    ]);

    function translated(text) {
        return NAMES.has(text) ? gettext(text) : text;
    }

    function translateWithin(root) {
        const menubars = root.matches('.prose-menubar') ? [root] : [];
        for (const menubar of [...menubars, ...root.querySelectorAll('.prose-menubar')]) {
            for (const element of menubar.querySelectorAll('[title], [aria-label]')) {
                for (const name of ['title', 'aria-label']) {
                    const value = element.getAttribute(name);
                    if (value) {
                        element.setAttribute(name, translated(value));
                    }
                }
            }
            // The block type menu's entries are text: "Heading 2", "Paragraph".
            const walker = document.createTreeWalker(menubar, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const text = node.nodeValue.trim();
                if (NAMES.has(text) && node.parentElement.closest('.prose-menubar__option')) {
                    node.nodeValue = node.nodeValue.replace(text, gettext(text));
                }
            }
        }
    }

    // A button the toolbar puts in later (the block type menu shows the current one's button).
    new MutationObserver(function(records) {
        for (const record of records) {
            for (const node of record.addedNodes) {
                if (node.nodeType === Node.ELEMENT_NODE && node.closest('.prose-menubar, .prose-editor')) {
                    translateWithin(node.closest('.prose-menubar') || node);
                }
            }
        }
    }).observe(document.documentElement, {childList: true, subtree: true});
}
