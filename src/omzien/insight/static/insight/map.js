/*
 * The choropleth: reads the page's data island (#map-data), draws every area's shape with
 * Leaflet (no tile layer: nothing is fetched) and colours it by the chosen figure. Choosing
 * another figure in #map-figure recolours the map and refills the table beside it.
 * Licence: EUPL-1.2.
 */
(function () {
  "use strict";

  var PALETTE = ["#e3eff0", "#a9ccd1", "#6aa3ab", "#2f7580", "#0e3a41"];
  var HIDDEN = { fillColor: "#d4dcde", dashArray: "4 3" };
  var NONE = { fillColor: "#ffffff", dashArray: null };

  function classBreaks(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var breaks = [];
    for (var i = 1; i < PALETTE.length; i += 1) {
      breaks.push(sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / PALETTE.length))]);
    }
    return breaks.filter(function (value, index) { return index === 0 || value !== breaks[index - 1]; });
  }

  function classOf(value, breaks) {
    var index = 0;
    while (index < breaks.length && value >= breaks[index]) { index += 1; }
    return Math.round((index * (PALETTE.length - 1)) / Math.max(1, breaks.length));
  }

  function setup() {
    var island = document.getElementById("map-data");
    var element = document.getElementById("map");
    if (!island || !element || !window.L) { return; }
    var data = JSON.parse(island.textContent);
    var select = document.getElementById("map-figure");
    var map = window.L.map(element, {
      attributionControl: false, zoomControl: false, zoomSnap: 0.25, keyboard: true,
    });
    window.L.control.zoom({ zoomInTitle: data.labels.zoom_in, zoomOutTitle: data.labels.zoom_out }).addTo(map);
    var layers = {};
    var group = window.L.featureGroup().addTo(map);
    data.areas.forEach(function (area) {
      var layer = window.L.geoJSON(area.geometry, {
        style: { color: "#33434b", weight: 1, fillOpacity: 0.85 },
      });
      layer.bindTooltip(text(area.name), { sticky: true });
      layer.addTo(group);
      layers[area.code] = { layer: layer, area: area };
    });
    if (data.areas.length) { map.fitBounds(group.getBounds(), { padding: [8, 8] }); }
    // The shapes exist once the map has a view. The table beside the map holds every figure,
    // so the shapes stay out of the tab order and out of what a screen reader reads.
    group.eachLayer(function (layer) {
      layer.eachLayer(function (shape) {
        shape.getElement().setAttribute("tabindex", "-1");
        shape.getElement().setAttribute("aria-hidden", "true");
      });
    });

    function measureOf(key) {
      return data.measures.filter(function (m) { return m.key === key; })[0];
    }

    var number = new Intl.NumberFormat(document.documentElement.lang || "nl", { maximumFractionDigits: 1 });

    function legend(breaks, measure) {
      var list = document.getElementById("map-legend");
      list.textContent = "";
      if (!breaks.length) {
        list.appendChild(item("omzien-map-class-0", measure.label));
      }
      breaks.forEach(function (bound, i) {
        var text = i === 0 ? "< " + number.format(bound) : number.format(breaks[i - 1]) + " – " + number.format(bound);
        list.appendChild(item("omzien-map-class-" + classOf(i === 0 ? -Infinity : breaks[i - 1], breaks), text));
      });
      if (breaks.length) {
        var last = breaks[breaks.length - 1];
        list.appendChild(item("omzien-map-class-" + classOf(last, breaks), "≥ " + number.format(last)));
      }
      list.appendChild(item("omzien-map-hidden", data.labels.suppressed));
    }

    // Leaflet puts a string in as HTML; a name from an imported file goes in as text.
    function text(content) {
      var span = document.createElement("span");
      span.textContent = content;
      return span;
    }

    function item(swatchClass, label) {
      var li = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "omzien-map-legend__swatch " + swatchClass;
      swatch.setAttribute("aria-hidden", "true");
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(label));
      return li;
    }

    function show(key) {
      var measure = measureOf(key);
      var values = data.areas.map(function (a) { return a.values[key]; }).filter(function (v) { return v !== null; });
      var breaks = classBreaks(values);
      Object.keys(layers).forEach(function (code) {
        var entry = layers[code];
        var value = entry.area.values[key];
        var missing = entry.area.missing.indexOf(key) !== -1;
        var style = missing ? NONE : value === null ? HIDDEN : { fillColor: PALETTE[classOf(value, breaks)], dashArray: null };
        entry.layer.setStyle(style);
        entry.layer.setTooltipContent(text(entry.area.name + ": " + data.texts[code][key]));
      });
      legend(breaks, measure);
      document.getElementById("map-legend-measure").textContent = measure.label;
      document.getElementById("map-table-measure").textContent = measure.label;
      document.querySelectorAll("#map-table tr[data-key]").forEach(function (row) {
        var cell = row.querySelector("[data-measure-cell]");
        var texts = data.texts[row.getAttribute("data-key")];
        if (!cell || !texts) { return; }
        cell.textContent = texts[key];
        cell.classList.toggle(
          "omzien-figure-missing",
          texts[key] === data.labels.suppressed || texts[key] === data.labels.unavailable
        );
      });
    }

    select.addEventListener("change", function () { show(select.value); });
    show(select.value);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
}());
