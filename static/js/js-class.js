/* Loaded in <head> before the first paint (not deferred): styles for a page with JavaScript apply at once. */
document.documentElement.classList.replace("no-js", "js");
