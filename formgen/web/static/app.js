"use strict";
// formgen web app: keyboard-driven verification, applicant search, uploads. No dependencies.

const csrf = () => document.querySelector('meta[name="csrf-token"]').content;

function post(url, body) {
  return fetch(url, {method: "POST", credentials: "same-origin",
    headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf()},
    body: JSON.stringify(body)});
}

// -- verification station ------------------------------------------------------------------
function setupStation() {
  const list = document.getElementById("fields");
  if (!list) return;
  const messages = JSON.parse(document.getElementById("verify-messages").textContent);
  const rows = () => Array.from(list.querySelectorAll(".field-row"));
  const focusRow = (row) => {
    if (!row) return;
    const input = row.querySelector("input.value");
    input.focus();
    input.select();
    row.scrollIntoView({block: "nearest"});
  };
  const move = (row, step) => {
    const all = rows();
    focusRow(all[all.indexOf(row) + step]);
  };
  list.addEventListener("focusin", (e) => {
    rows().forEach((r) => r.classList.toggle("current", r.contains(e.target)));
  });
  list.addEventListener("keydown", (e) => {
    const row = e.target.closest(".field-row");
    if (!row) return;
    if (e.key === "ArrowDown") { e.preventDefault(); move(row, 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(row, -1); }
    else if (e.key === "Escape") {
      e.target.value = row.dataset.reading;
      e.target.select();
    }
  });
  list.addEventListener("submit", async (e) => {
    e.preventDefault();
    const row = e.target;
    const input = row.querySelector("input.value");
    const note = row.querySelector(".note");
    note.className = "note";
    note.textContent = messages.saving;
    let answer, data;
    try {
      answer = await post(`/api/fields/${row.dataset.finding}`,
                          {value: input.value, version: Number(row.dataset.version)});
      data = await answer.json();
    } catch (err) {
      note.className = "note bad";
      note.textContent = messages.failed.replace("{message}", String(err));
      return;
    }
    if (answer.ok) {
      row.dataset.version = data.version;
      row.dataset.reading = data.value;
      input.value = data.value;
      row.classList.remove("conflict");
      row.classList.add("saved");
      note.className = "note ok";
      note.textContent = data.message;
      move(row, 1);
    } else if (answer.status === 409) {
      row.dataset.version = data.version;
      input.value = data.value ?? "";
      row.classList.add("conflict");
      note.className = "note bad";
      note.textContent = data.message;
      input.select();
    } else {
      row.classList.add("conflict");
      note.className = "note bad";
      note.textContent = messages.failed.replace("{message}", data.message || answer.status);
      input.select();
    }
  });
  const first = rows()[0];
  if (first) focusRow(first);
}

// -- applicant search on a page waiting for its owner -------------------------------------
function setupApplicantSearch() {
  const search = document.getElementById("applicant-search");
  if (!search) return;
  const results = document.getElementById("applicant-results");
  const hidden = document.getElementById("applicant-id");
  let timer = null;
  const choose = (item) => {
    hidden.value = item.id;
    search.value = `${item.nama} (${item.nik || "-"})`;
    results.innerHTML = "";
    search.form.querySelector("button.primary").focus();
  };
  search.addEventListener("input", () => {
    hidden.value = "";
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const answer = await fetch(`/api/applicants?q=${encodeURIComponent(search.value)}`,
                                 {credentials: "same-origin"});
      const data = await answer.json();
      results.innerHTML = "";
      data.applicants.forEach((item) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "small";
        button.textContent = `${item.nama} · ${item.nik || "-"}`;
        button.addEventListener("click", () => choose(item));
        results.appendChild(button);
      });
    }, 200);
  });
  search.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      const first = results.querySelector("button");
      if (first) { e.preventDefault(); first.focus(); }
    }
    if (e.key === "Enter" && !hidden.value) {
      e.preventDefault();
      const first = results.querySelector("button");
      if (first) first.click();
    }
  });
  results.addEventListener("keydown", (e) => {
    const buttons = Array.from(results.querySelectorAll("button"));
    const at = buttons.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && at < buttons.length - 1) { e.preventDefault(); buttons[at + 1].focus(); }
    if (e.key === "ArrowUp") { e.preventDefault(); (at > 0 ? buttons[at - 1] : search).focus(); }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setupStation();
  setupApplicantSearch();
  if (typeof setupIntake === "function") setupIntake();
});
