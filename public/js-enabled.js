// Loaded synchronously in <head> (BaseLayout): marks that scripts run before
// the first paint, so CSS can show chart canvases and JS-only controls without
// a flash. An external file rather than inline code, which the site's
// Content-Security-Policy does not allow.
document.documentElement.classList.add("js");
