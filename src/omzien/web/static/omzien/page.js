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

// An error-summary link shows its field from the label down and moves focus into it (the first
// box of a group); without this script the link still jumps there, focus stays in the summary.
document.addEventListener("click", (event) => {
  const link = event.target.closest(".omzien-error-summary a[href^='#']");
  const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  const field = target.closest(".utrecht-form-field, .utrecht-form-fieldset") || target;
  const input = target.matches("input, select, textarea")
    ? target
    : target.querySelector("input, select, textarea");
  field.scrollIntoView({ block: "start" });
  if (input) input.focus({ preventScroll: true });
});
