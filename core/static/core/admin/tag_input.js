// Enter, comma and Tab end the topic being typed even while suggestions are
// shown, and so does leaving the field.
//
// Wagtail's tag field (jQuery tag-it with jQuery UI's autocomplete) ignores
// those keys while the suggestion list is open, and drops the text on blur,
// so the next topic typed ran into the first ("IntegrationKommuner"). This
// closes the list first; tag-it, whose handlers run after this capturing
// listener, then takes the text as a topic. A suggestion chosen with the arrow
// keys is still taken by Enter and Tab, as jQuery UI does.
(() => {
  const $ = window.jQuery;
  if (!$) return;

  const autocompleteOf = (target) => {
    if (!(target instanceof HTMLInputElement) || !target.closest("ul.tagit")) return null;
    return $(target).autocomplete("instance") || null;
  };

  const endTopic = (event) => {
    const autocomplete = autocompleteOf(event.target);
    if (!autocomplete || event.target.value.trim() === "") return;
    if (event.type === "keydown") {
      const choosing = event.key === "Enter" || event.key === "Tab";
      if (!choosing && event.key !== ",") return;
      if (choosing && autocomplete.menu.active) return;
    }
    // Also cancels a search still on its way, which would reopen the list.
    autocomplete.close();
  };

  document.addEventListener("keydown", endTopic, true);
  document.addEventListener("blur", endTopic, true);
})();
