// termbank: the little JavaScript the pages need. Reviews and proposals go to the JSON API
// with the signed-in person's token and the version the page showed (If-Match): a page that
// is out of date gets a clear message instead of overwriting someone else's change.
"use strict";

const COOKIE = "termbank_token";

function token() {
  const m = document.cookie.match(/(?:^|;\s*)termbank_token=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : null;
}

function say(message, kind) {
  const box = document.getElementById("status");
  box.textContent = message;
  box.className = "status " + (kind || "");
  box.hidden = false;
}

async function send(method, url, body, version) {
  const headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token()};
  if (version) headers["If-Match"] = '"' + version + '"';
  const response = await fetch(url, {method, headers, body: JSON.stringify(body)});
  let data = {};
  try { data = await response.json(); } catch (e) { /* not JSON */ }
  return {ok: response.ok, status: response.status, data};
}

function failed(result) {
  if (result.status === 409) {
    say("Someone changed this concept meanwhile: " + (result.data.error || "") +
        " Reload the page to see the current version.", "error");
  } else {
    say((result.data.error || "The request failed") + " (" + result.status + ")", "error");
  }
}

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  const {action, concept, lang, term, version} = button.dataset;
  button.disabled = true;
  const result = await send("POST", "/api/concepts/" + encodeURIComponent(concept) + "/review",
                            {lang, term, action}, version);
  if (result.ok) {
    say(action + "d: " + term + " (" + lang + "), version " + result.data.version, "ok");
    window.location.reload();
  } else {
    button.disabled = false;
    failed(result);
  }
});

const propose = document.getElementById("propose");
if (propose) {
  propose.addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new FormData(propose);
    const result = await send("POST", "/api/concepts/" + encodeURIComponent(propose.dataset.concept) + "/terms",
                              {lang: form.get("lang"), text: form.get("text"), note: form.get("note") || null},
                              propose.dataset.version);
    if (result.ok) { window.location.reload(); } else { failed(result); }
  });
}

const login = document.getElementById("login");
if (login) {
  login.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = new FormData(login).get("token").trim();
    const response = await fetch("/api/whoami", {headers: {"Authorization": "Bearer " + value}});
    if (!response.ok) { say("That token is not known here.", "error"); return; }
    const who = await response.json();
    document.cookie = COOKIE + "=" + encodeURIComponent(value) + "; path=/; SameSite=Strict";
    say("Signed in as " + who.name + " (" + who.role + ")", "ok");
    window.location.href = "/";
  });
}

const signOut = document.getElementById("sign-out");
if (signOut) {
  signOut.addEventListener("click", () => {
    document.cookie = COOKIE + "=; path=/; max-age=0; SameSite=Strict";
    window.location.reload();
  });
}

// "/" brings the cursor back to the search box from anywhere but a text field
document.addEventListener("keydown", (event) => {
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
  if (event.key === "/" && !typing) {
    event.preventDefault();
    const q = document.getElementById("q");
    q.focus();
    q.select();
  }
});
