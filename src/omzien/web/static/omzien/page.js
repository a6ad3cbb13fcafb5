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

// An error-summary link moves focus to its field and shows the field from its label (or the
// legend of its group) down; without this script the link still jumps to the input.
document.addEventListener("click", (event) => {
  const link = event.target.closest(".omzien-error-summary a[href^='#']");
  const input = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!input) return;
  event.preventDefault();
  const group = input.closest(".omzien-choices") || input;
  const field = group.closest(".utrecht-form-fieldset, .utrecht-form-field") || input;
  field.scrollIntoView({ block: "start" });
  input.focus({ preventScroll: true });
});
