// hubsite serve: live reload. Served only by `hubsite serve`, never part of a build.
// Long-polls the change feed; reloads this page when it changed (or errors came or went),
// fetches stylesheets again when only CSS changed.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = script ? script.getAttribute("data-generation") : "0";

  function restyle(next) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href);
      url.searchParams.set("hubsite", next);
      links[i].href = url.toString();
    }
  }

  function poll() {
    var url = "/__hubsite/changes?since=" + generation + "&page=" + encodeURIComponent(location.pathname);
    fetch(url, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (change) {
        if (change.action === "reload") {
          location.reload();
          return;
        }
        if (change.action === "restyle") {
          restyle(change.generation);
        }
        generation = String(change.generation);
        poll();
      })
      .catch(function () {
        // The server stopped or restarted: try again in a moment.
        setTimeout(poll, 1000);
      });
  }

  poll();
})();
