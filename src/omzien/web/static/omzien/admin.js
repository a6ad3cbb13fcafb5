/*
 * Django's admin, made to pass WCAG 2.1 AA where its own scripts fall short.
 * The search icon of a two-list choice (filter_horizontal) carries its help as an aria-label
 * on a bare <span>, which no screen reader announces: give it the role of an image.
 * SelectFilter2.js builds the lists on "load"; this deferred script listens after it.
 */
window.addEventListener("load", () => {
  for (const icon of document.querySelectorAll("span.help-tooltip[aria-label]")) {
    icon.setAttribute("role", "img");
  }
});
