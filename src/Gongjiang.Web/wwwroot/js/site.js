// Every page: the navigation menu of narrow screens, and the column names of tables that narrow screens show as cards.
// Loaded in the head: the "js" class hides the menu until it is opened, so without scripts the menu simply stays open.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', () => {
    const toggle = document.getElementById('menu-toggle');
    if (toggle) {
        const set = open => toggle.setAttribute('aria-expanded', String(open));
        toggle.addEventListener('click', () => set(toggle.getAttribute('aria-expanded') !== 'true'));
        document.addEventListener('keydown', e => {
            if (e.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') { set(false); toggle.focus(); }
        });
    }
    // A cell shown as a line of a card carries its column's name (drawn before it by the stylesheet).
    for (const table of document.querySelectorAll('table.data')) {
        const names = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
        for (const row of table.querySelectorAll('tbody tr')) {
            [...row.children].forEach((cell, i) => {
                if (names[i] && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', names[i]);
            });
        }
    }
});
