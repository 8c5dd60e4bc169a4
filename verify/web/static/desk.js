// Progressive enhancement only: every page works without this file.
document.addEventListener("submit", (event) => {
  // A form sent once is not sent twice by an impatient second click.
  const button = event.submitter;
  if (button && event.target.method === "post") {
    setTimeout(() => { button.disabled = true; }, 0);
  }
});
document.addEventListener("change", (event) => {
  // Queue filters apply as soon as a checkbox or list changes.
  const form = event.target.form;
  if (form && form.hasAttribute("data-autosubmit") && event.target.type !== "text" &&
      event.target.type !== "search" && event.target.type !== "date") {
    form.requestSubmit();
  }
});
