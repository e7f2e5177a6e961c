// The insert-figure picker: staff choose a figure by its name and it goes into the paragraph they were
// editing as {{code}} (or {{change:code}}), so nobody types codes from memory.
(function () {
  "use strict";
  var last = null;
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".report-paragraph textarea")) last = event.target;
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-insert-figure]");
    if (!button) return;
    event.preventDefault();
    var picker = document.getElementById("figure-picker");
    var kind = document.getElementById("figure-picker-kind");
    var box = last || document.querySelector(".report-paragraph textarea");
    if (!picker || !picker.value || !box) return;
    var prefix = kind && kind.value ? kind.value + ":" : "";
    var token = "{{" + prefix + picker.value + "}}";
    var start = box.selectionStart == null ? box.value.length : box.selectionStart;
    var end = box.selectionEnd == null ? start : box.selectionEnd;
    box.value = box.value.slice(0, start) + token + box.value.slice(end);
    box.focus();
    box.selectionStart = box.selectionEnd = start + token.length;
  });
})();
