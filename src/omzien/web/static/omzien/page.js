/*
 * Small improvements on top of pages that work without JavaScript.
 * Licence: EUPL-1.2.
 */
"use strict";

// The main menu is open in the HTML; on a phone it starts closed behind its "Menu" button,
// and on a wide screen it is always open (the button is hidden there).
(function () {
  const narrow = window.matchMedia("(max-width: 47.99rem)");
  const fit = () => {
    for (const menu of document.querySelectorAll(".omzien-nav__menu")) menu.open = !narrow.matches;
  };
  fit();
  narrow.addEventListener("change", fit);
})();
