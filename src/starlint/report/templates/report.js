// starlint report: open the file section holding a link's target, focus a finding's mark
// (which shows its message), expand or collapse every file. No data of the report in here.
(function () {
  "use strict";
  function reveal(id) {
    var target = id && document.getElementById(id);
    if (!target) return null;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    return target;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (!link) return;
    var target = reveal(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (target && target.classList.contains("f")) {
      setTimeout(function () { target.focus(); }, 0);
    }
  });
  window.addEventListener("hashchange", function () {
    reveal(decodeURIComponent(location.hash.slice(1)));
  });
  if (location.hash) reveal(decodeURIComponent(location.hash.slice(1)));
  function setAll(open) {
    var all = document.querySelectorAll("details.file");
    for (var i = 0; i < all.length; i++) all[i].open = open;
  }
  var expand = document.getElementById("expand-all");
  var collapse = document.getElementById("collapse-all");
  if (expand) expand.addEventListener("click", function () { setAll(true); });
  if (collapse) collapse.addEventListener("click", function () { setAll(false); });
  document.documentElement.setAttribute("data-script", "ran");
})();
